// Who is asking: an API token (Authorization: Bearer …) or the web session cookie
// (docs/decisions/0026). A session is a row in `sessions`, found by the hash of the token the signed
// cookie carries: logout deletes it, it ends after SESSION_IDLE_MINUTES without a request and
// SESSION_MAX_HOURS after login whatever happens, and disabling a user or changing their password
// deletes all of theirs. Logins are throttled per account and per address, and a name that does not
// exist costs as much to check as one that does.
import { isIPv6 } from "node:net";
import { createCookie, json, type Cookie } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database, UserRow } from "../../db/schema";
import { sessionSecrets } from "../lib/session-secret.server";
import { appendEvent } from "../models/event.server";
import {
  deleteExpiredSessions,
  deleteLoginFailure,
  deleteLoginFailures,
  deleteLoginFailuresBefore,
  deleteSession,
  findSessionWithUser,
  insertLoginFailures,
  insertSession,
  lockLoginKeys,
  recentLoginFailures,
  touchSession,
} from "../models/session.server";
import { dummyPasswordHash, findUserByName, findUserByToken, verifyPassword } from "../models/user.server";
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

// --- policy ------------------------------------------------------------------------------------

function minutesFromEnv(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export interface SessionPolicy {
  /** a session unused this long is over */
  idleMs: number;
  /** a session this old is over, used or not */
  maxAgeMs: number;
}

/** SESSION_IDLE_MINUTES (default 120) and SESSION_MAX_HOURS (default 12): a working day, then log in again. */
export function sessionPolicy(): SessionPolicy {
  return {
    idleMs: minutesFromEnv("SESSION_IDLE_MINUTES", 120) * 60_000,
    maxAgeMs: minutesFromEnv("SESSION_MAX_HOURS", 12) * 3_600_000,
  };
}

/** last_seen_at is written at most this often, not on every page. */
const TOUCH_EVERY_MS = 60_000;

export const LOGIN_WINDOW_MS = 60_000;
/** Wrong passwords for one account within the window; the next attempt is refused. */
export const ACCOUNT_FAILURES = 10;
/** Failed logins from one address within the window (an office behind one address has several people). */
export const ADDRESS_FAILURES = 30;

// --- the cookie --------------------------------------------------------------------------------

let cookie: { secrets: string[]; cookie: Cookie } | undefined;

/** The signed cookie that carries the session token; secrets from SESSION_SECRET or the secret file. */
function sessionCookie(): Cookie {
  const secrets = sessionSecrets();
  if (cookie?.secrets !== secrets) {
    cookie = {
      secrets,
      cookie: createCookie("__session", {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "0",
        secrets,
      }),
    };
  }
  return cookie.cookie;
}

async function sessionToken(request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const value: unknown = await sessionCookie().parse(header);
  return typeof value === "string" && value !== "" ? value : null;
}

// --- logging in and out ------------------------------------------------------------------------

export type LoginResult =
  | { status: "ok"; user: User; setCookie: string }
  | { status: "wrong" }
  | { status: "throttled"; retryAfterSeconds: number; message: string };

const accountKey = (name: string) => `account:${name.trim().toLowerCase()}`;
/**
 * The address a failed login is counted under. An IPv6 client is counted by its /64 — one network
 * hands a single customer a whole /64, so counting each address would let one machine cycle through
 * 2^64 of them; an IPv4-mapped address (::ffff:10.0.0.1) is counted as the IPv4 address.
 */
export function throttledAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

const addressKey = (address: string) => `address:${throttledAddress(address)}`;

/** Seconds until the failure `limit` places back is out of the window, or 0 when under the limit. */
function wait(failures: string[], limit: number, now: number): number {
  if (failures.length < limit) return 0;
  return Math.max(1, Math.ceil((Date.parse(failures[limit - 1]!) + LOGIN_WINDOW_MS - now) / 1000));
}

/**
 * Checks a name and password and, when they are right, starts a session. Refused without checking
 * when the account had ACCOUNT_FAILURES wrong passwords, or the address ADDRESS_FAILURES failed
 * logins, within the last minute — whatever the password (so guessing gets no answer).
 *
 * An attempt is recorded as a failure before its password is checked, in the same transaction as
 * the count (lockLoginKeys), and the record is removed if the password was right: attempts sent at
 * once are counted as they arrive, so 30 guesses fired together are not all checked against a count
 * of 0 while scrypt runs (the 11th is refused however they are sent).
 */
export async function login(
  db: Db,
  input: { name: string; password: string; address: string | null; userAgent?: string | null; now?: Date },
): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  const keys = [accountKey(input.name), ...(input.address ? [addressKey(input.address)] : [])];

  type Reservation = { ids: string[] } | { ids: null; accountWait: number; addressWait: number };
  const reserved = await db.transaction().execute(async (trx): Promise<Reservation> => {
    await lockLoginKeys(trx, { keys });
    const accountWait = wait(await recentLoginFailures(trx, { key: keys[0]!, since, limit: ACCOUNT_FAILURES }), ACCOUNT_FAILURES, now.getTime());
    const addressWait = input.address
      ? wait(await recentLoginFailures(trx, { key: keys[1]!, since, limit: ADDRESS_FAILURES }), ADDRESS_FAILURES, now.getTime())
      : 0;
    if (accountWait > 0 || addressWait > 0) return { ids: null, accountWait, addressWait };
    // counted from now on, until the password proves right
    return { ids: await insertLoginFailures(trx, { keys, at }) };
  });
  if (reserved.ids === null) {
    const { accountWait, addressWait } = reserved;
    const retryAfterSeconds = Math.max(accountWait, addressWait);
    return {
      status: "throttled",
      retryAfterSeconds,
      message:
        accountWait > 0
          ? `登录尝试过于频繁：该账号 1 分钟内已有 ${ACCOUNT_FAILURES} 次密码错误，请 ${retryAfterSeconds} 秒后再试。`
          : `登录尝试过于频繁：来自您网络地址的登录 1 分钟内已失败 ${ADDRESS_FAILURES} 次，请 ${retryAfterSeconds} 秒后再试。`,
    };
  }

  const row = await findUserByName(db, { name: input.name });
  // The same scrypt work whether or not the name exists or the user may log in.
  const matches = await verifyPassword(input.password, row && !row.disabled_at ? row.password_hash : await dummyPasswordHash());
  if (!row || row.disabled_at || !matches) {
    // the failures recorded above stay
    await deleteLoginFailuresBefore(db, { before: new Date(now.getTime() - 24 * 3_600_000).toISOString() });
    return { status: "wrong" };
  }

  const user = toUser(row);
  const policy = sessionPolicy();
  const addressAttempt = reserved.ids[1];
  const token = await db.transaction().execute(async (trx) => {
    // the account's failures are cleared; the address keeps its others, not this attempt's
    await deleteLoginFailures(trx, { key: keys[0]! });
    if (addressAttempt) await deleteLoginFailure(trx, { id: addressAttempt });
    await deleteExpiredSessions(trx, { at, idleSince: new Date(now.getTime() - policy.idleMs).toISOString() });
    const created = await insertSession(trx, {
      userId: user.id,
      at,
      expiresAt: new Date(now.getTime() + policy.maxAgeMs).toISOString(),
      address: input.address,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await appendEvent(trx, { entityType: "user", entityId: user.id, action: "logged_in", actor: user.name, at, after: { address: input.address } });
    return created;
  });
  const setCookie = await sessionCookie().serialize(token, { maxAge: Math.floor(policy.maxAgeMs / 1000) });
  return { status: "ok", user, setCookie };
}

/** Ends the request's session (its row is deleted, so a copy of the cookie is worthless) and clears the cookie. */
export async function logout(db: Db, request: Request, { address = null, now = new Date() }: { address?: string | null; now?: Date } = {}): Promise<string> {
  const token = await sessionToken(request);
  const session = token ? await findSessionWithUser(db, { token }) : undefined;
  if (session) {
    await db.transaction().execute(async (trx) => {
      await deleteSession(trx, { id: session.id });
      await appendEvent(trx, {
        entityType: "user",
        entityId: session.user_id,
        action: "logged_out",
        actor: session.user.name,
        at: now.toISOString(),
        after: { address },
      });
    });
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}

// --- who is asking -----------------------------------------------------------------------------

export async function authenticate(request: Request, db: Db, now: Date = new Date()): Promise<User | null> {
  const header = request.headers.get("Authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return null;
    const row = await findUserByToken(db, { token: match[1]!, at: now.toISOString() });
    return row ? toUser(row) : null;
  }
  const token = await sessionToken(request);
  if (!token) return null;
  const session = await findSessionWithUser(db, { token });
  if (!session) return null;
  const policy = sessionPolicy();
  const t = now.getTime();
  const over = Date.parse(session.expires_at) <= t || Date.parse(session.last_seen_at) + policy.idleMs <= t;
  if (over || session.user.disabled_at) {
    await deleteSession(db, { id: session.id });
    return null;
  }
  if (t - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS) await touchSession(db, { id: session.id, at: now.toISOString() });
  return toUser(session.user);
}

/** The user, or a thrown JSON Response: 401 without one, 403 when the role is not among `roles`. */
export async function requireUser(request: Request, db: Db, roles?: readonly Role[]): Promise<User> {
  const user = await authenticate(request, db);
  if (!user) throw json({ error: "需要登录或提供有效的API令牌（令牌可能已过期或被吊销）。" }, { status: 401 });
  if (roles && !roles.includes(user.role)) throw json({ error: "当前账号无权执行此操作。" }, { status: 403 });
  return user;
}
