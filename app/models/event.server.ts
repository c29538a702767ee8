import type { Kysely } from "kysely";
import type { Database, EventRow } from "../../db/schema";
import { newId } from "../lib/id";

type Db = Kysely<Database>;

/**
 * Appends one audit event. Call it with the transaction that makes the change, so the log and the
 * state cannot disagree. There is deliberately no update or delete function for events.
 */
export async function appendEvent(
  db: Db,
  event: {
    entityType: string;
    entityId: string;
    action: string;
    actor: string;
    at?: string;
    before?: unknown;
    after?: unknown;
    reason?: string | null;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto("events")
    .values({
      id,
      entity_type: event.entityType,
      entity_id: event.entityId,
      action: event.action,
      actor: event.actor,
      at: event.at ?? new Date().toISOString(),
      before: event.before === undefined || event.before === null ? null : JSON.stringify(event.before),
      after: event.after === undefined || event.after === null ? null : JSON.stringify(event.after),
      reason: event.reason ?? null,
    })
    .execute();
  return id;
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
