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
  /** the deputy or member the reply answers (people.id) */
  person_id: string | null;
  /** the suggestion or proposal it answers (suggestions.id) */
  suggestion_id: string | null;
  /** the extraction engine's version that last read the text (docs/decisions/0033); null before it was recorded */
  engine_version: string | null;
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
  /** extracted (unchecked), confirmed or edited by a reviewer, or added by one (a pledge the extractor missed) */
  origin: "extracted" | "confirmed" | "edited" | "added";
  created_at: string;
  /** matching key: the normalised head noun of the indicator (docs/decisions/0009) */
  indicator_head: string | null;
  /** matching key: the target unit's family (share, people, beds, count …) */
  unit_family: string | null;
  /** matching key: the document's place (domain/region-keys); null until computed for old rows */
  region_key: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  withdrawn_by: string | null;
  /** raised by every change to the row; an edit names the version it was made from (docs/decisions/0027) */
  version: Generated<number>;
  /** a reviewer excluded the reading (不是承诺 / 不是进展数据); kept, restorable (docs/decisions/0030) */
  excluded_at: string | null;
  excluded_reason: string | null;
  excluded_by: string | null;
  /** a re-extraction no longer produced this unchecked reading: a reviewer decides (never deleted) */
  exclusion_proposed_at: string | null;
  exclusion_proposed_reason: string | null;
  /** the reading as the engine produced it, unchanged by corrections; null for what a reviewer added */
  reading_key: string | null;
  /** the reviewer who added a pledge the extractor missed */
  added_by: string | null;
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
  /** matching keys, as on commitments (docs/decisions/0015); null until computed for old rows */
  indicator_head: string | null;
  unit_family: string | null;
  region_key: string | null;
  /** a reviewer excluded the reading (不是承诺 / 不是进展数据); kept, restorable (docs/decisions/0030) */
  excluded_at: string | null;
  excluded_reason: string | null;
  excluded_by: string | null;
  /** a re-extraction no longer produced this unchecked reading: a reviewer decides (never deleted) */
  exclusion_proposed_at: string | null;
  exclusion_proposed_reason: string | null;
  /** the reading as the engine produced it, unchanged by corrections; null for what a reviewer added */
  reading_key: string | null;
  /** a reviewer checked the figure against the text */
  checked_at: string | null;
  checked_by: string | null;
  /** raised by every change of its review state; a verdict names the version it was made from (docs/decisions/0038) */
  version: Generated<number>;
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

export interface PersonTable {
  id: string;
  /** name|role|region, unique */
  key: string;
  name: string;
  role: "代表" | "委员" | null;
  region: string | null;
  created_at: string;
}

export interface SuggestionTable {
  id: string;
  /** ref|session|person, unique */
  key: string;
  ref: string | null;
  session: string | null;
  title: string | null;
  person_id: string | null;
  created_at: string;
}

export interface EvidenceFileTable {
  id: string;
  file_name: string;
  size: number;
  sha256: string;
  /** the file's bytes in base64: one portable type on both databases */
  data_base64: string;
  created_at: string;
}

export type LinkStateValue = "proposed" | "confirmed" | "rejected";

export interface LinkTable {
  id: string;
  /** the earlier commitment */
  commitment_id: string;
  /** "dropped": a later follow-up document no longer mentions this pledge (later_document_id) */
  kind: "observation" | "revision" | "dropped";
  observation_id: string | null;
  /** for a revision: the later pledge */
  later_commitment_id: string | null;
  /** for a dropped pledge: the follow-up document that left it out */
  later_document_id: string | null;
  state: LinkStateValue;
  score: number;
  /** JSON array of strings */
  reasons: string;
  revision_kind: string | null;
  revision_description: string | null;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  created_at: string;
}

/** Append-only. */
export interface ProgressUpdateTable {
  id: string;
  commitment_id: string;
  value: number | null;
  done: Flag | null;
  /** ISO date the value describes */
  as_of: string;
  note: string | null;
  evidence_url: string | null;
  evidence_text: string | null;
  evidence_file_name: string | null;
  evidence_file_id: string | null;
  source: "agency" | "reviewer" | "document";
  observation_id: string | null;
  link_id: string | null;
  reported_by: string;
  reported_at: string;
  /** a reviewer published the evidence file (docs/decisions/0031); until then staff and the agency only */
  evidence_public: Generated<Flag>;
  /** an agency's report waits for a reviewer (docs/decisions/0034); only verified ones count */
  review_state: Generated<"pending" | "verified" | "rejected" | "withdrawn" | "replaced">;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_reason: string | null;
  /** a correction: the report it replaces */
  replaces_id: string | null;
}

/** Append-only: the newest row per commitment applies; status NULL clears an override. */
export interface OverrideTable {
  id: string;
  commitment_id: string;
  status: string | null;
  reason: string;
  decided_by: string;
  at: string;
}

/** Derived, recomputable: a commitment's status on one asOf date (docs/decisions/0008). */
export interface StatusCacheTable {
  as_of: string;
  commitment_id: string;
  status: string;
  due_date: string | null;
}

/** A deputy's or member's objection to a reported status; open until a reviewer answers it. */
export interface DisagreementTable {
  id: string;
  commitment_id: string;
  /** the deputy or member (people.name) */
  person: string | null;
  raised_by: string;
  raised_at: string;
  disputed_status: string | null;
  note: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: "upheld" | "overridden" | null;
  response: string | null;
  override_status: string | null;
}

export interface UserTable {
  id: string;
  name: string;
  role: "admin" | "reviewer" | "agency" | "deputy" | "public";
  agency: string | null;
  person: string | null;
  /** scrypt$N$r$p$salt$hash */
  password_hash: string;
  created_at: string;
  /** set by `npm run user -- disable`: no login, no session, no token works until enabled again */
  disabled_at: string | null;
}

export interface ApiTokenTable {
  id: string;
  /** sha256 of the token; the token itself is shown once and never stored */
  token_hash: string;
  user_id: string;
  created_at: string;
  last_used_at: string | null;
  /** ISO instant after which the token is refused; null only for rows written before it existed */
  expires_at: string | null;
  /** set by `npm run user -- revoke` */
  revoked_at: string | null;
}

/** A signed-in browser (docs/decisions/0026): logout deletes the row; idle and absolute expiry. */
export interface SessionTable {
  /** sha256 (hex) of the token in the cookie */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  /** the absolute end, however active the session */
  expires_at: string;
  address: string | null;
  user_agent: string | null;
}

/** One failed login, under "account:<name>" and again under "address:<ip>", for the throttle. */
export interface LoginFailureTable {
  id: string;
  key: string;
  at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface Database {
  documents: DocumentTable;
  commitments: CommitmentTable;
  observations: ObservationTable;
  events: EventTable;
  people: PersonTable;
  suggestions: SuggestionTable;
  evidence_files: EvidenceFileTable;
  links: LinkTable;
  progress_updates: ProgressUpdateTable;
  overrides: OverrideTable;
  disagreements: DisagreementTable;
  status_cache: StatusCacheTable;
  users: UserTable;
  api_tokens: ApiTokenTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  settings: SettingTable;
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

export type PersonRow = Selectable<PersonTable>;
export type SuggestionRow = Selectable<SuggestionTable>;
export type LinkRow = Selectable<LinkTable>;
export type NewLink = Insertable<LinkTable>;
export type ProgressUpdateRow = Selectable<ProgressUpdateTable>;
export type NewProgressUpdate = Insertable<ProgressUpdateTable>;
export type OverrideRow = Selectable<OverrideTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type SessionRow = Selectable<SessionTable>;

// Kept for tables whose ids a database generates; none do today (ids are made in app code so they
// are known before the insert and identical on both databases).
export type { Generated };
