// Server-side sessions and failed logins (docs/decisions/0026). A session row is keyed by the
// sha256 of the token its cookie carries, so the database alone holds no usable session.
import { createHash, randomBytes } from "node:crypto";
import { PostgresAdapter, sql, type Kysely } from "kysely";
import type { Database, SessionRow, UserRow } from "../../db/schema";
import { newId } from "../lib/id";

type Db = Kysely<Database>;

export const sessionIdOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** Stores a new session and returns its token (for the cookie; only its hash is kept). */
export async function insertSession(
  db: Db,
  session: { userId: string; at: string; expiresAt: string; address: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({
      id: sessionIdOf(token),
      user_id: session.userId,
      created_at: session.at,
      last_seen_at: session.at,
      expires_at: session.expiresAt,
      address: session.address,
      user_agent: session.userAgent,
    })
    .execute();
  return token;
}

export async function findSessionWithUser(db: Db, { token }: { token: string }): Promise<(SessionRow & { user: UserRow }) | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select([
      "sessions.id as session_id",
      "sessions.created_at as session_created_at",
      "sessions.last_seen_at as session_last_seen_at",
      "sessions.expires_at as session_expires_at",
      "sessions.address as session_address",
      "sessions.user_agent as session_user_agent",
    ])
    .where("sessions.id", "=", sessionIdOf(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, session_created_at, session_last_seen_at, session_expires_at, session_address, session_user_agent, ...user } = row;
  return {
    id: session_id,
    user_id: user.id,
    created_at: session_created_at,
    last_seen_at: session_last_seen_at,
    expires_at: session_expires_at,
    address: session_address,
    user_agent: session_user_agent,
    user,
  };
}

export async function touchSession(db: Db, { id, at }: { id: string; at: string }): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, { id }: { id: string }): Promise<number> {
  const result = await db.deleteFrom("sessions").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSessionsOfUser(db: Db, { userId }: { userId: string }): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sessions past their absolute end or idle since before `idleSince`. */
export async function deleteExpiredSessions(db: Db, { at, idleSince }: { at: string; idleSince: string }): Promise<void> {
  await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", at), eb("last_seen_at", "<", idleSince)]))
    .execute();
}

// --- failed logins ------------------------------------------------------------------------------

/** Stores a failure under each key; returns the rows' ids, in the keys' order. */
export async function insertLoginFailures(db: Db, { keys, at }: { keys: string[]; at: string }): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = keys.map((key) => ({ id: newId(), key, at }));
  await db.insertInto("login_failures").values(rows).execute();
  return rows.map((r) => r.id);
}

/**
 * Makes the caller's transaction the only one counting and recording failures under `keys` until it
 * ends. On PostgreSQL, a transaction-scoped advisory lock per key (in one order, so two logins never
 * wait for each other crosswise); on SQLite the transaction already holds the one connection.
 */
export async function lockLoginKeys(trx: Db, { keys }: { keys: string[] }): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const key of [...keys].sort()) await sql`select pg_advisory_xact_lock(hashtext(${`login:${key}`}))`.execute(trx);
}

export async function deleteLoginFailure(db: Db, { id }: { id: string }): Promise<void> {
  await db.deleteFrom("login_failures").where("id", "=", id).execute();
}

/** The newest `limit` failures under `key` after `since`, newest first (their instants). */
export async function recentLoginFailures(db: Db, { key, since, limit }: { key: string; since: string; limit: number }): Promise<string[]> {
  const rows = await db
    .selectFrom("login_failures")
    .select("at")
    .where("key", "=", key)
    .where("at", ">", since)
    .orderBy("at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => r.at);
}

export async function deleteLoginFailures(db: Db, { key }: { key: string }): Promise<void> {
  await db.deleteFrom("login_failures").where("key", "=", key).execute();
}

export async function deleteLoginFailuresBefore(db: Db, { before }: { before: string }): Promise<void> {
  await db.deleteFrom("login_failures").where("at", "<", before).execute();
}
