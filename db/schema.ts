// The database as the application sees it. Column types are chosen to behave the same on SQLite and
// PostgreSQL (see docs/decisions/0003-database-sqlite-and-postgres.md): text ids, ISO-8601 text for
// dates and instants, 0/1 integers for booleans, JSON stored as text.
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** 0 or 1: SQLite has no boolean type, so both databases store an integer. */
export type Flag = 0 | 1;

export interface DocumentTable {
  id: string;
  /** sha256 (hex) of the uploaded bytes */
  content_hash: string;
  /** sha256 (hex) of the decoded text: the same reply in GBK and UTF-8 is one document */
  text_hash: string;
  file_name: string;
  format: "txt" | "html" | "docx" | "pdf";
  encoding: string | null;
  text: string;
  /** how it arrived: "upload", "seed", "cli", "api" */
  source: string;
  agency: string | null;
  addressee: string | null;
  addressee_role: string | null;
  ref: string | null;
  session: string | null;
  title: string | null;
  /** ISO date */
  replied_on: string | null;
  region: string | null;
  /** JSON array of strings */
  co_agencies: string;
  kind: "reply" | "report";
  /** ISO instant */
  ingested_at: string;
  ingested_by: string;
}

export interface CommitmentTable {
  id: string;
  document_id: string;
  /** position among the document's commitments, from 0 */
  ordinal: number;
  quote: string;
  /** UTF-16 offsets into documents.text */
  start_offset: number;
  end_offset: number;
  kind: "quantitative" | "milestone" | "qualitative";
  indicator: string;
  target_value: number | null;
  target_value_max: number | null;
  target_unit: string | null;
  target_per: string | null;
  target_comparator: ">=" | "<=" | "=" | null;
  target_mode: "level" | "increment" | null;
  baseline_value: number | null;
  baseline_unit: string | null;
  baseline_as_of: string | null;
  /** ISO date: the last day on which the pledge is still on time */
  due_date: string | null;
  due_precision: "year" | "month" | "day" | null;
  due_text: string | null;
  agency: string | null;
  firmness: string | null;
  cue: string | null;
  rule: string | null;
  needs_review: Flag;
  origin: "extracted" | "confirmed" | "edited";
  created_at: string;
}

export interface ObservationTable {
  id: string;
  document_id: string;
  quote: string;
  start_offset: number;
  end_offset: number;
  indicator: string;
  value: number;
  unit: string | null;
  per: string | null;
  as_of: string | null;
  created_at: string;
}

/** Append-only audit log: rows are inserted in the same transaction as the change, never updated. */
export interface EventTable {
  id: string;
  entity_type: string;
  entity_id: string;
  action: string;
  actor: string;
  at: string;
  /** JSON text or null */
  before: string | null;
  /** JSON text or null */
  after: string | null;
  reason: string | null;
}

export interface Database {
  documents: DocumentTable;
  commitments: CommitmentTable;
  observations: ObservationTable;
  events: EventTable;
}

export type DocumentRow = Selectable<DocumentTable>;
export type NewDocument = Insertable<DocumentTable>;
export type DocumentUpdate = Updateable<DocumentTable>;
export type CommitmentRow = Selectable<CommitmentTable>;
export type NewCommitment = Insertable<CommitmentTable>;
export type CommitmentUpdate = Updateable<CommitmentTable>;
export type ObservationRow = Selectable<ObservationTable>;
export type NewObservation = Insertable<ObservationTable>;
export type ObservationUpdate = Updateable<ObservationTable>;
export type EventRow = Selectable<EventTable>;
export type NewEvent = Insertable<EventTable>;

// Kept for tables whose ids a database generates; none do today (ids are made in app code so they
// are known before the insert and identical on both databases).
export type { Generated };
