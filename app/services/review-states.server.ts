// A reviewer's verdicts on what the machine read (issue 9, docs/decisions/0030): a figure is
// confirmed as read; a commitment or a figure is excluded — 不是承诺 / 不是进展数据, with an optional
// reason — which takes it off every list and count but keeps it, and its history, for a reviewer to
// restore. Each verdict is one transaction with its audit event. (Confirming and correcting a
// commitment's fields live in commitment-edits.server.ts.)
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { appendEvent } from "../models/event.server";
import { commitmentReviewState, linkSidesIncluded, observationReviewState } from "../models/review-state.server";
import { invalidateStatus } from "../models/tracking.server";
import { requireStaff } from "./service-rules.server";
import { cachedUntilNextWrite } from "./read-cache.server";
import { NotFoundError, ValidationError, type ReviewState, type User } from "./tracking-types";
import { writeCommitmentAtVersion, writeObservationAtVersion } from "./versions.server";

type Db = Kysely<Database>;

export type ReadingKind = "commitment" | "observation";

/** The reason a reviewer gives by excluding a reading of each kind. */
export const EXCLUSION_REASONS: Record<ReadingKind, string> = { commitment: "不是承诺", observation: "不是进展数据" };

const MAX_NOTE = 1000;

function exclusionText(kind: ReadingKind, note: string | null | undefined): string {
  const extra = note?.trim() ?? "";
  if (extra.length > MAX_NOTE) throw new ValidationError("理由不超过1000字。", { reason: ["理由不超过1000字"] });
  return extra ? `${EXCLUSION_REASONS[kind]}：${extra}` : EXCLUSION_REASONS[kind];
}

async function loadReading(trx: Db, kind: ReadingKind, id: string) {
  if (kind === "commitment") {
    const row = await trx.selectFrom("commitments").select(["id", "origin", "excluded_at", "document_id", "version"]).where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError("没有这个承诺。");
    return { id: row.id, documentId: row.document_id, version: row.version, state: commitmentReviewState(row) };
  }
  const row = await trx.selectFrom("observations").select(["id", "checked_at", "excluded_at", "document_id", "version"]).where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError("没有这条进展数据。");
  return { id: row.id, documentId: row.document_id, version: row.version, state: observationReviewState(row) };
}

/**
 * Writes a verdict on a reading, raising its version, if it is still at `version` — the one the page
 * showed (undefined: as it is now). A StaleError with its current state otherwise (decision 0038).
 */
function writeReading(trx: Db, kind: ReadingKind, reading: { id: string; version: number }, version: number | undefined, set: Record<string, unknown>) {
  return kind === "commitment" ? writeCommitmentAtVersion(trx, reading, version, set) : writeObservationAtVersion(trx, reading, version, set);
}

/**
 * 不是承诺 / 不是进展数据: the reading leaves every list and count; nothing is deleted. A figure that
 * already counts as a commitment's confirmed progress cannot be excluded (the progress would stay).
 */
export async function excludeReading(
  db: Db,
  input: { kind: ReadingKind; id: string; version?: number; reason?: string | null; actor: User; at?: string },
): Promise<{ state: ReviewState; version: number }> {
  requireStaff(input.actor, "排除提取结果");
  const reason = exclusionText(input.kind, input.reason);
  const at = input.at ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const reading = await loadReading(trx, input.kind, input.id);
    // A stale page is told what changed before it is told the reading is already excluded.
    if (input.version !== undefined && input.version !== reading.version) await writeReading(trx, input.kind, reading, input.version, {});
    if (reading.state === "excluded") throw new ValidationError("已经排除过了。", { id: ["已排除"] });
    const set = { excluded_at: at, excluded_reason: reason, excluded_by: input.actor.name, exclusion_proposed_at: null, exclusion_proposed_reason: null };
    if (input.kind === "observation") {
      const counted = await trx
        .selectFrom("progress_updates")
        .select("id")
        .where("observation_id", "=", reading.id)
        .limit(1)
        .executeTakeFirst();
      if (counted) throw new ValidationError("这条数据已确认为承诺的进展，不能排除。", { id: ["已计入进展"] });
    }
    const version = await writeReading(trx, input.kind, reading, input.version, set);
    if (input.kind === "commitment") await invalidateStatus(trx, { commitmentId: reading.id });
    await appendEvent(trx, {
      entityType: input.kind,
      entityId: reading.id,
      action: "excluded",
      actor: input.actor.name,
      at,
      before: { reviewState: reading.state },
      after: { reviewState: "excluded" },
      reason,
    });
    return { state: "excluded" as const, version };
  });
}

/** Undoes an exclusion: the reading is back, unchecked or checked as it was before. */
export async function restoreReading(
  db: Db,
  input: { kind: ReadingKind; id: string; version?: number; reason?: string | null; actor: User; at?: string },
): Promise<{ state: ReviewState; version: number }> {
  requireStaff(input.actor, "恢复被排除的结果");
  const at = input.at ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const reading = await loadReading(trx, input.kind, input.id);
    if (input.version !== undefined && input.version !== reading.version) await writeReading(trx, input.kind, reading, input.version, {});
    if (reading.state !== "excluded") throw new ValidationError("这一条没有被排除。", { id: ["未排除"] });
    const clear = { excluded_at: null, excluded_reason: null, excluded_by: null };
    const version = await writeReading(trx, input.kind, reading, input.version, clear);
    if (input.kind === "commitment") await invalidateStatus(trx, { commitmentId: reading.id });
    const after = await loadReading(trx, input.kind, input.id);
    await appendEvent(trx, {
      entityType: input.kind,
      entityId: reading.id,
      action: "restored",
      actor: input.actor.name,
      at,
      before: { reviewState: "excluded" },
      after: { reviewState: after.state },
      reason: input.reason?.trim() || null,
    });
    return { state: after.state, version };
  });
}

/** A figure read correctly: it becomes 已核对. */
export async function confirmObservation(db: Db, input: { id: string; version?: number; actor: User; at?: string }): Promise<{ version: number }> {
  requireStaff(input.actor, "确认进展数据");
  const at = input.at ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const reading = await loadReading(trx, "observation", input.id);
    if (input.version !== undefined && input.version !== reading.version) await writeReading(trx, "observation", reading, input.version, {});
    if (reading.state !== "unchecked") throw new ValidationError(reading.state === "checked" ? "这条数据已经核对过。" : "这条数据已被排除。", { id: ["已处理"] });
    const version = await writeReading(trx, "observation", reading, input.version, {
      checked_at: at,
      checked_by: input.actor.name,
      exclusion_proposed_at: null,
      exclusion_proposed_reason: null,
    });
    await appendEvent(trx, {
      entityType: "observation",
      entityId: reading.id,
      action: "confirmed",
      actor: input.actor.name,
      at,
      before: { reviewState: "unchecked" },
      after: { reviewState: "checked" },
    });
    return { version };
  });
}

/**
 * Proposed links that involve a document — its figures or pledges as the later side, its pledges as
 * the earlier side, or the document as the follow-up that dropped a pledge — for the upload's result;
 * as the queue counts them, without links to an excluded reading.
 */
export async function countProposedLinksOfDocument(db: Db, { documentId }: { documentId: string }): Promise<number> {
  const row = await db
    .selectFrom("links")
    .leftJoin("observations", "observations.id", "links.observation_id")
    .leftJoin("commitments as later", "later.id", "links.later_commitment_id")
    .innerJoin("commitments as earlier", "earlier.id", "links.commitment_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("links.state", "=", "proposed")
    .where(linkSidesIncluded)
    .where((eb) =>
      eb.or([
        eb("observations.document_id", "=", documentId),
        eb("later.document_id", "=", documentId),
        eb("links.later_document_id", "=", documentId),
        eb("earlier.document_id", "=", documentId),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One unchecked reading in the review queue's extraction tab. */
export interface QueueReading {
  kind: ReadingKind;
  id: string;
  /** the reading's version: a verdict names it, and one made from a stale queue is refused (decision 0038) */
  version: number;
  documentId: string;
  documentTitle: string | null;
  documentDate: string | null;
  quote: string;
  start: number;
  indicator: string;
  /** for a commitment */
  commitmentKind: "quantitative" | "milestone" | "qualitative" | null;
  targetValue: number | null;
  targetUnit: string | null;
  targetComparator: string | null;
  dueDate: string | null;
  duePrecision: string | null;
  agency: string | null;
  /** the extractor was unsure about it */
  needsReview: boolean;
  /** a re-extraction no longer produced it */
  exclusionProposed: string | null;
  /** for a figure */
  value: number | null;
  unit: string | null;
  asOf: string | null;
}

/**
 * Unchecked commitments and figures, oldest document first (ids are time-ordered ULIDs: the
 * document that has waited longest), in text order within a document — through the review-state
 * indexes of migration 20261202140000, without scanning the tables. `documentId` narrows it to one.
 */
export async function listUncheckedQueue(
  db: Db,
  { documentId, limit }: { documentId?: string; limit: number },
): Promise<{ total: number; items: QueueReading[] }> {
  let commitments = db
    .selectFrom("commitments")
    .innerJoin("documents", "documents.id", "commitments.document_id")
    .select([
      "commitments.id",
      "commitments.version",
      "commitments.document_id",
      "commitments.quote",
      "commitments.start_offset",
      "commitments.indicator",
      "commitments.kind",
      "commitments.target_value",
      "commitments.target_unit",
      "commitments.target_comparator",
      "commitments.due_date",
      "commitments.due_precision",
      "commitments.agency",
      "commitments.needs_review",
      "commitments.exclusion_proposed_reason",
      "documents.title",
      "documents.replied_on",
    ])
    .where("commitments.origin", "=", "extracted")
    .where("commitments.excluded_at", "is", null)
    .where("commitments.withdrawn_at", "is", null);
  let observations = db
    .selectFrom("observations")
    .innerJoin("documents", "documents.id", "observations.document_id")
    .select([
      "observations.id",
      "observations.version",
      "observations.document_id",
      "observations.quote",
      "observations.start_offset",
      "observations.indicator",
      "observations.value",
      "observations.unit",
      "observations.as_of",
      "observations.exclusion_proposed_reason",
      "documents.title",
      "documents.replied_on",
    ])
    .where("observations.checked_at", "is", null)
    .where("observations.excluded_at", "is", null);
  let countC = db.selectFrom("commitments").select((eb) => eb.fn.countAll<number>().as("n")).where("origin", "=", "extracted").where("excluded_at", "is", null).where("withdrawn_at", "is", null);
  let countO = db.selectFrom("observations").select((eb) => eb.fn.countAll<number>().as("n")).where("checked_at", "is", null).where("excluded_at", "is", null);
  if (documentId) {
    commitments = commitments.where("commitments.document_id", "=", documentId);
    observations = observations.where("observations.document_id", "=", documentId);
    countC = countC.where("document_id", "=", documentId);
    countO = countO.where("document_id", "=", documentId);
  }
  const [cs, os, nc, no] = await Promise.all([
    commitments.orderBy("commitments.document_id").orderBy("commitments.start_offset").orderBy("commitments.id").limit(limit).execute(),
    observations.orderBy("observations.document_id").orderBy("observations.start_offset").orderBy("observations.id").limit(limit).execute(),
    // whole-table counts: once per write (docs/decisions/0011)
    cachedUntilNextWrite(db, `unchecked-commitments:${documentId ?? ""}`, () => countC.executeTakeFirstOrThrow()),
    cachedUntilNextWrite(db, `unchecked-observations:${documentId ?? ""}`, () => countO.executeTakeFirstOrThrow()),
  ]);
  const items: QueueReading[] = [
    ...cs.map(
      (c): QueueReading => ({
        kind: "commitment",
        id: c.id,
        version: c.version,
        documentId: c.document_id,
        documentTitle: c.title,
        documentDate: c.replied_on,
        quote: c.quote,
        start: c.start_offset,
        indicator: c.indicator,
        commitmentKind: c.kind,
        targetValue: c.target_value,
        targetUnit: c.target_unit,
        targetComparator: c.target_comparator,
        dueDate: c.due_date,
        duePrecision: c.due_precision,
        agency: c.agency,
        needsReview: c.needs_review === 1,
        exclusionProposed: c.exclusion_proposed_reason,
        value: null,
        unit: null,
        asOf: null,
      }),
    ),
    ...os.map(
      (o): QueueReading => ({
        kind: "observation",
        id: o.id,
        version: o.version,
        documentId: o.document_id,
        documentTitle: o.title,
        documentDate: o.replied_on,
        quote: o.quote,
        start: o.start_offset,
        indicator: o.indicator,
        commitmentKind: null,
        targetValue: null,
        targetUnit: null,
        targetComparator: null,
        dueDate: null,
        duePrecision: null,
        agency: null,
        needsReview: false,
        exclusionProposed: o.exclusion_proposed_reason,
        value: o.value,
        unit: o.unit,
        asOf: o.as_of,
      }),
    ),
  ];
  items.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start || (a.kind < b.kind ? -1 : 1)));
  return { total: Number(nc.n) + Number(no.n), items: items.slice(0, limit) };
}
