import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";
import { migrations } from "./migrations/index";

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly registry: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.registry;
  }
}

export function createMigrator(db: Kysely<any>): Migrator {
  // Unordered: migrations written on the same day by different people may be named earlier than one
  // a database has already run (20261202130000 after 20261202140000); each pending one still runs,
  // in name order, instead of the start failing (docs/decisions/0026).
  return new Migrator({ db, provider: new StaticMigrationProvider(migrations), allowUnorderedMigrations: true });
}

/** Applies every pending migration; throws (naming the migration) if one fails. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await createMigrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName;
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed ?? "(unknown)"} failed: ${cause}`, { cause: result.error });
  }
  return result;
}
