import { Link, useLocation } from "@remix-run/react";
import { pageCount } from "~/lib/pagination";

/** Previous/next links that keep the current filters in the query string. */
export function Pagination({ page, limit, total }: { page: number; limit: number; total: number }) {
  const location = useLocation();
  const pages = pageCount(total, limit);
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target <= 1) params.delete("page");
    else params.set("page", String(target));
    const query = params.toString();
    return query ? `?${query}` : location.pathname;
  };
  return (
    <nav className="pagination" aria-label="分页">
      {page > 1 ? <Link to={hrefFor(page - 1)}>‹ 上一页</Link> : <span className="is-disabled">‹ 上一页</span>}
      <span className="pagination__status">
        第 {Math.min(page, pages)} / {pages} 页 · 共 {total} 条
      </span>
      {page < pages ? <Link to={hrefFor(page + 1)}>下一页 ›</Link> : <span className="is-disabled">下一页 ›</span>}
    </nav>
  );
}
