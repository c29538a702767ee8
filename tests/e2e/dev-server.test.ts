// `npm run dev` goes through the app's own server (docs/decisions/0035): the security headers, the
// cross-site and method checks and the health check answer as under `npm start`, the pages hydrate
// under the policy, a change to the sources is rebuilt and served again, and the development bundle
// is built beside the production one, never over it. (Before, `remix dev --manual` ran remix-serve:
// no checks, no headers, no /healthz, and its bundle replaced build/.)
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium, watchConsole } from "./browser";
import { freePort } from "./server";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const productionBuild = path.join(root, "build", "index.js");

let child: ChildProcess;
let dir: string;
let url: string;
let output = "";
/** build/index.js as it was before the development server started (absent: null) */
let productionBefore: number | null;

async function waitFor(what: () => boolean | Promise<boolean>, timeoutMs: number, label: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await what()) return;
    if (child.exitCode !== null) throw new Error(`npm run dev exited (${child.exitCode}) before ${label}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm run dev: no ${label} within ${timeoutMs} ms:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const answers = async (pathname: string) => {
  try {
    return (await fetch(`${url}${pathname}`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-dev-"));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  productionBefore = fs.statSync(productionBuild, { throwIfNoEntry: false })?.mtimeMs ?? null;
  child = spawn("npm", ["run", "dev"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), DATABASE_URL: `file:${path.join(dir, "tracker.sqlite")}`, NO_COLOR: "1" },
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(() => answers("/healthz"), 240_000, "answer on /healthz");
}, 300_000);

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run dev serves through the app's own server", () => {
  it("answers the health check and says it is ready the way remix dev waits for", async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
    expect(output).toMatch(/\[REMIX DEV\] [0-9a-f]+ ready/);
  });

  it("sets the security headers with a nonce the page's scripts carry, and serves the development bundle", async () => {
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).toContain("/build-dev/");
  });

  it("refuses a cross-site write and a PUT before any route runs", async () => {
    const crossSite = await fetch(`${url}/login`, {
      method: "POST",
      headers: { Origin: "http://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "username=a&password=b",
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toMatch(/^已拒绝跨站请求/);
    expect((await fetch(`${url}/`, { method: "PUT" })).status).toBe(405);
  });

  it("hydrates under the policy in Chromium", async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
    const browser: Browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const watch = watchConsole(page);
      await page.goto(`${url}/`);
      await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter));
      await page.getByRole("link", { name: "答复文件", exact: true }).click();
      await page.waitForURL(/\/documents$/);
      expect(watch.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("rebuilds after a change to the sources and serves again through the same server", async () => {
    const readyLines = () => output.match(/\[REMIX DEV\] [0-9a-f]+ ready/g)?.length ?? 0;
    const before = readyLines();
    // A new source file, removed again: an edit of a real one would leave the production bundle
    // older than the sources, and the next `npm start` (or another browser suite) would rebuild it.
    const file = path.join(root, "app", "lib", `dev-server-test-${process.pid}.ts`);
    fs.writeFileSync(file, "export const devServerTest = true;\n");
    try {
      await waitFor(() => readyLines() > before, 120_000, "restart after the rebuild");
    } finally {
      fs.rmSync(file, { force: true });
    }
    await waitFor(() => answers("/healthz"), 30_000, "answer after the restart");
    expect((await fetch(`${url}/`, { method: "DELETE" })).status).toBe(405);
  }, 180_000);

  it("leaves the production bundle alone", () => {
    expect(fs.existsSync(path.join(root, "build-dev", "index.js"))).toBe(true);
    expect(fs.statSync(productionBuild, { throwIfNoEntry: false })?.mtimeMs ?? null).toBe(productionBefore);
  });
});
