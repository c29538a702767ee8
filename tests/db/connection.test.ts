import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { DEFAULT_SQLITE_PATH, parseDatabaseUrl } from "../../db/connection";
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
