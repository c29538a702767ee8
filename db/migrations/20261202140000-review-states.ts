// Frozen: 2026-12-02 (issue 9). Must not import app code or change after it ships.
// What the machine read is checked before it counts (docs/decisions/0030):
// - commitments: a reading a reviewer excluded ("不是承诺", with a reason — kept, restorable), a
//   reading a re-extraction no longer produces (proposed for exclusion, never deleted), who added a
//   pledge the extractor missed, and the reading's identity as the engine produced it (reading_key:
//   unchanged by a reviewer's corrections, so a re-extraction recognises its own earlier readings).
//   A commitment's review state is derived: excluded when excluded_at is set, checked when its
//   origin is confirmed / edited / added, unchecked otherwise.
// - observations: the same, plus who checked the figure (there is no origin column to derive it from).
// - documents.engine_version: which version of the extraction engine last read the document.
// Indexes: the review queue reads unchecked items in document order; lists filter by state.
import type { Kysely } from "kysely";

const EXCLUSION_COLUMNS = ["excluded_at", "excluded_reason", "excluded_by", "exclusion_proposed_at", "exclusion_proposed_reason", "reading_key"];

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of [...EXCLUSION_COLUMNS, "added_by"]) {
    await db.schema.alterTable("commitments").addColumn(column, "text").execute();
  }
  for (const column of [...EXCLUSION_COLUMNS, "checked_at", "checked_by"]) {
    await db.schema.alterTable("observations").addColumn(column, "text").execute();
  }
  await db.schema.alterTable("documents").addColumn("engine_version", "text").execute();

  await db.schema
    .createIndex("commitments_review_state_idx")
    .on("commitments")
    .columns(["origin", "excluded_at", "document_id", "start_offset"])
    .execute();
  await db.schema
    .createIndex("observations_review_state_idx")
    .on("observations")
    .columns(["checked_at", "excluded_at", "document_id", "start_offset"])
    .execute();
  await db.schema.createIndex("commitments_document_reading_idx").on("commitments").columns(["document_id", "reading_key"]).execute();
  await db.schema.createIndex("observations_document_reading_idx").on("observations").columns(["document_id", "reading_key"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ["observations_document_reading_idx", "commitments_document_reading_idx", "observations_review_state_idx", "commitments_review_state_idx"]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable("documents").dropColumn("engine_version").execute();
  for (const column of [...EXCLUSION_COLUMNS, "checked_at", "checked_by"].reverse()) {
    await db.schema.alterTable("observations").dropColumn(column).execute();
  }
  for (const column of [...EXCLUSION_COLUMNS, "added_by"].reverse()) {
    await db.schema.alterTable("commitments").dropColumn(column).execute();
  }
}
