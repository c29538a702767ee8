// What `npm start` and `npm run dev` do to the database before serving: migrate it, and ingest the
// sample replies when it is empty (through the same path as an upload).
import { createDb, parseDatabaseUrl } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { seedIfEmpty } from "../seeds/index";

export async function prepareDatabase(tag = "start"): Promise<void> {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const where = target.dialect === "sqlite" ? target.path : target.url.replace(/\/\/[^@/]*@/, "//…@");
  const db = createDb();
  try {
    const migrated = await migrateToLatest(db);
    const applied = migrated.results?.filter((r) => r.status === "Success").length ?? 0;
    console.log(`[${tag}] 数据库 ${where}：${applied ? `应用了 ${applied} 个迁移` : "已是最新"}`);
    const seeded = await seedIfEmpty(db);
    if (seeded) {
      const created = seeded.filter((r) => r.status === "created").length;
      console.log(`[${tag}] 数据库为空，已导入 ${created} 份示例答复`);
    }
  } finally {
    await db.destroy();
  }
}

