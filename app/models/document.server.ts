import { cachedUntilNextWrite } from "../services/read-cache.server";
import { sql, type Kysely, type SqlBool } from "kysely";
import type { Database, DocumentRow, NewDocument } from "../../db/schema";
import { contains, parseJsonArray } from "./sql.server";
import { commitmentInStates, observationInStates, type ReviewState } from "./review-state.server";

type Db = Kysely<Database>;

export async function insertDocument(db: Db, document: NewDocument): Promise<void> {
  await db.insertInto("documents").values(document).execute();
}

/** A document with the same bytes, or failing that the same decoded text. */
export async function findDocumentByHash(
  db: Db,
  { contentHash, textHash }: { contentHash: string; textHash?: string },
): Promise<{ id: string } | undefined> {
  let query = db.selectFrom("documents").select("id");
  query = textHash
    ? query.where((eb) => eb.or([eb("content_hash", "=", contentHash), eb("text_hash", "=", textHash)]))
    : query.where("content_hash", "=", contentHash);
  return query.limit(1).executeTakeFirst();
}

export type DocumentDetail = Omit<DocumentRow, "co_agencies"> & { co_agencies: string[] };

export async function getDocument(db: Db, { id }: { id: string }): Promise<DocumentDetail | undefined> {
  const row = await db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? { ...row, co_agencies: parseJsonArray(row.co_agencies) } : undefined;
}

export interface DocumentListItem {
  id: string;
  file_name: string;
  agency: string | null;
  addressee: string | null;
  addressee_role: string | null;
  ref: string | null;
  title: string | null;
  replied_on: string | null;
  region: string | null;
  ingested_at: string;
  commitment_count: number;
  observation_count: number;
}

export interface DocumentListFilter {
  q?: string;
  agency?: string;
  /** the review states the per-document counts include (default: everything not excluded) */
  states?: readonly ReviewState[];
  /** only documents with something in `states` to show: a reply is published with its first checked reading (decision 0031) */
  publishedOnly?: boolean;
}

/** "The document holds a commitment or a figure in one of `states`" (a reply is published with its first checked reading). */
export function holdsReading(states: readonly ReviewState[]) {
  return sql<SqlBool>`(exists (select 1 from commitments where commitments.document_id = documents.id and ${commitmentInStates(states)})
    or exists (select 1 from observations where observations.document_id = documents.id and ${observationInStates(states)}))`;
}

/** May a reader who sees `states` open this document? Yes if it holds a reading they see. */
export async function isDocumentPublished(db: Db, { id, states }: { id: string; states: readonly ReviewState[] }): Promise<boolean> {
  const row = await db.selectFrom("documents").select("id").where("id", "=", id).where(holdsReading(states)).executeTakeFirst();
  return row !== undefined;
}

function filterDocuments(db: Db, { q, agency, states = ["unchecked", "checked"], publishedOnly = false }: DocumentListFilter) {
  let query = db.selectFrom("documents");
  if (agency) query = query.where("agency", "=", agency);
  if (publishedOnly) query = query.where(holdsReading(states));
  const term = q?.trim();
  if (term) {
    // Matched in a subquery that SQLite answers from documents_search_idx alone: scanning the table
    // itself would read every reply's full text (migration 20261201090000).
    query = query.where("documents.id", "in", (eb) =>
      eb
        .selectFrom("documents as d")
        .select("d.id")
        .where((w) =>
          w.or([
            contains(w.ref("d.title"), term),
            contains(w.ref("d.agency"), term),
            contains(w.ref("d.addressee"), term),
            contains(w.ref("d.ref"), term),
            contains(w.ref("d.file_name"), term),
          ]),
        ),
    );
  }
  return query;
}

/** One page of documents, newest reply first, with per-document counts for that page only. */
export async function listDocuments(
  db: Db,
  { q, agency, limit, offset, states = ["unchecked", "checked"], publishedOnly = false }: DocumentListFilter & { limit: number; offset: number },
): Promise<{ total: number; items: DocumentListItem[] }> {
  const base = filterDocuments(db, { q, agency, states, publishedOnly });
  const [countRow, items] = await Promise.all([
    // The total scans every matching document; kept until the next write (docs/decisions/0011).
    cachedUntilNextWrite(db, `documents-total:${JSON.stringify([q?.trim() ?? "", agency ?? "", publishedOnly ? states : "all"])}`, () =>
      base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ),
    base
      .select((eb) => [
        "documents.id",
        "documents.file_name",
        "documents.agency",
        "documents.addressee",
        "documents.addressee_role",
        "documents.ref",
        "documents.title",
        "documents.replied_on",
        "documents.region",
        "documents.ingested_at",
        // Correlated counts run only for the rows of this page, through the document_id indexes.
        eb
          .selectFrom("commitments")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("commitments.document_id", "=", "documents.id")
          .where(commitmentInStates(states))
          .as("commitment_count"),
        eb
          .selectFrom("observations")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("observations.document_id", "=", "documents.id")
          .where(observationInStates(states))
          .as("observation_count"),
      ])
      // NULLS LAST spelled out: the databases disagree on where nulls sort by default.
      .orderBy("documents.replied_on", (ob) => ob.desc().nullsLast())
      .orderBy("documents.id", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  return {
    total: Number(countRow.n),
    items: items.map((row) => ({
      ...row,
      commitment_count: Number(row.commitment_count ?? 0),
      observation_count: Number(row.observation_count ?? 0),
    })),
  };
}

export async function countDocuments(
  db: Db,
  { states = ["unchecked", "checked"], publishedOnly = false }: { states?: readonly ReviewState[]; publishedOnly?: boolean } = {},
): Promise<number> {
  let query = db.selectFrom("documents").select((eb) => eb.fn.countAll<number>().as("n"));
  if (publishedOnly) query = query.where(holdsReading(states));
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
