// vitest globalSetup: a real PostgreSQL server for tests/db.
//   TEST_DATABASE_URL set → use that server (the role must be allowed to CREATE DATABASE).
//   SKIP_POSTGRES=1       → no server; PostgreSQL tests are skipped, said out loud.
//   otherwise             → initdb + pg_ctl a throwaway cluster on 127.0.0.1 and a free port,
//                           stopped and deleted in teardown.
// A failure to start is not thrown here (unit tests need no database); it is handed to the
// PostgreSQL test suites, which fail with this message.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** a server URL whose role can create databases, or null */
    postgresUrl: string | null;
    /** why there is no server: "skipped: …" when SKIP_POSTGRES=1, else the startup error */
    postgresError: string | null;
  }
}

function findBinDir(): string | null {
  const fromEnv = process.env.PG_BINDIR;
  if (fromEnv && fs.existsSync(path.join(fromEnv, "initdb"))) return fromEnv;
  const base = "/usr/lib/postgresql";
  if (fs.existsSync(base)) {
    const versions = fs
      .readdirSync(base)
      .filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], "bin");
  }
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const dir = pgConfig.status === 0 ? pgConfig.stdout.trim() : "";
  return dir && fs.existsSync(path.join(dir, "initdb")) ? dir : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  if (process.env.SKIP_POSTGRES === "1") {
    project.provide("postgresUrl", null);
    project.provide("postgresError", "skipped: SKIP_POSTGRES=1");
    return;
  }
  if (process.env.TEST_DATABASE_URL) {
    project.provide("postgresUrl", process.env.TEST_DATABASE_URL);
    project.provide("postgresError", null);
    return;
  }

  const binDir = findBinDir();
  if (!binDir) {
    project.provide("postgresUrl", null);
    project.provide(
      "postgresError",
      "PostgreSQL server binaries (initdb, pg_ctl) not found. Install Debian's `postgresql` package " +
        "(.ci/run does), or set TEST_DATABASE_URL to a server, or SKIP_POSTGRES=1 to skip these tests.",
    );
    return;
  }

  // initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
  const asRoot = process.getuid?.() === 0;
  const wrap = (cmd: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  let started = false;

  try {
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      fs.chownSync(dir, uid, gid);
    }
    const port = await freePort();
    const run = (cmd: string, args: string[]) => {
      const [c, a] = wrap(path.join(binDir, cmd), args);
      const result = spawnSync(c, a, { encoding: "utf8" });
      if (result.status !== 0) {
        const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-2000) : "";
        throw new Error(`${cmd} failed: ${result.stderr || result.stdout || result.error?.message}\n${log}`);
      }
    };
    run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    // fsync off: a throwaway cluster need not survive a power cut, and tests run much faster.
    run("pg_ctl", [
      "-D", dataDir, "-l", logFile, "-w", "-t", "60",
      "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      "start",
    ]);
    started = true;
    project.provide("postgresUrl", `postgres://postgres@127.0.0.1:${port}/postgres`);
    project.provide("postgresError", null);
  } catch (error) {
    project.provide("postgresUrl", null);
    project.provide(
      "postgresError",
      `could not start a throwaway PostgreSQL cluster with ${binDir}: ${error instanceof Error ? error.message : String(error)}` +
        " — set TEST_DATABASE_URL to a server, or SKIP_POSTGRES=1 to skip these tests.",
    );
  }

  return async function teardown() {
    if (started) {
      const [c, a] = wrap(path.join(binDir, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      spawnSync(c, a, { encoding: "utf8" });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
