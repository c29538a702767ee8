import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import stylesHref from "~/styles/app.css";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { canImport, isReviewer, ROLE_LABELS } from "~/lib/roles";
import { useNonce } from "~/lib/nonce";
import { getViewer } from "~/lib/user.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "承诺跟踪" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getViewer(request);
  return json({
    user: user ? { name: user.name, role: user.role, agency: user.agency ?? null, person: user.person ?? null } : null,
  });
}

function SiteNav() {
  // Undefined while an error page renders without the root loader's data.
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const location = useLocation();
  return (
    <>
      <nav className="site-nav" aria-label="主导航">
        <NavLink to="/" end>
          概览
        </NavLink>
        <NavLink to="/documents">答复文件</NavLink>
        <NavLink to="/commitments">全部承诺</NavLink>
        <NavLink to="/review/annual">回头看</NavLink>
        {user?.role === "agency" && user.agency ? <NavLink to={`/agencies/${encodeURIComponent(user.agency)}`}>本单位</NavLink> : null}
        {user?.role === "deputy" && user.person ? <NavLink to={`/deputies/${encodeURIComponent(user.person)}`}>我的建议</NavLink> : null}
        {isReviewer(user) ? (
          <NavLink to="/review" end>
            审核
          </NavLink>
        ) : null}
        {canImport(user) ? <NavLink to="/import">导入进展</NavLink> : null}
        {isReviewer(user) ? (
          <NavLink to="/upload" className="site-nav__action">
            上传答复
          </NavLink>
        ) : null}
      </nav>
      <div className="site-user" data-testid="site-user">
        {user ? (
          <>
            <span>
              {user.name} <span className="site-user__role">{ROLE_LABELS[user.role]}</span>
            </span>
            <Form method="post" action="/logout">
              <button type="submit">退出</button>
            </Form>
          </>
        ) : location.pathname === "/login" ? null : (
          <NavLink to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>登录</NavLink>
        )}
      </div>
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="brand" href="/">
              <span className="brand__mark" aria-hidden="true">诺</span>
              <span className="brand__name">承诺跟踪</span>
            </a>
            <SiteNav />
          </div>
        </header>
        <main className="page">{children}</main>
        <footer className="site-footer">从答复型向落实型转变 —— 每一项承诺都有出处、有期限、可核查。</footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
