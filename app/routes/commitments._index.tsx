import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { LabelledOptions, StatusOptions } from "~/components/options";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CommitmentTable } from "~/components/commitment-table";
import { Pagination } from "~/components/pagination";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { STATUSES } from "~/domain/types";
import { asOfFromParams, todayInChina } from "~/lib/dates";
import { getDb } from "~/lib/db.server";
import { KIND_LABELS } from "~/lib/format";
import { pageFromSearchParams } from "~/lib/pagination";
import { listCommitmentAgencies } from "~/models/commitment.server";
import { cachedUntilNextWrite } from "~/services/read-cache.server";
import { listTrackedCommitments } from "~/services/tracking.server";
// tracking-types, not tracking.server: the filter schema runs in the browser too, where server modules are empty
import { REVIEW_STATES } from "~/services/tracking-types";
import { REVIEW_STATE_LABELS } from "~/lib/labels";
import { viewerScope } from "~/lib/scope.server";

export const meta: MetaFunction = () => [{ title: "全部承诺 · 承诺跟踪" }];

// One schema for the filter form: bad values are dropped rather than failing the page.
const text = z.string().trim().max(200).optional().catch(undefined);
const FilterSchema = z.object({
  q: text,
  agency: text,
  region: text,
  person: text,
  status: z.enum(STATUSES).optional().catch(undefined),
  kind: z.enum(["quantitative", "milestone", "qualitative"]).optional().catch(undefined),
  dueYear: z.coerce.number().int().min(1949).max(2200).optional().catch(undefined),
  reviewState: z.enum(REVIEW_STATES).optional().catch(undefined),
});
const KEYS = ["q", "agency", "region", "person", "status", "kind", "dueYear", "reviewState"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries(
    KEYS.flatMap((key) => {
      const value = params.get(key);
      return value ? [[key, value]] : [];
    }),
  );
  const filter = FilterSchema.parse(raw);
  const asOf = asOfFromParams(params);
  const page = pageFromSearchParams(params);
  const db = await getDb();
  const { scope } = await viewerScope(request);
  const [result, agencies] = await Promise.all([
    listTrackedCommitments(db, {
      q: filter.q || undefined,
      agency: filter.agency || undefined,
      region: filter.region || undefined,
      person: filter.person || undefined,
      status: filter.status,
      kind: filter.kind,
      dueYear: filter.dueYear,
      reviewState: filter.reviewState,
      scope,
      asOf,
      limit: page.limit,
      offset: page.offset,
    }),
    // DISTINCT walks the whole agency index: once per write (docs/decisions/0011-scale.md). The
    // first 200 names are suggestions only; any exact name can be typed.
    cachedUntilNextWrite(db, `commitment-agencies:${scope.states.join(",")}`, () => listCommitmentAgencies(db, { limit: 200, states: scope.states })),
  ]);
  // The review-state menu: staff choose among all three; outside the office only among what is published.
  const reviewStates = scope.staff ? REVIEW_STATE_LABELS : scope.states.length > 1 ? { unchecked: REVIEW_STATE_LABELS.unchecked, checked: REVIEW_STATE_LABELS.checked } : null;
  return json({ ...result, agencies, filter, asOf, today: todayInChina(), page: page.page, limit: page.limit, reviewStates, checkedOnly: !scope.states.includes("unchecked") });
}

export default function Commitments() {
  const { items, total, agencies, filter, asOf, today, page, limit, reviewStates, checkedOnly } = useLoaderData<typeof loader>();
  const filtered = KEYS.some((k) => filter[k] !== undefined && filter[k] !== "") || asOf !== today;
  return (
    <>
      <div className="page-head">
        <h1>全部承诺</h1>
        <span className="muted">
          状态截至 {asOf}
          {asOf === today ? "（今天）" : ""}
        </span>
      </div>
      <Form method="get" className="card filters" role="search">
        <label>
          <span>关键词</span>
          <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder="指标或原文" />
        </label>
        <label>
          <span>状态</span>
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">全部状态</option>
            <StatusOptions />
          </select>
        </label>
        <label>
          <span>责任单位</span>
          {/* a typed name with suggestions: a province has thousands of agencies, too many for a menu */}
          <input type="text" name="agency" list="agency-options" defaultValue={filter.agency ?? ""} placeholder="全部单位" size={14} />
          <datalist id="agency-options">
            {agencies.map((agency) => (
              <option key={agency} value={agency} />
            ))}
          </datalist>
        </label>
        <label>
          <span>地区</span>
          <input type="text" name="region" defaultValue={filter.region ?? ""} placeholder="如 浙江省" size={10} />
        </label>
        <label>
          <span>代表 / 委员</span>
          <input type="text" name="person" defaultValue={filter.person ?? ""} placeholder="姓名" size={8} />
        </label>
        <label>
          <span>类型</span>
          <select name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">全部类型</option>
            <LabelledOptions labels={KIND_LABELS} />
          </select>
        </label>
        <label>
          <span>到期年份</span>
          <input type="number" name="dueYear" defaultValue={filter.dueYear ?? ""} placeholder="如 2025" min={1949} max={2200} />
        </label>
        {reviewStates ? (
          <label>
            <span>核对</span>
            <select name="reviewState" defaultValue={filter.reviewState ?? ""}>
              <option value="">{"excluded" in reviewStates ? "未排除的全部" : "全部"}</option>
              <LabelledOptions labels={reviewStates} />
            </select>
          </label>
        ) : null}
        <label>
          <span>状态截至</span>
          <input type="date" name="asOf" defaultValue={asOf} />
        </label>
        <div className="filters__actions">
          <button type="submit" className="button">
            筛选
          </button>
          {filtered ? (
            <Link to="/commitments" className="button button--ghost">
              清除
            </Link>
          ) : null}
        </div>
      </Form>

      {items.length === 0 ? (
        <section className="card empty">
          <p>
            {filtered
              ? "没有符合条件的承诺。"
              : checkedOnly
                ? "还没有经核对公开的承诺。系统提取的承诺在审核人员核对原文后公开。"
                : "还没有承诺事项。上传答复文件后，系统会自动提取。"}
          </p>
        </section>
      ) : (
        <section className="card table-card">
          <CommitmentTable items={items} asOf={asOf} testId="all-commitments-table" />
          <Pagination page={page} limit={limit} total={total} />
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
