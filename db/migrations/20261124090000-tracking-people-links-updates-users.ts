// Frozen: tracking tables as of 2026-11-24 (issue 3). Must not import app code or change after it
// ships; later changes come in new migrations. Types stay portable (docs/decisions/0003): text ids,
// ISO text dates, 0/1 integers, JSON as text, files as base64 text (bytea and blob differ).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Deputies (代表) and members (委员). `key` is name|role|region made in app code, because a
  // unique constraint over nullable columns treats NULLs as distinct on both databases.
  await db.schema
    .createTable("people")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("key", "text", (col) => col.notNull().unique())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("role", "text")
    .addColumn("region", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("people_name_idx").on("people").column("name").execute();

  await db.schema
    .createTable("suggestions")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("key", "text", (col) => col.notNull().unique())
    .addColumn("ref", "text")
    .addColumn("session", "text")
    .addColumn("title", "text")
    .addColumn("person_id", "text", (col) => col.references("people.id"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("suggestions_person_idx").on("suggestions").column("person_id").execute();

  // No REFERENCES on added columns: SQLite cannot drop a foreign-key column again in down().
  await db.schema.alterTable("documents").addColumn("person_id", "text").execute();
  await db.schema.alterTable("documents").addColumn("suggestion_id", "text").execute();
  await db.schema.createIndex("documents_person_idx").on("documents").column("person_id").execute();
  await db.schema.createIndex("documents_suggestion_idx").on("documents").column("suggestion_id").execute();
  await db.schema.createIndex("documents_region_idx").on("documents").column("region").execute();

  // Matching keys (docs/decisions/0009): the normalised head noun and the unit family, so the
  // candidates for a new observation are found through an index instead of a scan.
  await db.schema.alterTable("commitments").addColumn("indicator_head", "text").execute();
  await db.schema.alterTable("commitments").addColumn("unit_family", "text").execute();
  await db.schema.alterTable("commitments").addColumn("withdrawn_at", "text").execute();
  await db.schema.alterTable("commitments").addColumn("withdrawn_reason", "text").execute();
  await db.schema.alterTable("commitments").addColumn("withdrawn_by", "text").execute();
  await db.schema
    .createIndex("commitments_match_idx")
    .on("commitments")
    .columns(["indicator_head", "unit_family", "id"])
    .execute();

  await db.schema
    .createTable("evidence_files")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("file_name", "text", (col) => col.notNull())
    .addColumn("size", "integer", (col) => col.notNull())
    .addColumn("sha256", "text", (col) => col.notNull())
    .addColumn("data_base64", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("links")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("commitment_id", "text", (col) => col.notNull().references("commitments.id"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("observation_id", "text", (col) => col.references("observations.id"))
    .addColumn("later_commitment_id", "text", (col) => col.references("commitments.id"))
    .addColumn("state", "text", (col) => col.notNull())
    .addColumn("score", "double precision", (col) => col.notNull())
    .addColumn("reasons", "text", (col) => col.notNull().defaultTo("[]"))
    .addColumn("revision_kind", "text")
    .addColumn("revision_description", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addUniqueConstraint("links_commitment_observation_key", ["commitment_id", "observation_id"])
    .addUniqueConstraint("links_commitment_later_key", ["commitment_id", "later_commitment_id"])
    .execute();
  await db.schema.createIndex("links_commitment_idx").on("links").columns(["commitment_id", "state"]).execute();
  await db.schema.createIndex("links_state_score_idx").on("links").columns(["state", "score", "id"]).execute();
  await db.schema.createIndex("links_observation_idx").on("links").column("observation_id").execute();
  await db.schema.createIndex("links_later_idx").on("links").column("later_commitment_id").execute();

  // Append-only: a correction is a new row, never an edit.
  await db.schema
    .createTable("progress_updates")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("commitment_id", "text", (col) => col.notNull().references("commitments.id"))
    .addColumn("value", "double precision")
    .addColumn("done", "integer")
    .addColumn("as_of", "text", (col) => col.notNull())
    .addColumn("note", "text")
    .addColumn("evidence_url", "text")
    .addColumn("evidence_text", "text")
    .addColumn("evidence_file_name", "text")
    .addColumn("evidence_file_id", "text", (col) => col.references("evidence_files.id"))
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("observation_id", "text", (col) => col.references("observations.id"))
    .addColumn("link_id", "text", (col) => col.references("links.id"))
    .addColumn("reported_by", "text", (col) => col.notNull())
    .addColumn("reported_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("progress_updates_commitment_idx").on("progress_updates").columns(["commitment_id", "as_of"]).execute();

  // Append-only: the newest row per commitment applies; a row with status NULL clears it.
  await db.schema
    .createTable("overrides")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("commitment_id", "text", (col) => col.notNull().references("commitments.id"))
    .addColumn("status", "text")
    .addColumn("reason", "text", (col) => col.notNull())
    .addColumn("decided_by", "text", (col) => col.notNull())
    .addColumn("at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("overrides_commitment_idx").on("overrides").columns(["commitment_id", "at", "id"]).execute();

  // Derived and recomputable (docs/decisions/0008): the status of a commitment on one asOf date.
  // Rows for a commitment are dropped whenever anything that feeds its status changes.
  await db.schema
    .createTable("status_cache")
    .addColumn("as_of", "text", (col) => col.notNull())
    .addColumn("commitment_id", "text", (col) => col.notNull().references("commitments.id"))
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("due_date", "text")
    .addPrimaryKeyConstraint("status_cache_pkey", ["as_of", "commitment_id"])
    .execute();
  await db.schema.createIndex("status_cache_status_idx").on("status_cache").columns(["as_of", "status", "commitment_id"]).execute();
  await db.schema.createIndex("status_cache_commitment_idx").on("status_cache").column("commitment_id").execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull().unique())
    .addColumn("role", "text", (col) => col.notNull())
    .addColumn("agency", "text")
    .addColumn("person", "text")
    .addColumn("password_hash", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("api_tokens_user_idx").on("api_tokens").column("user_id").execute();

  // Small key/value settings, e.g. a generated session secret when SESSION_SECRET is unset.
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("value", "text", (col) => col.notNull())
    .execute();

  // Commitments list by region/person go through documents; events list by actor for audits.
  await db.schema.createIndex("events_at_idx").on("events").columns(["at", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("events_at_idx").execute();
  for (const table of ["settings", "api_tokens", "users", "status_cache", "overrides", "progress_updates", "links", "evidence_files"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex("commitments_match_idx").execute();
  for (const column of ["withdrawn_by", "withdrawn_reason", "withdrawn_at", "unit_family", "indicator_head"]) {
    await db.schema.alterTable("commitments").dropColumn(column).execute();
  }
  await db.schema.dropIndex("documents_region_idx").execute();
  await db.schema.dropIndex("documents_suggestion_idx").execute();
  await db.schema.dropIndex("documents_person_idx").execute();
  await db.schema.alterTable("documents").dropColumn("suggestion_id").execute();
  await db.schema.alterTable("documents").dropColumn("person_id").execute();
  await db.schema.dropTable("suggestions").execute();
  await db.schema.dropTable("people").execute();
}
