// The logged-in user for a page, through the auth service's session cookie. Routes call these four
// functions only; unlike the JSON API's requireUser (which throws JSON), a page gets a Chinese
// 401/403 message its ErrorBoundary shows with a login link.
import { authenticate, login, logout, type LoginResult } from "~/services/auth.server";
import type { User } from "~/services/tracking-types";
import { getDb } from "./db.server";

export async function getViewer(request: Request): Promise<User | null> {
  return authenticate(request, await getDb());
}

/** The user, or a thrown 401/403 page (in Chinese) when nobody or the wrong role is logged in. */
export async function requireViewer(request: Request, roles?: readonly User["role"][]): Promise<User> {
  const user = await getViewer(request);
  if (!user) throw new Response("此页面需要登录后才能访问。", { status: 401 });
  if (roles && !roles.includes(user.role)) throw new Response("您当前的账号没有访问此页面或执行此操作的权限。", { status: 403 });
  return user;
}

/** The client's address as the server saw it (server/index.ts puts it in the load context). */
export function clientAddress(context: unknown): string | null {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof address === "string" && address !== "" ? address : null;
}

/** Checks the password (throttled per account and address); on success the Set-Cookie header that starts the session. */
export async function logIn(
  request: Request,
  credentials: { username: string; password: string; address: string | null },
): Promise<LoginResult> {
  return login(await getDb(), {
    name: credentials.username,
    password: credentials.password,
    address: credentials.address,
    userAgent: request.headers.get("User-Agent"),
  });
}

/** Deletes the request's session; the Set-Cookie header that clears the cookie. */
export async function logOut(request: Request, address: string | null): Promise<string> {
  return logout(await getDb(), request, { address });
}
