// The real ingest and user scripts as child processes on a temporary SQLite file.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../fixtures/tracking/", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  // As package.json's scripts run it (npm run ingest …).
  return spawnSync(process.execPath, [path.join(ROOT, "scripts", "run.mjs"), path.join(ROOT, "scripts", script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.sqlite")}`, ...env },
    timeout: 60_000,
  });
}

describe("npm run ingest", () => {
  it("ingests a folder, lists the failure, exits non-zero, and a re-run is a no-op", () => {
    const input = path.join(dir, "in");
    fs.cpSync(FIXTURES, input, { recursive: true });
    fs.writeFileSync(path.join(input, "empty.txt"), "");
    fs.writeFileSync(path.join(input, "ignored.md"), "不是答复");
    const first = run("ingest.ts", [input]);
    expect(first.status).toBe(1);
    expect(first.stdout).toContain("documents: 9 new, 0 duplicate, 1 failed");
    // 9 links: the 2023 revised plan also gets the bulletin's end-2023 figure, stored before it (decision 0015)
    expect(first.stdout).toMatch(/commitments: 8\nobservations: 8\nproposed links: 9\n/);
    expect(first.stdout).toContain(`${path.join(input, "empty.txt")}: 文件为空`);
    expect(first.stderr).toMatch(/\[10\/10\]/); // not a terminal: one plain line per file

    const again = run("ingest.ts", [input]);
    expect(again.stdout).toContain("documents: 0 new, 9 duplicate, 1 failed");
    expect(again.stdout).toContain("proposed links: 0");

    fs.rmSync(path.join(input, "empty.txt"));
    expect(run("ingest.ts", [input]).status).toBe(0);
    expect(run("ingest.ts", []).status).toBe(2);
  });
});

describe("npm run user", () => {
  it("adds a user with a strong password only, and prints a token", () => {
    expect(run("user.ts", ["add", "审核员", "--role", "reviewer"]).stderr).toContain("缺少密码");
    expect(run("user.ts", ["add", "审核员", "--role", "reviewer"], { PASSWORD: "123" }).status).toBe(1);
    expect(run("user.ts", ["add", "填报员", "--role", "agency"], { PASSWORD: "a-long-enough-secret" }).status).toBe(1);
    expect(run("user.ts", ["add", "审核员", "--role", "reviewer"], { PASSWORD: "a-long-enough-secret" }).status).toBe(0);
    const token = run("user.ts", ["token", "审核员"]);
    expect(token.status).toBe(0);
    expect(token.stdout.trim()).toMatch(/^ct_[A-Za-z0-9_-]{20,}$/);
    expect(run("user.ts", ["token", "nobody"]).status).toBe(1);
  });
});
