// Optimistic concurrency for what reviewers decide (docs/decisions/0027, 0038). A commitment and an
// observation each carry a version, raised by every change a person makes to them — a commitment's
// fields, its review state (confirmed, excluded, restored), its status override and its withdrawal;
// an observation's review state. A change names the version it was made from; when the row has
// moved on, nothing is written and the refusal carries the row as it is now.
//
// Rows whose content never changes once written and whose state only moves forward — links
// (proposed → confirmed / rejected), agencies' reports (pending → verified / rejected / withdrawn /
// replaced), deputies' objections (open → answered) — need no number: their state is the version, and
// each transition is written `WHERE state = <the one it starts from>`. Those refusals are StaleErrors too.
import type { Kysely } from "kysely";
import type { CommitmentRow, CommitmentUpdate, Database, ObservationRow, ObservationUpdate } from "../../db/schema";
import { commitmentReviewState, observationReviewState } from "../models/review-state.server";
import { byWhomAndWhen, StaleError, ValidationError, type LastChange, type ReviewState } from "./tracking-types";

type Db = Kysely<Database>;

/** Each field a reviewer may correct and its column (commitment-edits.server.ts). */
export const COMMITMENT_COLUMNS = {
  kind: "kind",
  indicator: "indicator",
  targetValue: "target_value",
  targetValueMax: "target_value_max",
  targetUnit: "target_unit",
  targetComparator: "target_comparator",
  targetMode: "target_mode",
  baselineValue: "baseline_value",
  baselineAsOf: "baseline_as_of",
  dueDate: "due_date",
  duePrecision: "due_precision",
  agency: "agency",
} as const satisfies Record<string, keyof CommitmentRow>;

/** The editable fields as a reviewer's form names them, with the row's version. */
export type CommitmentFields = { [K in keyof typeof COMMITMENT_COLUMNS]: CommitmentRow[(typeof COMMITMENT_COLUMNS)[K]] } & { version: number };

export function fieldsOf(row: CommitmentRow): CommitmentFields {
  const fields = Object.fromEntries(Object.entries(COMMITMENT_COLUMNS).map(([field, column]) => [field, row[column]]));
  return { ...(fields as Omit<CommitmentFields, "version">), version: row.version };
}

/**
 * The change was made from an older version of the commitment: someone else changed it since. Routes
 * answer 409 with the current values, so the reviewer sees what changed before trying again.
 */
export class ConflictError extends StaleError {
  declare readonly current: CommitmentFields;
  constructor(
    current: CommitmentFields,
    lastChange: LastChange | null,
    /** 未核对 / 已核对 / 已排除 now */
    readonly reviewState: ReviewState = "unchecked",
  ) {
    super(
      lastChange
        ? `已被他人修改：${byWhomAndWhen(lastChange.actor, lastChange.at)}修改过这项承诺，请核对当前内容后重新提交。`
        : "已被他人修改：这项承诺在您打开后已有改动，请核对当前内容后重新提交。",
      current,
      lastChange,
    );
    this.name = "ConflictError";
  }

  override details(): Record<string, unknown> {
    return { ...super.details(), reviewState: this.reviewState };
  }
}

/** `version` must be the row's: a whole number the page or client read with the fields. */
export function requireVersion(version: unknown): number {
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new ValidationError("缺少版本号：请从当前页面（或 GET 返回的 version）重新提交。", { version: ["缺少版本号"] });
  }
  return version;
}

async function lastChangeOf(trx: Db, entityType: "commitment" | "observation", id: string): Promise<LastChange | null> {
  const last = await trx
    .selectFrom("events")
    .select(["actor", "at", "action"])
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", id)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return last ?? null;
}

/** The refusal for a change made from an older version of commitment `id`, with its current values. */
export async function commitmentConflict(trx: Db, id: string): Promise<ConflictError> {
  const row = await trx.selectFrom("commitments").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  return new ConflictError(fieldsOf(row), await lastChangeOf(trx, "commitment", id), commitmentReviewState(row));
}

/**
 * Writes `set` to the commitment and raises its version, only if it is still at `version` (the one
 * the change was made from; undefined: whatever it is now — the command line and the tests). Returns
 * the new version; a ConflictError when the row has moved on, before or during this transaction
 * (another one on PostgreSQL, read committed, may write between our read and this update).
 */
export async function writeCommitmentAtVersion(
  trx: Db,
  row: Pick<CommitmentRow, "id" | "version">,
  version: number | undefined,
  set: CommitmentUpdate = {},
): Promise<number> {
  const from = version === undefined ? row.version : requireVersion(version);
  if (row.version !== from) throw await commitmentConflict(trx, row.id);
  const result = await trx
    .updateTable("commitments")
    .set({ ...set, version: from + 1 })
    .where("id", "=", row.id)
    .where("version", "=", from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw await commitmentConflict(trx, row.id);
  return from + 1;
}

/** Refuses when `version` is given and the commitment is no longer at it; writes nothing. */
export async function checkCommitmentVersion(trx: Db, row: Pick<CommitmentRow, "id" | "version">, version: number | undefined): Promise<void> {
  if (version === undefined) return;
  if (row.version !== requireVersion(version)) throw await commitmentConflict(trx, row.id);
}

const STATE_LABELS: Record<ReviewState, string> = { unchecked: "未核对", checked: "已核对", excluded: "已排除" };

/** What a figure holds now, for the refusal of a stale verdict on it. */
function observationNow(row: ObservationRow) {
  return { version: row.version, indicator: row.indicator, value: row.value, unit: row.unit, asOf: row.as_of, reviewState: observationReviewState(row) };
}

export async function observationConflict(trx: Db, id: string): Promise<StaleError> {
  const row = await trx.selectFrom("observations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const last = await lastChangeOf(trx, "observation", id);
  const now = observationNow(row);
  return new StaleError(
    `已被他人修改：${last ? byWhomAndWhen(last.actor, last.at) : "他人"}处理过这条进展数据（现为${STATE_LABELS[now.reviewState]}），请核对当前内容后重新提交。`,
    now,
    last,
  );
}

/** As writeCommitmentAtVersion, for an observation's review state. */
export async function writeObservationAtVersion(
  trx: Db,
  row: Pick<ObservationRow, "id" | "version">,
  version: number | undefined,
  set: ObservationUpdate,
): Promise<number> {
  const from = version === undefined ? row.version : requireVersion(version);
  if (row.version !== from) throw await observationConflict(trx, row.id);
  const result = await trx
    .updateTable("observations")
    .set({ ...set, version: from + 1 })
    .where("id", "=", row.id)
    .where("version", "=", from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw await observationConflict(trx, row.id);
  return from + 1;
}
