// Frozen: this migration describes the database as it was on 2026-11-23 and must not import app
// code or change after it ships. New tables and columns come in new migrations.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("content_hash", "text", (col) => col.notNull().unique())
    .addColumn("text_hash", "text", (col) => col.notNull().unique())
    .addColumn("file_name", "text", (col) => col.notNull())
    .addColumn("format", "text", (col) => col.notNull())
    .addColumn("encoding", "text")
    .addColumn("text", "text", (col) => col.notNull())
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("agency", "text")
    .addColumn("addressee", "text")
    .addColumn("addressee_role", "text")
    .addColumn("ref", "text")
    .addColumn("session", "text")
    .addColumn("title", "text")
    .addColumn("replied_on", "text")
    .addColumn("region", "text")
    .addColumn("co_agencies", "text", (col) => col.notNull().defaultTo("[]"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("ingested_at", "text", (col) => col.notNull())
    .addColumn("ingested_by", "text", (col) => col.notNull())
    .execute();
  // The document list is ordered newest reply first, and filtered by agency.
  await db.schema.createIndex("documents_replied_on_idx").on("documents").columns(["replied_on", "id"]).execute();
  await db.schema.createIndex("documents_agency_idx").on("documents").column("agency").execute();

  await db.schema
    .createTable("commitments")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("document_id", "text", (col) => col.notNull().references("documents.id"))
    .addColumn("ordinal", "integer", (col) => col.notNull())
    .addColumn("quote", "text", (col) => col.notNull())
    .addColumn("start_offset", "integer", (col) => col.notNull())
    .addColumn("end_offset", "integer", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("indicator", "text", (col) => col.notNull())
    // double precision, not real: real is 4 bytes in PostgreSQL and would turn 85.78 into 85.779999.
    .addColumn("target_value", "double precision")
    .addColumn("target_value_max", "double precision")
    .addColumn("target_unit", "text")
    .addColumn("target_per", "text")
    .addColumn("target_comparator", "text")
    .addColumn("target_mode", "text")
    .addColumn("baseline_value", "double precision")
    .addColumn("baseline_unit", "text")
    .addColumn("baseline_as_of", "text")
    .addColumn("due_date", "text")
    .addColumn("due_precision", "text")
    .addColumn("due_text", "text")
    .addColumn("agency", "text")
    .addColumn("firmness", "text")
    .addColumn("cue", "text")
    .addColumn("rule", "text")
    .addColumn("needs_review", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("origin", "text", (col) => col.notNull().defaultTo("extracted"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addUniqueConstraint("commitments_document_ordinal_key", ["document_id", "ordinal"])
    .execute();
  // (document_id, ordinal) is covered by the unique constraint above.
  await db.schema.createIndex("commitments_agency_due_idx").on("commitments").columns(["agency", "due_date", "id"]).execute();
  await db.schema.createIndex("commitments_due_date_idx").on("commitments").columns(["due_date", "id"]).execute();
  await db.schema.createIndex("commitments_kind_due_idx").on("commitments").columns(["kind", "due_date", "id"]).execute();

  await db.schema
    .createTable("observations")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("document_id", "text", (col) => col.notNull().references("documents.id"))
    .addColumn("quote", "text", (col) => col.notNull())
    .addColumn("start_offset", "integer", (col) => col.notNull())
    .addColumn("end_offset", "integer", (col) => col.notNull())
    .addColumn("indicator", "text", (col) => col.notNull())
    .addColumn("value", "double precision", (col) => col.notNull())
    .addColumn("unit", "text")
    .addColumn("per", "text")
    .addColumn("as_of", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("observations_document_idx").on("observations").columns(["document_id", "start_offset"]).execute();
  await db.schema.createIndex("observations_indicator_idx").on("observations").column("indicator").execute();

  await db.schema
    .createTable("events")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("entity_type", "text", (col) => col.notNull())
    .addColumn("entity_id", "text", (col) => col.notNull())
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("actor", "text", (col) => col.notNull())
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("reason", "text")
    .execute();
  await db.schema.createIndex("events_entity_idx").on("events").columns(["entity_type", "entity_id", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("events").execute();
  await db.schema.dropTable("observations").execute();
  await db.schema.dropTable("commitments").execute();
  await db.schema.dropTable("documents").execute();
}
