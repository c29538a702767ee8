// The one path by which a file becomes a stored document: the web upload, the seeds and the
// command line all call ingestFile.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, NewCommitment, NewDocument, NewObservation } from "../../db/schema";
import { insertCommitments } from "../models/commitment.server";
import { findDocumentByHash, insertDocument } from "../models/document.server";
import { appendEvent } from "../models/event.server";
import { insertObservations } from "../models/observation.server";
import { upsertPerson, upsertSuggestion } from "../models/person.server";
import { toTrackedCommitment } from "../models/tracking.server";
import { newId } from "../lib/id";
import { backfillMatchKeys, backfillObservationKeys, backfillRegionKeys, proposeLinksForDocument } from "./link-proposals.server";
import { prepareDocument, type Preparation, type PrepareInput } from "./document-preparation";
import { engineVersion } from "./engine-version.server";
import { commitmentRow, observationRow } from "./reading-rows";

export type IngestResult =
  | { status: "created"; documentId: string; commitments: number; observations: number; links: number }
  | { status: "duplicate"; documentId: string }
  | { status: "rejected"; fileName: string; reason: string };

export interface IngestInput {
  bytes: Uint8Array;
  fileName: string;
  /** how the file arrived: "upload", "seed", "cli", "api" */
  source: string;
  /** who ingested it, for the audit log */
  actor: string;
  /** ISO date to resolve 今年/目前 when the text carries no date of its own */
  documentDate?: string;
}

export interface IngestOptions {
  /**
   * Decodes and extracts the file: in this thread by default (the command line, the seeds, the
   * tests); the server passes prepareInWorker (services/preparation-pool.server.ts) so a heavy
   * file cannot stop it from answering (docs/decisions/0025).
   */
  prepare?: (input: PrepareInput) => Promise<Preparation>;
}

export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Line endings and trailing blanks are not content: the same reply saved twice hashes the same. */
export function textFingerprint(text: string): string {
  return sha256(text.replace(/\r\n?/g, "\n").replace(/[ \t\u3000]+$/gm, "").trim());
}

/** Writes the head nouns held back while proposing links: one UPDATE per head and 500 rows. */
async function setHeads(
  trx: Kysely<Database>,
  table: "commitments" | "observations",
  rows: { id: string; indicator_head?: string | null }[],
): Promise<void> {
  const byHead = new Map<string, string[]>();
  for (const row of rows) {
    if (row.indicator_head == null) continue;
    const ids = byHead.get(row.indicator_head);
    if (ids) ids.push(row.id);
    else byHead.set(row.indicator_head, [row.id]);
  }
  for (const [head, ids] of byHead) {
    for (let i = 0; i < ids.length; i += 500) {
      await trx.updateTable(table).set({ indicator_head: head }).where("id", "in", ids.slice(i, i + 500)).execute();
    }
  }
}

/**
 * Decodes, extracts and stores one file in a single transaction: the document, its deputy/member
 * and suggestion, its commitments, its observations, the links proposed for them against existing
 * commitments, and an "ingested" event — or nothing at all.
 *
 * - Same bytes, or the same decoded text in another encoding or format → `duplicate`, nothing written.
 * - A file that cannot be read (empty, binary, corrupt) → `rejected` with the reason, nothing written.
 * - Database failures throw.
 */
export async function ingestFile(db: Kysely<Database>, input: IngestInput, options: IngestOptions = {}): Promise<IngestResult> {
  const { bytes, fileName, source, actor } = input;
  const contentHash = sha256(bytes);

  const sameBytes = await findDocumentByHash(db, { contentHash });
  if (sameBytes) return { status: "duplicate", documentId: sameBytes.id };

  if (bytes.byteLength === 0) return { status: "rejected", fileName, reason: "文件为空" };

  // The worker may take the bytes over (services/preparation-pool.server.ts): they are not read again.
  const prepare = options.prepare ?? prepareDocument;
  const prepared = await prepare({ bytes, fileName, ...(input.documentDate ? { documentDate: input.documentDate } : {}) });
  if (prepared.status === "rejected") return { status: "rejected", fileName, reason: prepared.reason };
  const { decoded, extraction } = prepared;

  const textHash = textFingerprint(decoded.text);
  const sameText = await findDocumentByHash(db, { contentHash, textHash });
  if (sameText) return { status: "duplicate", documentId: sameText.id };

  const meta = extraction.document;
  const now = new Date().toISOString();
  const documentId = newId();

  const document: NewDocument = {
    id: documentId,
    content_hash: contentHash,
    text_hash: textHash,
    file_name: fileName,
    format: decoded.format,
    encoding: decoded.encoding,
    text: decoded.text,
    source,
    agency: meta.agency,
    addressee: meta.addressee,
    addressee_role: meta.addresseeRole,
    ref: meta.ref,
    session: meta.session,
    title: meta.title ?? decoded.title,
    replied_on: meta.repliedOn ?? input.documentDate ?? null,
    region: meta.region,
    co_agencies: JSON.stringify(meta.coAgencies ?? []),
    kind: meta.kind,
    ingested_at: now,
    ingested_by: actor,
    engine_version: engineVersion(),
  };

  const context = { documentId, region: meta.region, agency: meta.agency, at: now };
  const commitments: NewCommitment[] = extraction.commitments.map((c, ordinal) => commitmentRow(c, ordinal, context));
  const observations: NewObservation[] = extraction.observations.map((o) => observationRow(o, context));

  // Rows stored before the matching keys existed get them first, so they can be candidates.
  await backfillMatchKeys(db);
  await backfillRegionKeys(db);
  await backfillObservationKeys(db);

  let links = 0;
  try {
    await db.transaction().execute(async (trx) => {
      // The deputy or member and their suggestion, so pages can ask "what was promised to 张明?".
      if (meta.addressee) {
        document.person_id = await upsertPerson(trx, {
          name: meta.addressee,
          role: meta.addresseeRole,
          region: meta.region,
          at: now,
        });
      }
      if (meta.ref || meta.session || document.person_id) {
        document.suggestion_id = await upsertSuggestion(trx, {
          ref: meta.ref,
          session: meta.session,
          title: meta.title,
          personId: document.person_id ?? null,
          at: now,
        });
      }
      await insertDocument(trx, document);
      // The document's own rows go in without their head noun and get it once the links are
      // proposed. Candidates are read newest first by (indicator_head, unit_family, …, id) and this
      // document's rows are skipped one by one (excludeDocumentId); visible, they were the newest
      // rows of every range, so each of n pledges stepped over the n/heads pledges before it: a
      // store quadratic in the pledge count (docs/decisions/0025).
      await insertCommitments(trx, commitments.map((c) => ({ ...c, indicator_head: null })));
      await insertObservations(trx, observations.map((o) => ({ ...o, indicator_head: null })));
      const statedOn = document.replied_on ?? null;
      links = await proposeLinksForDocument(trx, {
        document: {
          documentId,
          region: document.region ?? null,
          agency: document.agency ?? null,
          statedOn,
          suggestionId: document.suggestion_id ?? null,
          title: document.title ?? null,
        },
        observations,
        heads: new Map(commitments.map((c) => [c.id, c.indicator_head])),
        commitments: commitments.map((c) =>
          toTrackedCommitment({
            ...(c as Required<NewCommitment>),
            document_replied_on: statedOn,
            document_region: document.region ?? null,
            document_agency: document.agency ?? null,
            document_title: null,
            document_ref: null,
            person_name: null,
            person_role: null,
          } as Parameters<typeof toTrackedCommitment>[0]),
        ),
        actor,
        at: now,
      });
      await setHeads(trx, "commitments", commitments);
      await setHeads(trx, "observations", observations);
      await appendEvent(trx, {
        entityType: "document",
        entityId: documentId,
        action: "ingested",
        actor,
        at: now,
        after: {
          fileName,
          source,
          format: decoded.format,
          encoding: decoded.encoding,
          contentHash,
          commitments: commitments.length,
          observations: observations.length,
          links,
        },
      });
    });
  } catch (error) {
    // Two uploads of the same file at once: the loser hits the unique hash and reports the winner.
    const winner = await findDocumentByHash(db, { contentHash, textHash });
    if (winner) return { status: "duplicate", documentId: winner.id };
    throw error;
  }

  return { status: "created", documentId, commitments: commitments.length, observations: observations.length, links };
}
