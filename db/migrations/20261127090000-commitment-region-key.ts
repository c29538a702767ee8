// Frozen: 2026-11-27 (issue 3, scale). Must not import app code or change after it ships.
// commitments.region_key: the place of the commitment's document as one string (app/domain/
// region-keys.ts), so link candidates of the same place are read through an index instead of
// scoring a whole province's pledges (docs/decisions/0014). Rows stored before this get their key
// from app code on the next ingest (backfillRegionKeys); NULL means "not computed yet".
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("commitments").addColumn("region_key", "text").execute();
  await db.schema
    .createIndex("commitments_match_region_idx")
    .on("commitments")
    .columns(["indicator_head", "unit_family", "region_key", "id"])
    .execute();
  await db.schema.createIndex("commitments_region_key_null_idx").on("commitments").columns(["region_key", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("commitments_region_key_null_idx").execute();
  await db.schema.dropIndex("commitments_match_region_idx").execute();
  await db.schema.alterTable("commitments").dropColumn("region_key").execute();
}
