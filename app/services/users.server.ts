// Creating users and API tokens (npm run user).
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema";
import { deleteSessionsOfUser } from "../models/session.server";
import { createApiToken, findUserByName, hashPassword, insertUser, revokeApiTokens, setPasswordHash, setUserDisabled } from "../models/user.server";
import { appendEvent } from "../models/event.server";
import { ROLES, ValidationError, type Role } from "./tracking-types";

type Db = Kysely<Database>;

/** At least 10 characters and not a single repeated character or an obvious sequence. */
export function passwordProblem(password: string | undefined): string | null {
  if (!password) return "缺少密码（请通过环境变量PASSWORD提供）";
  if (password.length < 10) return "密码太短（至少10个字符）";
  if (new Set(password).size < 4) return "密码太简单（字符种类太少）";
  if (/^(?:0123456789|1234567890|password|qwerty)/i.test(password)) return "密码太常见";
  return null;
}

const AddUser = z
  .object({
    name: z.string().trim().min(1, "缺少用户名").max(100),
    role: z.enum(ROLES as [Role, ...Role[]], { message: `角色应为${ROLES.join("/")}` }),
    agency: z.string().trim().min(1).optional(),
    person: z.string().trim().min(1).optional(),
  })
  .refine((u) => u.role !== "agency" || !!u.agency, { message: "agency角色需要--agency", path: ["agency"] })
  .refine((u) => u.role !== "deputy" || !!u.person, { message: "deputy角色需要--person", path: ["person"] });

export async function addUser(
  db: Db,
  input: { name: string; role: string; agency?: string; person?: string; password: string | undefined; actor: string },
): Promise<{ userId: string }> {
  const parsed = AddUser.safeParse(input);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join("；"));
  const problem = passwordProblem(input.password);
  if (problem) throw new ValidationError(problem, { password: [problem] });
  if (await findUserByName(db, { name: parsed.data.name })) throw new ValidationError(`用户${parsed.data.name}已存在`);
  const at = new Date().toISOString();
  const passwordHash = await hashPassword(input.password!);
  return db.transaction().execute(async (trx) => {
    const userId = await insertUser(trx, {
      name: parsed.data.name,
      role: parsed.data.role,
      agency: parsed.data.agency ?? null,
      person: parsed.data.person ?? null,
      passwordHash,
      at,
    });
    await appendEvent(trx, { entityType: "user", entityId: userId, action: "created", actor: input.actor, at, after: { name: parsed.data.name, role: parsed.data.role, agency: parsed.data.agency ?? null, person: parsed.data.person ?? null } });
    return { userId };
  });
}

/** How long a new API token lives unless `--days` says otherwise, and the most it may. */
export const TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 366;

async function requireUserNamed(db: Db, name: string) {
  const user = await findUserByName(db, { name });
  if (!user) throw new ValidationError(`没有用户${name}`);
  return user;
}

/** A new API token for the user (see issueApiToken). */
export async function issueToken(db: Db, input: { name: string; actor: string; days?: number; now?: Date }): Promise<string> {
  return (await issueApiToken(db, input)).token;
}

/** A new API token for the user, valid `days` days (docs/decisions/0026); returned once, only its hash kept. */
export async function issueApiToken(
  db: Db,
  { name, actor, days = TOKEN_DAYS, now = new Date() }: { name: string; actor: string; days?: number; now?: Date },
): Promise<{ token: string; expiresAt: string }> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) throw new ValidationError(`令牌有效期应为1到${MAX_TOKEN_DAYS}天的整数`);
  const user = await requireUserNamed(db, name);
  if (user.disabled_at) throw new ValidationError(`用户${name}已停用，不能签发令牌`);
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  return db.transaction().execute(async (trx) => {
    const token = await createApiToken(trx, { userId: user.id, at, expiresAt });
    await appendEvent(trx, { entityType: "user", entityId: user.id, action: "token_issued", actor, at, after: { expiresAt } });
    return { token, expiresAt };
  });
}

/** Revokes all the user's live tokens, or only `token`; returns how many were revoked. */
export async function revokeTokens(db: Db, { name, actor, token }: { name: string; actor: string; token?: string }): Promise<number> {
  const user = await requireUserNamed(db, name);
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const revoked = await revokeApiTokens(trx, { userId: user.id, at, ...(token ? { token } : {}) });
    if (token && revoked === 0) throw new ValidationError(`用户${name}没有这个有效令牌`);
    await appendEvent(trx, { entityType: "user", entityId: user.id, action: "tokens_revoked", actor, at, after: { revoked, one: Boolean(token) } });
    return revoked;
  });
}

/** Disables the user: their sessions end now, their tokens and logins are refused until enabled. */
export async function disableUser(db: Db, { name, actor }: { name: string; actor: string }): Promise<void> {
  const user = await requireUserNamed(db, name);
  if (user.disabled_at) throw new ValidationError(`用户${name}已经停用`);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await setUserDisabled(trx, { userId: user.id, disabledAt: at });
    const sessions = await deleteSessionsOfUser(trx, { userId: user.id });
    await appendEvent(trx, { entityType: "user", entityId: user.id, action: "disabled", actor, at, after: { sessionsEnded: sessions } });
  });
}

export async function enableUser(db: Db, { name, actor }: { name: string; actor: string }): Promise<void> {
  const user = await requireUserNamed(db, name);
  if (!user.disabled_at) throw new ValidationError(`用户${name}未停用`);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await setUserDisabled(trx, { userId: user.id, disabledAt: null });
    await appendEvent(trx, { entityType: "user", entityId: user.id, action: "enabled", actor, at });
  });
}

/** Sets a new password (the same rules as for a new user) and ends all the user's sessions. */
export async function changePassword(db: Db, { name, password, actor }: { name: string; password: string | undefined; actor: string }): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError(problem, { password: [problem] });
  const user = await requireUserNamed(db, name);
  const passwordHash = await hashPassword(password!);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, { userId: user.id, passwordHash });
    const sessions = await deleteSessionsOfUser(trx, { userId: user.id });
    await appendEvent(trx, { entityType: "user", entityId: user.id, action: "password_changed", actor, at, after: { sessionsEnded: sessions } });
  });
}
