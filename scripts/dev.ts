// `npm run dev`: the app's own server (server/index.ts — the method, CSRF, URL and content-type
// checks, the security headers, the body limits, the health check, the uploads' worker threads), as
// `npm start` serves it, but with Remix's development build, rebuilt on every change. The database
// is migrated and seeded first, as by `npm start`. `remix dev` builds into build-dev/ (remix.config.js)
// and restarts `node server/boot.mjs build-dev/index.js` after each rebuild; the server says it is
// ready with Remix's own "[REMIX DEV] <version> ready" line (docs/decisions/0035). For development
// only: NODE_ENV=development shows error details to the browser.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveSessionSecrets } from "../app/lib/session-secret.server";
import { prepareDatabase } from "./prepare-database";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const remixCli = path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js");

async function main(): Promise<void> {
  // the secret file beside the SQLite database, as for npm start (docs/decisions/0026)
  resolveSessionSecrets({ ...process.env, NODE_ENV: "development" });
  await prepareDatabase("dev");
  const host = process.env.HOST || "127.0.0.1";
  const port = process.env.PORT || "3000";
  // remix dev starts the command with its cwd and splits it at spaces: paths relative to the root.
  const dev = spawn(process.execPath, [remixCli, "dev", "--command", "node server/boot.mjs build-dev/index.js"], {
    cwd: root,
    stdio: "inherit",
    env: { MALLOC_ARENA_MAX: "2", ...process.env, HOST: host, PORT: port, NODE_ENV: "development" },
  });
  console.log(`[dev] 承诺跟踪（开发模式） http://${host}:${port}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (dev.exitCode === null) dev.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  dev.on("exit", (code, signal) => process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0))));
}

main().catch((error: unknown) => {
  console.error(`[dev] 启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
