// Runs one of the TypeScript commands in scripts/ (`node scripts/run.mjs scripts/ingest.ts ARGS`, as
// package.json's scripts do). The libraries every command uses are plain JavaScript and are loaded
// here by Node itself, before tsx's hooks are registered: through tsx they load about three times
// slower (it rewrites their dynamic imports and keeps source maps; docs/decisions/0025), and a
// command such as `npm run ingest` for one file is mostly start-up.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const script = process.argv[2];
if (!script) {
  console.error("用法：node scripts/run.mjs scripts/<命令>.ts [参数…]");
  process.exit(2);
}
await Promise.all(["kysely", "better-sqlite3", "pg", "date-fns", "iconv-lite", "opencc-js/t2cn"].map((name) => import(name)));
register();
// The command reads its arguments from process.argv.slice(2), as when tsx runs it directly.
process.argv.splice(1, 2, path.resolve(script));
await import(pathToFileURL(path.resolve(script)).href);
