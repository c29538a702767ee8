// The tracking workflows the web pages and the JSON API call. Shapes and errors live in
// tracking-types.ts and are re-exported here, so a page imports everything from one module.
import { createHash } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { z } from "zod";
import type { CommitmentRow, Database, EventRow, LinkRow, ProgressUpdateRow } from "../../db/schema";
import { deriveStatus, groupOf, overrideChoices, STATUS_LABELS, statusGroups, STATUSES } from "../domain/status";
import type { StatusResult } from "../domain/types";
import { appendEvent, listEventsForEntity } from "../models/event.server";
import { cachedUntilNextWrite, forgetCachedWhere } from "./read-cache.server";
import { boundStatusCache } from "../models/status-cache.server";
import { todayInChina } from "../lib/dates";
import { fieldErrorsOf, isIsoDay, isStaff, requireStaff } from "./service-rules.server";
import {
  getCommitmentWithContext,
  getLink,
  insertProgressUpdate,
  invalidateStatus,
  listOverrides,
  listProgressUpdates,
  overrideInForce,
  selectCommitmentsWithContext,
  selectLinkViews,
  toDomainUpdate,
  toTrackedCommitment,
  type CommitmentWithContext,
} from "../models/tracking.server";
import { commitmentTextContains } from "../models/sql.server";
import { commitmentInStates, commitmentReviewState, linkSidesIncluded } from "../models/review-state.server";
import { historyFor, namesFor, type NameShown } from "./publication.server";
import { mayReadEvidence } from "./evidence.server";
import { listDisagreements } from "../models/disagreement.server";
import { newId } from "../lib/id";
import { normalizeNumber, numberProblem } from "../lib/input-rules";
import { parseProgressSpreadsheet, type SpreadsheetParse } from "./spreadsheet.server";
import { checkCommitmentVersion, writeCommitmentAtVersion } from "./versions.server";
import {
  byWhomAndWhen,
  NotFoundError,
  PermissionError,
  StaleError,
  ValidationError,
  type AuditEvent,
  type JsonValue,
  type ProgressUpdateView,
  type ReadScope,
  type ReviewGroupCounts,
  type ReviewState,
  type RevisionView,
  type SpreadsheetRowError,
} from "./tracking-types";
import type {
  AddProgressUpdateInput,
  CommitmentListFilter,
  LinkState,
  LinkView,
  ReviewSummary,
  SpreadsheetImportResult,
  TrackedCommitmentDetail,
  TrackedCommitmentRow,
  User,
} from "./tracking-types";
import type { Status } from "../domain/index";

export * from "./tracking-types";

type Db = Kysely<Database>;

function requireAsOf(asOf: string): string {
  if (!isIsoDay(asOf)) throw new ValidationError("日期格式应为YYYY-MM-DD。", { asOf: ["日期格式应为YYYY-MM-DD"] });
  return asOf;
}

/** Audit instants use the real clock unless the caller passes one; status never does (asOf). */
const instant = (at?: string) => at ?? new Date().toISOString();
const today = (day?: string) => day ?? new Date().toISOString().slice(0, 10);

// --- status of many commitments at once ----------------------------------------------------------

/** The status of each of `rows` on `asOf` (its confirmed updates and the override then in force), by id. */
export async function statusesFor(db: Db, rows: CommitmentWithContext[], asOf: string, scope?: ReadScope): Promise<Map<string, StatusResult>> {
  const ids = rows.map((r) => r.id);
  const [updates, overrides] = await Promise.all([
    listProgressUpdates(db, { commitmentIds: ids }),
    listOverrides(db, { commitmentIds: ids }),
  ]);
  // The status sentence names who overrode a status: outside the office, by role (decision 0031).
  const shown = await namesFor(db, scope, overrides.map((o) => o.decided_by));
  const updatesBy = new Map<string, typeof updates>();
  for (const u of updates) (updatesBy.get(u.commitment_id) ?? updatesBy.set(u.commitment_id, []).get(u.commitment_id)!).push(u);
  const overridesBy = new Map<string, typeof overrides>();
  for (const o of overrides) (overridesBy.get(o.commitment_id) ?? overridesBy.set(o.commitment_id, []).get(o.commitment_id)!).push(o);
  const out = new Map<string, StatusResult>();
  for (const row of rows) {
    const override = overrideInForce(overridesBy.get(row.id) ?? [], asOf);
    const all = updatesBy.get(row.id) ?? [];
    // Only verified reports count (decision 0034): an agency's own report waits for a reviewer.
    const counted = all.filter((u) => u.review_state === "verified");
    const result = deriveStatus(
      toTrackedCommitment(row),
      counted.map(toDomainUpdate),
      asOf,
      override ? { ...override, by: shown(override.by) } : null,
    );
    const note = dataNote(counted, all, asOf);
    out.set(row.id, note ? { ...result, explanation: `${result.explanation}${note}` } : result);
  }
  return out;
}

const DATA_WORDS: Record<ProgressUpdateRow["source"], string> = { document: "后续文件", reviewer: "审核人员录入", agency: "单位报告（已核实）" };

/**
 * What the status sentence rests on (issue 9 §6): the kinds of verified data it used, and the
 * agency reports still waiting for a reviewer, which it did not use.
 */
function dataNote(counted: ProgressUpdateRow[], all: ProgressUpdateRow[], asOf: string): string {
  const used = [...new Set(counted.filter((u) => u.as_of <= asOf).map((u) => DATA_WORDS[u.source]))];
  const pending = all.filter((u) => u.review_state === "pending" && u.as_of <= asOf).length;
  const parts = [used.length ? `所用数据：${used.join("、")}` : "", pending ? `另有${pending}条单位自报待核实，未计入` : ""].filter(Boolean);
  return parts.length ? `（${parts.join("；")}。）` : "";
}

function toRow(row: CommitmentWithContext, st: StatusResult, shown: NameShown = (n) => n ?? ""): TrackedCommitmentRow {
  const tracked = toTrackedCommitment(row);
  return {
    id: row.id,
    documentId: row.document_id,
    documentTitle: row.document_title,
    documentRef: row.document_ref,
    statedOn: row.document_replied_on,
    kind: row.kind,
    indicator: row.indicator,
    quote: row.quote,
    target: tracked.target,
    baseline: tracked.baseline,
    due: tracked.due,
    agency: row.agency,
    region: row.document_region,
    person: row.person_name,
    personRole: row.person_role === "代表" || row.person_role === "委员" ? row.person_role : null,
    firmness: row.firmness,
    needsReview: row.needs_review === 1,
    origin: row.origin,
    version: row.version,
    reviewState: commitmentReviewState(row),
    exclusion: row.excluded_at ? { at: row.excluded_at, reason: row.excluded_reason ?? "", by: shown(row.excluded_by) } : null,
    // a proposal is a question about an unchecked reading only; once a reviewer decided, it is moot
    exclusionProposed:
      row.exclusion_proposed_at && commitmentReviewState(row) === "unchecked" ? { at: row.exclusion_proposed_at, reason: row.exclusion_proposed_reason ?? "" } : null,
    addedBy: row.added_by ? shown(row.added_by) : null,
    status: st.status,
    statusGroup: groupOf(st.status),
    statusLabel: st.label,
    explanation: st.explanation,
    ...(st.grade ? { grade: st.grade } : {}),
    ...(st.progress !== undefined ? { progress: st.progress } : {}),
    latest: st.latest ?? null,
    override: st.overridden
      ? { status: st.status, reason: st.overridden.reason, by: st.overridden.by, at: st.overridden.at, derived: st.overridden.derived }
      : null,
    withdrawn: row.withdrawn_at
      ? { at: row.withdrawn_at, reason: row.withdrawn_reason ?? "", by: shown(row.withdrawn_by) }
      : null,
  };
}

// --- lists -----------------------------------------------------------------------------------------

/**
 * The review states a list shows: the one asked for, if the reader may see it; else the reader's
 * default (everything not excluded when nobody in particular is reading).
 */
export function listedStates(f: Pick<CommitmentListFilter, "reviewState" | "scope">): ReviewState[] {
  const scope = f.scope;
  const defaults: readonly ReviewState[] = scope?.states ?? ["unchecked", "checked"];
  if (!f.reviewState) return [...defaults];
  if (!scope || scope.staff) return [f.reviewState];
  return defaults.includes(f.reviewState) ? [f.reviewState] : [];
}

function filtered(db: Db, f: Omit<CommitmentListFilter, "limit" | "offset" | "asOf" | "status">) {
  let query = selectCommitmentsWithContext(db).where(commitmentInStates(listedStates(f)));
  if (f.agency) query = query.where("commitments.agency", "=", f.agency);
  if (f.kind) query = query.where("commitments.kind", "=", f.kind);
  if (f.region) query = query.where("documents.region", "=", f.region);
  if (f.person) query = query.where("people.name", "=", f.person);
  if (f.dueYear !== undefined) {
    query = query
      .where("commitments.due_date", ">=", `${f.dueYear}-01-01`)
      .where("commitments.due_date", "<=", `${f.dueYear}-12-31`);
  }
  const term = f.q?.trim();
  if (term) {
    query = query.where(commitmentTextContains(db, term));
  }
  return query;
}

const CACHE_BATCH = 1000;

/**
 * Makes sure every commitment matching the filter has a status_cache row for `asOf`
 * (docs/decisions/0008): only the missing ones are derived, 1000 at a time.
 */
async function fillStatusCache(db: Db, f: Omit<CommitmentListFilter, "limit" | "offset" | "status">): Promise<void> {
  // Keyset batches in id order: each batch reads on from the last id instead of skipping the rows
  // already cached from the start again (quadratic at a province's million commitments).
  let after: string | null = null;
  for (;;) {
    let query = filtered(db, f).where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("status_cache")
            .select("status_cache.commitment_id")
            .whereRef("status_cache.commitment_id", "=", "commitments.id")
            .where("status_cache.as_of", "=", f.asOf),
        ),
      ),
    );
    if (after !== null) query = query.where("commitments.id", ">", after);
    const missing = await query.orderBy("commitments.id").limit(CACHE_BATCH).execute();
    if (missing.length === 0) return;
    const statuses = await statusesFor(db, missing, f.asOf);
    await db
      .insertInto("status_cache")
      .values(
        missing.map((row) => ({
          as_of: f.asOf,
          commitment_id: row.id,
          status: statuses.get(row.id)!.status,
          due_date: row.due_date,
        })),
      )
      .onConflict((oc) => oc.columns(["as_of", "commitment_id"]).doNothing())
      .execute();
    if (missing.length < CACHE_BATCH) return;
    after = missing[missing.length - 1]!.id;
    // better-sqlite3 is synchronous: without a turn of the event loop between batches, a long fill
    // (a new asOf over every commitment) would hold every other request until it ends.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function listTrackedCommitments(
  db: Db,
  filter: CommitmentListFilter,
): Promise<{ total: number; items: TrackedCommitmentRow[] }> {
  const asOf = requireAsOf(filter.asOf);
  let base = filtered(db, filter);
  // The totals and the status-cache check read every matching commitment: once per write, not
  // once per page view (read-cache.server.ts, docs/decisions/0011-scale.md).
  const { limit: _limit, offset: _offset, ...rest } = filter;
  const filterKey = JSON.stringify({ ...rest, asOf });
  // With only a status filter, the page is read in due order from status_cache's
  // (as_of, status, due_date, commitment_id) index, without a sort. With another filter too, that
  // filter's index finds fewer rows: the status is then checked per row (EXISTS on the cache's
  // primary key), because a join lets SQLite start from every commitment with the status (0011).
  const narrowed = Boolean(filter.agency || filter.person || filter.region || filter.kind || filter.dueYear !== undefined || filter.q?.trim());
  const byStatusIndex = Boolean(filter.status) && !narrowed;
  if (filter.status) {
    const status = filter.status;
    await cachedUntilNextWrite(db, `status-cache-filled:${filterKey}`, async () => {
      // At most a few dates' statuses are kept (models/status-cache.server.ts); what was cached for a
      // dropped date is forgotten with it.
      const dropped = await boundStatusCache(db, { asOf, today: todayInChina() });
      if (dropped.length > 0) forgetCachedWhere(db, (key) => dropped.some((date) => key.includes(`"asOf":"${date}"`)));
      await fillStatusCache(db, { ...filter, asOf });
    });
    base = narrowed
      ? base.where(({ exists, selectFrom }) =>
          exists(
            selectFrom("status_cache")
              .select("status_cache.commitment_id")
              .whereRef("status_cache.commitment_id", "=", "commitments.id")
              .where("status_cache.as_of", "=", asOf)
              .where("status_cache.status", "=", status),
          ),
        )
      : base
          .innerJoin("status_cache", "status_cache.commitment_id", "commitments.id")
          .where("status_cache.as_of", "=", asOf)
          .where("status_cache.status", "=", status);
  }
  const [countRow, rows] = await Promise.all([
    cachedUntilNextWrite(db, `commitments-total:${filterKey}`, () =>
      base.clearSelect().select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ),
    (byStatusIndex
      ? base.orderBy(sql.ref("status_cache.due_date"), (ob) => ob.asc().nullsLast()).orderBy(sql.ref("status_cache.commitment_id"))
      : base.orderBy("commitments.due_date", (ob) => ob.asc().nullsLast()).orderBy("commitments.id")
    )
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  const [statuses, shown] = await Promise.all([
    statusesFor(db, rows, asOf, filter.scope),
    namesFor(db, filter.scope, rows.flatMap((r) => [r.withdrawn_by, r.added_by])),
  ]);
  return { total: Number(countRow.n), items: rows.map((row) => toRow(row, statuses.get(row.id)!, shown)) };
}

/**
 * Several commitments as list rows (status, not links or history), in two queries plus the status
 * inputs — for pages that show a side panel per row, such as the review queue, instead of loading
 * each commitment's full detail (0011).
 */
export async function listTrackedCommitmentsByIds(db: Db, ids: string[], asOf: string): Promise<TrackedCommitmentRow[]> {
  requireAsOf(asOf);
  if (ids.length === 0) return [];
  const rows = await selectCommitmentsWithContext(db).where("commitments.id", "in", ids).execute();
  const statuses = await statusesFor(db, rows, asOf);
  return rows.map((row) => toRow(row, statuses.get(row.id)!));
}

// --- one commitment --------------------------------------------------------------------------------

function parseJson(text: string | null): JsonValue {
  if (text === null) return null;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

function toAuditEvent(e: EventRow): AuditEvent {
  return {
    id: e.id,
    entityType: e.entity_type,
    entityId: e.entity_id,
    action: e.action,
    actor: e.actor,
    at: e.at,
    before: parseJson(e.before),
    after: parseJson(e.after),
    reason: e.reason,
  };
}

type LinkViewRow = Awaited<ReturnType<ReturnType<typeof selectLinkViews>["execute"]>>[number];

function toLinkView(row: LinkViewRow): LinkView {
  const reasons = parseJson(row.reasons);
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    kind: row.kind,
    state: row.state,
    score: row.score,
    reasons: Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === "string") : [],
    sourceQuote: row.observation_quote ?? row.later_quote ?? "",
    sourceDocumentId: row.source_document_id ?? "",
    sourceDocumentTitle: row.source_document_title,
    observationId: row.observation_id,
    laterCommitmentId: row.later_commitment_id,
    value: row.kind === "observation" ? row.observation_value : row.later_value,
    unit: row.kind === "observation" ? row.observation_unit : row.later_unit,
    asOf: row.kind === "observation" ? (row.observation_as_of ?? row.source_document_date) : row.source_document_date,
    revisionKind: (row.revision_kind as LinkView["revisionKind"]) ?? null,
    revisionDescription: row.revision_description,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    reason: row.reason,
    createdAt: row.created_at,
  };
}

/**
 * One commitment with its updates, links, revisions, objections and history, as `scope` may read it
 * (decision 0031): outside the office only a published commitment (null otherwise), its confirmed
 * links and revisions, the objections of the deputy reading it, and a history without proposals,
 * objections or staff names. Without a scope, everything (the command line, tests).
 */
export async function getTrackedCommitment(db: Db, id: string, asOf: string, scope?: ReadScope): Promise<TrackedCommitmentDetail | null> {
  requireAsOf(asOf);
  const row = await getCommitmentWithContext(db, { id });
  if (!row) return null;
  if (scope && !scope.staff && !scope.states.includes(commitmentReviewState(row))) return null;
  const outside = Boolean(scope && !scope.staff);
  const [statuses, updates, links, events, laterOf, document, disagreements] = await Promise.all([
    statusesFor(db, [row], asOf, scope),
    db
      .selectFrom("progress_updates")
      .leftJoin("observations", "observations.id", "progress_updates.observation_id")
      .selectAll("progress_updates")
      .select(["observations.document_id as obs_document_id", "observations.quote as obs_quote"])
      .where("progress_updates.commitment_id", "=", id)
      .orderBy("progress_updates.as_of")
      .orderBy("progress_updates.reported_at")
      .execute(),
    selectLinkViews(db).where("links.commitment_id", "=", id).orderBy("links.score", "desc").orderBy("links.id").execute(),
    listEventsForEntity(db, { entityType: "commitment", entityId: id }),
    // Revisions where this commitment is the later pledge.
    db
      .selectFrom("links")
      .innerJoin("commitments as earlier", "earlier.id", "links.commitment_id")
      .innerJoin("documents", "documents.id", "earlier.document_id")
      .select([
        "links.id as link_id",
        "links.state",
        "links.revision_kind",
        "links.revision_description",
        "earlier.id as commitment_id",
        "earlier.indicator",
        "earlier.quote",
        "earlier.document_id",
        "earlier.excluded_at",
        "earlier.origin",
        "documents.replied_on",
      ])
      .where("links.later_commitment_id", "=", id)
      .where("links.kind", "=", "revision")
      .execute(),
    db
      .selectFrom("documents")
      .select(["id", "title", "ref", "agency", "replied_on", "file_name"])
      .where("id", "=", row.document_id)
      .executeTakeFirstOrThrow(),
    listDisagreements(db, { state: "all", commitmentId: id, limit: 100 }),
  ]);
  const shown = await namesFor(db, scope, [
    row.withdrawn_by,
    row.added_by,
    row.excluded_by,
    ...updates.map((u) => u.reported_by),
    ...links.map((l) => l.decided_by),
    ...events.map((e) => e.actor),
  ]);
  // Proposed (and rejected) links are the office's open questions, not published facts. A link with
  // an excluded side is neither (decision 0036): staff still see a decided one, as history.
  const shownLink = (state: LinkState, excludedSide: boolean) =>
    outside ? state === "confirmed" && !excludedSide : !(excludedSide && state === "proposed");
  const selfExcluded = row.excluded_at !== null;
  const linkViews = links
    .filter((l) => shownLink(l.state, selfExcluded || l.observation_excluded_at !== null || l.later_excluded_at !== null))
    .map(toLinkView)
    .map((l) => (outside && l.decidedBy ? { ...l, decidedBy: shown(l.decidedBy) } : l));
  const laterRevisions: RevisionView[] = [];
  for (const l of linkViews.filter((l) => l.kind === "revision" && l.laterCommitmentId)) {
    const later = await getCommitmentWithContext(db, { id: l.laterCommitmentId! });
    // outside the office, a revision by a pledge nobody checked yet is not shown (decision 0031)
    if (!later || (outside && !scope!.states.includes(commitmentReviewState(later)))) continue;
    laterRevisions.push({
      direction: "later",
      linkId: l.id,
      state: l.state,
      commitmentId: later.id,
      indicator: later.indicator,
      quote: later.quote,
      documentId: later.document_id,
      statedOn: later.document_replied_on,
      revisionKind: l.revisionKind,
      description: l.revisionDescription,
    });
  }
  const ownObjections = !outside || (Boolean(scope?.person) && scope?.person === row.person_name);
  return {
    ...toRow(row, statuses.get(row.id)!, shown),
    // Outside the office: verified reports and those still waiting (marked 单位自报（待核实）); the
    // agency concerned and staff also see rejected, withdrawn and replaced ones.
    updates: updates.filter((u) => !outside || (scope?.agency && scope.agency === row.agency) || u.review_state === "verified" || u.review_state === "pending").map((u): ProgressUpdateView => {
      const fileHidden = Boolean(u.evidence_file_id) && scope !== undefined && !mayReadEvidence(scope, u.evidence_public === 1, row.agency);
      return {
        id: u.id,
        value: u.value,
        done: u.done === null ? null : u.done === 1,
        asOf: u.as_of,
        note: u.note,
        evidenceUrl: u.evidence_url,
        evidenceText: u.evidence_text,
        evidenceFileName: fileHidden ? null : u.evidence_file_name,
        evidencePublic: u.evidence_public === 1,
        evidenceFileHidden: fileHidden,
        source: u.source,
        observationId: u.observation_id,
        documentId: u.obs_document_id ?? null,
        quote: u.obs_quote ?? null,
        reportedBy: shown(u.reported_by),
        reportedAt: u.reported_at,
        reviewState: u.review_state,
        reviewedBy: u.reviewed_by ? shown(u.reviewed_by) : null,
        reviewedAt: u.reviewed_at,
        reviewReason: u.review_reason,
        replacesId: u.replaces_id,
      };
    }),
    links: linkViews,
    disagreements: !ownObjections
      ? []
      : outside
        ? disagreements.items.map((d) => ({ ...d, raisedBy: d.person ?? "", resolvedBy: d.resolvedBy ? shown(d.resolvedBy) : null }))
        : disagreements.items,
    history: historyFor(events.map(toAuditEvent), scope, shown, { ownObjections }),
    revisions: [
      ...laterOf
        .filter((r) => shownLink(r.state, selfExcluded || r.excluded_at !== null))
        .filter((r) => !outside || scope!.states.includes(commitmentReviewState(r)))
        .map(
          (r): RevisionView => ({
            direction: "earlier",
            linkId: r.link_id,
            state: r.state,
            commitmentId: r.commitment_id,
            indicator: r.indicator,
            quote: r.quote,
            documentId: r.document_id,
            statedOn: r.replied_on,
            revisionKind: (r.revision_kind as RevisionView["revisionKind"]) ?? null,
            description: r.revision_description,
          }),
        ),
      ...laterRevisions,
    ],
    document: {
      id: document.id,
      title: document.title,
      ref: document.ref,
      agency: document.agency,
      repliedOn: document.replied_on,
      fileName: document.file_name,
      startOffset: row.start_offset,
      endOffset: row.end_offset,
    },
  };
}

export type QueueOrder = "oldest" | "newest" | "score";
export const QUEUE_ORDERS: readonly QueueOrder[] = ["oldest", "newest", "score"];

/**
 * The review queue: proposed links between readings nobody excluded (models/review-state.server
 * linkSidesIncluded), oldest first by default (what has waited longest), or newest
 * first (the last ingest's), or best score first; optionally one kind only.
 */
export async function listProposedLinks(
  db: Db,
  { limit, offset, order = "oldest", kind }: { limit: number; offset: number; order?: QueueOrder; kind?: LinkView["kind"] },
): Promise<{ total: number; items: LinkView[] }> {
  let page = selectLinkViews(db).where("links.state", "=", "proposed").where(linkSidesIncluded);
  if (kind) page = page.where("links.kind", "=", kind);
  // Ordered along an index (links_state_created_idx or links_state_score_idx), so a page is read in
  // order instead of sorting the whole queue.
  page =
    order === "score"
      ? page.orderBy("links.score", "desc").orderBy("links.id", "desc")
      : page.orderBy("links.created_at", order === "newest" ? "desc" : "asc").orderBy("links.id", order === "newest" ? "desc" : "asc");
  const [countRow, rows] = await Promise.all([
    cachedUntilNextWrite(db, `proposed-links-total:${kind ?? "all"}`, () => {
      let count = db
        .selectFrom("links")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("state", "=", "proposed")
        .where(linkSidesIncluded);
      if (kind) count = count.where("kind", "=", kind);
      return count.executeTakeFirstOrThrow();
    }),
    page.limit(limit).offset(offset).execute(),
  ]);
  return { total: Number(countRow.n), items: rows.map(toLinkView) };
}

// --- progress updates ------------------------------------------------------------------------------

const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024;

const numberish = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const n = typeof value === "number" ? value : Number(value.trim().replace(/[,，\s]/g, "").replace(/%$/, ""));
  if (typeof value === "string" && value.trim() === "") {
    ctx.addIssue({ code: "custom", message: "数值为空" });
    return z.NEVER;
  }
  const problem = numberProblem(n);
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  }
  return normalizeNumber(n);
});

export const ProgressUpdateSchema = z.object({
  commitmentId: z.string().min(1, "缺少承诺编号"),
  value: numberish.nullish(),
  done: z.boolean().nullish(),
  asOf: z.string().trim().refine(isIsoDay, "日期格式应为YYYY-MM-DD"),
  note: z.string().trim().max(2000, "说明不超过2000字").nullish(),
  evidenceUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => u === "" || /^https?:\/\/[^\s]+$/i.test(u), "证据链接应以http://或https://开头")
    .nullish(),
  evidenceText: z.string().trim().max(20000, "证据文字不超过20000字").nullish(),
});

/**
 * A report already stored for the same commitment, day and value (or done), still standing
 * (pending or verified): the same figure sent by form and again by spreadsheet.
 */
export async function findSameReport(
  db: Db,
  r: { commitmentId: string; value: number | null; done: boolean | null; asOf: string; exceptId?: string },
): Promise<ProgressUpdateRow | undefined> {
  let query = db
    .selectFrom("progress_updates")
    .selectAll()
    .where("commitment_id", "=", r.commitmentId)
    .where("as_of", "=", r.asOf)
    .where("review_state", "in", ["pending", "verified"]);
  query = r.value === null ? query.where("value", "is", null) : query.where("value", "=", r.value);
  if (r.value === null) query = r.done === null ? query.where("done", "is", null) : query.where("done", "=", r.done ? 1 : 0);
  if (r.exceptId) query = query.where("id", "!=", r.exceptId);
  return query.limit(1).executeTakeFirst();
}

/** May `actor` report on this commitment? Staff on any; an agency only on its own. */
function assertMayReport(actor: User, row: Pick<CommitmentRow, "agency">): void {
  if (isStaff(actor)) return;
  if (actor.role === "agency" && actor.agency && row.agency === actor.agency) return;
  if (actor.role === "agency") throw new PermissionError(`只能报告本单位（${actor.agency ?? "未绑定单位"}）的承诺进展。`);
  throw new PermissionError("当前账号不能报告承诺进展。");
}

export async function addProgressUpdate(db: Db, input: AddProgressUpdateInput): Promise<{ updateId: string }> {
  const parsed = ProgressUpdateSchema.safeParse({
    commitmentId: input.commitmentId,
    value: input.value === undefined ? undefined : input.value,
    done: input.done,
    asOf: input.asOf,
    note: input.note,
    evidenceUrl: input.evidenceUrl,
    evidenceText: input.evidenceText,
  });
  if (!parsed.success) throw new ValidationError("进展信息有误。", fieldErrorsOf(parsed.error));
  const data = parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  if (data.asOf > today(input.today)) fieldErrors.asOf = ["截至日期不能晚于今天"];
  if (input.evidenceFile && input.evidenceFile.bytes.byteLength > MAX_EVIDENCE_FILE_BYTES) {
    fieldErrors.evidenceFile = ["证据文件不超过10MB"];
  }
  const row = await getCommitmentWithContext(db, { id: data.commitmentId });
  if (!row) throw new NotFoundError("没有这个承诺。");
  assertMayReport(input.actor, row);
  if (row.kind !== "milestone" && (data.value === null || data.value === undefined)) fieldErrors.value = ["请填写数值"];
  if (row.kind === "milestone" && (data.value === null || data.value === undefined) && (data.done === null || data.done === undefined)) {
    fieldErrors.done = ["请说明是否已完成"];
  }
  if (row.withdrawn_at) fieldErrors.commitmentId = ["该承诺已撤回"];
  // a reading a reviewer excluded is no pledge: nothing is reported on it (decision 0036)
  if (row.excluded_at) fieldErrors.commitmentId = ["该承诺已被审核人员排除（不是承诺）"];
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError("进展信息有误。", fieldErrors);
  // The same value for the same day, by form and again by spreadsheet, is one report (issue 9 §6).
  const same = await findSameReport(db, { commitmentId: row.id, value: data.value ?? null, done: data.done ?? null, asOf: data.asOf });
  if (same) {
    throw new ValidationError(`已有相同的报告：${same.reported_by}于${same.reported_at.slice(0, 10)}报告了同一截至日期的同一数值，未重复保存。`, { value: ["与已有报告重复"] });
  }

  const at = instant();
  const updateId = newId();
  await db.transaction().execute(async (trx) => {
    let evidenceFileId: string | null = null;
    if (input.evidenceFile) {
      evidenceFileId = newId();
      await trx
        .insertInto("evidence_files")
        .values({
          id: evidenceFileId,
          file_name: input.evidenceFile.name,
          size: input.evidenceFile.bytes.byteLength,
          sha256: createHash("sha256").update(input.evidenceFile.bytes).digest("hex"),
          data_base64: Buffer.from(input.evidenceFile.bytes).toString("base64"),
          created_at: at,
        })
        .execute();
    }
    const update = {
      id: updateId,
      commitment_id: row.id,
      value: data.value ?? null,
      done: data.done === null || data.done === undefined ? null : data.done ? (1 as const) : (0 as const),
      as_of: data.asOf,
      note: data.note || null,
      evidence_url: data.evidenceUrl || null,
      evidence_text: data.evidenceText || null,
      evidence_file_name: input.evidenceFile?.name ?? null,
      evidence_file_id: evidenceFileId,
      source: isStaff(input.actor) ? ("reviewer" as const) : ("agency" as const),
      observation_id: null,
      link_id: null,
      reported_by: input.actor.name,
      reported_at: at,
      // an agency's own report waits for a reviewer; a reviewer's entry is checked as it is made
      review_state: isStaff(input.actor) ? ("verified" as const) : ("pending" as const),
    };
    await insertProgressUpdate(trx, update);
    await invalidateStatus(trx, { commitmentId: row.id });
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: row.id,
      action: "progress_reported",
      actor: input.actor.name,
      at,
      after: { updateId, value: update.value, done: update.done, asOf: update.as_of, source: update.source, evidenceUrl: update.evidence_url, evidenceFileName: update.evidence_file_name },
      reason: update.note,
    });
  });
  return { updateId };
}

// --- links -----------------------------------------------------------------------------------------

/** The refusal of a decision on a link someone else decided since the page was made. */
function decidedLink(link: Pick<LinkRow, "state" | "decided_by" | "decided_at" | "reason">): StaleError {
  return new StaleError(
    `已被他人修改：${byWhomAndWhen(link.decided_by, link.decided_at)}已${link.state === "confirmed" ? "确认" : "否决"}这条关联，不能再次处理。`,
    { state: link.state, decidedBy: link.decided_by, decidedAt: link.decided_at, reason: link.reason },
    link.decided_by && link.decided_at ? { actor: link.decided_by, at: link.decided_at, action: link.state === "confirmed" ? "link_confirmed" : "link_rejected" } : null,
  );
}

/**
 * Confirms or rejects a proposed link. A link only moves forward (proposed → confirmed / rejected),
 * so its state is its version: a decision on a link already decided is refused (StaleError), also
 * when two reviewers decide at once. `version` is the commitment's as the reviewer saw it next to the
 * figure; when given and the commitment changed since, the decision is refused too (decision 0038).
 */
export async function decideLink(
  db: Db,
  input: { linkId: string; action: "confirm" | "reject"; reason?: string | null; version?: number; actor: User; at?: string },
): Promise<{ linkId: string; state: LinkState; updateId: string | null }> {
  requireStaff(input.actor, "确认或否决关联");
  if (input.action !== "confirm" && input.action !== "reject") {
    throw new ValidationError("操作应为confirm或reject。", { action: ["操作应为confirm或reject"] });
  }
  const at = instant(input.at);
  return db.transaction().execute(async (trx) => {
    const link: LinkRow | undefined = await getLink(trx, { id: input.linkId });
    if (!link) throw new NotFoundError("没有这个关联。");
    if (link.state !== "proposed") throw decidedLink(link);
    const commitment = await trx.selectFrom("commitments").select(["id", "version"]).where("id", "=", link.commitment_id).executeTakeFirstOrThrow();
    await checkCommitmentVersion(trx, commitment, input.version);
    const state: LinkState = input.action === "confirm" ? "confirmed" : "rejected";
    // A reading a reviewer excluded counts nowhere: it cannot become a pledge's progress or revision
    // until it is restored (decision 0036). Rejecting such a link stays possible.
    if (state === "confirmed") {
      const open = await trx.selectFrom("links").select("id").where("id", "=", link.id).where(linkSidesIncluded).executeTakeFirst();
      if (!open) throw new ValidationError("这条关联涉及已排除的提取结果，恢复后才能确认。", { action: ["涉及已排除的结果"] });
    }
    // Guarded by state so two reviewers deciding at once cannot both win.
    const changed = await trx
      .updateTable("links")
      .set({ state, decided_by: input.actor.name, decided_at: at, reason: input.reason ?? null })
      .where("id", "=", link.id)
      .where("state", "=", "proposed")
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw decidedLink((await getLink(trx, { id: link.id }))!);

    let updateId: string | null = null;
    if (state === "confirmed" && link.kind === "observation" && link.observation_id) {
      const obs = await trx
        .selectFrom("observations")
        .innerJoin("documents", "documents.id", "observations.document_id")
        .select(["observations.id", "observations.value", "observations.as_of", "observations.quote", "documents.replied_on", "documents.title"])
        .where("observations.id", "=", link.observation_id)
        .executeTakeFirstOrThrow();
      const asOf = obs.as_of ?? obs.replied_on;
      if (!asOf) throw new ValidationError("该数据没有日期，无法作为进展。", { action: ["数据没有日期"] });
      updateId = newId();
      await insertProgressUpdate(trx, {
        id: updateId,
        commitment_id: link.commitment_id,
        value: obs.value,
        done: null,
        as_of: asOf.slice(0, 10),
        note: obs.title ? `来自《${obs.title}》` : null,
        evidence_url: null,
        evidence_text: obs.quote,
        evidence_file_name: null,
        evidence_file_id: null,
        source: "document",
        observation_id: obs.id,
        link_id: link.id,
        reported_by: input.actor.name,
        reported_at: at,
      });
      await invalidateStatus(trx, { commitmentId: link.commitment_id });
      // Confirming a figure as a pledge's progress checks the figure too (decision 0030): a change of
      // its review state, so its version moves (a stale verdict on it from the queue is refused).
      await trx
        .updateTable("observations")
        .set((eb) => ({ checked_at: at, checked_by: input.actor.name, exclusion_proposed_at: null, exclusion_proposed_reason: null, version: eb("version", "+", 1) }))
        .where("id", "=", obs.id)
        .where("checked_at", "is", null)
        .where("excluded_at", "is", null)
        .execute();
    }
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: link.commitment_id,
      action: state === "confirmed" ? "link_confirmed" : "link_rejected",
      actor: input.actor.name,
      at,
      before: { linkId: link.id, state: link.state },
      after: { linkId: link.id, state, kind: link.kind, updateId },
      reason: input.reason ?? null,
    });
    return { linkId: link.id, state, updateId };
  });
}

// --- overrides and withdrawals ---------------------------------------------------------------------

/**
 * A reviewer sets the status by hand, with a reason. `version` is the commitment's as the form showed
 * it: an override is a change to the commitment, and one made from a stale page is refused (decision 0038).
 */
export async function setOverride(
  db: Db,
  input: { commitmentId: string; status: Status; reason: string; version?: number; actor: User; at?: string },
): Promise<{ overrideId: string; version: number }> {
  requireStaff(input.actor, "调整状态");
  if (!(STATUSES as readonly string[]).includes(input.status)) throw new ValidationError("未知状态。", { status: ["未知状态"] });
  if (!input.reason?.trim()) throw new ValidationError("请填写调整理由。", { reason: ["请填写调整理由"] });
  // Only a status the dates allow on the day it is set (issue 9 §7): no 未到期 for a pledge due years ago.
  const row = await getCommitmentWithContext(db, { id: input.commitmentId });
  if (!row) throw new NotFoundError("没有这个承诺。");
  const day = instant(input.at).slice(0, 10);
  if (!overrideChoices(toTrackedCommitment(row), day).includes(input.status)) {
    throw new ValidationError(`「${STATUS_LABELS[input.status]}」与这项承诺的期限不符，不能这样认定。`, { status: ["与期限不符"] });
  }
  return writeOverride(db, { ...input, status: input.status });
}

export async function clearOverride(
  db: Db,
  input: { commitmentId: string; reason: string; version?: number; actor: User; at?: string },
): Promise<{ overrideId: string; version: number }> {
  requireStaff(input.actor, "调整状态");
  if (!input.reason?.trim()) throw new ValidationError("请填写理由。", { reason: ["请填写理由"] });
  return writeOverride(db, { ...input, status: null });
}

async function writeOverride(
  db: Db,
  input: { commitmentId: string; status: Status | null; reason: string; version?: number; actor: User; at?: string },
): Promise<{ overrideId: string; version: number }> {
  return db.transaction().execute((trx) => writeOverrideIn(trx, input));
}

/**
 * Appends an override (status null clears it) and its audit event and raises the commitment's
 * version (refused when `version` is given and stale); the caller holds the transaction and has
 * checked the actor's role and the reason.
 */
export async function writeOverrideIn(
  trx: Db,
  input: { commitmentId: string; status: Status | null; reason: string; version?: number; actor: User; at?: string },
): Promise<{ overrideId: string; version: number }> {
  const at = instant(input.at);
  const row = await getCommitmentWithContext(trx, { id: input.commitmentId });
  if (!row) throw new NotFoundError("没有这个承诺。");
  const version = await writeCommitmentAtVersion(trx, row, input.version);
  const previous = await trx
    .selectFrom("overrides")
    .select(["status", "reason", "decided_by", "at"])
    .where("commitment_id", "=", row.id)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const overrideId = newId();
  await trx
    .insertInto("overrides")
    .values({ id: overrideId, commitment_id: row.id, status: input.status, reason: input.reason.trim(), decided_by: input.actor.name, at })
    .execute();
  await invalidateStatus(trx, { commitmentId: row.id });
  await appendEvent(trx, {
    entityType: "commitment",
    entityId: row.id,
    action: input.status === null ? "override_cleared" : "status_overridden",
    actor: input.actor.name,
    at,
    before: previous?.status ? { status: previous.status, by: previous.decided_by, at: previous.at } : null,
    after: input.status === null ? null : { status: input.status },
    reason: input.reason.trim(),
  });
  return { overrideId, version };
}

export async function withdrawCommitment(
  db: Db,
  input: { commitmentId: string; reason: string; version?: number; actor: User; at?: string },
): Promise<void> {
  requireStaff(input.actor, "撤回承诺");
  if (!input.reason?.trim()) throw new ValidationError("请填写撤回理由。", { reason: ["请填写撤回理由"] });
  const at = instant(input.at);
  await db.transaction().execute(async (trx) => {
    const row = await getCommitmentWithContext(trx, { id: input.commitmentId });
    if (!row) throw new NotFoundError("没有这个承诺。");
    await checkCommitmentVersion(trx, row, input.version);
    if (row.withdrawn_at) throw new ValidationError("该承诺已撤回。", { commitmentId: ["该承诺已撤回"] });
    await writeCommitmentAtVersion(trx, row, input.version, { withdrawn_at: at, withdrawn_reason: input.reason.trim(), withdrawn_by: input.actor.name });
    await invalidateStatus(trx, { commitmentId: row.id });
    await appendEvent(trx, {
      entityType: "commitment",
      entityId: row.id,
      action: "withdrawn",
      actor: input.actor.name,
      at,
      before: { withdrawnAt: null },
      after: { withdrawnAt: at },
      reason: input.reason.trim(),
    });
  });
}

// --- spreadsheets ----------------------------------------------------------------------------------

/**
 * Imports an agency's progress spreadsheet. `parse` reads the file into rows: in this thread by
 * default (the command line, the tests); the server passes readSpreadsheetInWorker, so a hostile
 * workbook is read in a worker thread with a time limit and a memory cap (decision 0037). A file
 * that cannot be read stores nothing and says why in `fileError`.
 */
export async function importProgressSpreadsheet(
  db: Db,
  input: { bytes: Uint8Array; fileName: string; actor: User; importGoodRows: boolean; today?: string },
  { parse = parseProgressSpreadsheet }: { parse?: (bytes: Uint8Array, fileName: string) => Promise<SpreadsheetParse> } = {},
): Promise<SpreadsheetImportResult> {
  if (!isStaff(input.actor) && input.actor.role !== "agency") throw new PermissionError("当前账号不能导入进展。");
  const parsed = await parse(input.bytes, input.fileName);
  if ("error" in parsed) return { imported: 0, errors: [{ row: 0, reason: parsed.error }], stored: false, fileError: parsed.error };

  const errors: SpreadsheetRowError[] = [];
  const ids = [...new Set(parsed.rows.map((r) => r.commitmentId).filter((id) => id !== ""))];
  const known = new Map<string, { id: string; agency: string | null; kind: string; withdrawn_at: string | null; excluded_at: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const c of await db
      .selectFrom("commitments")
      .select(["id", "agency", "kind", "withdrawn_at", "excluded_at"])
      .where("id", "in", ids.slice(i, i + 500))
      .execute()) {
      known.set(c.id, c);
    }
  }
  const day = today(input.today);
  const good: { row: number; commitmentId: string; value: number; asOf: string; note: string | null }[] = [];
  for (const r of parsed.rows) {
    const before = errors.length;
    const c = r.commitmentId ? known.get(r.commitmentId) : undefined;
    if (!r.commitmentId) errors.push({ row: r.row, field: "commitmentId", reason: "承诺编号为空" });
    else if (!c) errors.push({ row: r.row, field: "commitmentId", reason: `没有编号为${r.commitmentId}的承诺` });
    else if (!isStaff(input.actor) && c.agency !== input.actor.agency) {
      errors.push({ row: r.row, field: "commitmentId", reason: "不是本单位的承诺" });
    } else if (c.withdrawn_at) errors.push({ row: r.row, field: "commitmentId", reason: "该承诺已撤回" });
    else if (c.excluded_at) errors.push({ row: r.row, field: "commitmentId", reason: "该承诺已被审核人员排除（不是承诺）" });
    let value: number | null = null;
    if (r.value === "") errors.push({ row: r.row, field: "value", reason: "数值为空" });
    else {
      const n = typeof r.value === "number" ? r.value : Number(r.value.replace(/[,，\s]/g, "").replace(/%$/, ""));
      if (!Number.isFinite(n)) errors.push({ row: r.row, field: "value", reason: `数值无效：${r.value}` });
      else value = n;
    }
    if (r.asOf === "") errors.push({ row: r.row, field: "asOf", reason: "截至日期为空" });
    else if (!isIsoDay(r.asOf)) errors.push({ row: r.row, field: "asOf", reason: `日期无效：${r.asOf}（应为YYYY-MM-DD）` });
    else if (r.asOf > day) errors.push({ row: r.row, field: "asOf", reason: `日期${r.asOf}晚于今天` });
    if (errors.length === before && c && value !== null) {
      // the same figure twice — in this file, or already reported by form or an earlier file — is one report
      const twin = good.find((g) => g.commitmentId === c.id && g.value === value && g.asOf === r.asOf);
      const stored = twin ? undefined : await findSameReport(db, { commitmentId: c.id, value, done: null, asOf: r.asOf });
      if (twin) errors.push({ row: r.row, field: "value", reason: `与第 ${twin.row} 行重复（同一承诺、同一截至日期、同一数值）` });
      else if (stored) errors.push({ row: r.row, field: "value", reason: `与已有报告重复（${stored.reported_by}于${stored.reported_at.slice(0, 10)}报告）` });
      else good.push({ row: r.row, commitmentId: c.id, value, asOf: r.asOf, note: r.note || null });
    }
  }
  if (parsed.rows.length === 0) errors.push({ row: 0, reason: "文件中没有数据行" });
  if (good.length === 0 || (errors.length > 0 && !input.importGoodRows)) return { imported: 0, errors, stored: false };

  const at = instant();
  await db.transaction().execute(async (trx) => {
    for (const g of good) {
      const updateId = newId();
      const source = isStaff(input.actor) ? ("reviewer" as const) : ("agency" as const);
      await insertProgressUpdate(trx, {
        id: updateId,
        commitment_id: g.commitmentId,
        value: g.value,
        done: null,
        as_of: g.asOf,
        note: g.note,
        evidence_url: null,
        evidence_text: null,
        evidence_file_name: input.fileName,
        evidence_file_id: null,
        source,
        observation_id: null,
        link_id: null,
        reported_by: input.actor.name,
        reported_at: at,
        review_state: source === "reviewer" ? "verified" : "pending",
      });
      await invalidateStatus(trx, { commitmentId: g.commitmentId });
      await appendEvent(trx, {
        entityType: "commitment",
        entityId: g.commitmentId,
        action: "progress_reported",
        actor: input.actor.name,
        at,
        after: { updateId, value: g.value, asOf: g.asOf, source, file: input.fileName, row: g.row },
        reason: g.note,
      });
    }
  });
  return { imported: good.length, errors, stored: true };
}

// --- the annual review (回头看) -----------------------------------------------------------------------

const GROUP_KEYS = Object.keys(statusGroups) as (keyof typeof statusGroups)[];

function emptyCounts(key: string): ReviewGroupCounts {
  return { key, total: 0, kept: 0, missed: 0, overdue: 0, onTrack: 0, behind: 0, pending: 0, unrateable: 0, withdrawn: 0, unchecked: 0 };
}

/**
 * The annual review derives the status of every commitment of the year — seconds at a province's
 * volume — so one result per (year, asOf, grouping) is kept until the next write.
 */
export async function reviewSummary(
  db: Db,
  input: { year: number; asOf: string; by: "agency" | "person" | "topic"; scope?: ReadScope },
): Promise<ReviewSummary> {
  const asOf = requireAsOf(input.asOf);
  return cachedUntilNextWrite(db, `review-summary:${input.year}:${asOf}:${input.by}:${listedStates(input).join(",")}`, () =>
    computeReviewSummary(db, { ...input, asOf }),
  );
}

async function computeReviewSummary(
  db: Db,
  input: { year: number; asOf: string; by: "agency" | "person" | "topic"; scope?: ReadScope },
): Promise<ReviewSummary> {
  const asOf = input.asOf;
  const from = `${input.year}-01-01`;
  const to = `${input.year}-12-31`;
  const groups = new Map<string, ReviewGroupCounts>();
  const totals = emptyCounts("");
  let lastId = "";
  // Due this year, plus pledges made this year without a due date (vague or open-ended ones must
  // be counted too). Keyset pages of 1000 keep memory flat at a province's volume.
  for (;;) {
    const rows = await selectCommitmentsWithContext(db)
      .where(commitmentInStates(listedStates(input)))
      .where((eb) =>
        eb.or([
          eb.and([eb("commitments.due_date", ">=", from), eb("commitments.due_date", "<=", to)]),
          eb.and([eb("commitments.due_date", "is", null), eb("documents.replied_on", ">=", from), eb("documents.replied_on", "<=", to)]),
        ]),
      )
      .where("commitments.id", ">", lastId)
      .orderBy("commitments.id")
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1]!.id;
    const statuses = await statusesFor(db, rows, asOf);
    for (const row of rows) {
      const key =
        input.by === "agency" ? (row.agency ?? "（未注明单位）") : input.by === "person" ? (row.person_name ?? "（未注明代表委员）") : (row.indicator_head ?? row.indicator);
      const counts = groups.get(key) ?? groups.set(key, emptyCounts(key)).get(key)!;
      const group = groupOf(statuses.get(row.id)!.status);
      const unchecked = commitmentReviewState(row) === "unchecked";
      for (const c of [counts, totals]) {
        c.total++;
        if (unchecked) c.unchecked++;
        if ((GROUP_KEYS as string[]).includes(group)) c[group as keyof Omit<ReviewGroupCounts, "key" | "total">]++;
      }
    }
    if (rows.length < 1000) break;
  }
  const { key: _key, ...totalCounts } = totals;
  return {
    year: input.year,
    asOf,
    by: input.by,
    totals: totalCounts,
    groups: [...groups.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)),
  };
}

/** The file a progress report carried as evidence, for download. */
export async function getEvidenceFile(db: Db, updateId: string): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  const row = await db
    .selectFrom("progress_updates")
    .innerJoin("evidence_files", "evidence_files.id", "progress_updates.evidence_file_id")
    .select(["evidence_files.file_name", "evidence_files.data_base64"])
    .where("progress_updates.id", "=", updateId)
    .executeTakeFirst();
  if (!row) return null;
  return { fileName: row.file_name, bytes: new Uint8Array(Buffer.from(row.data_base64, "base64")) };
}
