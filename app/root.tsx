import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
import type { ReactNode } from "react";
import stylesHref from "~/styles/app.css";
import { RouteErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "承诺跟踪" }];

export function Layout({ children }: { children: ReactNode }) {
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
            <nav className="site-nav" aria-label="主导航">
              <NavLink to="/" end>
                概览
              </NavLink>
              <NavLink to="/documents">答复文件</NavLink>
              <NavLink to="/commitments">全部承诺</NavLink>
              <NavLink to="/upload" className="site-nav__action">
                上传答复
              </NavLink>
            </nav>
          </div>
        </header>
        <main className="page">{children}</main>
        <footer className="site-footer">从答复型向落实型转变 —— 每一项承诺都有出处、有期限、可核查。</footer>
        <ScrollRestoration />
        <Scripts />
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
