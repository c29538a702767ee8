// npm run ingest -- [--date YYYY-MM-DD] <files or folders…>
//
// --date is the documents' date when their text carries none (a crawler knows when a page was
// published); a date written in the text still wins.
// Stores each file through ingestFile (one transaction per document: all or nothing; the same
// content twice is a no-op). Folders are walked recursively for .txt/.htm/.html/.docx/.pdf. On a
// terminal a progress bar with counts and rate; otherwise one line per file. Ends with a summary
// and every failure with its reason; exit code 1 if any file failed, 2 on a usage error.
import fs from "node:fs/promises";
import path from "node:path";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { MAX_FILE_BYTES } from "../app/decode/index";
import { ingestFile } from "../app/services/ingest.server";
import { isIsoDay } from "../app/services/service-rules.server";

const EXTENSIONS = new Set([".txt", ".htm", ".html", ".docx", ".pdf"]);
const USAGE = "usage: npm run ingest -- [--date YYYY-MM-DD] <files or folders…>\n用法：npm run ingest -- [--date 年-月-日] <文件或文件夹…>";

class UsageError extends Error {}

/** The inputs and the --date / --date= value; throws UsageError for a bad date or an unknown option. */
function parseIngestArgs(argv: string[]): { inputs: string[]; documentDate?: string; help: boolean } {
  const inputs: string[] = [];
  let documentDate: string | undefined;
  let help = false;
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyFiles) inputs.push(arg);
    else if (arg === "--") onlyFiles = true;
    else if (arg === "-h" || arg === "--help") help = true;
    else if (arg === "--date" || arg.startsWith("--date=")) {
      const value = arg === "--date" ? argv[++i] : arg.slice("--date=".length);
      if (!value || !isIsoDay(value)) {
        throw new UsageError(
          value
            ? `--date 的值“${value}”不是有效日期：需要真实存在的日期，格式为 YYYY-MM-DD（如 2021-07-28）`
            : "--date 后缺少日期：格式为 YYYY-MM-DD（如 2021-07-28）",
        );
      }
      documentDate = value;
    } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`未知选项 ${arg}`);
    else inputs.push(arg);
  }
  return documentDate ? { inputs, documentDate, help } : { inputs, help };
}

async function collect(inputs: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  async function walk(dir: string) {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && EXTENSIONS.has(path.extname(e.name).toLowerCase())) files.push(full);
    }
  }
  for (const input of inputs) {
    const st = await fs.stat(input).catch(() => null);
    if (!st) missing.push(input);
    else if (st.isDirectory()) await walk(input);
    else files.push(input); // named explicitly: tried whatever its extension, the decoder decides
  }
  return { files, missing };
}

function bar(done: number, total: number, width = 28): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseIngestArgs>;
  try {
    parsed = parseIngestArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ingest: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const { inputs, documentDate } = parsed;
  if (inputs.length === 0 || parsed.help) {
    process.stderr.write(`${USAGE}\n`);
    return parsed.help ? 0 : 2;
  }
  const { files, missing } = await collect(inputs);
  const failures: { file: string; reason: string }[] = missing.map((file) => ({ file, reason: "文件或文件夹不存在" }));
  const counts = { created: 0, duplicate: 0, failed: missing.length, commitments: 0, observations: 0, links: 0 };
  const tty = process.stderr.isTTY === true;
  const started = Date.now();

  const db = createDb();
  try {
    await migrateToLatest(db);
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      let line: string;
      try {
        const st = await fs.stat(file);
        if (st.size > MAX_FILE_BYTES) throw Object.assign(new Error(`文件过大（上限${MAX_FILE_BYTES / 1024 / 1024} MB）`), { plain: true });
        const bytes = new Uint8Array(await fs.readFile(file));
        const result = await ingestFile(db, {
          bytes,
          fileName: path.basename(file),
          source: "cli",
          actor: "cli",
          ...(documentDate ? { documentDate } : {}),
        });
        if (result.status === "created") {
          counts.created++;
          counts.commitments += result.commitments;
          counts.observations += result.observations;
          counts.links += result.links;
          line = `new ${file}: ${result.commitments} commitments, ${result.observations} observations, ${result.links} proposed links`;
        } else if (result.status === "duplicate") {
          counts.duplicate++;
          line = `duplicate ${file} (document ${result.documentId})`;
        } else {
          counts.failed++;
          failures.push({ file, reason: result.reason });
          line = `failed ${file}: ${result.reason}`;
        }
      } catch (error) {
        counts.failed++;
        const reason = error instanceof Error ? error.message : String(error);
        failures.push({ file, reason });
        line = `failed ${file}: ${reason}`;
      }
      const done = i + 1;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      if (tty) {
        process.stderr.write(
          `\r${bar(done, files.length)} ${done}/${files.length}  new ${counts.created}  dup ${counts.duplicate}  failed ${counts.failed}  ${(done / seconds).toFixed(1)} docs/s\u001b[K`,
        );
      } else {
        process.stderr.write(`[${done}/${files.length}] ${line}\n`);
      }
    }
    if (tty) process.stderr.write("\n");
  } finally {
    await db.destroy();
  }

  const seconds = (Date.now() - started) / 1000;
  const out = process.stdout;
  out.write(
    `documents: ${counts.created} new, ${counts.duplicate} duplicate, ${counts.failed} failed (${files.length + missing.length} files, ${seconds.toFixed(1)} s)\n`,
  );
  out.write(`commitments: ${counts.commitments}\nobservations: ${counts.observations}\nproposed links: ${counts.links}\n`);
  if (failures.length > 0) {
    out.write("failures:\n");
    for (const f of failures) out.write(`  ${f.file}: ${f.reason}\n`);
  }
  return counts.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`ingest: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
