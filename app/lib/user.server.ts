// The logged-in user for a page, through the auth service's session cookie. Routes call these four
// functions only; unlike the JSON API's requireUser (which throws JSON), a page gets a Chinese
// 401/403 message its ErrorBoundary shows with a login link.
import { authenticate, createUserSession, destroyUserSession, login } from "~/services/auth.server";
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

/** Checks the password; on success the Set-Cookie header that starts the session. */
export async function logIn(
  request: Request,
  credentials: { username: string; password: string },
): Promise<{ user: User; setCookie: string } | null> {
  const db = await getDb();
  const user = await login(db, { name: credentials.username, password: credentials.password });
  if (!user) return null;
  return { user, setCookie: await createUserSession(db, request, user) };
}

/** The Set-Cookie header that ends the session. */
export async function logOut(request: Request): Promise<string> {
  return destroyUserSession(await getDb(), request);
}
