// Creating users and API tokens (npm run user).
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema";
import { createApiToken, findUserByName, hashPassword, insertUser } from "../models/user.server";
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

export async function issueToken(db: Db, { name, actor }: { name: string; actor: string }): Promise<string> {
  const user = await findUserByName(db, { name });
  if (!user) throw new ValidationError(`没有用户${name}`);
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const token = await createApiToken(trx, { userId: user.id, at });
    await appendEvent(trx, { entityType: "user", entityId: user.id, action: "token_issued", actor, at });
    return token;
  });
}
