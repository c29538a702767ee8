// npm run restore -- FILE
//
// Replaces the database named by DATABASE_URL with a backup made by `npm run backup`, in one
// transaction (db/backup.ts, docs/decisions/0023-backup-and-restore.md). A file that is not a
// database of this app, is damaged, or comes from a newer version of the code is refused and
// nothing is changed. The database as it was is saved first (its path is printed).
// Exit code 2 on a usage error, 1 when the restore was refused or failed.
import { BackupError, restoreDatabase } from "../db/backup";

const USAGE = "usage: npm run restore -- FILE\n用法：npm run restore -- 备份文件";

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== "--");
  if (args.includes("-h") || args.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  if (args.length !== 1 || args[0]!.startsWith("-")) {
    console.error(USAGE);
    return 2;
  }
  try {
    const result = await restoreDatabase(process.env.DATABASE_URL, args[0]!);
    if (result.previous) console.log(`恢复前的数据库已另存为 ${result.previous}`);
    console.log(`已从 ${args[0]} 恢复：${result.documents} 份文件、${result.commitments} 项承诺，${result.migrations.length} 个迁移。`);
    console.log("如程序版本比备份新，下次 npm start 时会自动应用其余迁移。");
    return 0;
  } catch (error) {
    console.error(error instanceof BackupError ? error.message : `恢复失败：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
