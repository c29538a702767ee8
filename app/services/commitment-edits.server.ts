// A reviewer checks what the extractor found (DESIGN: "check what the extractor found"; issue 3 §6:
// "every change to a commitment — its fields …"): confirm it as extracted, or correct its fields
// with a reason. Each is one transaction with its audit event (before / after of the fields that
// changed); the quote and its offsets never change — they are the evidence.
import type { Kysely } from "kysely";
import { z } from "zod";
import type { CommitmentRow, CommitmentUpdate, Database } from "../../db/schema";
import { appendEvent } from "../models/event.server";
import { cachedUntilNextWrite } from "./read-cache.server";
import { fieldErrorsOf, isIsoDay, requireStaff } from "./service-rules.server";
import { invalidateStatus, matchKeys } from "../models/tracking.server";
import { NotFoundError, ValidationError, type User } from "./tracking-types";
import { COMMITMENT_COLUMNS, commitmentConflict, requireVersion, writeCommitmentAtVersion } from "./versions.server";

type Db = Kysely<Database>;

const isoDay = z.string().trim().refine(isIsoDay, "日期格式应为YYYY-MM-DD");
const optionalNumber = z.number().finite("应为有效数字").nullable();

/** The fields a reviewer may correct; absent keys are left as they are, null clears a field. */
export const CommitmentEditSchema = z
  .object({
    kind: z.enum(["quantitative", "milestone", "qualitative"], { error: "类型应为定量、节点或定性" }),
    indicator: z.string().trim().min(1, "指标不能为空").max(200, "指标不超过200字"),
    targetValue: optionalNumber,
    targetValueMax: optionalNumber,
    targetUnit: z.string().trim().max(20, "单位不超过20字").nullable(),
    targetComparator: z.enum([">=", "<=", "="], { error: "比较方式应为≥、≤或=" }).nullable(),
    targetMode: z.enum(["level", "increment"], { error: "应为达到（水平）或新增（增量）" }).nullable(),
    baselineValue: optionalNumber,
    baselineAsOf: isoDay.nullable(),
    dueDate: isoDay.nullable(),
    duePrecision: z.enum(["year", "month", "day"], { error: "期限精度应为年、月或日" }).nullable(),
    agency: z.string().trim().max(100, "单位名称不超过100字").nullable(),
  })
  .partial()
  .superRefine((v, ctx) => {
    if (v.targetValue != null && v.targetValueMax != null && v.targetValueMax < v.targetValue) {
      ctx.addIssue({ code: "custom", path: ["targetValueMax"], message: "区间上限不能小于下限" });
    }
  });

export type CommitmentEdit = z.infer<typeof CommitmentEditSchema>;

/** Each editable field and its column. */
const COLUMNS = COMMITMENT_COLUMNS satisfies Record<keyof CommitmentEdit, keyof CommitmentRow>;

/** The field names an edit may send. */
export const COMMITMENT_EDIT_FIELDS = Object.keys(COLUMNS) as (keyof CommitmentEdit)[];

export { ConflictError, fieldsOf, type CommitmentFields } from "./versions.server";

async function loadForReview(trx: Db, commitmentId: string, actor: User, what: string): Promise<CommitmentRow> {
  requireStaff(actor, what);
  const row = await trx.selectFrom("commitments").selectAll().where("id", "=", commitmentId).executeTakeFirst();
  if (!row) throw new NotFoundError("没有这个承诺。");
  if (row.withdrawn_at) throw new ValidationError("该承诺已撤回，不能再修改。", { commitmentId: ["已撤回"] });
  return row;
}

/**
 * Corrects extracted fields. Only the fields sent are considered and only those that differ are
 * written and recorded; the commitment becomes "edited" (no longer "待复核"), its matching keys
 * follow the indicator and unit, and its cached statuses are forgotten. `version` is the one the
 * edit was made from: if the commitment has changed since, nothing is written and a ConflictError
 * carries the current values (docs/decisions/0027).
 */
export async function editCommitment(
  db: Db,
  input: { commitmentId: string; version: number; changes: CommitmentEdit; reason: string; actor: User; at?: string },
): Promise<{ changed: (keyof CommitmentEdit)[]; version: number }> {
  const version = requireVersion(input.version);
  const parsed = CommitmentEditSchema.safeParse(input.changes);
  if (!parsed.success) throw new ValidationError("修改内容有误。", fieldErrorsOf(parsed.error));
  const reason = input.reason?.trim() ?? "";
  if (!reason) throw new ValidationError("请写明修改理由。", { reason: ["请写明修改理由"] });
  const at = input.at ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await loadForReview(trx, input.commitmentId, input.actor, "修改承诺");
    if (row.version !== version) throw await commitmentConflict(trx, row.id);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set: CommitmentUpdate = {};
    for (const [field, column] of Object.entries(COLUMNS) as [keyof CommitmentEdit, keyof CommitmentRow][]) {
      if (!(field in parsed.data)) continue;
      const next = parsed.data[field] ?? null;
      if (next === row[column]) continue;
      before[field] = row[column];
      after[field] = next;
      (set as Record<string, unknown>)[column] = next;
    }
    const changed = Object.keys(after) as (keyof CommitmentEdit)[];
    if (changed.length === 0) throw new ValidationError("没有改动。", { form: ["没有改动"] });
    const indicator = (set.indicator as string | undefined) ?? row.indicator;
    const unit = set.target_unit !== undefined ? set.target_unit : row.target_unit;
    const keys = matchKeys(indicator, unit ?? row.baseline_unit);
    await writeCommitmentAtVersion(trx, row, version, { ...set, origin: "edited", needs_review: 0, indicator_head: keys.head, unit_family: keys.family });
    await invalidateStatus(trx, { commitmentId: row.id });
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: row.id,
      action: "edited",
      actor: input.actor.name,
      at,
      before,
      after,
      reason,
    });
    return { changed, version: version + 1 };
  });
}

/**
 * Confirms the extracted fields as they are: the commitment leaves the "待复核" list. `version` is the
 * one the reviewer looked at — every page and the review queue send it, so fields changed since are
 * not confirmed unseen (ConflictError); without it (the command line, tests) the current row is confirmed.
 */
export async function confirmCommitment(db: Db, input: { commitmentId: string; version?: number; actor: User; at?: string }): Promise<{ version: number }> {
  const at = input.at ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await loadForReview(trx, input.commitmentId, input.actor, "确认提取结果");
    const version = input.version === undefined ? row.version : requireVersion(input.version);
    if (row.version !== version) throw await commitmentConflict(trx, row.id);
    if (row.origin !== "extracted") throw new ValidationError("该承诺已经复核过。", { commitmentId: ["已复核"] });
    const next = await writeCommitmentAtVersion(trx, row, version, { origin: "confirmed", needs_review: 0 });
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: row.id,
      action: "confirmed",
      actor: input.actor.name,
      at,
      before: { origin: row.origin, needsReview: row.needs_review === 1 },
      after: { origin: "confirmed", needsReview: false },
    });
    return { version: next };
  });
}

/** Commitments the extractor was unsure about and no reviewer has checked yet, oldest first. */
export async function listNeedingReview(db: Db, { limit, offset }: { limit: number; offset: number }): Promise<{ total: number; ids: string[] }> {
  const base = db.selectFrom("commitments").where("needs_review", "=", 1).where("origin", "=", "extracted").where("withdrawn_at", "is", null);
  const [count, rows] = await Promise.all([
    cachedUntilNextWrite(db, "needing-review-total", () => base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()),
    base.select("id").orderBy("id").limit(limit).offset(offset).execute(),
  ]);
  return { total: Number(count.n), ids: rows.map((r) => r.id) };
}
