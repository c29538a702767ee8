// Frozen: 2026-12-02 (issue 9 §6). Must not import app code or change after it ships.
// An agency's own report is checked before it counts (docs/decisions/0034): progress_updates get a
// review state — pending (单位自报，待核实), verified, rejected, withdrawn, replaced (by a
// correction, replaces_id on the new row) — with who decided, when and why. Reports by reviewers and
// figures from confirmed links are verified as written; agencies' reports stored before this are
// pending: nobody checked them. Cached statuses are dropped, as they counted those reports.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("progress_updates").addColumn("review_state", "text", (col) => col.notNull().defaultTo("verified")).execute();
  for (const column of ["reviewed_by", "reviewed_at", "review_reason", "replaces_id"]) {
    await db.schema.alterTable("progress_updates").addColumn(column, "text").execute();
  }
  await db.updateTable("progress_updates").set({ review_state: "pending" }).where("source", "=", "agency").execute();
  await db.schema.createIndex("progress_updates_review_idx").on("progress_updates").columns(["review_state", "reported_at", "id"]).execute();
  await db.deleteFrom("status_cache").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("progress_updates_review_idx").execute();
  for (const column of ["replaces_id", "review_reason", "reviewed_at", "reviewed_by", "review_state"]) {
    await db.schema.alterTable("progress_updates").dropColumn(column).execute();
  }
  await db.deleteFrom("status_cache").execute();
}
