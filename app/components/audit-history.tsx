import { formatInstant } from "~/lib/format";
import { actionLabel, fieldLabel, LINK_STATE_LABELS, REVIEW_STATE_LABELS, REVISION_LABELS, UPDATE_SOURCE_LABELS } from "~/lib/labels";

const KIND_WORDS: Record<string, string> = { observation: "后续数据", revision: "后续承诺", quantitative: "量化指标", milestone: "节点任务", qualitative: "定性表述" };
import { statusLabel } from "~/lib/status-style";
import type { AuditEvent } from "~/services/tracking-types";

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "（空）";
  if ((key === "status" || key === "derived") && typeof value === "string") return statusLabel(value);
  if (key === "score" && typeof value === "number") return `${Math.round(value * 100)}%`;
  if (key === "kind" && typeof value === "string") return KIND_WORDS[value] ?? value;
  if (key === "revisionKind" && typeof value === "string") return (REVISION_LABELS as Record<string, string>)[value] ?? value;
  if (key === "source" && typeof value === "string") return (UPDATE_SOURCE_LABELS as Record<string, string>)[value] ?? value;
  if (key === "state" && typeof value === "string") return (LINK_STATE_LABELS as Record<string, string>)[value] ?? value;
  if (key === "reviewState" && typeof value === "string") return (REVIEW_STATE_LABELS as Record<string, string>)[value] ?? value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** before → after for the fields that changed; a whole value when it is not an object. */
function Diff({ before, after }: { before: unknown; after: unknown }) {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObj(before) || isObj(after)) {
    const b = isObj(before) ? before : {};
    const a = isObj(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
      (k) =>
        JSON.stringify(b[k]) !== JSON.stringify(a[k]) &&
        !/^(id|.*_id|.*Id)$/.test(k) &&
        // A field that appears with no value says nothing.
        !(!(k in b) && (a[k] === null || a[k] === undefined)),
    );
    if (keys.length === 0) return null;
    return (
      <div className="diff-list">
        {keys.slice(0, 8).map((k) => (
          <div className="diff" key={k}>
            <span className="sub">{fieldLabel(k)}：</span>
            {k in b ? <code>{show(k, b[k])}</code> : null}
            {k in b ? <span aria-label="改为">→</span> : null}
            <code>{show(k, a[k])}</code>
          </div>
        ))}
      </div>
    );
  }
  if (before === null && after === null) return null;
  return (
    <div className="diff">
      {before !== null && before !== undefined ? (
        <>
          <code>{show("", before)}</code> <span aria-label="改为">→</span>
        </>
      ) : null}
      <code>{show("", after)}</code>
    </div>
  );
}

/** The append-only audit log of one commitment, newest first: who, when, before → after, why. */
type EventLike = Omit<AuditEvent, "before" | "after"> & { before?: unknown; after?: unknown };

export function AuditHistory({ events }: { events: EventLike[] }) {
  if (events.length === 0) return <p className="muted">暂无变更记录。</p>;
  const newestFirst = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <ol className="timeline" data-testid="history">
      {newestFirst.map((e) => (
        <li key={e.id}>
          <div className="timeline__head">
            <span className="timeline__action" title={e.action}>
              {actionLabel(e.action)}
            </span>
            <span className="sub">
              {e.actor} · {formatInstant(e.at)}
            </span>
          </div>
          <Diff before={e.before} after={e.after} />
          {e.reason ? <div className="sub">理由：{e.reason}</div> : null}
        </li>
      ))}
    </ol>
  );
}
