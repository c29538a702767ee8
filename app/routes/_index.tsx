import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { getDb } from "~/lib/db.server";
import { KIND_LABELS } from "~/lib/format";
import { getOverviewCounts } from "~/models/overview.server";
import { cachedUntilNextWrite } from "~/services/read-cache.server";
import { viewerScope } from "~/lib/scope.server";
import { listUncheckedQueue } from "~/services/review-states.server";
import { publishesUnchecked } from "~/services/publication.server";

export const meta: MetaFunction = () => [{ title: "概览 · 承诺跟踪" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const { scope } = await viewerScope(request);
  // Outside the office, only what was checked counts (decision 0031).
  const options = { states: scope.states, publishedOnly: !scope.staff };
  // whole-table counts: once per write (docs/decisions/0011-scale.md)
  const counts = await cachedUntilNextWrite(db, `overview:${JSON.stringify(options)}`, () => getOverviewCounts(db, options));
  // Staff are told what waits for them: nothing is published before it is checked.
  const unchecked = scope.staff ? (await listUncheckedQueue(db, { limit: 1 })).total : 0;
  return json({ ...counts, checkedOnly: !scope.states.includes("unchecked"), staff: scope.staff, unchecked, publishesUnchecked: publishesUnchecked() });
}

export default function Overview() {
  const { documents, commitments, observations, checkedOnly, staff, unchecked, publishesUnchecked } = useLoaderData<typeof loader>();
  // A visitor to a site where nothing was checked yet (a fresh install with its sample replies):
  // zeros that mean "not yet checked", not "no pledges" (decision 0031).
  const nothingPublished = checkedOnly && documents === 0 && commitments.total === 0 && observations === 0;
  const kinds = (Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]).map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    count: commitments[kind],
  }));
  return (
    <>
      <section className="hero">
        <h1>承诺跟踪</h1>
        <p>
          把承办单位答复中的每一项承诺——指标、基数、目标、期限、责任单位和原文出处——变成可跟踪、可核查的记录。
        </p>
      </section>

      {nothingPublished ? (
        <section className="card notice" data-testid="nothing-published">
          <h2>尚无已核对的内容</h2>
          <p>
            系统从答复文件中提取的承诺和进展数据，要经审核人员逐条核对原文后才对外公开。目前还没有核对过的内容，所以下面的统计都是
            0——这并不表示没有承诺，而是还在等待核对。
          </p>
          <p className="sub">
            审核人员请
            <Link to={`/login?redirectTo=${encodeURIComponent("/review?tab=extractions")}`} data-testid="reviewer-login">
              登录
            </Link>
            后在审核队列的“待核对的提取结果”中逐条核对；核对过的内容会立即在这里公开。
          </p>
        </section>
      ) : checkedOnly ? (
        <p className="muted" data-testid="checked-only-note">
          以下只统计经审核人员核对过原文的承诺和进展数据；系统提取后尚未核对的内容不公开。
        </p>
      ) : null}
      {staff && unchecked > 0 ? (
        <section className="card review-banner no-print" data-testid="unchecked-banner">
          <p>
            还有 <strong>{unchecked}</strong> 项提取结果（承诺和进展数据）尚未核对
            {publishesUnchecked ? "；本站设置为同时公开未核对的内容，标注“未核对”" : "，核对前不对外公开"}。{" "}
            <Link to="/review?tab=extractions" className="button button--small" data-testid="review-unchecked">
              逐条核对 ›
            </Link>
          </p>
        </section>
      ) : null}
      <section className="stats" aria-label="统计">
        <Link to="/documents" className="stat" data-testid="stat-documents">
          <span className="stat__value">{documents}</span>
          <span className="stat__label">答复文件</span>
        </Link>
        <Link to="/commitments" className="stat" data-testid="stat-commitments">
          <span className="stat__value">{commitments.total}</span>
          <span className="stat__label">承诺事项</span>
        </Link>
        <div className="stat" data-testid="stat-observations">
          <span className="stat__value">{observations}</span>
          <span className="stat__label">进展数据</span>
        </div>
      </section>

      <section className="card">
        <h2>承诺类型</h2>
        <ul className="kind-bars">
          {kinds.map(({ kind, label, count }) => (
            <li key={kind}>
              <Link to={`/commitments?kind=${kind}`} className="kind-bars__label">
                <span className={`badge badge--${kind}`}>{label}</span>
              </Link>
              <span className="kind-bars__track" aria-hidden="true">
                <span
                  className={`kind-bars__fill kind-bars__fill--${kind}`}
                  style={{ width: `${commitments.total ? (count / commitments.total) * 100 : 0}%` }}
                />
              </span>
              <span className="kind-bars__count">{count} 项</span>
            </li>
          ))}
        </ul>
        {commitments.total === 0 && !checkedOnly ? (
          <p className="muted">尚未识别出承诺。上传答复文件后，系统会自动提取其中的承诺事项。</p>
        ) : null}
      </section>

      <section className="card actions">
        <Link to="/documents" className="button button--ghost">
          浏览答复文件
        </Link>
        <Link to="/commitments" className="button button--ghost">
          查看全部承诺
        </Link>
        <Link to="/upload" className="button">
          上传新的答复
        </Link>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
