// The tracking workflows the web pages and the JSON API call. Shapes and errors live in
// tracking-types.ts and are re-exported here, so a page imports everything from one module.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
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

const notYet = (name: string): never => {
  throw new Error(`${name}: not implemented yet`);
};

/** One page of commitments with their status on `asOf`, filtered; `total` counts every match. */
export async function listTrackedCommitments(
  db: Db,
  filter: CommitmentListFilter,
): Promise<{ total: number; items: TrackedCommitmentRow[] }> {
  return notYet("listTrackedCommitments");
}

/** One commitment with its updates, links, revisions and audit history; null when unknown. */
export async function getTrackedCommitment(db: Db, id: string, asOf: string): Promise<TrackedCommitmentDetail | null> {
  return notYet("getTrackedCommitment");
}

/** Appends a progress update. @throws PermissionError, ValidationError, NotFoundError */
export async function addProgressUpdate(db: Db, input: AddProgressUpdateInput): Promise<{ updateId: string }> {
  return notYet("addProgressUpdate");
}

/** Confirms or rejects a proposed link (reviewer/admin). Confirming an observation link appends a progress update. */
export async function decideLink(
  db: Db,
  input: { linkId: string; action: "confirm" | "reject"; reason?: string | null; actor: User; at?: string },
): Promise<{ linkId: string; state: LinkState; updateId: string | null }> {
  return notYet("decideLink");
}

/** A reviewer's status override with a reason (reviewer/admin). */
export async function setOverride(
  db: Db,
  input: { commitmentId: string; status: Status; reason: string; actor: User; at?: string },
): Promise<{ overrideId: string }> {
  return notYet("setOverride");
}

/** Removes the effect of an override (a new row; nothing is deleted). */
export async function clearOverride(
  db: Db,
  input: { commitmentId: string; reason: string; actor: User; at?: string },
): Promise<{ overrideId: string }> {
  return notYet("clearOverride");
}

/** Withdraws a commitment with a reason (reviewer/admin). */
export async function withdrawCommitment(
  db: Db,
  input: { commitmentId: string; reason: string; actor: User; at?: string },
): Promise<void> {
  return notYet("withdrawCommitment");
}

/** Imports a .xlsx or .csv progress report in one transaction. */
export async function importProgressSpreadsheet(
  db: Db,
  input: { bytes: Uint8Array; fileName: string; actor: User; importGoodRows: boolean; today?: string },
): Promise<SpreadsheetImportResult> {
  return notYet("importProgressSpreadsheet");
}

/** The annual review (回头看): commitments due in `year`, counted by status group per agency, person or topic. */
export async function reviewSummary(
  db: Db,
  input: { year: number; asOf: string; by: "agency" | "person" | "topic" },
): Promise<ReviewSummary> {
  return notYet("reviewSummary");
}

/** The reviewer's queue: proposed links, best score first. */
export async function listProposedLinks(
  db: Db,
  input: { limit: number; offset: number },
): Promise<{ total: number; items: LinkView[] }> {
  return notYet("listProposedLinks");
}
