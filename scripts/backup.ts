// npm run backup -- FILE
//
// A consistent copy of the database named by DATABASE_URL, safe while the app runs: SQLite's online
// backup API for a SQLite file, pg_dump (custom format) for PostgreSQL (db/backup.ts,
// docs/decisions/0023-backup-and-restore.md). The file appears only once it is complete.
// Exit code 2 on a usage error, 1 when the backup failed.
import { BackupError, backupDatabase } from "../db/backup";

const USAGE = "usage: npm run backup -- FILE\n用法：npm run backup -- 备份文件";

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
    const result = await backupDatabase(process.env.DATABASE_URL, args[0]!);
    console.log(
      `已备份到 ${result.file}（${(result.bytes / 1024 / 1024).toFixed(1)} MB）：${result.documents} 份文件、${result.commitments} 项承诺，${result.migrations.length} 个迁移。`,
    );
    return 0;
  } catch (error) {
    console.error(error instanceof BackupError ? error.message : `备份失败：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
