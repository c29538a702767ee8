// Users for the browser tests, made with the real CLI (`npm run user -- add …`) against the test
// server's own SQLite file, and a session cookie obtained through the real /login form.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import type { RunningServer } from "./server";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const TEST_PASSWORD = "e2e-correct-horse-42";

export function addUser(server: RunningServer, name: string, role: string, extra: { agency?: string; person?: string } = {}): void {
  const args = [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "scripts", "user.ts"), "add", name, "--role", role];
  if (extra.agency) args.push("--agency", extra.agency);
  if (extra.person) args.push("--person", extra.person);
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(server.dir, "tracker.sqlite")}`, PASSWORD: TEST_PASSWORD },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`npm run user add ${name} failed: ${result.stderr}`);
}

/** An API token for `name`, issued by the real CLI (`npm run user -- token NAME`). */
export function apiToken(server: RunningServer, name: string): string {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "scripts", "user.ts"), "token", name], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(server.dir, "tracker.sqlite")}` },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`npm run user token ${name} failed: ${result.stderr}`);
  return result.stdout.trim().split(/\s+/).pop()!;
}

/** Logs in through the page's own form and waits for the header to name the user. */
export async function logInAs(page: Page, server: RunningServer, name: string, redirectTo = "/"): Promise<void> {
  await page.goto(`${server.url}/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.locator('input[name="username"]').fill(name);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("site-user").filter({ hasText: name }).waitFor();
}

/** The session cookie for fetch() calls that post forms without a browser. */
export async function sessionCookie(server: RunningServer, name: string): Promise<string> {
  const body = new URLSearchParams({ username: name, password: TEST_PASSWORD, redirectTo: "/" });
  const response = await fetch(`${server.url}/login`, { method: "POST", body, redirect: "manual" });
  const cookie = response.headers.get("set-cookie");
  if (!cookie) throw new Error(`login as ${name} failed: ${response.status}`);
  return cookie.split(";")[0]!;
}
