// The whole database as open data: one JSON record per document, commitment, observation and link
// (the shape of the evaluation guide's §6), read in keyset batches so a province's million
// commitments export in bounded memory. `npm run export` writes these records as JSON Lines.
import type { Kysely } from "kysely";
import type { Database, DocumentRow, LinkRow, ObservationRow } from "../../db/schema";
import { selectCommitmentsWithContext, type CommitmentWithContext } from "../models/tracking.server";
import { parseJsonArray } from "../models/sql.server";
import { statusesFor } from "./tracking.server";
import type { StatusResult } from "../domain/types";
import { commitmentReviewState, observationReviewState } from "../models/review-state.server";
import type { ReadScope, ReviewState } from "./tracking-types";
import { commitmentInStates, observationInStates } from "../models/review-state.server";
import { holdsReading } from "../models/document.server";
import { namesFor } from "./publication.server";

type Db = Kysely<Database>;

export const EXPORT_BATCH = 1000;

export interface ExportedDocument {
  type: "document";
  id: string;
  fileName: string;
  title: string | null;
  agency: string | null;
  region: string | null;
  repliedOn: string | null;
  kind: DocumentRow["kind"];
  format: DocumentRow["format"];
  source: string;
  ref: string | null;
  session: string | null;
  addressee: string | null;
  addresseeRole: string | null;
  coAgencies: string[];
  ingestedAt: string;
  /** the extraction engine's version that last read the text */
  engineVersion: string | null;
}

export interface ExportedCommitment {
  type: "commitment";
  id: string;
  documentId: string;
  quote: string;
  /** UTF-16 offsets into the document's text */
  start: number;
  end: number;
  kind: CommitmentWithContext["kind"];
  indicator: string;
  target: {
    value: number;
    unit: string | null;
    comparator: CommitmentWithContext["target_comparator"];
    mode: CommitmentWithContext["target_mode"];
    valueMax?: number;
    per?: string;
  } | null;
  due: { date: string; precision: CommitmentWithContext["due_precision"]; text: string | null } | null;
  /** the document's place */
  region: string | null;
  /** derived by the status rules as of `statusAsOf` */
  status: StatusResult["status"];
  statusLabel: string;
  statusAsOf: string;
  ordinal: number;
  baseline: { value: number; unit: string | null; asOf: string | null } | null;
  agency: string | null;
  firmness: string | null;
  needsReview: boolean;
  origin: CommitmentWithContext["origin"];
  /** 未核对 / 已核对 / 已排除 (docs/decisions/0030) */
  reviewState: ReviewState;
  /** a reviewer's exclusion (不是承诺…), when excluded */
  exclusion: { at: string; reason: string | null } | null;
  withdrawn: { at: string; reason: string | null } | null;
}

export interface ExportedObservation {
  type: "observation";
  id: string;
  documentId: string;
  quote: string;
  start: number;
  end: number;
  indicator: string;
  value: number;
  unit: string | null;
  per: string | null;
  asOf: string | null;
  reviewState: ReviewState;
  exclusion: { at: string; reason: string | null } | null;
}

export interface ExportedLink {
  type: "link";
  id: string;
  kind: LinkRow["kind"];
  state: LinkRow["state"];
  commitmentId: string;
  observationId?: string;
  laterCommitmentId?: string;
  laterDocumentId?: string;
  score: number;
  /** why it was proposed, in Chinese */
  reasons: string[];
  revisionKind: string | null;
  revisionDescription: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  createdAt: string;
}

export type ExportRecord = ExportedDocument | ExportedCommitment | ExportedObservation | ExportedLink;

export interface ExportOptions {
  /** the day statuses are derived for (ISO day) */
  asOf: string;
  batchSize?: number;
  /**
   * Who the export is for. Without it, everything (the office's own copy, each item with its
   * reviewState). With a published scope (`npm run export -- --published`), what a signed-out visitor
   * sees (decision 0031): published documents, checked readings (or also unchecked with
   * PUBLISH_UNCHECKED), confirmed links only, staff names as their role.
   */
  scope?: ReadScope;
}

function toDocument(row: Omit<DocumentRow, "text" | "content_hash" | "text_hash">): ExportedDocument {
  return {
    type: "document",
    id: row.id,
    fileName: row.file_name,
    title: row.title,
    agency: row.agency,
    region: row.region,
    repliedOn: row.replied_on,
    kind: row.kind,
    format: row.format,
    source: row.source,
    ref: row.ref,
    session: row.session,
    addressee: row.addressee,
    addresseeRole: row.addressee_role,
    coAgencies: parseJsonArray(row.co_agencies),
    ingestedAt: row.ingested_at,
    engineVersion: row.engine_version,
  };
}

function toCommitment(row: CommitmentWithContext, st: StatusResult, asOf: string): ExportedCommitment {
  return {
    type: "commitment",
    id: row.id,
    documentId: row.document_id,
    quote: row.quote,
    start: row.start_offset,
    end: row.end_offset,
    kind: row.kind,
    indicator: row.indicator,
    // Every stored target value, also one without a comparator (the status rules then call it vague).
    target:
      row.target_value == null
        ? null
        : {
            value: row.target_value,
            unit: row.target_unit,
            comparator: row.target_comparator,
            mode: row.target_mode,
            ...(row.target_value_max != null ? { valueMax: row.target_value_max } : {}),
            ...(row.target_per != null ? { per: row.target_per } : {}),
          },
    due: row.due_date == null ? null : { date: row.due_date, precision: row.due_precision, text: row.due_text },
    region: row.document_region,
    status: st.status,
    statusLabel: st.label,
    statusAsOf: asOf,
    ordinal: row.ordinal,
    baseline:
      row.baseline_value == null ? null : { value: row.baseline_value, unit: row.baseline_unit, asOf: row.baseline_as_of },
    agency: row.agency,
    firmness: row.firmness,
    needsReview: row.needs_review === 1,
    origin: row.origin,
    reviewState: commitmentReviewState(row),
    exclusion: row.excluded_at == null ? null : { at: row.excluded_at, reason: row.excluded_reason },
    withdrawn: row.withdrawn_at == null ? null : { at: row.withdrawn_at, reason: row.withdrawn_reason },
  };
}

function toObservation(row: ObservationRow): ExportedObservation {
  return {
    type: "observation",
    id: row.id,
    documentId: row.document_id,
    quote: row.quote,
    start: row.start_offset,
    end: row.end_offset,
    indicator: row.indicator,
    value: row.value,
    unit: row.unit,
    per: row.per,
    asOf: row.as_of,
    reviewState: observationReviewState(row),
    exclusion: row.excluded_at == null ? null : { at: row.excluded_at, reason: row.excluded_reason },
  };
}

function toLink(row: LinkRow): ExportedLink {
  return {
    type: "link",
    id: row.id,
    kind: row.kind,
    state: row.state,
    commitmentId: row.commitment_id,
    ...(row.observation_id != null ? { observationId: row.observation_id } : {}),
    ...(row.later_commitment_id != null ? { laterCommitmentId: row.later_commitment_id } : {}),
    ...(row.later_document_id != null ? { laterDocumentId: row.later_document_id } : {}),
    score: row.score,
    reasons: parseJsonArray(row.reasons),
    revisionKind: row.revision_kind,
    revisionDescription: row.revision_description,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionReason: row.reason,
    createdAt: row.created_at,
  };
}

/**
 * Reads a table in id order, `size` rows at a time: each batch starts after the last id of the one
 * before (no OFFSET, so the millionth row costs what the first does). Between batches the event
 * loop gets a turn, as better-sqlite3 is synchronous.
 */
async function* keyset<R extends { id: string }>(
  size: number,
  fetch: (after: string | null, limit: number) => Promise<R[]>,
): AsyncGenerator<R[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await fetch(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1]!.id;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Every record: documents, then commitments, observations and links, each in id order. */
export async function* exportRecords(db: Db, { asOf, batchSize = EXPORT_BATCH, scope }: ExportOptions): AsyncGenerator<ExportRecord> {
  const published = scope !== undefined && !scope.staff ? scope : null;
  for await (const rows of keyset(batchSize, (after, limit) => {
    let q = db
      .selectFrom("documents")
      .select([
        "id", "file_name", "format", "encoding", "source", "agency", "addressee", "addressee_role", "ref", "session",
        "title", "replied_on", "region", "co_agencies", "kind", "ingested_at", "ingested_by", "person_id", "suggestion_id", "engine_version",
      ]);
    if (after !== null) q = q.where("id", ">", after);
    if (published) q = q.where(holdsReading(published.states));
    return q.orderBy("id").limit(limit).execute();
  })) {
    for (const row of rows) yield toDocument(row);
  }

  for await (const rows of keyset(batchSize, (after, limit) => {
    let q = selectCommitmentsWithContext(db);
    if (after !== null) q = q.where("commitments.id", ">", after);
    if (published) q = q.where(commitmentInStates(published.states));
    return q.orderBy("commitments.id").limit(limit).execute();
  })) {
    const statuses = await statusesFor(db, rows, asOf, published ?? undefined);
    for (const row of rows) yield toCommitment(row, statuses.get(row.id)!, asOf);
  }

  for await (const rows of keyset(batchSize, (after, limit) => {
    let q = db.selectFrom("observations").selectAll();
    if (after !== null) q = q.where("id", ">", after);
    if (published) q = q.where(observationInStates(published.states));
    return q.orderBy("id").limit(limit).execute();
  })) {
    for (const row of rows) yield toObservation(row);
  }

  for await (const rows of keyset(batchSize, (after, limit) => {
    let q = db.selectFrom("links").selectAll("links");
    if (after !== null) q = q.where("links.id", ">", after);
    if (published) {
      // confirmed links between published readings only — the pledge and the figure or later pledge
      // it links to: proposals are the office's open questions
      const states = published.states;
      q = q
        .where("links.state", "=", "confirmed")
        .where((eb) => eb.exists(eb.selectFrom("commitments").select("commitments.id").whereRef("commitments.id", "=", "links.commitment_id").where(commitmentInStates(states))))
        .where((eb) =>
          eb.or([
            eb("links.observation_id", "is", null),
            eb.exists(eb.selectFrom("observations").select("observations.id").whereRef("observations.id", "=", "links.observation_id").where(observationInStates(states))),
          ]),
        )
        .where((eb) =>
          eb.or([
            eb("links.later_commitment_id", "is", null),
            eb.exists(
              eb.selectFrom("commitments as later").select("later.id").whereRef("later.id", "=", "links.later_commitment_id").where(commitmentInStates(states, "later")),
            ),
          ]),
        );
    }
    return q.orderBy("links.id").limit(limit).execute();
  })) {
    const shown = await namesFor(db, published ?? undefined, rows.map((r) => r.decided_by));
    for (const row of rows) yield published ? { ...toLink(row), decidedBy: row.decided_by ? shown(row.decided_by) : null } : toLink(row);
  }
}
