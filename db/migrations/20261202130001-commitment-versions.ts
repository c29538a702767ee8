// Frozen: 2026-12-02 (issue 10, lost updates). Must not import app code or change after it ships.
// Every change to a commitment's row raises its version; an edit names the version it was made
// from and is refused when the row has moved on (docs/decisions/0027).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("commitments").addColumn("version", "integer", (col) => col.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("commitments").dropColumn("version").execute();
}
