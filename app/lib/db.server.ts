import type { Kysely } from "kysely";
import { createDb } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import type { Database } from "../../db/schema";

// One pool per server process. Kept on globalThis so a reloaded bundle in development does not
// open a second SQLite handle or pg pool.
declare global {
  // eslint-disable-next-line no-var
  var __trackerDb: Promise<Kysely<Database>> | undefined;
}

/**
 * The app's database, from DATABASE_URL. Migrations are applied once per process (a no-op after
 * `npm start` has run them), so serving the build directly against a new file also works.
 */
export function getDb(): Promise<Kysely<Database>> {
  globalThis.__trackerDb ??= (async () => {
    const db = createDb();
    await migrateToLatest(db);
    return db;
  })().catch((error) => {
    globalThis.__trackerDb = undefined;
    throw error;
  });
  return globalThis.__trackerDb;
}
