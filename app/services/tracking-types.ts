// Shapes and errors of the tracking services (tracking.server.ts), kept apart so pages can import
// the types without the server code. The tracking workflows the web pages and the JSON API call: lists and details with a status
// derived at read time against an explicit asOf, progress updates, link decisions, overrides,
// withdrawals, spreadsheet import and the annual review (回头看). Every write appends its audit
// event in the same transaction. Services never read the clock except through a parameter.
import type {
  BehindGrade,
  Status,
  StatusGroup,
  TrackedBaseline,
  TrackedDue,
  TrackedTarget,
} from "../domain/index";
import type { RevisionKind } from "../domain/matching";

// --- users and errors --------------------------------------------------------------------------

export type Role = "admin" | "reviewer" | "agency" | "deputy" | "public";
export const ROLES: readonly Role[] = ["admin", "reviewer", "agency", "deputy", "public"];

export interface User {
  id: string;
  name: string;
  role: Role;
  /** for role "agency": the agency this user reports for */
  agency?: string;
  /** for role "deputy": the deputy or member this user is */
  person?: string;
}

/** The user may not do this (wrong role, or another agency's commitment). Routes answer 403. */
export class PermissionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermissionError";
  }
}

/** Input that fails validation; `fieldErrors` maps a field to its messages. Routes answer 400. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

/** Who made the last change to a row, and when: shown with a refusal of a stale edit. */
export interface LastChange {
  actor: string;
  at: string;
  action: string;
}

/**
 * The change was made from a page or a read that is out of date: someone else changed the row since
 * (docs/decisions/0027, 0038). Nothing was written; `current` holds what the row holds now, so the
 * reviewer sees what changed before trying again. Routes answer 409 with the message, which starts
 * with 已被他人修改. A ValidationError too, so code that only knows those still answers with a 4xx.
 */
export class StaleError extends ValidationError {
  constructor(
    message: string,
    readonly current: Record<string, unknown>,
    readonly lastChange: LastChange | null,
  ) {
    super(message, { form: [message] });
    this.name = "StaleError";
  }

  /** What a 409 answer carries besides the message. */
  details(): Record<string, unknown> {
    return { current: this.current, lastChange: this.lastChange };
  }
}

/** "审核员甲于2026-12-02 08:00（UTC）" for a refusal's message. */
export function byWhomAndWhen(actor: string | null, at: string | null): string {
  const when = at ? `于${at.slice(0, 16).replace("T", " ")}（UTC）` : "";
  return `${actor ?? "他人"}${when}`;
}

/** An id that names nothing. Routes answer 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

// --- review states and who sees what (docs/decisions/0030, 0031) -------------------------------

/** 未核对 / 已核对 (confirmed or corrected) / 已排除 (不是承诺 / 不是进展数据) */
export type ReviewState = "unchecked" | "checked" | "excluded";
export const REVIEW_STATES: readonly ReviewState[] = ["unchecked", "checked", "excluded"];

/**
 * What one reader may see. Staff see everything with its mark (excluded readings only when they
 * ask for them); everyone else sees the published view: checked items only, or unchecked ones too
 * (marked) where the deployment publishes them (PUBLISH_UNCHECKED=1).
 */
export interface ReadScope {
  staff: boolean;
  /** the review states listed when no state filter is given */
  states: readonly ReviewState[];
  /** a deputy or member reads their own disagreement notes */
  person?: string | null;
  /** an agency reads the evidence files of its own commitments */
  agency?: string | null;
}

// --- read shapes -------------------------------------------------------------------------------

export interface TrackedCommitmentRow {
  id: string;
  documentId: string;
  documentTitle: string | null;
  documentRef: string | null;
  /** ISO date of the reply or report that made the pledge */
  statedOn: string | null;
  kind: "quantitative" | "milestone" | "qualitative";
  indicator: string;
  quote: string;
  target: TrackedTarget | null;
  baseline: TrackedBaseline | null;
  due: TrackedDue | null;
  agency: string | null;
  region: string | null;
  /** the deputy or member whose suggestion the reply answers */
  person: string | null;
  personRole: "代表" | "委员" | null;
  firmness: string | null;
  needsReview: boolean;
  /** how the fields were obtained: as extracted, confirmed by a reviewer, edited by one, or added by one */
  origin: "extracted" | "confirmed" | "edited" | "added";
  /** raised by every edit, confirmation and withdrawal; an edit sends the one it was made from (decision 0027) */
  version: number;
  /** 未核对 / 已核对 / 已排除 */
  reviewState: ReviewState;
  /** why a reviewer excluded the reading (不是承诺…), when excluded */
  exclusion: { at: string; reason: string; by: string } | null;
  /** a re-extraction no longer produced this reading: a reviewer decides whether to exclude it */
  exclusionProposed: { at: string; reason: string } | null;
  /** the reviewer who added a pledge the extractor missed */
  addedBy: string | null;
  status: Status;
  statusGroup: StatusGroup;
  statusLabel: string;
  explanation: string;
  grade?: BehindGrade;
  /** share of the way from baseline to target, when known */
  progress?: number;
  /** latest confirmed value on or before asOf */
  latest: { value: number; asOf: string } | null;
  override?: { status: Status; reason: string; by: string; at: string; derived: Status } | null;
  withdrawn?: { at: string; reason: string; by: string } | null;
}

export interface CommitmentListFilter {
  agency?: string;
  region?: string;
  /** the deputy or member's name */
  person?: string;
  status?: Status;
  kind?: TrackedCommitmentRow["kind"];
  dueYear?: number;
  q?: string;
  /** one review state only (staff may ask for excluded readings; others see what their scope allows) */
  reviewState?: ReviewState;
  /** who is reading; without it, everything not excluded (the command line, tests) */
  scope?: ReadScope;
  limit: number;
  offset: number;
  /** ISO date the status is computed for */
  asOf: string;
}

export interface ProgressUpdateView {
  id: string;
  value: number | null;
  done: boolean | null;
  asOf: string;
  note: string | null;
  evidenceUrl: string | null;
  evidenceText: string | null;
  evidenceFileName: string | null;
  /** a reviewer published the evidence file; until then staff and the agency concerned only */
  evidencePublic: boolean;
  /** a file is attached that this reader may not download (its name is not shown either) */
  evidenceFileHidden: boolean;
  source: "agency" | "reviewer" | "document";
  observationId: string | null;
  /** for source "document": the document and quote the value came from */
  documentId: string | null;
  quote: string | null;
  reportedBy: string;
  reportedAt: string;
  /** an agency's own report waits for a reviewer (单位自报（待核实）); only verified ones count (decision 0034) */
  reviewState: "pending" | "verified" | "rejected" | "withdrawn" | "replaced";
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** why it was rejected, withdrawn or corrected */
  reviewReason: string | null;
  /** a correction: the report it replaces */
  replacesId: string | null;
}

export type LinkState = "proposed" | "confirmed" | "rejected";

export interface LinkView {
  id: string;
  commitmentId: string;
  /** "dropped": a later follow-up document (sourceDocumentId) no longer mentions the pledge */
  kind: "observation" | "revision" | "dropped";
  state: LinkState;
  score: number;
  reasons: string[];
  /** the observation's or later pledge's quote */
  sourceQuote: string;
  sourceDocumentId: string;
  sourceDocumentTitle: string | null;
  observationId: string | null;
  /** for a revision: the later commitment */
  laterCommitmentId: string | null;
  /** for an observation: its value, unit and date */
  value: number | null;
  unit: string | null;
  asOf: string | null;
  revisionKind: RevisionKind | null;
  revisionDescription: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  createdAt: string;
}

/** A JSON value as stored in the audit log (before/after). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEvent {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actor: string;
  at: string;
  before: JsonValue;
  after: JsonValue;
  reason: string | null;
}

export interface RevisionView {
  /** "earlier": this commitment revises an earlier one; "later": a later pledge revises this one */
  direction: "earlier" | "later";
  linkId: string;
  state: LinkState;
  commitmentId: string;
  indicator: string;
  quote: string;
  documentId: string;
  statedOn: string | null;
  revisionKind: RevisionKind | null;
  description: string | null;
}

/** A deputy's or member's objection to a reported status, and the reviewer's answer. */
export interface DisagreementView {
  id: string;
  commitmentId: string;
  indicator: string;
  quote: string;
  agency: string | null;
  /** the deputy or member it concerns */
  person: string | null;
  raisedBy: string;
  raisedAt: string;
  /** the status shown when it was raised */
  disputedStatus: Status | null;
  note: string;
  /** open until a reviewer answers: "upheld" (status stands) or "overridden" (status changed) */
  state: "open" | "upheld" | "overridden";
  resolvedAt: string | null;
  resolvedBy: string | null;
  response: string | null;
  overrideStatus: Status | null;
}

export interface TrackedCommitmentDetail extends TrackedCommitmentRow {
  updates: ProgressUpdateView[];
  disagreements: DisagreementView[];
  links: LinkView[];
  history: AuditEvent[];
  revisions: RevisionView[];
  document: {
    id: string;
    title: string | null;
    ref: string | null;
    agency: string | null;
    repliedOn: string | null;
    fileName: string;
    startOffset: number;
    endOffset: number;
  };
}

// --- write inputs ------------------------------------------------------------------------------

export interface AddProgressUpdateInput {
  commitmentId: string;
  value?: number | string | null;
  done?: boolean | null;
  /** ISO date the value describes */
  asOf: string;
  note?: string | null;
  evidenceUrl?: string | null;
  evidenceText?: string | null;
  evidenceFile?: { name: string; bytes: Uint8Array } | null;
  actor: User;
  /** ISO date of "today" for the future-date check; defaults to asOf's own day if omitted */
  today?: string;
}

export interface SpreadsheetRowError {
  /** 1-based row number as the spreadsheet shows it (the header is row 1) */
  row: number;
  field?: string;
  reason: string;
}

export interface SpreadsheetImportResult {
  imported: number;
  errors: SpreadsheetRowError[];
  /** false when nothing was written (errors and importGoodRows false, or no rows) */
  stored: boolean;
  /** the file itself could not be read (too large, too many rows, not a spreadsheet): why */
  fileError?: string;
}

export interface ReviewGroupCounts {
  key: string;
  total: number;
  kept: number;
  missed: number;
  overdue: number;
  onTrack: number;
  behind: number;
  pending: number;
  unrateable: number;
  withdrawn: number;
  /** of `total`, how many are still unchecked readings (0 in the published view unless PUBLISH_UNCHECKED) */
  unchecked: number;
}

export interface ReviewSummary {
  year: number;
  asOf: string;
  by: "agency" | "person" | "topic";
  totals: Omit<ReviewGroupCounts, "key">;
  groups: ReviewGroupCounts[];
}

