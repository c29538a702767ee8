// Frozen: an index added on 2026-11-25 for the status-filtered lists at scale (docs/decisions/0011).
// Must not import app code or change after it ships.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // A status filter pages over status_cache rows of one (as_of, status) in due-date order; with
  // due_date in the index the page is read in order instead of sorting every matching row.
  await db.schema
    .createIndex("status_cache_status_due_idx")
    .on("status_cache")
    .columns(["as_of", "status", "due_date", "commitment_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("status_cache_status_due_idx").execute();
}
