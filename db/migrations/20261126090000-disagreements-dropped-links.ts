// Frozen: 2026-11-26 (issue 3). Must not import app code or change after it ships.
// - disagreements: a deputy's or member's objection to a reported status, open until a reviewer
//   answers it (upheld, or the status overridden). Before this, objections were only audit events
//   (action "disagreement.registered"); those are copied in, so none is lost.
// - links.later_document_id: the later document of a "dropped" link — a follow-up that answered an
//   earlier reply's other pledges but no longer mentions this one.
// - links_state_created_idx: the review queue in order of arrival.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("disagreements")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("commitment_id", "text", (col) => col.notNull().references("commitments.id"))
    /** the deputy or member it was raised for (people.name) */
    .addColumn("person", "text")
    .addColumn("raised_by", "text", (col) => col.notNull())
    .addColumn("raised_at", "text", (col) => col.notNull())
    /** the status shown when the objection was raised */
    .addColumn("disputed_status", "text")
    .addColumn("note", "text", (col) => col.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by", "text")
    /** "upheld" (the status stands) or "overridden" (a reviewer set another status) */
    .addColumn("resolution", "text")
    .addColumn("response", "text")
    .addColumn("override_status", "text")
    .execute();
  await db.schema.createIndex("disagreements_open_idx").on("disagreements").columns(["resolved_at", "raised_at", "id"]).execute();
  await db.schema.createIndex("disagreements_commitment_idx").on("disagreements").columns(["commitment_id", "raised_at"]).execute();
  await db.schema.createIndex("disagreements_person_idx").on("disagreements").columns(["person", "raised_at"]).execute();

  await db.schema.alterTable("links").addColumn("later_document_id", "text").execute();
  await db.schema.createIndex("links_later_document_idx").on("links").column("later_document_id").execute();
  await db.schema.createIndex("links_state_created_idx").on("links").columns(["state", "created_at", "id"]).execute();

  const old = await db
    .selectFrom("events")
    .leftJoin("commitments", "commitments.id", "events.entity_id")
    .leftJoin("documents", "documents.id", "commitments.document_id")
    .leftJoin("people", "people.id", "documents.person_id")
    .select(["events.id", "events.entity_id", "events.actor", "events.at", "events.before", "events.reason", "people.name as person"])
    .where("events.action", "=", "disagreement.registered")
    .where("events.entity_type", "=", "commitment")
    .where("commitments.id", "is not", null)
    .execute();
  for (const e of old) {
    let status: string | null = null;
    try {
      const before = e.before ? JSON.parse(e.before) : null;
      if (before && typeof before.status === "string") status = before.status;
    } catch {
      status = null;
    }
    await db
      .insertInto("disagreements")
      .values({
        id: e.id,
        commitment_id: e.entity_id,
        person: e.person ?? null,
        raised_by: e.actor,
        raised_at: e.at,
        disputed_status: status,
        note: e.reason ?? "",
      })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("links_state_created_idx").execute();
  await db.schema.dropIndex("links_later_document_idx").execute();
  await db.schema.alterTable("links").dropColumn("later_document_id").execute();
  await db.schema.dropTable("disagreements").execute();
}
