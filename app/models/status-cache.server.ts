// Keeps the status_cache table (docs/decisions/0008) bounded: it holds the derived statuses of at
// most MAX_CACHED_DATES dates — today (China) and the dates asked most recently in this process —
// instead of one full set per date anybody ever asked for (100 anonymous GETs with varied asOf made
// 25,100 rows). Other dates' rows are deleted when a new date is filled; they are a cache, so
// nothing is lost (decision 0024).
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";

export const MAX_CACHED_DATES = 8;

/** Per database handle: asOf → last use, oldest first (a Map keeps insertion order). */
const recentDates = new WeakMap<object, Map<string, number>>();

/** The distinct dates in status_cache, by a loose scan of its primary key (as_of first): one index step per date. */
export async function listStatusCacheDates(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ as_of: string }>`
    with recursive d(as_of) as (
      select min(as_of) from status_cache
      union all
      select (select min(s.as_of) from status_cache s where s.as_of > d.as_of) from d where d.as_of is not null
    )
    select as_of from d where as_of is not null limit 100000`.execute(db);
  return rows.map((r) => r.as_of);
}

/**
 * Records that `asOf` is being used and deletes the rows of every date that is neither today nor
 * among the MAX_CACHED_DATES most recently used. Returns the dates deleted.
 */
export async function boundStatusCache(db: Kysely<Database>, { asOf, today }: { asOf: string; today: string }): Promise<string[]> {
  let recent = recentDates.get(db);
  if (!recent) recentDates.set(db, (recent = new Map()));
  recent.delete(asOf);
  recent.set(asOf, Date.now());
  while (recent.size > MAX_CACHED_DATES) recent.delete(recent.keys().next().value!);
  const keep = new Set([...recent.keys(), today]);
  const stale = (await listStatusCacheDates(db)).filter((date) => !keep.has(date));
  for (let i = 0; i < stale.length; i += 500) {
    await db.deleteFrom("status_cache").where("as_of", "in", stale.slice(i, i + 500)).execute();
  }
  return stale;
}
