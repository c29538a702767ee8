// Frozen: 2026-12-01 (issue 3, scale). Must not import app code or change after it ships.
// The documents list's `q=` matches title, agency, addressee, ref and file name with LIKE. Each
// documents row carries the full text, so scanning the table reads every reply; this index holds
// just the searched columns (and the id and date the page needs), so a search scans a small b-tree
// instead of every reply's text.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("documents_search_idx")
    .on("documents")
    .columns(["title", "agency", "addressee", "ref", "file_name", "replied_on", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("documents_search_idx").execute();
}
