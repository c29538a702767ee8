import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";

/** The shared ErrorBoundary body: a plain Chinese message, never a stack trace. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const data = isRouteErrorResponse(error) && typeof error.data === "string" && error.data ? error.data : null;
  if (isRouteErrorResponse(error) && (error.status === 401 || error.status === 403)) {
    const login = `/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <section className="card error-card forbidden-card" role="alert" data-testid="forbidden">
        <h1>{error.status === 401 ? "请先登录" : "没有权限"}</h1>
        <p>{data ?? (error.status === 401 ? "此页面需要登录后才能访问。" : "您当前的账号没有执行此操作的权限。")}</p>
        <p className="actions">
          <Link to={login} className="button button--navy">
            {error.status === 401 ? "登录" : "换个账号登录"}
          </Link>
          <Link to="/" className="button button--ghost">
            返回概览
          </Link>
        </p>
      </section>
    );
  }
  let title = "出错了";
  let detail = "页面加载时发生错误，请稍后重试。";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "未找到";
      detail = data ?? "您访问的内容不存在或已被移除。";
    } else {
      title = `出错了（${error.status}）`;
      detail = data ?? (error.statusText || detail);
    }
  }
  return (
    <section className="card error-card" role="alert">
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <Link to="/">返回概览</Link>
      </p>
    </section>
  );
}
