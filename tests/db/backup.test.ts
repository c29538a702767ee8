// npm run backup / npm run restore (db/backup.ts): backup → change → restore gives the backed-up
// data back, on a real SQLite file and a real PostgreSQL database; files that are not this app's
// database are refused and change nothing. The commands themselves run as child processes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import { afterAll, expect, it } from "vitest";
import { BackupError, backupDatabase, inspectSqliteFile, restoreDatabase } from "../../db/backup";
import type { Database } from "../../db/schema";
import { ingestFile } from "../../app/services/ingest.server";
import { describeEachDatabase } from "./databases";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SEEDS = path.join(ROOT, "seeds", "replies");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ingestSeed(db: Kysely<Database>, name: string) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(SEEDS, name)));
  const result = await ingestFile(db, { bytes, fileName: name, source: "test", actor: "测试" });
  expect(result.status).toBe("created");
}

async function snapshot(db: Kysely<Database>) {
  const documents = await db.selectFrom("documents").select(["id", "file_name"]).orderBy("id").execute();
  const commitments = await db.selectFrom("commitments").select(["id", "quote"]).orderBy("id").execute();
  const events = await db.selectFrom("events").select("id").orderBy("id").execute();
  return { documents, commitments, events: events.length };
}

function run(script: string, args: string[], url: string) {
  return spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts", script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
    timeout: 120_000,
  });
}

let n = 0;
const file = (ext: string) => path.join(dir, `backup-${++n}.${ext}`);

describeEachDatabase("backup and restore", (ctx) => {
  const ext = () => (ctx.dialect === "sqlite" ? "sqlite" : "dump");

  it("backup → change → restore gives the backed-up data back", async () => {
    await ingestSeed(ctx.db, "2025-06-30-zhejiang-minzheng-hang5.txt");
    const before = await snapshot(ctx.db);
    expect(before.commitments.length).toBeGreaterThan(0);
    const backup = file(ext());
    const made = await backupDatabase(ctx.url, backup);
    expect(made.documents).toBe(1);
    expect(fs.statSync(backup).size).toBeGreaterThan(0);

    // Changed after the backup: a second document, and the first one's commitments edited away.
    await ingestSeed(ctx.db, "2022-06-29-cixi-minzheng-157.txt");
    await ctx.db.updateTable("commitments").set({ quote: "改过了" }).execute();
    expect((await snapshot(ctx.db)).documents.length).toBe(2);

    const restored = await restoreDatabase(ctx.url, backup);
    expect(restored.documents).toBe(1);
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("the commands: npm run backup writes the file, npm run restore puts it back", async () => {
    await ingestSeed(ctx.db, "2025-05-08-chongqing-minzheng-1130.txt");
    const before = await snapshot(ctx.db);
    const backup = file(ext());
    const made = run("backup.ts", ["--", backup], ctx.url);
    expect(made.stderr).toBe("");
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/已备份到 .*1 份文件/);

    await ctx.db.deleteFrom("status_cache").execute();
    await ingestSeed(ctx.db, "2023-08-23-hubei-minzheng-20230504.txt");
    const back = run("restore.ts", [backup], ctx.url);
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/已从 .* 恢复：1 份文件/);
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("refuses a file that is not a database of this app, and changes nothing", async () => {
    await ingestSeed(ctx.db, "2025-06-30-zhejiang-minzheng-hang5.txt");
    const before = await snapshot(ctx.db);
    const text = path.join(dir, `not-a-backup-${++n}.txt`);
    fs.writeFileSync(text, "这不是数据库。\n");
    const refused = run("restore.ts", [text], ctx.url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/不是 (SQLite 数据库文件|pg_dump)/);
    expect(refused.stderr).toMatch(/未做任何改动/);

    const missing = run("restore.ts", [path.join(dir, "no-such-file")], ctx.url);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/无法读取备份文件/);
    expect(run("restore.ts", [], ctx.url).status).toBe(2);
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("refuses a backup made by a newer version of the code (a migration it does not know)", async () => {
    await ingestSeed(ctx.db, "2025-06-30-zhejiang-minzheng-hang5.txt");
    const backup = file(ext());
    await ctx.db.insertInto("kysely_migration" as never).values({ name: "29991231000000-from-the-future", timestamp: new Date().toISOString() } as never).execute();
    await backupDatabase(ctx.url, backup);
    await ctx.db.deleteFrom("kysely_migration" as never).where("name" as never, "=", "29991231000000-from-the-future" as never).execute();
    const before = await snapshot(ctx.db);
    await expect(restoreDatabase(ctx.url, backup)).rejects.toThrow(/更新版本/);
    expect(await snapshot(ctx.db)).toEqual(before);
  });
});

it("refuses a SQLite database of another program, and a damaged file", async () => {
  const other = path.join(dir, "other.sqlite");
  const db = new SQLite(other);
  db.exec("create table notes (id integer primary key, body text)");
  db.close();
  expect(() => inspectSqliteFile(other)).toThrow(/不是承诺跟踪的数据库/);

  const target = path.join(dir, "target.sqlite");
  const fake = path.join(dir, "damaged.sqlite");
  fs.writeFileSync(fake, Buffer.concat([Buffer.from("SQLite format 3\u0000", "latin1"), Buffer.alloc(2000, 7)]));
  await expect(restoreDatabase(`file:${target}`, fake)).rejects.toBeInstanceOf(BackupError);
  expect(fs.existsSync(target)).toBe(false);
});

it("a SQLite backup taken while another connection keeps writing is consistent and complete", async () => {
  const live = path.join(dir, "live.sqlite");
  const { createDb } = await import("../../db/connection");
  const { migrateToLatest } = await import("../../db/migrate");
  const db = createDb(`file:${live}`);
  await migrateToLatest(db);
  await ingestSeed(db, "2025-06-30-zhejiang-minzheng-hang5.txt");
  // A writer on its own connection (as the running app would be) during the backup.
  const writer = new SQLite(live);
  let stop = false;
  const writes = (async () => {
    let i = 0;
    while (!stop) {
      writer.prepare("insert into events (id, entity_type, entity_id, action, actor, at) values (?, 'test', 'x', 'tick', 'test', ?)").run(`zz-${i++}`, new Date().toISOString());
      await new Promise((r) => setImmediate(r));
    }
    return i;
  })();
  const backup = path.join(dir, "live-backup.sqlite");
  const made = await backupDatabase(`file:${live}`, backup);
  stop = true;
  await writes;
  writer.close();
  expect(made.documents).toBe(1);
  expect(inspectSqliteFile(backup).commitments).toBe(made.commitments);
  const copy = new SQLite(backup, { readonly: true });
  expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
  copy.close();
  await db.destroy();
});
