// Decoding and extraction for the server, in worker threads (docs/decisions/0025) — an uploaded
// document's, and an agency's progress spreadsheet's (0037). A file that takes too long is stopped
// (the worker is terminated and replaced), one that needs too much memory is stopped by V8
// (resourceLimits), and either way the file is refused with a Chinese reason while the request
// thread goes on answering. Files wait in a short queue for a free worker; a full queue is refused
// as busy rather than held in memory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Preparation, PrepareInput } from "./document-preparation";
import type { SpreadsheetParse } from "./spreadsheet.server";
import type { PrepareReply, PrepareRequest, WorkerTask } from "../workers/prepare.worker";

export interface PoolOptions {
  /** worker threads (default: one per core beyond the first, at least 1, at most 2) */
  size?: number;
  /** a file still being read after this long is refused (default 60 s) */
  timeLimitMs?: number;
  /** V8 old-generation cap per worker, MB (default 128) */
  memoryLimitMb?: number;
  /** files that may wait for a worker; one more is refused as busy (default 4) */
  maxQueue?: number;
}

/** Every worker is busy and the queue is full: the route answers 503. */
export class PoolBusyError extends Error {
  constructor() {
    super("服务器正忙：已有多份文件在处理中，请稍后再上传。");
    this.name = "PoolBusyError";
  }
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function poolOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<PoolOptions> {
  return {
    size: Math.floor(positive(env.INGEST_WORKERS, Math.min(2, Math.max(1, os.availableParallelism() - 1)))),
    timeLimitMs: positive(env.INGEST_TIME_LIMIT_SECONDS, 60) * 1000,
    memoryLimitMb: positive(env.INGEST_MEMORY_LIMIT_MB, 128),
    maxQueue: Math.floor(positive(env.INGEST_QUEUE, 4)),
  };
}

/** The folder holding package.json: the source tree and the server bundle (build/) both live under it. */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("package.json not found above the preparation pool");
    dir = parent;
  }
  return dir;
}

interface Job {
  task: WorkerTask;
  /** the worker's result, or its refusal in the shape of that task's result */
  resolve: (result: unknown) => void;
  refuse: (reason: string) => unknown;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: unknown } | { ok: false; reason: string };

interface Slot {
  worker: Worker | null;
  /** settles when the worker has loaded its code */
  ready: Promise<void>;
  job: (Job & { id: number; timer: NodeJS.Timeout | null }) | null;
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

export class PreparationPool {
  private readonly options: Required<PoolOptions>;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly entry = path.join(projectRoot(), "app", "workers", "boot.mjs");

  constructor(options: PoolOptions = {}) {
    this.options = { ...poolOptionsFromEnv(), ...options };
    this.slots = Array.from({ length: Math.max(1, this.options.size) }, () => ({ worker: null, ready: Promise.resolve(), job: null }));
  }

  /**
   * Decodes and extracts in a worker; the file's refusal, or a PoolBusyError when the queue is full.
   * `input.bytes` may be handed to the worker (detached): do not read them afterwards.
   */
  run(input: PrepareInput): Promise<Preparation> {
    return this.submit<Preparation>({ kind: "document", input }, (reason) => ({ status: "rejected", reason }));
  }

  /**
   * Reads a progress spreadsheet (.xlsx / .csv) into rows in a worker, with the same limits; a
   * refusal is `{ error }` like the reader's own. `bytes` may be handed over, as for run().
   */
  readSpreadsheet(input: { bytes: Uint8Array; fileName: string }): Promise<SpreadsheetParse> {
    return this.submit<SpreadsheetParse>({ kind: "spreadsheet", input }, (error) => ({ error }));
  }

  private submit<T>(task: WorkerTask, refuse: (reason: string) => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the preparation pool is closed"));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { task, resolve: resolve as (result: unknown) => void, refuse, reject };
      const free = this.slots.find((s) => s.job === null);
      if (free) this.start(free, job);
      else if (this.queue.length < this.options.maxQueue) this.queue.push(job);
      else reject(new PoolBusyError());
    });
  }

  /** Starts the workers now, so the first file does not wait a second or two for one to load. */
  warm(): void {
    for (const slot of this.slots) if (!slot.worker && !this.closed) (slot.worker = this.spawn(slot)).unref();
  }

  /** Ends every worker; waiting and running files are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const stopping = "服务器正在停止，文件未处理，请稍后重新上传";
    for (const job of this.queue.splice(0)) job.resolve(job.refuse(stopping));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.job) this.finish(slot, { ok: false, reason: stopping });
        const worker = slot.worker;
        slot.worker = null;
        await worker?.terminate();
      }),
    );
  }

  private spawn(slot: Slot): Worker {
    let ready!: () => void;
    slot.ready = new Promise<void>((resolve) => (ready = resolve));
    const worker = new Worker(this.entry, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryLimitMb, maxYoungGenerationSizeMb: 16 },
      // The worker's stdout and stderr are not the server's log.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    // An idle worker does not keep a command-line process alive.
    worker.unref();
    worker.on("message", (reply: PrepareReply) => {
      if ("ready" in reply) return ready();
      if (!slot.job || reply.id !== slot.job.id) return;
      this.finish(slot, reply.ok ? { ok: true, result: reply.result } : { ok: false, reason: `文件无法处理：读取时出错（${reply.error.slice(0, 200)}）` });
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      if (!slot.job) return;
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.finish(slot, {
        ok: false,
        reason: outOfMemory
          ? `文件过于庞大或复杂：读取时超出内存上限（${this.options.memoryLimitMb} MB），未保存任何内容`
          : `文件无法处理：读取时出错（${error.message.slice(0, 200)}）`,
      });
    });
    worker.on("exit", () => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      if (slot.job) this.finish(slot, { ok: false, reason: "文件无法处理：读取进程意外退出，未保存任何内容" });
    });
    return worker;
  }

  private start(slot: Slot, job: Job): void {
    const id = this.nextId++;
    const worker = slot.worker ?? (slot.worker = this.spawn(slot));
    worker.ref(); // busy: a command line waits for its file
    slot.job = { ...job, id, timer: null };
    // The clock starts once the worker has loaded its code (a fresh one takes a second or two).
    void slot.ready.then(() => {
      const current = slot.job;
      if (!current || current.id !== id || slot.worker !== worker) return;
      current.timer = setTimeout(() => {
        // terminate() stops the thread even inside a parser's loop; a fresh one serves the next file.
        slot.worker = null;
        void worker.terminate();
        this.finish(slot, {
          ok: false,
          reason: `文件处理超时：${seconds(this.options.timeLimitMs)} 秒内未能读完（文件过大或结构过于复杂），未保存任何内容`,
        });
      }, this.options.timeLimitMs);
      const request: PrepareRequest = { id, task: job.task };
      // The bytes are handed over, not copied, when they fill their own buffer (File.arrayBuffer()
      // gives one): a 20 MB copy is ~50 ms of the request thread. The caller no longer reads them.
      const { bytes } = job.task.input;
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      worker.postMessage(request, own ? [bytes.buffer as ArrayBuffer] : []);
    });
  }

  private finish(slot: Slot, outcome: Outcome): void {
    const job = slot.job;
    if (!job) return;
    if (job.timer) clearTimeout(job.timer);
    slot.job = null;
    job.resolve(outcome.ok ? outcome.result : job.refuse(outcome.reason));
    const next = this.closed ? undefined : this.queue.shift();
    if (next) this.start(slot, next);
    else if (!this.closed && !slot.worker) (slot.worker = this.spawn(slot)).unref(); // a replacement warms up while idle
    else slot.worker?.unref();
  }
}

// One pool per server process, kept on globalThis like the database handle (lib/db.server.ts).
declare global {
  // eslint-disable-next-line no-var
  var __trackerPreparationPool: PreparationPool | undefined;
}

/** The server process's pool, made on first use (server/index.ts makes and warms it at start). */
export function preparationPool(): PreparationPool {
  globalThis.__trackerPreparationPool ??= new PreparationPool();
  return globalThis.__trackerPreparationPool;
}

/** IngestOptions.prepare for the server: the file is decoded and extracted in a worker thread. */
export function prepareInWorker(input: PrepareInput): Promise<Preparation> {
  return preparationPool().run(input);
}

/** importProgressSpreadsheet's `parse` for the server: the spreadsheet is read in a worker thread. */
export function readSpreadsheetInWorker(bytes: Uint8Array, fileName: string): Promise<SpreadsheetParse> {
  return preparationPool().readSpreadsheet({ bytes, fileName });
}

/** Stops the server's pool (on shutdown). */
export async function closePreparationPool(): Promise<void> {
  const pool = globalThis.__trackerPreparationPool;
  globalThis.__trackerPreparationPool = undefined;
  await pool?.close();
}
