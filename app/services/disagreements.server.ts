// A deputy's or member's "我有不同意见" about a reported status (DESIGN: "a way to say they disagree
// with a reported status"), and a reviewer's answer: the status stands (with a reply the deputy
// reads) or the reviewer overrides it (with the reason shown as an override). Both are append-only
// audit events in the same transaction; a disagreement is answered once, never deleted.
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema";
import { STATUSES } from "../domain/status";
import type { Status } from "../domain/index";
import { newId } from "../lib/id";
import { appendEvent } from "../models/event.server";
import { fieldErrorsOf, isStaff, requireStaff } from "./service-rules.server";
import { listTrackedCommitmentsByIds, writeOverrideIn } from "./tracking.server";
import { byWhomAndWhen, NotFoundError, PermissionError, StaleError, ValidationError, type User } from "./tracking-types";
import { checkCommitmentVersion } from "./versions.server";

type Db = Kysely<Database>;

export const DisagreementSchema = z.object({
  commitmentId: z.string().trim().min(1, "缺少承诺编号"),
  note: z.string().trim().min(1, "请写明您认为哪里不对").max(2000, "意见不超过2000字"),
});

export const ResolutionSchema = z
  .object({
    disagreementId: z.string().trim().min(1, "缺少意见编号"),
    resolution: z.enum(["upheld", "overridden"], { error: "请选择维持原状态或改为其他状态" }),
    response: z.string().trim().min(1, "请填写给代表 / 委员的答复").max(2000, "答复不超过2000字"),
    status: z.string().trim().nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.resolution !== "overridden") return;
    if (!value.status || !(STATUSES as readonly string[]).includes(value.status)) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "请选择改判后的状态" });
    }
  });

/**
 * Records an objection. A deputy or member may object only to pledges made to them; reviewers and
 * admins may record one on a deputy's behalf (a phone call, a letter). `person`, when given, must be
 * the commitment's deputy or member (a page about one person cannot file against another's pledge).
 */
export async function registerDisagreement(
  db: Db,
  input: { commitmentId: string; note: string; actor: User; at?: string; person?: string },
): Promise<{ disagreementId: string }> {
  const parsed = DisagreementSchema.safeParse({ commitmentId: input.commitmentId, note: input.note });
  if (!parsed.success) throw new ValidationError("意见不完整。", fieldErrorsOf(parsed.error));
  const at = input.at ?? new Date().toISOString();
  // The list row carries the person and today's status; the full detail (links, history) is not needed.
  const [commitment] = await listTrackedCommitmentsByIds(db, [parsed.data.commitmentId], at.slice(0, 10));
  if (!commitment || (input.person !== undefined && commitment.person !== input.person)) throw new NotFoundError("没有这个承诺。");
  const own = input.actor.role === "deputy" && Boolean(input.actor.person) && input.actor.person === commitment.person;
  if (!own && !isStaff(input.actor)) {
    throw new PermissionError("只有代表 / 委员本人或审核人员可以对其建议的办理情况提出不同意见。");
  }
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("disagreements")
      .values({
        id,
        commitment_id: commitment.id,
        person: commitment.person,
        raised_by: input.actor.name,
        raised_at: at,
        disputed_status: commitment.status,
        note: parsed.data.note,
      })
      .execute();
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: commitment.id,
      action: "disagreement.registered",
      actor: input.actor.name,
      at,
      before: { status: commitment.status },
      after: { disagreementId: id },
      reason: parsed.data.note,
    });
  });
  return { disagreementId: id };
}

/** The refusal of an answer to an objection someone else answered since the page was made. */
function answered(row: { resolved_by: string | null; resolved_at: string | null; resolution: string | null; response: string | null; override_status: string | null }): StaleError {
  return new StaleError(
    `已被他人修改：${byWhomAndWhen(row.resolved_by, row.resolved_at)}已答复这条意见，不能再次答复。`,
    { resolution: row.resolution, response: row.response, status: row.override_status, resolvedBy: row.resolved_by, resolvedAt: row.resolved_at },
    row.resolved_by && row.resolved_at ? { actor: row.resolved_by, at: row.resolved_at, action: "disagreement.resolved" } : null,
  );
}

/**
 * Answers an open objection: "upheld" keeps the status and sends the reviewer's reply;
 * "overridden" sets the status the reviewer chose, with the reply as the override's reason. An
 * objection is answered once (its state is its version: a second answer is a StaleError); `version`
 * is the commitment's as the reviewer saw it, refused when the commitment changed since (decision 0038).
 */
export async function resolveDisagreement(
  db: Db,
  input: { disagreementId: string; resolution: "upheld" | "overridden"; response: string; status?: string | null; version?: number; actor: User; at?: string },
): Promise<void> {
  requireStaff(input.actor, "答复不同意见");
  const parsed = ResolutionSchema.safeParse({
    disagreementId: input.disagreementId,
    resolution: input.resolution,
    response: input.response,
    status: input.status ?? null,
  });
  if (!parsed.success) throw new ValidationError("答复不完整。", fieldErrorsOf(parsed.error));
  const { disagreementId, resolution, response } = parsed.data;
  const status = resolution === "overridden" ? (parsed.data.status as Status) : null;
  const at = input.at ?? new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("disagreements").selectAll().where("id", "=", disagreementId).executeTakeFirst();
    if (!row) throw new NotFoundError("没有这条意见。");
    if (row.resolved_at) throw answered(row);
    const commitment = await trx.selectFrom("commitments").select(["id", "version"]).where("id", "=", row.commitment_id).executeTakeFirstOrThrow();
    await checkCommitmentVersion(trx, commitment, input.version);
    const changed = await trx
      .updateTable("disagreements")
      .set({ resolved_at: at, resolved_by: input.actor.name, resolution, response, override_status: status })
      .where("id", "=", row.id)
      .where("resolved_at", "is", null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw answered(await trx.selectFrom("disagreements").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow());
    if (status) {
      await writeOverrideIn(trx, {
        commitmentId: row.commitment_id,
        status,
        reason: `答复${row.person ?? "代表 / 委员"}的不同意见：${response}`,
        ...(input.version === undefined ? {} : { version: input.version }),
        actor: input.actor,
        at,
      });
    }
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: row.commitment_id,
      action: "disagreement.resolved",
      actor: input.actor.name,
      at,
      before: { disagreementId: row.id, status: row.disputed_status },
      after: { disagreementId: row.id, resolution, status },
      reason: response,
    });
  });
}

export { listDisagreements, type DisagreementFilter } from "../models/disagreement.server";
