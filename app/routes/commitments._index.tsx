import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { KindBadge } from "~/components/kind-badge";
import { Pagination } from "~/components/pagination";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { getDb } from "~/lib/db.server";
import { firmnessLabel, formatDate, formatTarget, KIND_LABELS } from "~/lib/format";
import { pageFromSearchParams } from "~/lib/pagination";
import { listCommitmentAgencies, listCommitments } from "~/models/commitment.server";

export const meta: MetaFunction = () => [{ title: "全部承诺 · 承诺跟踪" }];

// One schema for the filter form: bad values are dropped rather than failing the page.
const FilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  agency: z.string().trim().max(200).optional().catch(undefined),
  kind: z.enum(["quantitative", "milestone", "qualitative"]).optional().catch(undefined),
  dueYear: z.coerce.number().int().min(1949).max(2200).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries(
    ["q", "agency", "kind", "dueYear"].flatMap((key) => {
      const value = params.get(key);
      return value ? [[key, value]] : [];
    }),
  );
  const filter = FilterSchema.parse(raw);
  const page = pageFromSearchParams(params);
  const db = await getDb();
  const [result, agencies] = await Promise.all([
    listCommitments(db, {
      q: filter.q || undefined,
      agency: filter.agency || undefined,
      kind: filter.kind,
      dueYear: filter.dueYear,
      limit: page.limit,
      offset: page.offset,
    }),
    listCommitmentAgencies(db),
  ]);
  return json({ ...result, agencies, filter, page: page.page, limit: page.limit });
}

export default function Commitments() {
  const { items, total, agencies, filter, page, limit } = useLoaderData<typeof loader>();
  const filtered = Boolean(filter.q || filter.agency || filter.kind || filter.dueYear);
  return (
    <>
      <div className="page-head">
        <h1>全部承诺</h1>
      </div>
      <Form method="get" className="card filters" role="search">
        <label>
          <span>关键词</span>
          <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder="指标或原文" />
        </label>
        <label>
          <span>责任单位</span>
          <select name="agency" defaultValue={filter.agency ?? ""}>
            <option value="">全部单位</option>
            {agencies.map((agency) => (
              <option key={agency} value={agency}>
                {agency}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>类型</span>
          <select name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">全部类型</option>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>到期年份</span>
          <input type="number" name="dueYear" defaultValue={filter.dueYear ?? ""} placeholder="如 2025" min={1949} max={2200} />
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
          <p>{filtered ? "没有符合条件的承诺。" : "还没有承诺事项。上传答复文件后，系统会自动提取。"}</p>
        </section>
      ) : (
        <section className="card table-card">
          <div className="table-scroll">
            <table className="table" data-testid="all-commitments-table">
              <thead>
                <tr>
                  <th>类型</th>
                  <th>指标</th>
                  <th>目标</th>
                  <th>期限</th>
                  <th>责任单位</th>
                  <th>措辞</th>
                  <th>出处</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <KindBadge kind={c.kind} />
                    </td>
                    <td>
                      <div>{c.indicator}</div>
                      <div className="sub quote-snippet">{c.quote}</div>
                    </td>
                    <td className="nowrap">{formatTarget(c)}</td>
                    <td className="nowrap">
                      {c.due_date ? formatDate(c.due_date, c.due_precision) : "未定期限"}
                      {c.due_text ? <div className="sub">“{c.due_text}”</div> : null}
                    </td>
                    <td>{c.agency ?? "—"}</td>
                    <td className="nowrap">{firmnessLabel(c.firmness)}</td>
                    <td>
                      <Link to={`/documents/${c.document_id}#quote-c${c.ordinal + 1}`}>
                        {c.document_ref || c.document_title || "查看原文"}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} limit={limit} total={total} />
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
