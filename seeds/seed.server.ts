import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { countDocuments } from "../app/models/document.server";
import { ingestFile, type IngestResult } from "../app/services/ingest.server";

export const SEED_DIR = fileURLToPath(new URL("./replies/", import.meta.url));

export async function listSeedFiles(): Promise<string[]> {
  const names = await fs.readdir(SEED_DIR);
  return names
    .filter((name) => /\.(txt|html?|docx|pdf)$/i.test(name))
    .sort()
    .map((name) => path.join(SEED_DIR, name));
}

/** Ingests every sample reply through ingestFile, exactly as an upload would be. */
export async function seed(db: Kysely<Database>): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const file of await listSeedFiles()) {
    const bytes = new Uint8Array(await fs.readFile(file));
    results.push(await ingestFile(db, { bytes, fileName: path.basename(file), source: "seed", actor: "seed" }));
  }
  const rejected = results.filter((r) => r.status === "rejected");
  if (rejected.length > 0) {
    throw new Error(`seed files could not be read: ${rejected.map((r) => `${r.fileName}: ${r.reason}`).join("; ")}`);
  }
  return results;
}

/** Seeds only a database that holds no documents; returns what was ingested, or null if it was not empty. */
export async function seedIfEmpty(db: Kysely<Database>): Promise<IngestResult[] | null> {
  if ((await countDocuments(db)) > 0) return null;
  return seed(db);
}
