// npm run --silent extract -- [--date YYYY-MM-DD] <file>…
//
// Prints the extractor's JSON (GUIDE §4) on stdout: one object per file, one line each, in the
// order given — so one file gives one JSON object and several give JSON Lines. A file that cannot
// be read or extracted gets one line on stderr (`extract: <file>: <reason>`) and nothing on stdout;
// the others are still processed and the exit code is 1. Usage errors exit 2.
import { readFile, stat } from "node:fs/promises";
import { DecodeError, MAX_FILE_BYTES, decodeDocument, notADocumentReason } from "../app/decode/index";
import { extract } from "../app/extraction/index";

const USAGE = "usage: npm run --silent extract -- [--date YYYY-MM-DD] <file>...";

interface Args {
  files: string[];
  documentDate?: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | "help" {
  const files: string[] = [];
  let documentDate: string | undefined;
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyFiles) {
      files.push(arg);
    } else if (arg === "--") {
      onlyFiles = true;
    } else if (arg === "-h" || arg === "--help") {
      return "help";
    } else if (arg === "--date" || arg.startsWith("--date=")) {
      const value = arg === "--date" ? argv[++i] : arg.slice("--date=".length);
      if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
        throw new UsageError(`--date needs a date as YYYY-MM-DD${value ? `, not "${value}"` : ""}`);
      }
      documentDate = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError("no files given");
  return documentDate ? { files, documentDate } : { files };
}

/** Node's file-system errors as short words; anything else by its first line. */
function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return firstLine(error);
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.trim() || "unknown error";
}

function megabytes(n: number): string {
  return String(Math.round((n / (1024 * 1024)) * 10) / 10);
}

async function processFile(file: string, documentDate: string | undefined): Promise<string> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    // Checked before reading so a huge file is refused without loading it.
    if (info.size > MAX_FILE_BYTES) {
      throw new DecodeError(file, `too large (${megabytes(info.size)} MB; the limit is ${megabytes(MAX_FILE_BYTES)} MB)`);
    }
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    throw new DecodeError(file, describeReadError(error));
  }
  const decoded = await decodeDocument(bytes, file);
  const notDocument = notADocumentReason(decoded.text);
  if (notDocument) throw new DecodeError(file, notDocument);
  let result: unknown;
  try {
    result = extract(decoded.text, documentDate ? { documentDate } : {});
  } catch (error) {
    throw new DecodeError(file, `extractor failed: ${firstLine(error)}`);
  }
  return JSON.stringify(result);
}

async function main(): Promise<number> {
  let args: Args | "help";
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`extract: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let failed = 0;
  for (const file of args.files) {
    try {
      process.stdout.write(`${await processFile(file, args.documentDate)}\n`);
    } catch (error) {
      failed++;
      const reason = error instanceof DecodeError ? error.reason : firstLine(error);
      process.stderr.write(`extract: ${file}: ${reason.replace(/\s*\n\s*/g, " ")}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

// `extract … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`extract: ${firstLine(error)}\n`);
    process.exitCode = 1;
  },
);
