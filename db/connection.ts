// One place that turns DATABASE_URL into a Kysely instance.
//   unset                      → SQLite file data/tracker.sqlite (folder created)
//   file:PATH                  → another SQLite file (relative to the working directory)
//   postgres:// | postgresql:// → PostgreSQL through a pg Pool
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export const DEFAULT_SQLITE_PATH = "data/tracker.sqlite";

export type DatabaseTarget =
  | { dialect: "sqlite"; path: string }
  | { dialect: "postgres"; url: string };

export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { dialect: "sqlite", path: path.resolve(DEFAULT_SQLITE_PATH) };
  if (value.startsWith("file:")) {
    let filePath = value.slice("file:".length);
    // file:///abs/path and file:relative/path are both accepted.
    if (filePath.startsWith("//")) filePath = filePath.replace(/^\/\/[^/]*/, "");
    if (!filePath) throw new Error(`DATABASE_URL "${value}" names no file`);
    return { dialect: "sqlite", path: path.resolve(filePath) };
  }
  if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
    return { dialect: "postgres", url: value };
  }
  throw new Error(
    `DATABASE_URL must be file:PATH, postgres://… or postgresql://… (got "${value.split(":")[0]}:…")`,
  );
}

export function openSqlite(filePath: string): SQLite.Database {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const sqlite = new SQLite(filePath);
  // WAL lets the web server read while an ingest writes; busy_timeout makes a second writer wait
  // instead of failing with SQLITE_BUSY.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // 64 MiB of page cache instead of 2 MiB: at a province's volume the link-candidate and list
  // indexes no longer fit in the default (docs/decisions/0011-scale.md).
  sqlite.pragma("cache_size = -65536");
  return sqlite;
}

/** Most prepared statements kept per connection; the app issues a few hundred distinct queries. */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * The SQLite connection as Kysely sees it, with each distinct SQL text prepared once. Kysely's
 * SQLite driver prepares every query it runs; with the same few hundred query shapes run thousands
 * of times per ingest, preparing was a fifth of the ingest's CPU time (docs/decisions/0011). A
 * better-sqlite3 statement can be reused once it has run (Kysely's driver always runs it to the end:
 * `all` or `run`; nothing here streams) and is re-prepared by SQLite itself after a schema change.
 */
export function withStatementCache(sqlite: SQLite.Database, max = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close() {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

// COUNT(*) and SUM() come back from pg as bigint strings; values we store are far below 2^53, so
// parsing int8 as a JS number keeps both databases returning numbers.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function createDb(url: string | undefined = process.env.DATABASE_URL): Kysely<Database> {
  const target = parseDatabaseUrl(url);
  if (target.dialect === "sqlite") {
    return new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(openSqlite(target.path)) }),
    });
  }
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: target.url, max: 10 }),
    }),
  });
}

export function dialectOf(url: string | undefined = process.env.DATABASE_URL) {
  return parseDatabaseUrl(url).dialect;
}
