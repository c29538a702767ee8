// Scale benchmark (issue 3): a province's ten years — 100k replies, ~1M commitments — ingested into
// SQLite through the real ingestFile path, then the production server measured page by page.
//   npm run bench:scale -- [--docs N] [--db PATH] [--keep] [--skip-ingest] [--requests N] [--concurrency N]
// Phase 1: ingest a deterministic synthetic corpus (bench/scale-corpus.ts), one transaction per
//          document, reporting the rate per tenth of the run (matching must not slow down as the
//          table grows). Phase 2: start scripts/start.ts against the database on 127.0.0.1 and
//          send a bounded number of requests per URL (concurrency 4 unless --concurrency), reporting p50/p95/p99.
// The README's "Scale" section has the figures and the machine.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { ingestFile } from "../app/services/ingest.server";
import { addUser, issueToken } from "../app/services/users.server";
import { syntheticDoc } from "./scale-corpus";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const docs = Number(arg("docs") ?? 100_000);
const dbPath = path.resolve(arg("db") ?? path.join(os.tmpdir(), "tracker-scale.sqlite"));
const keep = flag("keep");
const skipIngest = flag("skip-ingest");
const requestsPerUrl = Number(arg("requests") ?? 200);
const concurrency = Math.max(1, Number(arg("concurrency") ?? 4));
const SEED = 20261124;

function fileSize(p: string): number {
  let n = 0;
  for (const f of [p, `${p}-wal`, `${p}-shm`]) if (fs.existsSync(f)) n += fs.statSync(f).size;
  return n;
}
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

async function ingest(): Promise<void> {
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
  const db = createDb(`file:${dbPath}`);
  await migrateToLatest(db);
  const window = Math.max(1, Math.floor(docs / 10));
  let commitments = 0;
  let observations = 0;
  let links = 0;
  let wCommitments = 0;
  let wLinks = 0;
  const t0 = performance.now();
  let tw = t0;
  console.log(`phase 1: ingest ${docs} documents into ${dbPath}`);
  console.log("window            docs/s  commitments/s  links/window  elapsed");
  for (let i = 0; i < docs; i++) {
    const doc = syntheticDoc(SEED, i);
    const result = await ingestFile(db, {
      bytes: new TextEncoder().encode(doc.text),
      fileName: doc.fileName,
      source: "bench",
      actor: "bench",
    });
    if (result.status !== "created") throw new Error(`document ${i}: ${JSON.stringify(result)}`);
    commitments += result.commitments;
    observations += result.observations;
    links += result.links;
    wCommitments += result.commitments;
    wLinks += result.links;
    if ((i + 1) % window === 0 || i + 1 === docs) {
      const now = performance.now();
      const n = (i + 1) % window === 0 ? window : (i + 1) % window;
      const s = (now - tw) / 1000;
      console.log(
        `${String(i + 1 - n).padStart(6)}–${String(i + 1).padEnd(7)}  ${(n / s).toFixed(1).padStart(6)}  ${(wCommitments / s)
          .toFixed(0)
          .padStart(13)}  ${String(wLinks).padStart(12)}  ${((now - t0) / 1000).toFixed(0)} s`,
      );
      tw = now;
      wCommitments = 0;
      wLinks = 0;
    }
  }
  const total = (performance.now() - t0) / 1000;
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  await sql`analyze`.execute(db);
  await db.destroy();
  console.log(
    `ingested ${docs} documents, ${commitments} commitments, ${observations} observations, ${links} proposed links in ${total.toFixed(0)} s: ` +
      `${(docs / total).toFixed(1)} docs/s, ${(commitments / total).toFixed(0)} commitments/s; database ${mib(fileSize(dbPath))}`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

let authorization = "";
const get = (url: string) => fetch(url, { headers: { Authorization: authorization }, redirect: "manual" });

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function measure(base: string, url: string): Promise<{ p50: number; p95: number; p99: number; status: number; bytes: number }> {
  const times: number[] = [];
  let status = 0;
  let bytes = 0;
  // two warm-up requests (JIT, SQLite page cache, a status cache for today), not counted
  for (let i = 0; i < 2; i++) await (await get(base + url)).arrayBuffer();
  let next = 0;
  async function worker(): Promise<void> {
    while (next < requestsPerUrl) {
      next++;
      const t = performance.now();
      const res = await get(base + url);
      const body = await res.arrayBuffer();
      times.push(performance.now() - t);
      status = res.status;
      bytes = body.byteLength;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99), status, bytes };
}

async function pages(): Promise<void> {
  const db = createDb(`file:${dbPath}`);
  const doc = await db.selectFrom("documents").select("id").orderBy("id").offset(Math.floor(docs / 2)).limit(1).executeTakeFirstOrThrow();
  const commitment = await db
    .selectFrom("commitments")
    .select(["id", "agency"])
    .where("kind", "=", "quantitative")
    .orderBy("id")
    .offset(Math.floor(docs * 5))
    .limit(1)
    .executeTakeFirstOrThrow();
  const linked = await db.selectFrom("links").select("commitment_id").orderBy("id").limit(1).executeTakeFirst();
  const person = await db.selectFrom("people").select("name").orderBy("id").limit(1).executeTakeFirstOrThrow();
  // /review is for reviewers: a bench reviewer and its API token (Authorization: Bearer …)
  if (!(await db.selectFrom("users").select("id").where("name", "=", "bench-reviewer").executeTakeFirst())) {
    await addUser(db, { name: "bench-reviewer", role: "reviewer", password: "bench-reviewer-password", actor: "bench" });
  }
  authorization = `Bearer ${await issueToken(db, { name: "bench-reviewer", actor: "bench" })}`;
  await db.destroy();
  const agency = encodeURIComponent(commitment.agency ?? "");
  const urls = [
    "/",
    "/documents",
    "/documents?page=50",
    "/documents?q=" + encodeURIComponent("养老"),
    `/documents/${doc.id}`,
    "/commitments",
    "/commitments?page=100",
    `/commitments?agency=${agency}`,
    "/commitments?kind=quantitative&dueYear=2025",
    "/commitments?q=" + encodeURIComponent("养老护理员"),
    // a term found nowhere: without a text index every commitment is read to be sure
    "/commitments?q=" + encodeURIComponent("没有这个指标"),
    "/review?tab=objections",
    "/commitments?status=overdue_no_evidence",
    `/commitments/${commitment.id}`,
    ...(linked ? [`/commitments/${linked.commitment_id}`] : []),
    `/agencies/${agency}`,
    `/deputies/${encodeURIComponent(person.name)}`,
    "/review",
    "/review/annual?year=2025",
    "/api/commitments",
    "/api/commitments?status=overdue_no_evidence",
    "/api/commitments?q=" + encodeURIComponent("养老护理员"),
    `/api/commitments/${commitment.id}`,
  ];

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`\nphase 2: production server on ${base}, ${requestsPerUrl} requests per URL, concurrency ${concurrency}`);
  const server = spawn(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${dbPath}`, HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"], // remix-serve logs every request
    detached: true,
  });
  try {
    await waitFor(base + "/documents", 600_000);
    console.log("url                                                   status      KiB     p50     p95     p99  (ms)");
    for (const url of urls) {
      const t = performance.now();
      const first = await get(base + url);
      await first.arrayBuffer();
      const cold = performance.now() - t;
      const m = await measure(base, url);
      const label = decodeURIComponent(url).slice(0, 52);
      console.log(
        `${label.padEnd(52 - (label.length - [...label].length))}  ${String(m.status).padStart(6)}  ${(m.bytes / 1024).toFixed(0).padStart(7)}  ${m.p50
          .toFixed(1)
          .padStart(6)}  ${m.p95.toFixed(1).padStart(6)}  ${m.p99.toFixed(1).padStart(6)}  (first ${cold.toFixed(0)})`,
      );
    }
  } finally {
    // the server runs in its own process group: end the group (start.ts and remix-serve)
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`);
  if (!skipIngest) await ingest();
  await pages();
  if (!keep) {
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
    console.log(`removed ${dbPath} (--keep keeps it)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
