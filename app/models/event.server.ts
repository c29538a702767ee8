import type { Kysely } from "kysely";
import type { Database, EventRow } from "../../db/schema";
import { newId } from "../lib/id";

type Db = Kysely<Database>;

/**
 * Appends one audit event. Call it with the transaction that makes the change, so the log and the
 * state cannot disagree. There is deliberately no update or delete function for events.
 */
export interface NewEventInput {
  entityType: string;
  entityId: string;
  action: string;
  actor: string;
  at?: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

function toEventRow(event: NewEventInput, id: string) {
  return {
    id,
    entity_type: event.entityType,
    entity_id: event.entityId,
    action: event.action,
    actor: event.actor,
    at: event.at ?? new Date().toISOString(),
    before: event.before === undefined || event.before === null ? null : JSON.stringify(event.before),
    after: event.after === undefined || event.after === null ? null : JSON.stringify(event.after),
    reason: event.reason ?? null,
  };
}

export async function appendEvent(db: Db, event: NewEventInput): Promise<string> {
  const id = newId();
  await db.insertInto("events").values(toEventRow(event, id)).execute();
  return id;
}

// 9 columns × 500 rows stays well below SQLite's 32766 bound parameters (and PostgreSQL's 65535).
const EVENT_CHUNK = 500;

/** Appends several events with one INSERT per 500 rows; same rules as appendEvent. */
export async function appendEvents(db: Db, events: NewEventInput[]): Promise<string[]> {
  const rows = events.map((event) => toEventRow(event, newId()));
  for (let i = 0; i < rows.length; i += EVENT_CHUNK) {
    await db.insertInto("events").values(rows.slice(i, i + EVENT_CHUNK)).execute();
  }
  return rows.map((row) => row.id);
}

export async function listEventsForEntity(
  db: Db,
  { entityType, entityId }: { entityType: string; entityId: string },
): Promise<EventRow[]> {
  return db
    .selectFrom("events")
    .selectAll()
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", entityId)
    .orderBy("at")
    .orderBy("id")
    .execute();
}
