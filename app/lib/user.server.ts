// The logged-in user for a page, through the auth service's session cookie. Routes call these four
// functions only, so the pages do not depend on how the auth service names its own.
// PROVISIONAL: until app/services/auth.server.ts lands nobody is logged in.
import type { User } from "~/services/tracking-types";

export async function getViewer(_request: Request): Promise<User | null> {
  return null;
}

/** The user, or a thrown 401/403 page (in Chinese) when nobody or the wrong role is logged in. */
export async function requireViewer(request: Request, roles?: readonly User["role"][]): Promise<User> {
  const user = await getViewer(request);
  if (!user) throw new Response("此页面需要登录后才能访问。", { status: 401 });
  if (roles && !roles.includes(user.role)) throw new Response("您当前的账号没有访问此页面或执行此操作的权限。", { status: 403 });
  return user;
}

/** Checks the password; on success the Set-Cookie header that starts the session. */
export async function logIn(_request: Request, _credentials: { username: string; password: string }): Promise<{ user: User; setCookie: string } | null> {
  return null;
}

/** The Set-Cookie header that ends the session. */
export async function logOut(_request: Request): Promise<string> {
  return "";
}
