// Frozen: 2026-12-02 (issue 9 §4). Must not import app code or change after it ships.
// An evidence file is for the office and the reporting agency until a reviewer publishes it
// (docs/decisions/0031): progress_updates.evidence_public, 0 until then.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("progress_updates").addColumn("evidence_public", "integer", (col) => col.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("progress_updates").dropColumn("evidence_public").execute();
}
