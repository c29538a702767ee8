// Frozen: 2026-12-03 (issue 10, lost updates). Must not import app code or change after it ships.
// A figure's review state (checked, excluded, restored) is a reviewer's decision like a commitment's:
// each change raises the row's version, and a verdict names the version it was made from, so one
// made from a stale page is refused (docs/decisions/0038).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("observations").addColumn("version", "integer", (col) => col.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("observations").dropColumn("version").execute();
}
