import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { getDb } from "~/lib/db.server";
import { KIND_LABELS } from "~/lib/format";
import { getOverviewCounts } from "~/models/overview.server";
import { cachedUntilNextWrite } from "~/services/read-cache.server";
import { viewerScope } from "~/lib/scope.server";

export const meta: MetaFunction = () => [{ title: "概览 · 承诺跟踪" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const { scope } = await viewerScope(request);
  // Outside the office, only what was checked counts (decision 0031).
  const options = { states: scope.states, publishedOnly: !scope.staff };
  // whole-table counts: once per write (docs/decisions/0011-scale.md)
  const counts = await cachedUntilNextWrite(db, `overview:${JSON.stringify(options)}`, () => getOverviewCounts(db, options));
  return json({ ...counts, checkedOnly: !scope.states.includes("unchecked") });
}

export default function Overview() {
  const { documents, commitments, observations, checkedOnly } = useLoaderData<typeof loader>();
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

      {checkedOnly ? (
        <p className="muted" data-testid="checked-only-note">
          以下只统计经审核人员核对过原文的承诺和进展数据；系统提取后尚未核对的内容不公开。
        </p>
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
        {commitments.total === 0 ? (
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
