import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import AnnualChart from "~/components/annual-chart.client";
import { ClientOnly } from "~/components/client-only";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { formatDay } from "~/domain/format";
import { todayInChina } from "~/lib/dates";
import { getDb } from "~/lib/db.server";
import { formatRate, keptRate, REVIEW_BY, REVIEW_BY_LABELS, REVIEW_KEY_LABELS, reviewColumns, reviewParams } from "~/lib/review";
import { viewerScope } from "~/lib/scope.server";
import { reviewSummary } from "~/services/tracking.server";
import { Pagination } from "~/components/pagination";
import { pageFromSearchParams } from "~/lib/pagination";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.year ?? ""}年度回头看 · 承诺跟踪` }];

// The chart shows the groups with the most pledges due; the table pages through every group, the
// most pledges first (a province has hundreds of agencies; the CSV has them all at once).
const CHART_ROWS = 15;
const TABLE_ROWS = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const { year, by, asOf } = reviewParams(params);
  const page = pageFromSearchParams(params, TABLE_ROWS);
  const db = await getDb();
  // Outside the office the review counts checked pledges only (decision 0031).
  const { scope } = await viewerScope(request);
  const full = await reviewSummary(db, { year, asOf, by, scope });
  const sorted = [...full.groups].sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const summary = { ...full, groups: sorted.slice(page.offset, page.offset + page.limit) };
  return json({
    summary,
    chartGroups: sorted.slice(0, CHART_ROWS),
    groupCount: sorted.length,
    page: page.page,
    year,
    by,
    asOf,
    today: todayInChina(),
    showUnchecked: scope.states.includes("unchecked"),
  });
}

export default function AnnualReview() {
  const { summary, chartGroups, groupCount, page, year, by, asOf, today, showUnchecked } = useLoaderData<typeof loader>();
  const REVIEW_COLUMNS = reviewColumns(showUnchecked);
  const query = (next: Partial<{ year: number; by: string }>) => {
    const p = new URLSearchParams({ year: String(next.year ?? year), by: next.by ?? by });
    if (asOf !== today) p.set("asOf", asOf);
    return p.toString();
  };
  const t = summary.totals;
  const chartRows = chartGroups.map((g) => ({
      name: g.key || "（未注明）",
      kept: g.kept,
      missed: g.missed,
      overdue: g.overdue,
      open: g.onTrack + g.behind + g.pending,
      vague: g.unrateable,
    }));
  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">
            <Link to="/review">审核</Link> / 回头看
          </p>
          <h1>{year}年度承诺回头看</h1>
        </div>
        <div className="actions no-print">
          <button type="button" className="button button--ghost" onClick={() => window.print()}>
            打印
          </button>
          <a className="button" href={`/review/annual.csv?${query({})}`} download data-testid="csv-link">
            导出 CSV
          </a>
        </div>
      </div>
      <p className="print-only">
        承诺跟踪 · {year}年度回头看 · {REVIEW_BY_LABELS[by]} · 状态截至{formatDay(asOf)}
      </p>

      <Form method="get" className="card filters">
        <label>
          <span>年度（到期年份）</span>
          <input type="number" name="year" defaultValue={year} min={1949} max={2200} />
        </label>
        <label>
          <span>分组</span>
          <select name="by" defaultValue={by}>
            {REVIEW_BY.map((b) => (
              <option key={b} value={b}>
                {REVIEW_BY_LABELS[b]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>状态截至</span>
          <input type="date" name="asOf" defaultValue={asOf} />
        </label>
        <div className="filters__actions">
          <button type="submit" className="button">
            生成
          </button>
        </div>
      </Form>

      <nav className="tabs no-print" aria-label="分组">
        {REVIEW_BY.map((b) => (
          <Link key={b} to={`?${query({ by: b })}`} className={b === by ? "is-active" : undefined}>
            {REVIEW_BY_LABELS[b]}
          </Link>
        ))}
      </nav>

      <section className="stats stats--compact" aria-label="汇总" data-testid="review-totals">
        <div className="stat">
          <span className="stat__value">{t.total}</span>
          {/* the service also counts pledges made this year without a deadline: vague ones are a review figure too */}
          <span className="stat__label">{year}年到期及当年无期限承诺</span>
        </div>
        <div className="stat stat--kept">
          <span className="stat__value">{t.kept}</span>
          <span className="stat__label">已兑现（{formatRate(keptRate(t))}）</span>
        </div>
        <div className="stat stat--missed">
          <span className="stat__value">{t.missed}</span>
          <span className="stat__label">未兑现</span>
        </div>
        <div className="stat stat--overdue">
          <span className="stat__value">{t.overdue}</span>
          <span className="stat__label">逾期无证据</span>
        </div>
        <div className="stat stat--vague">
          <span className="stat__value">{t.unrateable}</span>
          <span className="stat__label">笼统表述（不计入兑现率）</span>
        </div>
      </section>

      {groupCount === 0 ? (
        <section className="card empty">
          <p>
            {showUnchecked
              ? `${year}年没有到期的承诺。`
              : `${year}年没有经核对公开的到期承诺。系统提取的承诺要经审核人员核对原文后才计入回头看。`}
          </p>
        </section>
      ) : (
        <>
          <section className="card">
            <h2>{REVIEW_BY_LABELS[by]}</h2>
            <div className="chart-box chart-box--auto" data-testid="annual-chart">
              <ClientOnly fallback={<div className="chart-placeholder">正在绘制图表…</div>}>
                {() => <AnnualChart rows={chartRows} />}
              </ClientOnly>
            </div>
            {groupCount > CHART_ROWS ? (
              <p className="sub">图中为到期承诺最多的 {CHART_ROWS} 个分组，完整数据见下表。</p>
            ) : null}
          </section>
          <section className="card table-card">
            <div className="table-scroll">
              <table className="table" data-testid="review-table">
                <thead>
                  <tr>
                    <th>{REVIEW_KEY_LABELS[by]}</th>
                    {REVIEW_COLUMNS.map((c) => (
                      <th key={c.key} className="num">
                        {c.label}
                      </th>
                    ))}
                    <th className="num">兑现率</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.groups.map((g) => (
                    <tr key={g.key}>
                      <td>
                        {by === "agency" && g.key ? (
                          <Link to={`/agencies/${encodeURIComponent(g.key)}`}>{g.key}</Link>
                        ) : by === "person" && g.key ? (
                          <Link to={`/deputies/${encodeURIComponent(g.key)}`}>{g.key}</Link>
                        ) : (
                          g.key || "（未注明）"
                        )}
                      </td>
                      {REVIEW_COLUMNS.map((c) => (
                        <td key={c.key} className="num">
                          {g[c.key] || <span className="muted">0</span>}
                        </td>
                      ))}
                      <td className="num">{formatRate(keptRate(g))}</td>
                    </tr>
                  ))}
                  <tr className="total-row">
                    <td>合计{groupCount > TABLE_ROWS ? `（全部 ${groupCount} 个分组）` : ""}</td>
                    {REVIEW_COLUMNS.map((c) => (
                      <td key={c.key} className="num">
                        {t[c.key]}
                      </td>
                    ))}
                    <td className="num">{formatRate(keptRate(t))}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </section>
          <Pagination page={page} limit={TABLE_ROWS} total={groupCount} />
          <p className="sub">
            兑现率 = 已兑现 ÷（到期承诺 − 笼统表述 − 已撤回）。“暂无数据”指尚未收到进展报告，不等于未兑现。
            {showUnchecked ? "“其中未核对”是系统提取后尚未经审核人员核对原文的承诺。" : "只统计经审核人员核对原文的承诺。"}
          </p>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
