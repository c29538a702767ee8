import type { Kysely } from "kysely";
import type { CommitmentRow, Database, NewCommitment } from "../../db/schema";
import { commitmentTextContains } from "./sql.server";
import { commitmentInStates, type ReviewState } from "./review-state.server";

/** What a count or a list holds unless told otherwise: every reading not excluded. */
const NOT_EXCLUDED: readonly ReviewState[] = ["unchecked", "checked"];

type Db = Kysely<Database>;

// SQLite allows 32766 bound parameters per statement; 28 columns × 200 rows stays well below it.
const INSERT_CHUNK = 200;

export async function insertCommitments(db: Db, rows: NewCommitment[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db.insertInto("commitments").values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }
}

export async function listCommitmentsForDocument(
  db: Db,
  { documentId }: { documentId: string },
): Promise<CommitmentRow[]> {
  return db
    .selectFrom("commitments")
    .selectAll()
    .where("document_id", "=", documentId)
    .orderBy("ordinal")
    .execute();
}

export interface CommitmentFilter {
  agency?: string;
  kind?: CommitmentRow["kind"];
  /** due within this calendar year */
  dueYear?: number;
  q?: string;
}

export type CommitmentListItem = CommitmentRow & {
  document_ref: string | null;
  document_title: string | null;
  document_replied_on: string | null;
};

function filterCommitments(db: Db, { agency, kind, dueYear, q }: CommitmentFilter) {
  let query = db.selectFrom("commitments");
  if (agency) query = query.where("commitments.agency", "=", agency);
  if (kind) query = query.where("commitments.kind", "=", kind);
  if (dueYear !== undefined) {
    // A range on the ISO text rather than a year() function, so the due_date index is usable.
    query = query
      .where("commitments.due_date", ">=", `${dueYear}-01-01`)
      .where("commitments.due_date", "<=", `${dueYear}-12-31`);
  }
  const term = q?.trim();
  if (term) {
    query = query.where(commitmentTextContains(db, term));
  }
  return query;
}

/** One page of commitments across all documents, soonest due first (open-ended last). */
export async function listCommitments(
  db: Db,
  filter: CommitmentFilter & { limit: number; offset: number },
): Promise<{ total: number; items: CommitmentListItem[] }> {
  const base = filterCommitments(db, filter);
  const [countRow, items] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base
      .innerJoin("documents", "documents.id", "commitments.document_id")
      .selectAll("commitments")
      .select([
        "documents.ref as document_ref",
        "documents.title as document_title",
        "documents.replied_on as document_replied_on",
      ])
      .orderBy("commitments.due_date", (ob) => ob.asc().nullsLast())
      .orderBy("commitments.id")
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return { total: Number(countRow.n), items };
}

/** The agencies that have commitments, for a filter list. Distinct over the agency index. */
export async function listCommitmentAgencies(
  db: Db,
  { limit = 500, states = NOT_EXCLUDED }: { limit?: number; states?: readonly ReviewState[] } = {},
): Promise<string[]> {
  const rows = await db
    .selectFrom("commitments")
    .select("agency")
    .distinct()
    .where("agency", "is not", null)
    .where(commitmentInStates(states))
    .orderBy("agency")
    .limit(limit)
    .execute();
  return rows.map((r) => r.agency).filter((a): a is string => a !== null);
}

export async function countCommitmentsByKind(
  db: Db,
  { states = NOT_EXCLUDED }: { states?: readonly ReviewState[] } = {},
): Promise<Record<CommitmentRow["kind"], number> & { total: number }> {
  const rows = await db
    .selectFrom("commitments")
    .select((eb) => ["kind", eb.fn.countAll<number>().as("n")])
    .where(commitmentInStates(states))
    .groupBy("kind")
    .execute();
  const counts = { quantitative: 0, milestone: 0, qualitative: 0, total: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    if (row.kind in counts) counts[row.kind] += n;
    counts.total += n;
  }
  return counts;
}
