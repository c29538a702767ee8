// `npm start`: migrate the database, seed it if empty, build the production bundle if it is missing
// or older than the sources, then serve it with the app's own server (server/index.ts) on HOST:PORT
// (127.0.0.1:3000). See docs/decisions/0004-serving-the-app.md and 0021-own-server.md.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveSessionSecrets } from "../app/lib/session-secret.server";
import { withoutEsbuildExitDeadlock } from "./build-output";
import { prepareDatabase } from "./prepare-database";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const buildEntry = path.join(root, "build", "index.js");
const remixCli = path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js");
const serverEntry = path.join(root, "server", "boot.mjs");

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** True when build/index.js is missing or any source it is made from changed after it. */
export function buildIsStale(): boolean {
  if (!fs.existsSync(buildEntry)) return true;
  const built = fs.statSync(buildEntry).mtimeMs;
  const sources = ["app", "db", "remix.config.js", "package-lock.json"].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > built;
}

function build(): void {
  console.log("[start] 正在构建生产版本（remix build）…");
  const result = spawnSync(process.execPath, [remixCli, "build"], {
    cwd: root,
    stdio: ["ignore", "inherit", "pipe"],
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  const stderr = result.stderr ?? "";
  if (result.status !== 0 || !fs.existsSync(buildEntry)) {
    process.stderr.write(stderr);
    throw new Error(`remix build failed (exit ${result.status ?? result.signal})`);
  }
  process.stderr.write(withoutEsbuildExitDeadlock(stderr));
}

const BUILD_LOCK = path.join(root, ".build-lock");
/** A lock older than this was left by a start that died mid-build. */
const STALE_LOCK_MS = 10 * 60 * 1000;

/**
 * Builds when the bundle is stale, once even when several starts race (the two browser suites each
 * start a server): the first takes the lock (an atomic mkdir) and builds; the others wait for it and
 * then find the bundle fresh. Two builds writing build/ at once could serve a half-written bundle.
 */
async function buildIfStale(): Promise<void> {
  for (;;) {
    if (!buildIsStale()) return;
    try {
      fs.mkdirSync(BUILD_LOCK);
    } catch {
      const age = Date.now() - (fs.statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (buildIsStale()) build();
      return;
    } finally {
      fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  }
}

async function main(): Promise<void> {
  // First: a production deployment without SESSION_SECRET is refused before anything runs; the
  // embedded default makes its secret file beside the SQLite database (docs/decisions/0026).
  resolveSessionSecrets({ ...process.env, NODE_ENV: "production" });
  await prepareDatabase();
  await buildIfStale();

  const host = process.env.HOST || "127.0.0.1";
  const port = process.env.PORT || "3000";
  // HOST is always passed down (remix-serve, which this replaced, bound every interface without it).
  // server/boot.mjs loads the build natively, then server/index.ts with tsx's loader, in this one child process.
  const server = spawn(process.execPath, [serverEntry, buildEntry], {
    cwd: root,
    stdio: "inherit",
    // Two malloc arenas instead of eight per core: the decoding worker threads otherwise leave the
    // process holding memory it has freed (docs/decisions/0025).
    env: { MALLOC_ARENA_MAX: "2", ...process.env, HOST: host, PORT: port, NODE_ENV: "production" },
  });
  console.log(`[start] 承诺跟踪 http://${host}:${port}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // On Ctrl-C the terminal already sent SIGINT to the child; forwarding covers `kill` and CI.
    if (server.exitCode === null) server.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  server.on("exit", (code, signal) => {
    if (stopping) process.exit(0);
    console.error(`[start] 服务进程意外退出（${signal ?? `exit ${code}`}）`);
    process.exit(code ?? 1);
  });
}

main().catch((error: unknown) => {
  console.error(`[start] 启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
