// The app's HTTP server: what remix-serve did (compression, the build's assets with immutable
// caching, public/, a request log) plus the one place every request passes before a route — the
// method, CSRF, URL and content-type checks and the security headers of server/guard.ts
// (docs/decisions/0021-own-server.md). Run by scripts/start.ts as `node server/boot.mjs build/index.js`
// (or directly as `node --import tsx server/index.ts build/index.js`); HOST (default 127.0.0.1) and
// PORT (default 3000) as before. `npm run dev` runs the same server on the development build
// (scripts/dev.ts, docs/decisions/0035).
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, logDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import morgan from "morgan";
import { sessionSecrets } from "../app/lib/session-secret.server";
import { closePreparationPool, preparationPool } from "../app/services/preparation-pool.server";
import { bodyRefusal } from "./body-limit";
import { checkRequest, securityHeaders, wantsJson, type GuardOptions, type Refusal } from "./guard";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

function sendRefusal(req: Request, res: Response, refusal: Omit<Refusal, "status"> & { status: number }): void {
  for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
  res.status(refusal.status);
  if (wantsJson(req.originalUrl)) res.json({ error: refusal.message });
  else res.type("text/plain; charset=utf-8").send(refusal.message);
}

export function createApp(build: ServerBuild, options: GuardOptions = {}): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, TRUST_PROXY (e.g. "loopback" or 1) makes req.ip the client's address
  // from X-Forwarded-For, which the login throttle counts per address (docs/decisions/0026).
  if (process.env.TRUST_PROXY) {
    const hops = Number(process.env.TRUST_PROXY);
    app.set("trust proxy", Number.isInteger(hops) ? hops : process.env.TRUST_PROXY);
  }
  // Headers first, so the static files carry them too; a fresh nonce for every response.
  app.use((_req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    for (const [name, value] of Object.entries(securityHeaders(nonce))) res.setHeader(name, value);
    next();
  });
  // Liveness for a monitor or a load balancer: answered here, before the log and before Remix, so it
  // shows whether this process's event loop is free (decoding runs in worker threads, 0025).
  app.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ ok: true });
  });
  app.use(compression());
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  app.use(morgan("tiny"));
  app.use((req, res, next) => {
    const refusal = checkRequest({ method: req.method, url: req.originalUrl, headers: req.headers }, options);
    if (refusal) sendRefusal(req, res, refusal);
    else next();
  });
  // A body over its route's limit is refused before it is read (server/body-limit.ts, 0025). Its
  // bytes are still drained by Node so the client reads the 413, unless there are very many.
  app.use((req, res, next) => {
    const refusal = bodyRefusal({ method: req.method, url: req.originalUrl, headers: req.headers });
    if (!refusal) return next();
    if (refusal.status === 411 || Number(req.headers["content-length"]) > 64 * 1024 * 1024) res.setHeader("Connection", "close");
    sendRefusal(req, res, refusal);
  });
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientAddress: req.ip ?? req.socket.remoteAddress ?? "" }),
    }),
  );
  // Whatever escapes Remix (a body stream that broke mid-way): a plain message, never a stack.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error(error);
    if (res.headersSent) return void res.end();
    sendRefusal(req, res, { status: 400, message: "请求无法处理：请求内容不完整或格式有误。" });
  });
  return app;
}

/** TRUSTED_ORIGINS: comma-separated origins allowed to post besides the Host header's own. */
export function guardOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): GuardOptions {
  const trustedOrigins = (env.TRUSTED_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim().replace(/\/+$/, ""))
    .filter(Boolean);
  return { trustedOrigins };
}

/** Serves `loaded` (the Remix build server/boot.mjs imported), or the build named on the command line. */
export async function main(loaded?: ServerBuild): Promise<void> {
  const buildPath = path.resolve(process.argv[2] ?? path.join(root, "build", "index.js"));
  const build = loaded ?? ((await import(pathToFileURL(buildPath).href)) as ServerBuild);
  installGlobals({ nativeFetch: build.future.v3_singleFetch });
  // Refuses to start in production on PostgreSQL without SESSION_SECRET (docs/decisions/0026).
  sessionSecrets();
  const host = process.env.HOST || "127.0.0.1";
  const port = Number(process.env.PORT || 3000);
  const server = createApp(build, guardOptionsFromEnv()).listen(port, host, () => {
    console.log(`[server] http://${host}:${port}`);
    // `npm run dev` (scripts/dev.ts): remix dev waits for this line after each rebuild (decision 0035)
    if (process.env.NODE_ENV === "development") logDevReady(build);
  });
  // The uploads' decoding and extraction threads (docs/decisions/0025), loaded before the first file.
  preparationPool().warm();
  const stop = () => {
    void closePreparationPool();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`[server] 启动失败：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
