import { Link } from "@remix-run/react";
import { KindBadge } from "~/components/kind-badge";
import { StatusBadge } from "~/components/status-badge";
import { formatDay, formatDue, formatTarget, formatValue } from "~/domain/format";
import type { TrackedDue, TrackedTarget } from "~/domain/types";
import { PersonLink } from "~/components/person-link";
import { ReviewMark } from "~/components/review-mark";
import type { ReviewState } from "~/services/tracking-types";

export interface CommitmentTableItem {
  id: string;
  kind: string;
  indicator: string;
  quote: string;
  target: TrackedTarget | null;
  due: TrackedDue | null;
  agency: string | null;
  person: string | null;
  personRole: string | null;
  status: string;
  statusGroup: string;
  statusLabel: string;
  explanation: string;
  latest: { value: number; asOf: string } | null;
  override?: unknown;
  reviewState: ReviewState;
}

type Column = "agency" | "person" | "explanation";

/**
 * The commitments table shared by the list, the deputy and the agency pages: status first, the
 * indicator with its quote, target, due date and latest value. On a narrow screen each row stacks.
 */
export function CommitmentTable({
  items,
  asOf,
  hide = [],
  testId,
}: {
  items: CommitmentTableItem[];
  asOf?: string;
  hide?: Column[];
  testId?: string;
}) {
  const show = (c: Column) => !hide.includes(c);
  const href = (id: string) => `/commitments/${id}${asOf ? `?asOf=${asOf}` : ""}`;
  return (
    <div className="table-scroll">
      <table className="table table--stack" data-testid={testId}>
        <thead>
          <tr>
            <th>状态</th>
            <th>承诺</th>
            <th>目标</th>
            <th>期限</th>
            <th>最新数值</th>
            {show("agency") ? <th>责任单位</th> : null}
            {show("person") ? <th>代表 / 委员</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr
              key={c.id}
              data-review-state={c.reviewState}
              className={[c.statusGroup === "overdue" || c.statusGroup === "missed" ? "overdue-row" : "", c.reviewState === "unchecked" ? "is-unchecked" : ""].join(" ").trim() || undefined}
            >
              <td data-label="状态">
                <StatusBadge status={c.status} label={c.statusLabel} overridden={Boolean(c.override)} size="sm" />
              </td>
              <td data-label="承诺">
                <div>
                  <Link to={href(c.id)}>{c.indicator}</Link> <KindBadge kind={c.kind} />
                  <ReviewMark state={c.reviewState} />
                </div>
                {show("explanation") ? <div className="sub quote-snippet">{c.explanation}</div> : null}
              </td>
              <td className="nowrap" data-label="目标">
                {c.target ? formatTarget(c.target) : "—"}
              </td>
              <td className="nowrap" data-label="期限">
                {c.due ? formatDue(c.due) : "未设期限"}
                {c.due?.text ? <div className="sub">“{c.due.text}”</div> : null}
              </td>
              <td className="nowrap" data-label="最新数值">
                {c.latest ? (
                  <>
                    {formatValue(c.latest.value, c.target?.unit ?? null)}
                    <div className="sub">{formatDay(c.latest.asOf)}</div>
                  </>
                ) : (
                  <span className="muted">暂无数据</span>
                )}
              </td>
              {show("agency") ? (
                <td data-label="责任单位">
                  {c.agency ? <Link to={`/agencies/${encodeURIComponent(c.agency)}`}>{c.agency}</Link> : "—"}
                </td>
              ) : null}
              {show("person") ? (
                <td data-label="代表/委员">
                  <PersonLink name={c.person} role={c.personRole} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
