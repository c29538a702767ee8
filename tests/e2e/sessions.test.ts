// Issue 10 item 2 over HTTP against the production server: logout ends the session (the replayed
// cookie is refused), an expired or revoked token is refused, the 11th wrong password in a minute is
// throttled — also when 30 are sent at once —, a disabled user's session ends, and the session secret lives in a 0600 file beside the
// database, not in it (docs/decisions/0026).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";
import { addUser, sessionCookie, TEST_PASSWORD } from "./users";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
let server: RunningServer;
let commitmentId: string;

function userCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "scripts", "user.ts"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(server.dir, "tracker.sqlite")}`, PASSWORD: TEST_PASSWORD },
    encoding: "utf8",
  });
}

function token(name: string): string {
  const issued = userCli("token", name);
  if (issued.status !== 0) throw new Error(issued.stderr);
  return issued.stdout.trim();
}

const reviewPage = (headers: Record<string, string>) => fetch(`${server.url}/upload`, { headers: { ...headers, Connection: "close" }, redirect: "manual" });

/** A write a reviewer may make: a progress report on the first commitment. */
let reports = 0;
const report = (headers: Record<string, string>) =>
  fetch(`${server.url}/api/commitments/${commitmentId}/updates`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json", Connection: "close" },
    // a new value each time: the same value for the same day is one report (issue 9 §6)
    body: JSON.stringify({ value: ++reports, asOf: "2025-06-30", note: "会话测试" }),
  }).catch((error: unknown) => {
    throw new Error(`no answer (${String(error)}), server ${String(server.exitCode())}:\n${server.output().slice(-3000)}`);
  });

function login(name: string, password: string): Promise<Response> {
  return fetch(`${server.url}/login`, {
    method: "POST",
    body: new URLSearchParams({ username: name, password, redirectTo: "/" }),
    redirect: "manual",
  });
}

beforeAll(async () => {
  server = await startServer();
  for (const name of ["会话员", "令牌员", "停用员", "限流员"]) addUser(server, name, "reviewer");
  // Read as a reviewer: signed-out visitors see checked commitments only (decision 0031).
  const cookie = await sessionCookie(server, "会话员");
  const list = (await (await fetch(`${server.url}/api/commitments?kind=quantitative&limit=1`, { headers: { Cookie: cookie } })).json()) as { items: { id: string }[] };
  commitmentId = list.items[0]!.id;
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

describe("sessions over HTTP", () => {
  it("logout ends the session: the same cookie replayed afterwards is refused, for pages and for writes", async () => {
    const cookie = await sessionCookie(server, "会话员");
    expect((await reviewPage({ Cookie: cookie })).status).toBe(200);
    expect((await report({ Cookie: cookie })).status).toBe(201);

    const out = await fetch(`${server.url}/logout`, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: "", redirect: "manual" });
    expect(out.status).toBe(302);
    expect(out.headers.get("set-cookie")).toMatch(/^__session=; /);

    expect((await reviewPage({ Cookie: cookie })).status).toBe(401);
    const replayed = await report({ Cookie: cookie });
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { error: string }).error).toMatch(/^需要登录/);
  });

  it("an API token is refused once revoked, and once expired", async () => {
    const revoked = token("令牌员");
    expect((await report({ Authorization: `Bearer ${revoked}` })).status).toBe(201);
    expect(userCli("revoke", "令牌员").status).toBe(0);
    expect((await report({ Authorization: `Bearer ${revoked}` })).status).toBe(401);

    const expiring = token("令牌员");
    expect((await report({ Authorization: `Bearer ${expiring}` })).status).toBe(201);
    const db = new SQLite(path.join(server.dir, "tracker.sqlite"));
    try {
      // as if issued with --days 1 two days ago
      db.prepare("update api_tokens set expires_at = ? where revoked_at is null").run(new Date(Date.now() - 86_400_000).toISOString());
    } finally {
      db.close();
    }
    expect((await report({ Authorization: `Bearer ${expiring}` })).status).toBe(401);
  });

  it("a disabled user's session ends at once", async () => {
    const cookie = await sessionCookie(server, "停用员");
    expect((await reviewPage({ Cookie: cookie })).status).toBe(200);
    expect(userCli("disable", "停用员").status).toBe(0);
    expect((await reviewPage({ Cookie: cookie })).status).toBe(401);
    expect((await login("停用员", TEST_PASSWORD)).status).toBe(400);
  });

  it("the 11th login attempt after 10 wrong passwords in a minute is refused with 429 and a Chinese message, even with the right password", async () => {
    for (let i = 0; i < 10; i++) {
      const wrong = await login("限流员", `wrong-password-${i}`);
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain("用户名或密码不正确");
    }
    const throttled = await login("限流员", TEST_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await throttled.text()).toMatch(/登录尝试过于频繁：该账号 1 分钟内已有 10 次密码错误，请 \d+ 秒后再试。/);
    expect(throttled.headers.get("set-cookie")).toBeNull();
  });

  it("of 30 wrong passwords for one account sent at once, at most 10 are checked and the others are answered 429", async () => {
    addUser(server, "并发员", "reviewer");
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login("并发员", `guess-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    const throttled = answers.find((a) => a.status === 429)!;
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await throttled.text()).toMatch(/登录尝试过于频繁：该账号 1 分钟内已有 10 次密码错误，请 \d+ 秒后再试。/);
    expect((await login("并发员", TEST_PASSWORD)).status).toBe(429);
  });

  it("logins and logouts are in the audit log", () => {
    const db = new SQLite(path.join(server.dir, "tracker.sqlite"), { readonly: true });
    try {
      const rows = db.prepare("select action, actor from events where entity_type = 'user' and action in ('logged_in', 'logged_out') order by id").all();
      expect(rows).toEqual(expect.arrayContaining([{ action: "logged_in", actor: "会话员" }, { action: "logged_out", actor: "会话员" }]));
    } finally {
      db.close();
    }
  });

  it("the session secret is a 0600 file beside the database, and not in the database", () => {
    const file = path.join(server.dir, "session-secret");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8").trim().length).toBeGreaterThanOrEqual(32);
    const db = new SQLite(path.join(server.dir, "tracker.sqlite"), { readonly: true });
    try {
      expect(db.prepare("select key from settings where key = 'session_secret'").all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});
