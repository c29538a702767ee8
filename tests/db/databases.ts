// Runs a suite once against a real SQLite file and once against a real PostgreSQL server.
// Each test gets its own migrated database, copied from a base migrated once per suite: a file
// copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL. Nothing is truncated or mocked.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject, it } from "vitest";
import { createDb } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import type { Database } from "../../db/schema";

export type Dialect = "sqlite" | "postgres";

export interface DatabaseContext {
  dialect: Dialect;
  /** the current test's migrated database */
  readonly db: Kysely<Database>;
  /** the current test's DATABASE_URL */
  readonly url: string;
  /** a brand-new database with no tables, closed automatically after the test */
  emptyDb(): Promise<{ db: Kysely<Database>; url: string }>;
}

const uniqueName = (prefix: string) => `${prefix}_${randomBytes(6).toString("hex")}`;

interface Backend {
  prepareBase(): Promise<void>;
  newMigratedUrl(): Promise<string>;
  newEmptyUrl(): Promise<string>;
  dropUrl(url: string): Promise<void>;
  cleanup(): Promise<void>;
}

function sqliteBackend(): Backend {
  let dir = "";
  let base = "";
  return {
    async prepareBase() {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-db-test-"));
      base = path.join(dir, "base.sqlite");
      const db = createDb(`file:${base}`);
      await migrateToLatest(db);
      // Closing the last connection checkpoints the WAL into the main file, so one file is a full copy.
      await db.destroy();
    },
    async newMigratedUrl() {
      const file = path.join(dir, `${uniqueName("t")}.sqlite`);
      fs.copyFileSync(base, file);
      return `file:${file}`;
    },
    async newEmptyUrl() {
      return `file:${path.join(dir, `${uniqueName("empty")}.sqlite`)}`;
    },
    async dropUrl(url) {
      const file = url.slice("file:".length);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
    async cleanup() {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(serverUrl: string): Backend {
  const admin = new pg.Pool({ connectionString: serverUrl, max: 2 });
  const template = uniqueName("tracker_tpl");
  const urlFor = (name: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    async prepareBase() {
      await admin.query(`create database ${template}`);
      const db = createDb(urlFor(template));
      await migrateToLatest(db);
      // A template must have no open connections when it is copied.
      await db.destroy();
    },
    async newMigratedUrl() {
      const name = uniqueName("tracker_t");
      await admin.query(`create database ${name} template ${template}`);
      return urlFor(name);
    },
    async newEmptyUrl() {
      const name = uniqueName("tracker_e");
      await admin.query(`create database ${name}`);
      return urlFor(name);
    },
    async dropUrl(url) {
      const name = new URL(url).pathname.slice(1);
      await admin.query(`drop database if exists ${name}`);
    },
    async cleanup() {
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    },
  };
}

/** Declares `title [sqlite]` and `title [postgres]` suites sharing one body. */
export function describeEachDatabase(title: string, body: (ctx: DatabaseContext) => void): void {
  for (const dialect of ["sqlite", "postgres"] as const) {
    const suiteTitle = `${title} [${dialect}]`;
    if (dialect === "postgres") {
      const serverUrl = inject("postgresUrl");
      const problem = inject("postgresError");
      if (!serverUrl) {
        if (problem?.startsWith("skipped")) {
          describe.skip(`${suiteTitle} — ${problem}`, () => body(unavailable(dialect)));
        } else {
          describe(suiteTitle, () => {
            it("has a PostgreSQL server to run against", () => {
              throw new Error(problem ?? "no PostgreSQL server");
            });
          });
        }
        continue;
      }
    }

    describe(suiteTitle, () => {
      let backend: Backend;
      let current: { db: Kysely<Database>; url: string } | undefined;
      let extras: { db: Kysely<Database>; url: string }[] = [];

      beforeAll(async () => {
        backend = dialect === "sqlite" ? sqliteBackend() : postgresBackend(inject("postgresUrl")!);
        await backend.prepareBase();
      });
      afterAll(async () => {
        await backend?.cleanup();
      });
      beforeEach(async () => {
        const url = await backend.newMigratedUrl();
        current = { db: createDb(url), url };
      });
      afterEach(async () => {
        for (const entry of [current, ...extras]) {
          if (!entry) continue;
          await entry.db.destroy();
          await backend.dropUrl(entry.url);
        }
        current = undefined;
        extras = [];
      });

      body({
        dialect,
        get db() {
          if (!current) throw new Error("db is only available inside a test");
          return current.db;
        },
        get url() {
          if (!current) throw new Error("url is only available inside a test");
          return current.url;
        },
        async emptyDb() {
          const url = await backend.newEmptyUrl();
          const entry = { db: createDb(url), url };
          extras.push(entry);
          return entry;
        },
      });
    });
  }
}

function unavailable(dialect: Dialect): DatabaseContext {
  const fail = () => {
    throw new Error("no database");
  };
  return {
    dialect,
    get db(): Kysely<Database> {
      return fail();
    },
    get url(): string {
      return fail();
    },
    emptyDb: fail,
  };
}
