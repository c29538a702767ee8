// Frozen: 2026-11-30 (issue 3). Must not import app code or change after it ships.
// The review queue's "待复核" tab lists commitments the extractor was unsure about and nobody has
// checked (needs_review = 1, origin = 'extracted'), oldest first, without scanning the table.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("commitments_review_idx").on("commitments").columns(["needs_review", "origin", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("commitments_review_idx").execute();
}
