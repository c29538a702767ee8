// Who is asking: an API token (Authorization: Bearer …) or the web session cookie.
import { randomBytes } from "node:crypto";
import { createCookieSessionStorage, json } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database, UserRow } from "../../db/schema";
import { ensureSetting, findUserById, findUserByName, findUserByToken, verifyPassword } from "../models/user.server";
import type { Role, User } from "./tracking-types";

type Db = Kysely<Database>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    ...(row.agency ? { agency: row.agency } : {}),
    ...(row.person ? { person: row.person } : {}),
  };
}

/** SESSION_SECRET, or a secret generated once and kept in the database so sessions survive restarts. */
async function sessionSecret(db: Db): Promise<string> {
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv) return fromEnv;
  return ensureSetting(db, { key: "session_secret", value: randomBytes(32).toString("base64url") });
}

type SessionStorage = ReturnType<typeof createCookieSessionStorage<{ userId: string }>>;
const storages = new WeakMap<Db, SessionStorage>();

export async function getSessionStorage(db: Db) {
  let storage = storages.get(db);
  if (!storage) {
    storage = createCookieSessionStorage<{ userId: string }>({
      cookie: {
        name: "__session",
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "0",
        secrets: [await sessionSecret(db)],
        maxAge: 60 * 60 * 24 * 14,
      },
    });
    storages.set(db, storage);
  }
  return storage;
}

/** Checks a name and password; the user or null. */
export async function login(db: Db, { name, password }: { name: string; password: string }): Promise<User | null> {
  const row = await findUserByName(db, { name });
  if (!row || !(await verifyPassword(password, row.password_hash))) return null;
  return toUser(row);
}

/** A Set-Cookie header value that signs the user in. */
export async function createUserSession(db: Db, request: Request, user: User): Promise<string> {
  const storage = await getSessionStorage(db);
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.set("userId", user.id);
  return storage.commitSession(session);
}

export async function destroyUserSession(db: Db, request: Request): Promise<string> {
  const storage = await getSessionStorage(db);
  return storage.destroySession(await storage.getSession(request.headers.get("Cookie")));
}

export async function authenticate(request: Request, db: Db): Promise<User | null> {
  const header = request.headers.get("Authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return null;
    const row = await findUserByToken(db, { token: match[1]!, at: new Date().toISOString() });
    return row ? toUser(row) : null;
  }
  const cookie = request.headers.get("Cookie");
  if (!cookie) return null;
  const storage = await getSessionStorage(db);
  const userId = (await storage.getSession(cookie)).get("userId");
  if (typeof userId !== "string") return null;
  const row = await findUserById(db, { id: userId });
  return row ? toUser(row) : null;
}

/** The user, or a thrown JSON Response: 401 without one, 403 when the role is not among `roles`. */
export async function requireUser(request: Request, db: Db, roles?: readonly Role[]): Promise<User> {
  const user = await authenticate(request, db);
  if (!user) throw json({ error: "需要登录或提供有效的API令牌。" }, { status: 401 });
  if (roles && !roles.includes(user.role)) throw json({ error: "当前账号无权执行此操作。" }, { status: 403 });
  return user;
}
