// Ingests a file of tests/fixtures/tracking/ through the real ingest path, for the tracking suites.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { ingestFile } from "../../app/services/ingest.server";

const FIXTURES = fileURLToPath(new URL("../fixtures/tracking/", import.meta.url));

/** The created document's id and counts; throws when the file was refused or already stored. */
export async function ingestFixture(db: Kysely<Database>, rel: string) {
  const file = path.join(FIXTURES, rel);
  const result = await ingestFile(db, {
    bytes: new Uint8Array(fs.readFileSync(file)),
    fileName: path.basename(file),
    source: "test",
    actor: "tester",
  });
  if (result.status !== "created") throw new Error(`${rel}: ${JSON.stringify(result)}`);
  return result;
}
