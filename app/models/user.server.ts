import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { Kysely } from "kysely";
import type { Database, UserRow } from "../../db/schema";
import { newId } from "../lib/id";

type Db = Kysely<Database>;
const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;

const N = 16384;
const R = 8;
const P = 1;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password with the same parameters as real ones: a login for a name that does
 * not exist (or a disabled user) is checked against it, so it costs what a real one costs and the
 * answer's timing does not tell which names exist (docs/decisions/0026). Made when the module loads
 * (scrypt runs on libuv's pool, not the request thread), so the first unknown name after a start
 * does not cost a second scrypt and stand out.
 */
const dummy: Promise<string> = hashPassword(randomBytes(16).toString("base64url"));

export function dummyPasswordHash(): Promise<string> {
  return dummy;
}

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function insertUser(
  db: Db,
  user: { name: string; role: UserRow["role"]; agency: string | null; person: string | null; passwordHash: string; at: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto("users")
    .values({ id, name: user.name, role: user.role, agency: user.agency, person: user.person, password_hash: user.passwordHash, created_at: user.at })
    .execute();
  return id;
}

export async function findUserByName(db: Db, { name }: { name: string }): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function findUserById(db: Db, { id }: { id: string }): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Creates a token for the user; only its hash is stored, the token is returned once. */
export async function createApiToken(db: Db, { userId, at, expiresAt }: { userId: string; at: string; expiresAt: string }): Promise<string> {
  const token = `ct_${randomBytes(24).toString("base64url")}`;
  await db
    .insertInto("api_tokens")
    .values({ id: newId(), token_hash: tokenHash(token), user_id: userId, created_at: at, last_used_at: null, expires_at: expiresAt, revoked_at: null })
    .execute();
  return token;
}

/** The user of a token that is neither expired nor revoked, and not disabled. */
export async function findUserByToken(db: Db, { token, at }: { token: string; at: string }): Promise<UserRow | undefined> {
  const hash = tokenHash(token);
  const row = await db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .selectAll("users")
    .where("api_tokens.token_hash", "=", hash)
    .where("api_tokens.revoked_at", "is", null)
    .where("api_tokens.expires_at", ">", at)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (row) await db.updateTable("api_tokens").set({ last_used_at: at }).where("token_hash", "=", hash).execute();
  return row;
}

/** Revokes the user's live tokens, or only the one given; returns how many. */
export async function revokeApiTokens(db: Db, { userId, at, token }: { userId: string; at: string; token?: string }): Promise<number> {
  let query = db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", at);
  if (token !== undefined) query = query.where("token_hash", "=", tokenHash(token));
  return Number((await query.executeTakeFirst()).numUpdatedRows);
}

export async function setUserDisabled(db: Db, { userId, disabledAt }: { userId: string; disabledAt: string | null }): Promise<void> {
  await db.updateTable("users").set({ disabled_at: disabledAt }).where("id", "=", userId).execute();
}

export async function setPasswordHash(db: Db, { userId, passwordHash }: { userId: string; passwordHash: string }): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}
