import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createMigrator, migrateToLatest } from "../../db/migrate";
import { migrations } from "../../db/migrations/index";
import { describeEachDatabase } from "./databases";

const migrationsDir = fileURLToPath(new URL("../../db/migrations/", import.meta.url));

describe("the migration registry", () => {
  it("lists exactly the migration files in db/migrations, in timestamp order", () => {
    const files = fs
      .readdirSync(migrationsDir)
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .map((f) => path.basename(f, ".ts"))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });

  it("names every migration by a 14-digit timestamp and a kebab-case description", () => {
    for (const name of Object.keys(migrations)) expect(name).toMatch(/^\d{14}-[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

const TABLES = [
  "commitments", "documents", "events", "observations",
  "people", "suggestions", "links", "progress_updates", "overrides", "status_cache", "users", "api_tokens", "evidence_files", "settings", "disagreements",
];

describeEachDatabase("migrations", (ctx) => {
  it("migrate an empty database to the latest version, then do nothing the second time", async () => {
    const { db } = await ctx.emptyDb();
    const first = await migrateToLatest(db);
    expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual(
      Object.keys(migrations).map((name) => [name, "Success"]),
    );
    const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
    for (const table of TABLES) expect(tables).toContain(table);

    const second = await migrateToLatest(db);
    expect(second.results).toEqual([]);
  });

  it("migrate all the way down and back up again", async () => {
    const { db } = await ctx.emptyDb();
    await migrateToLatest(db);
    const migrator = createMigrator(db);
    for (let i = 0; i < Object.keys(migrations).length; i++) {
      const { error } = await migrator.migrateDown();
      expect(error).toBeUndefined();
    }
    const left = (await db.introspection.getTables()).map((t) => t.name);
    for (const table of TABLES) expect(left).not.toContain(table);
    await migrateToLatest(db);
    const again = (await db.introspection.getTables()).map((t) => t.name);
    for (const table of TABLES) expect(again).toContain(table);
  });

  it("create the indexes the list pages rely on", async () => {
    const query =
      ctx.dialect === "sqlite"
        ? sql<{ name: string }>`select name from sqlite_master where type = 'index'`
        : sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = 'public'`;
    const names = (await query.execute(ctx.db)).rows.map((r) => r.name);
    for (const index of [
      "commitments_agency_due_idx",
      "commitments_due_date_idx",
      "commitments_kind_due_idx",
      "observations_document_idx",
      "documents_replied_on_idx",
    ]) {
      expect(names).toContain(index);
    }
  });

  it("carry objections stored as audit events before the disagreements table into it", async () => {
    const { db } = await ctx.emptyDb();
    const migrator = createMigrator(db);
    const { error } = await migrator.migrateTo("20261125090000-status-cache-due-order-index");
    expect(error).toBeUndefined();
    const at = "2026-11-20T08:00:00.000Z";
    await db.insertInto("people").values({ id: "p1", key: "林华|代表|", name: "林华", role: "代表", region: null, created_at: at }).execute();
    await db
      .insertInto("documents")
      .values({
        id: "d1", content_hash: "h", text_hash: "t", file_name: "a.txt", format: "txt", encoding: "utf-8", text: "x", source: "test",
        agency: null, addressee: "林华", addressee_role: "代表", ref: null, session: null, title: null, replied_on: "2023-06-20",
        region: null, co_agencies: "[]", kind: "reply", ingested_at: at, ingested_by: "t", person_id: "p1", suggestion_id: null,
      })
      .execute();
    await db
      .insertInto("commitments")
      .values({
        id: "c1", document_id: "d1", ordinal: 0, quote: "新增床位300张", start_offset: 0, end_offset: 1, kind: "quantitative",
        indicator: "家庭养老床位", needs_review: 0, origin: "extracted", created_at: at,
      })
      .execute();
    await db
      .insertInto("events")
      .values({
        id: "e1", entity_type: "commitment", entity_id: "c1", action: "disagreement.registered", actor: "林华", at,
        before: JSON.stringify({ status: "not_due_no_data" }), after: null, reason: "实际只建了100张",
      })
      .execute();
    await migrateToLatest(db);
    const rows = await db.selectFrom("disagreements").selectAll().execute();
    expect(rows).toEqual([
      expect.objectContaining({ id: "e1", commitment_id: "c1", person: "林华", raised_by: "林华", disputed_status: "not_due_no_data", note: "实际只建了100张", resolved_at: null }),
    ]);
  });
});
