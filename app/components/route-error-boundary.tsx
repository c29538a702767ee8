import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

/** The shared ErrorBoundary body: a plain Chinese message, never a stack trace. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  let title = "出错了";
  let detail = "页面加载时发生错误，请稍后重试。";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "未找到";
      detail = typeof error.data === "string" && error.data ? error.data : "您访问的内容不存在或已被移除。";
    } else {
      title = `出错了（${error.status}）`;
      detail = typeof error.data === "string" && error.data ? error.data : error.statusText || detail;
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
