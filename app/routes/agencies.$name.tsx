import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CommitmentTable } from "~/components/commitment-table";
import { Pagination } from "~/components/pagination";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { ReviewMark } from "~/components/review-mark";
import { formatDay, formatDue } from "~/domain/format";
import { asOfFromParams, daysBetween, todayInChina } from "~/lib/dates";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http.server";
import { pageFromSearchParams } from "~/lib/pagination";
import { canImport, canReportProgress } from "~/lib/roles";
import { viewerScope } from "~/lib/scope.server";
import { listTrackedCommitments } from "~/services/tracking.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? "承办单位"} · 承诺跟踪` }];

/** "Due soon" looks this far ahead. */
const SOON_DAYS = 120;
// Statuses with nothing left to do before the due date.
const SETTLED = new Set(["kept", "withdrawn", "unrateable"]);

export async function loader({ params, request }: LoaderFunctionArgs) {
  const name = (params.name ?? "").trim();
  const url = new URL(request.url);
  const asOf = asOfFromParams(url.searchParams);
  const page = pageFromSearchParams(url.searchParams);
  const year = Number(asOf.slice(0, 4));
  const db = await getDb();
  const { viewer, scope } = await viewerScope(request);
  // The due-soon window can cross a year end, so this year's and next year's due dates are read
  // (one bounded page each) rather than every commitment of the agency.
  const [all, thisYear, nextYear, overdue] = await Promise.all([
    listTrackedCommitments(db, { agency: name, asOf, scope, limit: page.limit, offset: page.offset }),
    listTrackedCommitments(db, { agency: name, asOf, scope, dueYear: year, limit: 100, offset: 0 }),
    listTrackedCommitments(db, { agency: name, asOf, scope, dueYear: year + 1, limit: 100, offset: 0 }),
    listTrackedCommitments(db, { agency: name, asOf, scope, status: "overdue_no_evidence", limit: 20, offset: 0 }),
  ]);
  if (all.total === 0) throw notFound(`没有找到“${name}”承办的承诺。`);
  const dueSoon = [...thisYear.items, ...nextYear.items]
    .filter((c) => c.due && !SETTLED.has(c.statusGroup))
    .map((c) => ({ ...c, daysLeft: daysBetween(asOf, c.due!.date) }))
    .filter((c) => c.daysLeft >= 0 && c.daysLeft <= SOON_DAYS)
    .sort((a, b) => a.daysLeft - b.daysLeft)
    .slice(0, 15);
  return json({
    name,
    asOf,
    today: todayInChina(),
    items: all.items,
    total: all.total,
    page: page.page,
    limit: page.limit,
    dueSoon,
    overdue: overdue.items,
    overdueTotal: overdue.total,
    can: { report: canReportProgress(viewer, name), import: canImport(viewer) },
  });
}

export default function AgencyPage() {
  const { name, asOf, today, items, total, page, limit, dueSoon, overdue, overdueTotal, can } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">承办单位</p>
          <h1>{name}</h1>
        </div>
        <div className="actions no-print">
          {can.import ? (
            <Link to="/import" className="button">
              导入进展表格
            </Link>
          ) : null}
          <Form method="get" className="search">
            <input type="date" name="asOf" defaultValue={asOf} aria-label="状态截至" />
            <button type="submit" className="button button--ghost">
              查看
            </button>
          </Form>
        </div>
      </div>
      <p className="muted">
        共 {total} 项承诺，状态截至 {formatDay(asOf)}
        {asOf === today ? "（今天）" : ""}。
        {can.report ? "点击承诺可报告进展；多项进展可用表格一次导入。" : null}
      </p>

      <div className="layout-2 layout-2--even">
        <section className="card" data-testid="due-soon">
          <h2>
            {SOON_DAYS} 天内到期 <span className="count">{dueSoon.length}</span>
          </h2>
          {dueSoon.length === 0 ? (
            <p className="muted">近期没有到期的承诺。</p>
          ) : (
            <ul className="side-list">
              {dueSoon.map((c) => (
                <li key={c.id}>
                  <StatusBadge status={c.status} label={c.statusLabel} size="sm" />{" "}
                  <Link to={`/commitments/${c.id}${can.report ? "#report" : ""}`}>{c.indicator}</Link>
                  <ReviewMark state={c.reviewState} />
                  <div className="sub">
                    {formatDue(c.due!)} · 还有 {c.daysLeft} 天{c.latest ? "" : " · 尚未报告进展"}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" data-testid="agency-overdue">
          <h2>
            已到期·无完成证据 <span className="count">{overdueTotal}</span>
          </h2>
          {overdue.length === 0 ? (
            <p className="muted">没有逾期无证据的承诺。</p>
          ) : (
            <ul className="side-list">
              {overdue.map((c) => (
                <li key={c.id}>
                  <Link to={`/commitments/${c.id}${can.report ? "#report" : ""}`}>{c.indicator}</Link>
                  <ReviewMark state={c.reviewState} />
                  <div className="sub">{c.due ? formatDue(c.due) : ""} · 请补报完成情况</div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card table-card">
        <h2>全部承诺</h2>
        <CommitmentTable items={items} asOf={asOf === today ? undefined : asOf} hide={["agency"]} testId="agency-commitments" />
        <Pagination page={page} limit={limit} total={total} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
