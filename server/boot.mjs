// Entry of the server process (scripts/start.ts runs `node server/boot.mjs build/index.js`). The
// Remix build and the libraries it imports are plain JavaScript: they are loaded here by Node itself,
// before tsx's hooks are registered, because tsx rewrites plain modules' dynamic imports too and
// keeps a source map of each — measured, the idle server held 265 MB through tsx alone. Then tsx
// compiles server/index.ts and the few app/ modules it imports (docs/decisions/0025).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const buildPath = path.resolve(process.argv[2] ?? path.join(root, "build", "index.js"));
const build = await import(pathToFileURL(buildPath).href);
register();
const { main } = await import("./index.ts");
main(build).catch((error) => {
  console.error(`[server] 启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
