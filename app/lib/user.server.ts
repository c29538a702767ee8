// The logged-in user for a page, through the auth service's session cookie.
// PROVISIONAL: until app/services/auth.server.ts lands nobody is logged in; replaced by the real calls.
import type { User } from "~/services/tracking-types";

export async function getViewer(_request: Request): Promise<User | null> {
  return null;
}

/** The user, or a thrown 401/403 page (in Chinese) when nobody or the wrong role is logged in. */
export async function requireViewer(request: Request, roles?: readonly User["role"][]): Promise<User> {
  const user = await getViewer(request);
  if (!user) throw new Response("此操作需要登录。", { status: 401 });
  if (roles && !roles.includes(user.role)) throw new Response("您当前的账号没有执行此操作的权限。", { status: 403 });
  return user;
}
