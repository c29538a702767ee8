// Agencies' reports are checked too (issue 9 §6, docs/decisions/0034): an agency's own report shows
// at once as 单位自报（待核实） but counts for the status only once a reviewer verifies it; a reviewer
// may reject it with a reason; the reporting agency corrects or withdraws its own report with a
// reason — never silently: a correction is a new report that replaces the old one, which stays in
// the record. One transaction each, with its audit event on the commitment.
import type { Kysely } from "kysely";
import type { Database, ProgressUpdateRow } from "../../db/schema";
import { newId } from "../lib/id";
import { appendEvent } from "../models/event.server";
import { invalidateStatus } from "../models/tracking.server";
import { isIsoDay, isStaff, requireStaff } from "./service-rules.server";
import { findSameReport } from "./tracking.server";
import { byWhomAndWhen, NotFoundError, PermissionError, StaleError, ValidationError, type User } from "./tracking-types";

type Db = Kysely<Database>;

const MAX_REASON = 1000;

function reasonOf(reason: string | null | undefined, what: string): string {
  const text = reason?.trim() ?? "";
  if (!text) throw new ValidationError(`请写明${what}理由。`, { reason: [`请写明${what}理由`] });
  if (text.length > MAX_REASON) throw new ValidationError("理由不超过1000字。", { reason: ["理由不超过1000字"] });
  return text;
}

type ReportWithParty = ProgressUpdateRow & { agency: string | null; commitment_excluded_at: string | null };

async function loadReport(trx: Db, updateId: string): Promise<ReportWithParty> {
  const row = await trx
    .selectFrom("progress_updates")
    .innerJoin("commitments", "commitments.id", "progress_updates.commitment_id")
    .selectAll("progress_updates")
    .select(["commitments.agency", "commitments.excluded_at as commitment_excluded_at"])
    .where("progress_updates.id", "=", updateId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError("没有这条进展报告。");
  return row;
}

function withoutAgency({ agency: _agency, commitment_excluded_at: _excluded, ...row }: ProgressUpdateRow & { agency: string | null; commitment_excluded_at: string | null }): ProgressUpdateRow {
  return row;
}

const STATE_WORDS: Record<string, string> = { verified: "核实", rejected: "退回", withdrawn: "撤回", replaced: "更正" };

/**
 * A report's state only moves forward, so it is the report's version: an action on a report that
 * someone has verified, rejected, withdrawn or corrected since the page was made is refused with
 * what it is now (and the report that replaced it), never applied to what the page no longer shows.
 */
async function changedSince(trx: Db, report: ProgressUpdateRow): Promise<StaleError> {
  const replacement = report.review_state === "replaced"
    ? await trx.selectFrom("progress_updates").select(["id", "value", "done", "as_of"]).where("replaces_id", "=", report.id).executeTakeFirst()
    : undefined;
  return new StaleError(
    `已被他人修改：${byWhomAndWhen(report.reviewed_by, report.reviewed_at)}已${STATE_WORDS[report.review_state] ?? "处理"}这条进展报告，请核对当前内容后重新操作。`,
    {
      reviewState: report.review_state,
      value: report.value,
      asOf: report.as_of,
      reviewedBy: report.reviewed_by,
      reviewedAt: report.reviewed_at,
      reason: report.review_reason,
      replacement: replacement ? { id: replacement.id, value: replacement.value, asOf: replacement.as_of } : null,
    },
    report.reviewed_by && report.reviewed_at ? { actor: report.reviewed_by, at: report.reviewed_at, action: `report_${report.review_state}` } : null,
  );
}

/** Reads the report again after a guarded write found it moved on, and refuses with what it is now. */
async function movedOn(trx: Db, updateId: string): Promise<StaleError> {
  return changedSince(trx, await loadReport(trx, updateId));
}

/** Staff, or the agency the commitment belongs to (its own report). */
function requireOwnOrStaff(actor: User, report: { agency: string | null; source: string }, what: string): void {
  if (isStaff(actor)) return;
  if (actor.role === "agency" && actor.agency && actor.agency === report.agency && report.source === "agency") return;
  throw new PermissionError(`只有报告它的承办单位或审核人员可以${what}这条进展。`);
}

/**
 * A report its agency (or staff) may still withdraw or correct: pending or verified, its own, and
 * not a figure from a later document (those are decided through their link).
 */
async function loadOwnOpenReport(trx: Db, updateId: string, actor: User, what: string): Promise<ReportWithParty> {
  const report = await loadReport(trx, updateId);
  requireOwnOrStaff(actor, report, what);
  if (report.review_state !== "pending" && report.review_state !== "verified") throw await changedSince(trx, report);
  if (report.source === "document") throw new ValidationError("来自后续文件的数据请在关联中处理。", { updateId: ["来自后续文件"] });
  return report;
}

/**
 * Moves a report on from the state it was read in. Guarded by that state: of two changes at once,
 * one wins and the other is refused with what the report is now.
 */
async function moveReport(trx: Db, report: ProgressUpdateRow, to: ProgressUpdateRow["review_state"], by: User, at: string, reason: string | null): Promise<void> {
  const changed = await trx
    .updateTable("progress_updates")
    .set({ review_state: to, reviewed_by: by.name, reviewed_at: at, review_reason: reason })
    .where("id", "=", report.id)
    .where("review_state", "=", report.review_state)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) throw await movedOn(trx, report.id);
}

/** A reviewer verifies (it counts from now on) or rejects (with a reason) a pending report. */
export async function reviewProgressReport(
  db: Db,
  input: { updateId: string; action: "confirm" | "reject"; reason?: string | null; actor: User; at?: string },
): Promise<{ state: "verified" | "rejected" }> {
  requireStaff(input.actor, "核实单位自报的进展");
  if (input.action !== "confirm" && input.action !== "reject") throw new ValidationError("操作应为confirm或reject。", { action: ["操作有误"] });
  const reason = input.action === "reject" ? reasonOf(input.reason, "退回") : input.reason?.trim() || null;
  const at = input.at ?? new Date().toISOString();
  const state = input.action === "confirm" ? ("verified" as const) : ("rejected" as const);
  return db.transaction().execute(async (trx) => {
    const report = await loadReport(trx, input.updateId);
    if (report.review_state !== "pending") {
      // decided by someone since the page showed it pending; a report that never waited is no such case
      if (report.reviewed_at) throw await changedSince(trx, report);
      throw new ValidationError("这条进展不是待核实的单位自报。", { updateId: ["已处理"] });
    }
    // an excluded reading counts nowhere, its progress neither (decision 0036); it can still be rejected
    if (state === "verified" && report.commitment_excluded_at !== null) {
      throw new ValidationError("这项承诺已被审核人员排除（不是承诺），恢复后才能核实它的进展。", { updateId: ["承诺已排除"] });
    }
    await moveReport(trx, report, state, input.actor, at, reason);
    await invalidateStatus(trx, { commitmentId: report.commitment_id });
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: report.commitment_id,
      action: state === "verified" ? "report_verified" : "report_rejected",
      actor: input.actor.name,
      at,
      before: { updateId: report.id, reviewState: "pending" },
      after: { updateId: report.id, reviewState: state, value: report.value, asOf: report.as_of },
      reason,
    });
    return { state };
  });
}

/** The reporting agency (or staff) withdraws a report, with a reason; it stays in the record. */
export async function withdrawProgressReport(db: Db, input: { updateId: string; reason: string; actor: User; at?: string }): Promise<void> {
  const reason = reasonOf(input.reason, "撤回");
  const at = input.at ?? new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const report = await loadOwnOpenReport(trx, input.updateId, input.actor, "撤回");
    await moveReport(trx, report, "withdrawn", input.actor, at, reason);
    await invalidateStatus(trx, { commitmentId: report.commitment_id });
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: report.commitment_id,
      action: "report_withdrawn",
      actor: input.actor.name,
      at,
      before: { updateId: report.id, reviewState: report.review_state, value: report.value, asOf: report.as_of },
      after: { updateId: report.id, reviewState: "withdrawn" },
      reason,
    });
  });
}

/**
 * The reporting agency (or staff) corrects a report: a new report with the corrected value and date
 * replaces it (pending again when an agency corrects), the old one is kept as replaced; a reason is
 * required, and the same figure already reported is refused.
 */
export async function correctProgressReport(
  db: Db,
  input: { updateId: string; value?: number | null; done?: boolean | null; asOf?: string; note?: string | null; reason: string; actor: User; today?: string; at?: string },
): Promise<{ updateId: string }> {
  const reason = reasonOf(input.reason, "更正");
  const at = input.at ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const report = await loadOwnOpenReport(trx, input.updateId, input.actor, "更正");
    const asOf = input.asOf?.trim() || report.as_of;
    const fieldErrors: Record<string, string[]> = {};
    if (!isIsoDay(asOf)) fieldErrors.asOf = ["日期格式应为YYYY-MM-DD"];
    else if (asOf > (input.today ?? at.slice(0, 10))) fieldErrors.asOf = ["截至日期不能晚于今天"];
    const value = input.value === undefined ? report.value : input.value;
    const done = input.done === undefined ? (report.done === null ? null : report.done === 1) : input.done;
    if (value !== null && !Number.isFinite(value)) fieldErrors.value = ["数值不是有效数字"];
    if (value === null && done === null) fieldErrors.value = ["请填写数值或完成情况"];
    if (Object.keys(fieldErrors).length) throw new ValidationError("更正内容有误。", fieldErrors);
    if (value === report.value && asOf === report.as_of && (done === null ? null : done ? 1 : 0) === report.done) {
      throw new ValidationError("没有改动。", { value: ["没有改动"] });
    }
    const same = await findSameReport(trx, { commitmentId: report.commitment_id, value, done, asOf, exceptId: report.id });
    if (same) throw new ValidationError("已有相同的报告（同一截至日期、同一数值），未重复保存。", { value: ["与已有报告重复"] });
    const updateId = newId();
    const staff = isStaff(input.actor);
    // The old report is marked first: a second correction made at the same time finds it replaced
    // and inserts nothing.
    await moveReport(trx, report, "replaced", input.actor, at, reason);
    await trx
      .insertInto("progress_updates")
      .values({
        ...withoutAgency(report),
        id: updateId,
        value,
        done: done === null ? null : done ? 1 : 0,
        as_of: asOf,
        note: input.note === undefined ? report.note : input.note?.trim() || null,
        reported_by: input.actor.name,
        reported_at: at,
        review_state: staff ? "verified" : "pending",
        reviewed_by: null,
        reviewed_at: null,
        review_reason: null,
        replaces_id: report.id,
      })
      .execute();
    await invalidateStatus(trx, { commitmentId: report.commitment_id });
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: report.commitment_id,
      action: "report_corrected",
      actor: input.actor.name,
      at,
      before: { updateId: report.id, value: report.value, asOf: report.as_of },
      after: { updateId, value, asOf, reviewState: staff ? "verified" : "pending" },
      reason,
    });
    return { updateId };
  });
}

/**
 * Agencies' reports waiting for a reviewer, oldest first (index of migration 20261202140200); not
 * those on a pledge a reviewer excluded, which are no question while it is excluded (decision 0036).
 */
export async function listPendingReports(db: Db, { limit, offset }: { limit: number; offset: number }) {
  const base = db
    .selectFrom("progress_updates")
    .innerJoin("commitments", "commitments.id", "progress_updates.commitment_id")
    .where("progress_updates.review_state", "=", "pending")
    .where("commitments.excluded_at", "is", null);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base
      .select([
        "progress_updates.id",
        "progress_updates.commitment_id",
        "progress_updates.value",
        "progress_updates.done",
        "progress_updates.as_of",
        "progress_updates.note",
        "progress_updates.evidence_url",
        "progress_updates.evidence_file_name",
        "progress_updates.reported_by",
        "progress_updates.reported_at",
        "progress_updates.replaces_id",
        "commitments.indicator",
        "commitments.agency",
        "commitments.target_unit",
      ])
      .orderBy("progress_updates.reported_at")
      .orderBy("progress_updates.id")
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  return { total: Number(count.n), items: rows };
}
