import type { Kysely } from "kysely";
import type { Database, NewObservation, ObservationRow } from "../../db/schema";
import { observationInStates, type ReviewState } from "./review-state.server";

type Db = Kysely<Database>;

const INSERT_CHUNK = 300;

export async function insertObservations(db: Db, rows: NewObservation[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db.insertInto("observations").values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }
}

export async function listObservationsForDocument(
  db: Db,
  { documentId }: { documentId: string },
): Promise<ObservationRow[]> {
  return db
    .selectFrom("observations")
    .selectAll()
    .where("document_id", "=", documentId)
    .orderBy("start_offset")
    .orderBy("id")
    .execute();
}

export async function countObservations(
  db: Db,
  { states = ["unchecked", "checked"] }: { states?: readonly ReviewState[] } = {},
): Promise<number> {
  const row = await db
    .selectFrom("observations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(observationInStates(states))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
