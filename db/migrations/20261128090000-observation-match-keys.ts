// Frozen: 2026-11-28 (issue 3 §3). Must not import app code or change after it ships.
// Observations get the same matching keys as commitments (indicator head, unit family, place), so a
// pledge that arrives after the figures reporting on it — a province's ten years ingested in any
// order — finds them through an index (docs/decisions/0015). NULL means "not computed yet"; app
// code fills older rows once (backfillObservationKeys).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("observations").addColumn("indicator_head", "text").execute();
  await db.schema.alterTable("observations").addColumn("unit_family", "text").execute();
  await db.schema.alterTable("observations").addColumn("region_key", "text").execute();
  await db.schema
    .createIndex("observations_match_idx")
    .on("observations")
    .columns(["indicator_head", "unit_family", "region_key", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("observations_match_idx").execute();
  for (const column of ["region_key", "unit_family", "indicator_head"]) {
    await db.schema.alterTable("observations").dropColumn(column).execute();
  }
}
