import { STATUS_LABELS } from "~/domain/status";
import { formatDay } from "~/domain/format";
import type { DisagreementView } from "~/services/tracking-types";

/** The deputy's objections to this pledge's status and the reviewers' answers. */
export function Objections({ items }: { items: DisagreementView[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="objections" data-testid="objections">
      {items.map((o) => (
        <li key={o.id} data-state={o.state}>
          <div>
            <strong>{formatDay(o.raisedAt.slice(0, 10))}提出不同意见</strong>
            {o.disputedStatus ? <span className="sub">（当时状态：{STATUS_LABELS[o.disputedStatus]}）</span> : null}：{o.note}
          </div>
          {o.state === "open" ? (
            <div className="sub">待审核人员答复。</div>
          ) : (
            <div className="sub">
              {o.resolvedBy}于{o.resolvedAt ? formatDay(o.resolvedAt.slice(0, 10)) : ""}答复
              {o.state === "overridden" && o.overrideStatus ? `，状态改为“${STATUS_LABELS[o.overrideStatus]}”` : "，维持原状态"}：{o.response}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
