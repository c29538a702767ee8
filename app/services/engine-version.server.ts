// The version of the extraction engine that reads documents (docs/decisions/0033): a digest of its
// sources (app/extraction), so any change to a rule is a new version without anyone having to bump
// a number — and a re-extraction can tell which documents an older engine read. Stored on each
// document at ingest and re-extraction.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

function sourceDir(): string | null {
  const candidates = [path.resolve(process.cwd(), "app", "extraction")];
  try {
    // from app/services (tsx) or from the server bundle in build/
    const here = path.dirname(fileURLToPath(import.meta.url));
    candidates.push(path.resolve(here, "..", "extraction"), path.resolve(here, "..", "app", "extraction"));
  } catch {
    // not a file URL (bundled differently): the working directory decides
  }
  return candidates.find((dir) => fs.existsSync(path.join(dir, "index.ts"))) ?? null;
}

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.isFile() && /\.ts$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** "engine-<12 hex>" over every .ts file of app/extraction (path and content, in path order); "unknown" without the sources. */
export function engineVersion(): string {
  if (cached) return cached;
  const dir = sourceDir();
  if (!dir) return (cached = "unknown");
  const hash = createHash("sha256");
  for (const file of files(dir).sort()) {
    hash.update(path.relative(dir, file).split(path.sep).join("/"));
    hash.update("\0");
    hash.update(fs.readFileSync(file));
    hash.update("\0");
  }
  return (cached = `engine-${hash.digest("hex").slice(0, 12)}`);
}
