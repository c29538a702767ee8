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
      console.log(`[${tag}] 数据库为空，已导入 ${created} 份示例答复（均为未核对）`);
    }
    // Nothing is published before a reviewer checks it (decision 0031): without a reviewer, a
    // signed-out visitor sees an empty site and nobody can change that.
    const reviewer = await db.selectFrom("users").select("id").where("role", "in", ["admin", "reviewer"]).where("disabled_at", "is", null).limit(1).executeTakeFirst();
    if (!reviewer) {
      console.log(
        `[${tag}] 还没有审核人员账号。提取结果要经审核人员核对后才对未登录的访客公开，在此之前访客看到的是空的网站。` +
          "创建审核人员：PASSWORD=… npm run user -- add 审核员 --role reviewer，再登录后在 /review?tab=extractions 逐条核对。",
      );
    }
  } finally {
    await db.destroy();
  }
}

