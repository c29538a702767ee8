import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Pagination } from "~/components/pagination";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { getDb } from "~/lib/db.server";
import { addresseeLabel, formatDate } from "~/lib/format";
import { pageFromSearchParams } from "~/lib/pagination";
import { listDocuments } from "~/models/document.server";
import { viewerScope } from "~/lib/scope.server";

export const meta: MetaFunction = () => [{ title: "答复文件 · 承诺跟踪" }];

const SearchSchema = z.object({ q: z.string().trim().max(200).optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const { q } = SearchSchema.parse({ q: params.get("q") ?? undefined });
  const page = pageFromSearchParams(params);
  const db = await getDb();
  const { scope } = await viewerScope(request);
  // Outside the office a reply is listed once something in it was checked, and counts only that (decision 0031).
  const result = await listDocuments(db, {
    q: q || undefined,
    limit: page.limit,
    offset: page.offset,
    states: scope.states,
    publishedOnly: !scope.staff,
  });
  return json({ ...result, q: q ?? "", page: page.page, limit: page.limit, staff: scope.staff });
}

export default function Documents() {
  const { items, total, q, page, limit, staff } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>答复文件</h1>
        <Form method="get" className="search" role="search">
          <input type="search" name="q" defaultValue={q} placeholder="按标题、单位、代表或编号搜索" aria-label="搜索" />
          <button type="submit" className="button">
            搜索
          </button>
        </Form>
      </div>
      {items.length === 0 ? (
        <section className="card empty">
          {q ? <p>没有找到与“{q}”相关的答复文件。</p> : staff ? <p>还没有答复文件。</p> : <p>还没有公开的答复文件：答复在审核人员核对其中的承诺或数据后公开。</p>}
          {staff ? (
            <Link to="/upload" className="button">
              上传答复
            </Link>
          ) : null}
        </section>
      ) : (
        <section className="card table-card">
          <table className="table" data-testid="documents-table">
            <thead>
              <tr>
                <th>标题</th>
                <th>答复单位</th>
                <th>代表 / 委员</th>
                <th>编号</th>
                <th>答复日期</th>
                <th className="num">承诺</th>
                <th className="num">进展数据</th>
              </tr>
            </thead>
            <tbody>
              {items.map((doc) => (
                <tr key={doc.id}>
                  <td className="title-cell">
                    <Link to={`/documents/${doc.id}`}>{doc.title || doc.file_name}</Link>
                  </td>
                  <td>{doc.agency ?? "—"}</td>
                  <td>{addresseeLabel(doc.addressee, doc.addressee_role)}</td>
                  <td>{doc.ref ?? "—"}</td>
                  <td className="nowrap">{formatDate(doc.replied_on)}</td>
                  <td className="num">{doc.commitment_count}</td>
                  <td className="num">{doc.observation_count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={page} limit={limit} total={total} />
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
