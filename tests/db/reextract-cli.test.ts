// `npm run reextract` as a child process on a temporary SQLite file: usage errors, --all, named
// documents, a summary like ingest's, and a second run that changes nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../fixtures/tracking/case1/", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-reextract-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const url = `file:${path.join(dir, "cli.sqlite")}`;

function run(script: string, args: string[]) {
  return spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts", script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
    timeout: 60_000,
  });
}

describe("npm run reextract", () => {
  it("refuses bad usage, re-extracts --all or named documents with a summary, and a second run changes nothing", async () => {
    expect(run("reextract.ts", []).status).toBe(2);
    expect(run("reextract.ts", ["--all", "x"]).status).toBe(2);
    expect(run("ingest.ts", [FIXTURES]).status).toBe(0);
    // a document read by an older engine (no version recorded, no reading keys)
    const db = createDb(url);
    const [doc] = await db.selectFrom("documents").select("id").orderBy("id").execute();
    await db.updateTable("documents").set({ engine_version: null }).where("id", "=", doc!.id).execute();
    await db.updateTable("commitments").set({ reading_key: null }).where("document_id", "=", doc!.id).execute();
    await db.destroy();

    const first = run("reextract.ts", ["--all"]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("documents: 1 changed, 1 unchanged, 0 failed (2 documents");
    expect(first.stdout).toMatch(/new commitments: 0\nnew observations: 0\nproposed for exclusion: 0\n/);
    expect(first.stderr).toMatch(/\[2\/2\] /);
    expect(first.stderr).toMatch(/engine engine-[0-9a-f]{12}/);

    const again = run("reextract.ts", [doc!.id]);
    expect(again.stdout).toContain("documents: 0 changed, 1 unchanged, 0 failed (1 documents");
    const missing = run("reextract.ts", ["no-such-document"]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain("no-such-document: 没有这份文件");
  });
});
