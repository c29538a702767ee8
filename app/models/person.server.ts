import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { newId } from "../lib/id";

type Db = Kysely<Database>;

/** The person with this name, role and region, created on first sight. Race-safe via the unique key. */
export async function upsertPerson(
  db: Db,
  { name, role, region, at }: { name: string; role: "代表" | "委员" | null; region: string | null; at: string },
): Promise<string> {
  const key = [name, role ?? "", region ?? ""].join("|");
  await db
    .insertInto("people")
    .values({ id: newId(), key, name, role, region, created_at: at })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db.selectFrom("people").select("id").where("key", "=", key).executeTakeFirstOrThrow();
  return row.id;
}

/** The suggestion or proposal (by number, session and person), created on first sight. */
export async function upsertSuggestion(
  db: Db,
  {
    ref,
    session,
    title,
    personId,
    at,
  }: { ref: string | null; session: string | null; title: string | null; personId: string | null; at: string },
): Promise<string> {
  const key = [ref ?? "", session ?? "", personId ?? "", ref || session ? "" : (title ?? "")].join("|");
  await db
    .insertInto("suggestions")
    .values({ id: newId(), key, ref, session, title, person_id: personId, created_at: at })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db.selectFrom("suggestions").select("id").where("key", "=", key).executeTakeFirstOrThrow();
  return row.id;
}
