// The review queue's extraction tab (issue 9 §3, docs/decisions/0032): unchecked pledges and figures,
// oldest document first, reviewed from the keyboard — Y or Enter confirms, N excludes (不是承诺 /
// 不是进展数据), J/K or the arrows move, E opens a pledge's edit form — one key per item, and the
// next item is ready at once: each verdict is posted by its own fetcher and the list is not reloaded
// under the reviewer (the route's shouldRevalidate), so nothing jumps.
import { Link, useFetcher, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReviewState } from "~/services/tracking-types";
import { formatDay, formatValue } from "~/domain/format";
import { KindBadge } from "~/components/kind-badge";
import { ReviewMark } from "~/components/review-mark";
import type { QueueReading } from "~/services/review-states.server";

type Verdict = "queue-confirm" | "queue-exclude";
type Submit = (intent: Verdict) => void;

/**
 * The action's answer: the verdict stored and the reading's new version, or a refusal — with
 * `current` (409, 已被他人修改) when someone changed the reading after this queue was loaded.
 */
interface Answer {
  state?: "checked" | "excluded";
  version?: number;
  formError?: string;
  current?: Record<string, unknown>;
  reviewState?: ReviewState;
}

/** The item as the refusal says it is now: a commitment's fields (the edit form's names) or a figure's. */
function withCurrent(item: QueueReading, current: Record<string, unknown>): QueueReading {
  const pick = <K extends keyof QueueReading>(key: K, from: string = key): QueueReading[K] =>
    (from in current ? current[from] : item[key]) as QueueReading[K];
  return {
    ...item,
    version: pick("version"),
    indicator: pick("indicator"),
    ...(item.kind === "commitment"
      ? {
          commitmentKind: pick("commitmentKind", "kind"),
          targetValue: pick("targetValue"),
          targetUnit: pick("targetUnit"),
          targetComparator: pick("targetComparator"),
          dueDate: pick("dueDate"),
          duePrecision: pick("duePrecision"),
          agency: pick("agency"),
        }
      : { value: pick("value"), unit: pick("unit"), asOf: pick("asOf") }),
  };
}

const COMPARATORS: Record<string, string> = { ">=": "≥", "<=": "≤", "=": "" };

function target(item: QueueReading): string {
  if (item.targetValue === null) return "";
  return `目标 ${COMPARATORS[item.targetComparator ?? ""] ?? ""}${formatValue(item.targetValue, item.targetUnit)}`;
}

function QueueItem({
  item,
  active,
  register,
  onSettled,
  onPick,
  onVerdict,
  itemRef,
}: {
  item: QueueReading;
  active: boolean;
  onVerdict: (intent: Verdict) => void;
  register: (id: string, submit: Submit) => void;
  onSettled: (id: string, state: "checked" | "excluded" | "error") => void;
  onPick: () => void;
  itemRef: (el: HTMLElement | null) => void;
}) {
  const fetcher = useFetcher<Answer>();
  const { submit } = fetcher;
  // What a refusal said the reading is now (kept after a later answer replaces fetcher.data), and
  // the version the next verdict names: the queue's, then the refusal's or the last verdict's.
  const [now, setNow] = useState<{ item: QueueReading; state: ReviewState } | null>(null);
  const version = useRef(item.version);
  useEffect(() => {
    register(item.id, (intent) => submit({ intent, kind: item.kind, id: item.id, version: String(version.current) }, { method: "post" }));
  }, [register, submit, item.id, item.kind]);
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  useEffect(() => {
    if (!data) return;
    if (data.version !== undefined) version.current = data.version;
    if (data.current) {
      const current = withCurrent(item, data.current);
      version.current = current.version;
      setNow({ item: current, state: data.reviewState ?? (data.current.reviewState as ReviewState | undefined) ?? "unchecked" });
    }
  }, [data, item]);
  // Someone else checked or excluded it meanwhile: nothing left to decide here.
  const decidedElsewhere = data?.current ? ((data.reviewState ?? data.current.reviewState) as ReviewState | undefined) : undefined;
  const result =
    data?.state ?? (decidedElsewhere === "checked" || decidedElsewhere === "excluded" ? decidedElsewhere : data?.formError ? "error" : null);
  useEffect(() => {
    if (fetcher.state === "idle" && result) onSettled(item.id, result);
  }, [fetcher.state, result, item.id, onSettled]);
  const pending = fetcher.state !== "idle";
  const state = pending ? null : result;
  const shown = now?.item ?? item;
  const notA = item.kind === "commitment" ? "不是承诺" : "不是进展数据";
  return (
    <section
      ref={itemRef}
      tabIndex={-1}
      className={`card queue-item extraction-item${active ? " is-active" : ""}${state === "checked" || state === "excluded" ? " is-decided" : ""}`}
      data-testid="extraction-item"
      data-kind={item.kind}
      data-id={item.id}
      data-version={data?.version ?? shown.version}
      data-state={pending ? "saving" : (state ?? "unchecked")}
      onClick={onPick}
    >
      <div className="pledge__head">
        {item.kind === "commitment" ? <KindBadge kind={shown.commitmentKind ?? "qualitative"} /> : <span className="badge badge--observation">进展数据</span>}
        {item.kind === "commitment" ? (
          <Link to={`/commitments/${item.id}`} className="pledge__title">
            {shown.indicator}
          </Link>
        ) : (
          <strong className="pledge__title">{shown.indicator}</strong>
        )}
        <ReviewMark state={state === "checked" || state === "excluded" ? state : "unchecked"} />
        {item.needsReview ? <span className="tag tag--review">系统不确定</span> : null}
        {pending ? <span className="sub">正在保存…</span> : null}
      </div>
      <p className="sub">“{item.quote}”</p>
      <p className="sub" data-testid="extraction-fields">
        {item.kind === "commitment"
          ? [target(shown), shown.dueDate ? `期限 ${formatDay(shown.dueDate)}` : "未设期限", shown.agency ?? ""].filter(Boolean).join(" · ")
          : [formatValue(shown.value ?? 0, shown.unit), shown.asOf ? `截至 ${formatDay(shown.asOf)}` : ""].filter(Boolean).join(" · ")}
      </p>
      {item.exclusionProposed ? <p className="sub">提议排除：{item.exclusionProposed}</p> : null}
      {data?.formError ? (
        <p className="field-error" role="alert" data-testid="extraction-refusal">
          {data.formError}
        </p>
      ) : null}
      {now && now.state === "unchecked" && data?.current ? <p className="sub">以上为当前内容；核对无误可再次确认。</p> : null}
      {state === "checked" || state === "excluded" ? null : (
        <div className="link-actions">
          <button type="button" className="button button--small button--confirm" onClick={() => onVerdict("queue-confirm")}>
            无误 <kbd>Y</kbd>
          </button>
          <button type="button" className="button button--small button--reject" onClick={() => onVerdict("queue-exclude")}>
            {notA} <kbd>N</kbd>
          </button>
          {item.kind === "commitment" ? (
            <Link to={`/commitments/${item.id}#edit`} className="button button--small button--ghost">
              修改… <kbd>E</kbd>
            </Link>
          ) : null}
        </div>
      )}
    </section>
  );
}

export function ExtractionQueue({ items, total, documentId }: { items: QueueReading[]; total: number; documentId: string | null }) {
  // The place and what was sent live in refs as well: keys can arrive faster than React renders,
  // and each must act on the item the previous key left active.
  const [active, setActiveState] = useState(0);
  const activeRef = useRef(0);
  const setActive = useCallback((next: number | ((a: number) => number)) => {
    activeRef.current = typeof next === "function" ? next(activeRef.current) : next;
    setActiveState(activeRef.current);
  }, []);
  const [settled, setSettled] = useState<Record<string, "checked" | "excluded" | "error">>({});
  const sent = useRef<Record<string, true>>({});
  const submitters = useRef<Record<string, Submit>>({});
  const elements = useRef<(HTMLElement | null)[]>([]);
  const revalidator = useRevalidator();
  const register = useCallback((id: string, submit: Submit) => {
    submitters.current[id] = submit;
  }, []);
  const onSettled = useCallback((id: string, state: "checked" | "excluded" | "error") => {
    // a refused verdict (a stale queue, 409) may be given again, on the values the item now shows
    if (state === "error") delete sent.current[id];
    setSettled((s) => (s[id] === state ? s : { ...s, [id]: state }));
  }, []);

  useEffect(() => {
    const el = elements.current[active];
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }, [active, items.length]);

  const decide = useCallback(
    (intent: Verdict) => {
      const at = activeRef.current;
      const item = items[at];
      if (!item) return;
      if (!sent.current[item.id]) {
        sent.current[item.id] = true;
        submitters.current[item.id]?.(intent);
      }
      // on to the next item not yet decided
      let next = at + 1;
      while (next < items.length && sent.current[items[next]!.id]) next++;
      if (next < items.length) setActive(next);
    },
    [items, setActive],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
      const target = event.target as HTMLElement | null;
      if (target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)) return;
      // Enter on a button or link keeps its own meaning
      if (event.key === "Enter" && target && /^(BUTTON|A)$/.test(target.tagName)) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (key === "j" || key === "ArrowDown") setActive((a) => Math.min(a + 1, items.length - 1));
      else if (key === "k" || key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
      else if (key === "y" || key === "Enter") decide("queue-confirm");
      else if (key === "n" || key === "x") decide("queue-exclude");
      else if (key === "e") {
        const item = items[activeRef.current];
        if (item?.kind === "commitment") window.location.assign(`/commitments/${item.id}#edit`);
        else return;
      } else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [decide, items, setActive]);

  const decided = Object.values(settled).filter((s) => s !== "error").length;
  const allDone = items.length > 0 && items.every((i) => settled[i.id] === "checked" || settled[i.id] === "excluded");
  let lastDocument = "";
  return (
    <>
      <p className="muted">
        系统提取后尚未核对的承诺和进展数据，最早入库的文件在前；核对前它们不会公开。键盘操作：<kbd>Y</kbd> 或 <kbd>Enter</kbd> 确认无误并转到下一项，
        <kbd>N</kbd> 排除（不是承诺 / 不是进展数据），<kbd>J</kbd> / <kbd>K</kbd> 下一项 / 上一项，<kbd>E</kbd> 修改承诺。
        {documentId ? (
          <>
            {" "}
            只显示一份文件。<Link to="?tab=extractions">显示全部</Link>
          </>
        ) : null}
      </p>
      <p className="sub" data-testid="queue-progress">
        本批 {items.length} 项，已处理 {decided} 项；全部待核对 {Math.max(0, total - decided)} 项。
      </p>
      {items.length === 0 ? (
        <section className="card empty" data-testid="extractions-empty">
          <p>没有待核对的提取结果。</p>
        </section>
      ) : (
        <div data-testid="extraction-queue">
          {items.map((item, index) => {
            const heading =
              item.documentId !== lastDocument ? (
                <h2 className="queue-document" key={`h-${item.documentId}`}>
                  <Link to={`/documents/${item.documentId}`}>{item.documentTitle ?? "答复文件"}</Link>
                  {item.documentDate ? <span className="sub"> · {formatDay(item.documentDate)}</span> : null}
                </h2>
              ) : null;
            lastDocument = item.documentId;
            return [
              heading,
              <QueueItem
                key={item.id}
                item={item}
                active={index === active}
                register={register}
                onSettled={onSettled}
                onPick={() => setActive(index)}
                onVerdict={(intent) => {
                  setActive(index);
                  decide(intent);
                }}
                itemRef={(el) => {
                  elements.current[index] = el;
                }}
              />,
            ];
          })}
        </div>
      )}
      {allDone ? (
        <section className="card" data-testid="queue-batch-done">
          <p>
            本批已全部处理。{" "}
            <button type="button" className="button button--small" onClick={() => revalidator.revalidate()}>
              载入下一批
            </button>
          </p>
        </section>
      ) : null}
    </>
  );
}
