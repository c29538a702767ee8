// Queries behind tracking: the inputs of the status rules (confirmed updates, overrides,
// withdrawals), links, and the matching keys. Verb-noun functions taking (db, {…}).
import type { Kysely } from "kysely";
import type {
  CommitmentRow,
  Database,
  LinkRow,
  NewLink,
  NewProgressUpdate,
  OverrideRow,
  ProgressUpdateRow,
} from "../../db/schema";
import { normalizeIndicator } from "../domain/matching";
import type { ProgressUpdate, StatusOverride, TrackedCommitment } from "../domain/types";
import { unitDimension } from "../domain/units";
import { isKnownStatus } from "../domain/status";

type Db = Kysely<Database>;

/** The matching keys stored on a commitment (docs/decisions/0009). */
export function matchKeys(indicator: string, unit: string | null | undefined, change = false): { head: string; family: string } {
  // A change (提高1.32岁, 提高2个百分点) is another measure than the level it moves: its own key, so
  // it is never a candidate for a level's pledge, nor the reverse (issue 8 §5).
  return { head: normalizeIndicator(indicator).head + (change ? CHANGE_MARK : ""), family: unitDimension(unit) };
}

/** Appended to the head key of a change (a figure or target that says how far a value moves). */
export const CHANGE_MARK = "Δ";

export type CommitmentWithContext = CommitmentRow & {
  document_replied_on: string | null;
  document_region: string | null;
  document_agency: string | null;
  document_title: string | null;
  document_ref: string | null;
  person_name: string | null;
  person_role: string | null;
};

/** commitments joined with what the rules and lists read from their document and person. */
export function selectCommitmentsWithContext(db: Db) {
  return db
    .selectFrom("commitments")
    .innerJoin("documents", "documents.id", "commitments.document_id")
    .leftJoin("people", "people.id", "documents.person_id")
    .selectAll("commitments")
    .select([
      "documents.replied_on as document_replied_on",
      "documents.region as document_region",
      "documents.agency as document_agency",
      "documents.title as document_title",
      "documents.ref as document_ref",
      "people.name as person_name",
      "people.role as person_role",
    ]);
}

export async function getCommitmentWithContext(db: Db, { id }: { id: string }): Promise<CommitmentWithContext | undefined> {
  return selectCommitmentsWithContext(db).where("commitments.id", "=", id).executeTakeFirst();
}

/** A stored commitment as the pure rules see it. */
export function toTrackedCommitment(row: CommitmentWithContext): TrackedCommitment {
  return {
    id: row.id,
    kind: row.kind,
    indicator: row.indicator,
    target:
      row.target_value == null || row.target_comparator == null
        ? null
        : {
            value: row.target_value,
            ...(row.target_value_max != null ? { valueMax: row.target_value_max } : {}),
            unit: row.target_unit,
            ...(row.target_per != null ? { per: row.target_per } : {}),
            comparator: row.target_comparator,
            mode: row.target_mode ?? "level",
          },
    baseline:
      row.baseline_value == null
        ? null
        : { value: row.baseline_value, unit: row.baseline_unit, asOf: row.baseline_as_of },
    due:
      row.due_date == null
        ? null
        : { date: row.due_date, precision: row.due_precision ?? "day", text: row.due_text ?? "" },
    statedOn: row.document_replied_on ?? row.created_at.slice(0, 10),
    ...(row.withdrawn_at != null
      ? { withdrawn: { at: row.withdrawn_at, reason: row.withdrawn_reason ?? "" } }
      : {}),
  };
}

// --- progress updates (append-only) ---------------------------------------------------------------

export async function insertProgressUpdate(db: Db, row: NewProgressUpdate): Promise<void> {
  await db.insertInto("progress_updates").values(row).execute();
}

export async function listProgressUpdates(db: Db, { commitmentIds }: { commitmentIds: string[] }): Promise<ProgressUpdateRow[]> {
  if (commitmentIds.length === 0) return [];
  const out: ProgressUpdateRow[] = [];
  for (let i = 0; i < commitmentIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom("progress_updates")
        .selectAll()
        .where("commitment_id", "in", commitmentIds.slice(i, i + 500))
        .orderBy("as_of")
        .orderBy("reported_at")
        .orderBy("id")
        .execute()),
    );
  }
  return out;
}

export function toDomainUpdate(row: ProgressUpdateRow): ProgressUpdate {
  return {
    value: row.value,
    ...(row.done !== null ? { done: row.done === 1 } : {}),
    asOf: row.as_of,
    source: row.source,
  };
}

// --- overrides (append-only; newest applies) -------------------------------------------------------

export async function listOverrides(db: Db, { commitmentIds }: { commitmentIds: string[] }): Promise<OverrideRow[]> {
  if (commitmentIds.length === 0) return [];
  const out: OverrideRow[] = [];
  for (let i = 0; i < commitmentIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom("overrides")
        .selectAll()
        .where("commitment_id", "in", commitmentIds.slice(i, i + 500))
        .orderBy("at")
        .orderBy("id")
        .execute()),
    );
  }
  return out;
}

/** The override in force on `asOf`: the newest row made on or before that day, unless it clears. */
export function overrideInForce(rows: readonly OverrideRow[], asOf: string): StatusOverride | null {
  let current: OverrideRow | null = null;
  for (const row of rows) if (row.at.slice(0, 10) <= asOf) current = row;
  if (!current || current.status === null || !isKnownStatus(current.status)) return null;
  return { status: current.status, reason: current.reason, by: current.decided_by, at: current.at.slice(0, 10) };
}

// --- links -----------------------------------------------------------------------------------------

export async function insertLinks(db: Db, rows: NewLink[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto("links").values(rows.slice(i, i + 200)).execute();
  }
}

export async function getLink(db: Db, { id }: { id: string }): Promise<LinkRow | undefined> {
  return db.selectFrom("links").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Links with what a reviewer reads about their source: the observation or later pledge and its document. */
export function selectLinkViews(db: Db) {
  return db
    .selectFrom("links")
    .leftJoin("observations", "observations.id", "links.observation_id")
    .leftJoin("commitments as later", "later.id", "links.later_commitment_id")
    .leftJoin("documents as src", (join) =>
      join.on((eb) =>
        eb.or([
          eb("src.id", "=", eb.ref("observations.document_id")),
          eb("src.id", "=", eb.ref("later.document_id")),
          eb("src.id", "=", eb.ref("links.later_document_id")),
        ]),
      ),
    )
    .selectAll("links")
    .select([
      "observations.quote as observation_quote",
      "observations.value as observation_value",
      "observations.unit as observation_unit",
      "observations.as_of as observation_as_of",
      "observations.excluded_at as observation_excluded_at",
      "later.quote as later_quote",
      "later.excluded_at as later_excluded_at",
      "later.target_value as later_value",
      "later.target_unit as later_unit",
      "src.id as source_document_id",
      "src.title as source_document_title",
      "src.replied_on as source_document_date",
    ]);
}

// --- status cache (derived; docs/decisions/0008) ------------------------------------------------------

/** Forgets every cached status of a commitment; call it in the transaction that changes its inputs. */
export async function invalidateStatus(db: Db, { commitmentId }: { commitmentId: string }): Promise<void> {
  await db.deleteFrom("status_cache").where("commitment_id", "=", commitmentId).execute();
}
