// Backup and restore of the database named by DATABASE_URL (docs/decisions/0023-backup-and-restore.md).
//   SQLite     — SQLite's online backup API (better-sqlite3's db.backup()): a consistent copy while
//                the app keeps reading and writing; restore writes the backup into the live file
//                through the same API, in one transaction on the destination.
//   PostgreSQL — pg_dump's custom format; restore replays it with pg_restore into psql, after
//                dropping the schema, all in one transaction.
// A file is checked before anything is replaced: it must be a database of this app (its migration
// table, its core tables) made by this or an earlier version of the code.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { openSqlite, parseDatabaseUrl } from "./connection";
import { migrations } from "./migrations/index";

/** A refusal or failure with a message in Chinese for the person at the terminal. */
export class BackupError extends Error {}

export interface DatabaseSummary {
  /** migrations applied in it, oldest first */
  migrations: string[];
  documents: number;
  commitments: number;
}

export interface BackupResult extends DatabaseSummary {
  file: string;
  bytes: number;
}

export interface RestoreResult extends DatabaseSummary {
  /** where the database as it was before the restore was saved, if it existed */
  previous: string | null;
}

const CORE_TABLES = ["kysely_migration", "documents", "commitments", "events"] as const;
const SQLITE_MAGIC = "SQLite format 3\u0000";

/**
 * Copy every page in one step of the backup API. In steps, a write by another connection (the
 * running app) between two steps restarts the copy from the first page, so a busy app could keep a
 * backup from ever finishing. In one step the source is read in one read transaction, which under
 * WAL blocks no writer.
 */
const ALL_AT_ONCE = () => 0x7fffffff;

const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
const tempNameFor = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.part`);

/** Migrations named in a backup that this code does not know: it was made by a newer version. */
function unknownMigrations(names: string[]): string[] {
  return names.filter((name) => !(name in migrations));
}

// --- SQLite ------------------------------------------------------------------------------------

/** Reads a SQLite file read-only and says whether it is this app's database, or throws why not. */
export function inspectSqliteFile(file: string): DatabaseSummary {
  let handle: number | undefined;
  try {
    handle = fs.openSync(file, "r");
  } catch {
    throw new BackupError(`无法读取备份文件：${file}`);
  }
  const header = Buffer.alloc(16);
  try {
    fs.readSync(handle, header, 0, 16, 0);
  } finally {
    fs.closeSync(handle);
  }
  if (header.toString("latin1") !== SQLITE_MAGIC) {
    throw new BackupError(`“${path.basename(file)}”不是 SQLite 数据库文件，未做任何改动。`);
  }
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`无法打开“${path.basename(file)}”：${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new BackupError(`“${path.basename(file)}”已损坏（SQLite 完整性检查：${String(check)}），未做任何改动。`);
    const tables = new Set(
      (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) {
      throw new BackupError(`“${path.basename(file)}”不是承诺跟踪的数据库（缺少数据表 ${missing.join("、")}），未做任何改动。`);
    }
    const names = (db.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map((r) => r.name);
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { migrations: names, documents: count("documents"), commitments: count("commitments") };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`无法读取“${path.basename(file)}”：${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }
}

async function backupSqlite(source: string, file: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`数据库文件不存在：${source}`);
  const db = openSqlite(source);
  const temp = tempNameFor(file);
  try {
    // Written next to the target under a temporary name, then renamed: a backup that stopped
    // half-way never has the name of a finished one.
    await db.backup(temp, { progress: ALL_AT_ONCE });
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new BackupError(`备份失败：${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }
  // The copy is a WAL database with no WAL beside it; make it a single self-contained file.
  const copy = new SQLite(temp);
  copy.pragma("journal_mode = DELETE");
  copy.close();
  const summary = inspectSqliteFile(temp);
  fs.renameSync(temp, file);
  return { ...summary, file, bytes: fs.statSync(file).size };
}

async function restoreSqlite(target: string, file: string, now: Date): Promise<RestoreResult> {
  const summary = inspectSqliteFile(file);
  const unknown = unknownMigrations(summary.migrations);
  if (unknown.length > 0) {
    throw new BackupError(`该备份来自更新版本的程序（含未知的迁移 ${unknown.join("、")}），请先升级程序再恢复。未做任何改动。`);
  }
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${stamp(now)}.sqlite`;
    await backupSqlite(target, previous);
  }
  // The backup API writes every page of the source into the live database inside one write
  // transaction on it: a reader (the running app) sees the old database or the new one, never a
  // mix, and a crash mid-way is rolled back by SQLite itself.
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await source.backup(target, { progress: ALL_AT_ONCE });
  } catch (error) {
    throw new BackupError(`恢复失败，数据库未改动：${error instanceof Error ? error.message : String(error)}`);
  } finally {
    source.close();
  }
  // The restored pages carry the backup's journal mode; the app's own settings come back on open.
  openSqlite(target).close();
  return { ...inspectSqliteFile(target), previous };
}

// --- PostgreSQL --------------------------------------------------------------------------------

function requireTool(tool: string): void {
  const probe = spawnSync(tool, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new BackupError(`找不到 ${tool}：PostgreSQL 的备份与恢复需要 PostgreSQL 客户端工具（Debian：apt-get install postgresql-client）。`);
  }
}

/** Runs a command; throws a BackupError with its stderr when it fails. */
function run(command: string, args: string[], what: string): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) {
    const detail = (result.stderr || result.error?.message || "").trim().split("\n").slice(-3).join(" ");
    throw new BackupError(`${what}失败：${detail}`);
  }
  return result.stdout;
}

/** The table of contents of a pg_dump file; throws when it is not one of this app's dumps. */
export function inspectPostgresDump(file: string): { tables: string[]; migrations: string[] } {
  if (!fs.existsSync(file)) throw new BackupError(`无法读取备份文件：${file}`);
  const head = Buffer.alloc(5);
  const handle = fs.openSync(file, "r");
  try {
    fs.readSync(handle, head, 0, 5, 0);
  } finally {
    fs.closeSync(handle);
  }
  if (head.toString("latin1") !== "PGDMP") {
    throw new BackupError(`“${path.basename(file)}”不是 pg_dump 自定义格式（-Fc）的备份文件，未做任何改动。`);
  }
  const list = run("pg_restore", ["--list", file], "读取备份目录");
  const tables = [...list.matchAll(/ TABLE public (\S+) /g)].map((m) => m[1]!);
  const missing = CORE_TABLES.filter((t) => !tables.includes(t));
  if (missing.length > 0) {
    throw new BackupError(`“${path.basename(file)}”不是承诺跟踪的数据库备份（缺少数据表 ${missing.join("、")}），未做任何改动。`);
  }
  // The migrations recorded in the dump, from its kysely_migration rows (COPY text format).
  const data = run("pg_restore", ["--data-only", "--table=kysely_migration", "--file=-", file], "读取备份中的迁移记录");
  const copy = data.match(/COPY public\.kysely_migration[^\n]*\n([\s\S]*?)\n\\\./);
  const migrationNames = copy ? copy[1]!.split("\n").map((line) => line.split("\t")[0]!).filter(Boolean) : [];
  return { tables, migrations: migrationNames };
}

async function postgresSummary(url: string): Promise<DatabaseSummary> {
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  try {
    const names = (await client.query<{ name: string }>("select name from kysely_migration order by name")).rows.map((r) => r.name);
    const count = async (table: string) => Number((await client.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
    return { migrations: names, documents: await count("documents"), commitments: await count("commitments") };
  } finally {
    await client.end();
  }
}

async function backupPostgres(url: string, file: string): Promise<BackupResult> {
  requireTool("pg_dump");
  const temp = tempNameFor(file);
  try {
    // One snapshot (pg_dump's own transaction), so writes made meanwhile are either in or out whole.
    run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${temp}`, `--dbname=${url}`], "pg_dump 备份");
    inspectPostgresDump(temp);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { ...(await postgresSummary(url)), file, bytes: fs.statSync(file).size };
}

async function restorePostgres(url: string, file: string, now: Date): Promise<RestoreResult> {
  requireTool("pg_restore");
  requireTool("psql");
  const unknown = unknownMigrations(inspectPostgresDump(file).migrations);
  if (unknown.length > 0) {
    throw new BackupError(`该备份来自更新版本的程序（含未知的迁移 ${unknown.join("、")}），请先升级程序再恢复。未做任何改动。`);
  }
  const database = new URL(url).pathname.slice(1) || "postgres";
  const previous = path.join(path.dirname(file), `before-restore-${database}-${stamp(now)}.dump`);
  await backupPostgres(url, previous).catch(() => undefined);
  const hadPrevious = fs.existsSync(previous);
  // pg_restore writes the dump as SQL; psql runs it after emptying the schema, all in one
  // transaction (--single-transaction, ON_ERROR_STOP): a failure leaves the database as it was.
  await new Promise<void>((resolve, reject) => {
    const restore = spawn("pg_restore", ["--no-owner", "--no-privileges", "--file=-", file], { stdio: ["ignore", "pipe", "pipe"] });
    const psql = spawn("psql", ["--quiet", "--no-psqlrc", "--single-transaction", "-v", "ON_ERROR_STOP=1", `--dbname=${url}`, "-f", "-"], {
      stdio: ["pipe", "ignore", "pipe"],
      env: { ...process.env, PGOPTIONS: "-c client_min_messages=warning" },
    });
    let errors = "";
    restore.stderr.on("data", (d: Buffer) => (errors += d.toString()));
    psql.stderr.on("data", (d: Buffer) => (errors += d.toString()));
    psql.stdin.write("drop schema if exists public cascade;\ncreate schema public;\n");
    restore.stdout.pipe(psql.stdin);
    let restoreCode: number | null = null;
    restore.on("close", (code) => (restoreCode = code));
    psql.on("error", reject);
    restore.on("error", reject);
    psql.on("close", (code) => {
      if (code === 0 && restoreCode === 0) resolve();
      else reject(new BackupError(`恢复失败，数据库未改动：${errors.trim().split("\n").slice(-3).join(" ")}`));
    });
  });
  return { ...(await postgresSummary(url)), previous: hadPrevious ? previous : null };
}

// --- the commands ------------------------------------------------------------------------------

export async function backupDatabase(url: string | undefined, file: string): Promise<BackupResult> {
  const target = parseDatabaseUrl(url);
  const out = path.resolve(file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (target.dialect === "sqlite") {
    if (path.resolve(target.path) === out) throw new BackupError("备份文件不能是数据库文件本身。");
    return backupSqlite(target.path, out);
  }
  return backupPostgres(target.url, out);
}

export async function restoreDatabase(url: string | undefined, file: string, now: Date = new Date()): Promise<RestoreResult> {
  const target = parseDatabaseUrl(url);
  const from = path.resolve(file);
  if (target.dialect === "sqlite") {
    if (path.resolve(target.path) === from) throw new BackupError("要恢复的文件就是当前数据库本身。");
    return restoreSqlite(target.path, from, now);
  }
  return restorePostgres(target.url, from, now);
}
