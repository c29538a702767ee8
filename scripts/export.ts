// npm run --silent export -- [--out FILE] [--as-of YYYY-MM-DD] [--published]
//
// --published exports what a signed-out visitor sees (docs/decisions/0031): published documents,
// checked readings only (unchecked ones too, marked, with PUBLISH_UNCHECKED=1), confirmed links,
// staff names as their role — the copy to publish as open data. Without it, everything, each
// commitment and figure with its reviewState (the office's own copy).
//
// Prints the whole database (DATABASE_URL, as for every command) as JSON Lines: one record per
// document, commitment, observation and link, in that order (app/services/export.server.ts).
// Commitments carry their status as of today in China (or --as-of). Rows are read 1000 at a time,
// so memory stays bounded however large the database. stdout holds only the JSON lines; progress
// goes to stderr, and only when stderr is a terminal. --out FILE writes the lines there instead.
// Exit code 2 on a usage error, 1 on any other failure.
import fs from "node:fs";
import type { Writable } from "node:stream";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { todayInChina } from "../app/lib/dates";
import { exportRecords } from "../app/services/export.server";
import { isIsoDay } from "../app/services/service-rules.server";
import { scopeFor } from "../app/services/publication.server";

const USAGE =
  "usage: npm run --silent export -- [--out FILE] [--as-of YYYY-MM-DD] [--published]\n用法：npm run --silent export -- [--out 文件] [--as-of 年-月-日] [--published]";

class UsageError extends Error {}

function parseArgs(argv: string[]): { out?: string; asOf: string; help: boolean; published: boolean } {
  let out: string | undefined;
  let asOf = todayInChina();
  let help = false;
  let published = false;
  const valueOf = (arg: string, name: string, i: number): [string | undefined, number] =>
    arg === name ? [argv[i + 1], i + 1] : [arg.slice(name.length + 1), i];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    if (arg === "-h" || arg === "--help") help = true;
    else if (arg === "--published") published = true;
    else if (arg === "--out" || arg.startsWith("--out=")) {
      const [value, next] = valueOf(arg, "--out", i);
      i = next;
      if (!value) throw new UsageError("--out 后缺少文件名");
      out = value;
    } else if (arg === "--as-of" || arg.startsWith("--as-of=")) {
      const [value, next] = valueOf(arg, "--as-of", i);
      i = next;
      if (!value || !isIsoDay(value)) throw new UsageError(`--as-of 需要真实存在的日期，格式为 YYYY-MM-DD${value ? `（“${value}”无效）` : ""}`);
      asOf = value;
    } else throw new UsageError(`未知参数 ${arg}`);
  }
  return out ? { out, asOf, help, published } : { asOf, help, published };
}

/** Resolves when the stream has room again; rejects if it fails meanwhile (a closed pipe, a full disk). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      stream.off("drain", onDrain);
      reject(error);
    };
    const onDrain = () => {
      stream.off("error", onError);
      resolve();
    };
    stream.once("drain", onDrain);
    stream.once("error", onError);
  });
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`export: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }

  // Piped into `head`: the reader left, which is no failure of the export.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const sink: Writable = args.out ? fs.createWriteStream(args.out, { encoding: "utf8" }) : process.stdout;
  const tty = process.stderr.isTTY === true;
  const counts = { document: 0, commitment: 0, observation: 0, link: 0 };
  const started = Date.now();
  let lastShown = 0;
  const show = (force = false) => {
    if (!tty || (!force && Date.now() - lastShown < 200)) return;
    lastShown = Date.now();
    process.stderr.write(
      `\rdocuments ${counts.document}  commitments ${counts.commitment}  observations ${counts.observation}  links ${counts.link}  ${((Date.now() - started) / 1000).toFixed(1)} s\u001b[K`,
    );
  };

  const db = createDb();
  try {
    // An empty or older database exports what it holds once its tables are current.
    await migrateToLatest(db);
    // --published: what a signed-out visitor sees (decision 0031), for publishing as open data
    for await (const record of exportRecords(db, { asOf: args.asOf, ...(args.published ? { scope: scopeFor(null) } : {}) })) {
      counts[record.type]++;
      if (!sink.write(`${JSON.stringify(record)}\n`)) await drained(sink);
      show();
    }
  } finally {
    await db.destroy();
  }
  if (args.out) {
    await new Promise<void>((resolve, reject) => {
      sink.once("error", reject);
      sink.end(() => resolve());
    });
  }
  if (tty) {
    show(true);
    process.stderr.write(args.out ? `\nwritten to ${args.out}\n` : "\n");
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`export: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
