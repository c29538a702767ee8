import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { DEFAULT_SQLITE_PATH, openSqlite, parseDatabaseUrl, withStatementCache } from "../../db/connection";
import { describeEachDatabase } from "./databases";

describe("parseDatabaseUrl", () => {
  it("uses data/tracker.sqlite when DATABASE_URL is unset or blank", () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ dialect: "sqlite", path: path.resolve(DEFAULT_SQLITE_PATH) });
    expect(parseDatabaseUrl("  ")).toEqual({ dialect: "sqlite", path: path.resolve(DEFAULT_SQLITE_PATH) });
  });

  it("reads file:PATH as another SQLite file, relative or absolute", () => {
    expect(parseDatabaseUrl("file:tmp/x.sqlite")).toEqual({ dialect: "sqlite", path: path.resolve("tmp/x.sqlite") });
    expect(parseDatabaseUrl("file:/var/db/t.sqlite")).toEqual({ dialect: "sqlite", path: "/var/db/t.sqlite" });
    expect(parseDatabaseUrl("file:///var/db/t.sqlite")).toEqual({ dialect: "sqlite", path: "/var/db/t.sqlite" });
  });

  it("accepts both postgres:// and postgresql://", () => {
    expect(parseDatabaseUrl("postgres://u@h/db").dialect).toBe("postgres");
    expect(parseDatabaseUrl("postgresql://u@h/db").dialect).toBe("postgres");
  });

  it("refuses anything else with a message that says what is accepted", () => {
    expect(() => parseDatabaseUrl("mysql://u@h/db")).toThrow(/file:PATH, postgres/);
    expect(() => parseDatabaseUrl("file:")).toThrow(/names no file/);
  });
});

describe("the SQLite statement cache", () => {
  it("prepares each SQL text once, keeps the most recent, and survives a schema change", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stmt-cache-"));
    const raw = openSqlite(path.join(dir, "c.sqlite"));
    let prepared = 0;
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((source: string) => {
      prepared++;
      return prepare(source);
    }) as typeof raw.prepare;
    const cached = withStatementCache(raw, 3);
    expect(cached.prepare("select 1 as a")).toBe(cached.prepare("select 1 as a"));
    expect(prepared).toBe(1);
    for (const n of [2, 3, 4]) cached.prepare(`select ${n} as a`);
    cached.prepare("select 1 as a"); // evicted by the three newer ones
    expect(prepared).toBe(5);

    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(new SQLite(path.join(dir, "k.sqlite"))) }) });
    await db.schema.createTable("t").addColumn("a", "integer").execute();
    await db.insertInto("t").values({ a: 1 }).execute();
    const read = () => db.selectFrom("t").selectAll().execute();
    expect(await read()).toEqual([{ a: 1 }]);
    await db.schema.alterTable("t").addColumn("b", "text").execute();
    await db.insertInto("t").values({ a: 2, b: "x" }).execute();
    // the cached "select * from t" sees the new column, and a failed statement does not poison it
    expect(await read()).toEqual([{ a: 1, b: null }, { a: 2, b: "x" }]);
    await expect(db.insertInto("t").values({ c: 1 } as any).execute()).rejects.toThrow();
    expect(await read()).toHaveLength(2);
    await db.destroy();
    cached.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describeEachDatabase("a connection", (ctx) => {
  it("enforces foreign keys", async () => {
    await expect(
      ctx.db
        .insertInto("observations")
        .values({
          id: "o1", document_id: "no-such-document", quote: "q", start_offset: 0, end_offset: 1,
          indicator: "i", value: 1, unit: null, per: null, as_of: null, created_at: "2026-01-01T00:00:00Z",
        })
        .execute(),
    ).rejects.toThrow();
  });

  it("keeps decimal values exactly (double precision, not 4-byte real)", async () => {
    await ctx.db
      .insertInto("documents")
      .values({
        id: "d1", content_hash: "h1", text_hash: "t1", file_name: "a.txt", format: "txt", encoding: "utf-8",
        text: "x", source: "test", agency: null, addressee: null, addressee_role: null, ref: null, session: null,
        title: null, replied_on: null, region: null, co_agencies: "[]", kind: "reply",
        ingested_at: "2026-01-01T00:00:00Z", ingested_by: "test",
      })
      .execute();
    await ctx.db
      .insertInto("observations")
      .values({
        id: "o1", document_id: "d1", quote: "覆盖85.78%乡镇(街道)", start_offset: 0, end_offset: 1,
        indicator: "覆盖率", value: 85.78, unit: "%", per: null, as_of: "2025-06-30", created_at: "2026-01-01T00:00:00Z",
      })
      .execute();
    const row = await ctx.db.selectFrom("observations").select("value").executeTakeFirstOrThrow();
    expect(row.value).toBe(85.78);
  });

  it("opens SQLite files in WAL mode with a busy timeout", async () => {
    if (ctx.dialect !== "sqlite") return;
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(ctx.db);
    expect(mode.rows[0]?.journal_mode).toBe("wal");
    const timeout = await sql<{ timeout: number }>`pragma busy_timeout`.execute(ctx.db);
    expect(Number(Object.values(timeout.rows[0] ?? {})[0])).toBeGreaterThan(0);
  });
});
