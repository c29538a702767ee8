// Aggregates that read a whole table — list totals, the overview counts, the annual review — cost
// hundreds of milliseconds to seconds at a province's volume (docs/decisions/0011-scale.md), yet
// change only when something is written. Every write appends to the event log in its own
// transaction (HOUSE_STYLE principle 3), so the newest event id is a cheap version of the data:
// a value computed under one head is reused until the head moves, and never for more than MAX_AGE
// (ids made in two processes within one millisecond need not sort in the order they were written).
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 500;

interface Entry {
  head: string;
  at: number;
  value: Promise<unknown>;
}

// One map per database handle: tests open many databases in one process.
const caches = new WeakMap<object, Map<string, Entry>>();

/** The newest event id: one step down the primary-key index. */
async function eventLogHead(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom("events").select("id").orderBy("id", "desc").limit(1).executeTakeFirst();
  return row?.id ?? "";
}

/**
 * `compute()`, or the value it gave for the same key since the last write. Concurrent callers share
 * one computation; a failed computation is forgotten.
 */
export async function cachedUntilNextWrite<T>(db: Kysely<Database>, key: string, compute: () => Promise<T>): Promise<T> {
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const head = await eventLogHead(db);
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.head === head && now - hit.at < MAX_AGE_MS) {
    // refresh its place in the insertion order, so the oldest-used entry is evicted first
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry: Entry = { head, at: now, value };
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}

/** Forgets the cached values of one database whose key matches (e.g. those of a date no longer cached). */
export function forgetCachedWhere(db: Kysely<Database>, matches: (key: string) => boolean): void {
  const entries = caches.get(db);
  if (!entries) return;
  for (const key of [...entries.keys()]) if (matches(key)) entries.delete(key);
}

/** Forgets every cached value of one database. */
export function clearReadCache(db: Kysely<Database>): void {
  caches.delete(db);
}
