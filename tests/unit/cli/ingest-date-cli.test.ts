// `npm run ingest -- --date YYYY-MM-DD FILE…` and `npm run export` as child processes on a
// temporary SQLite file, the way score-chains (GUIDE §6) calls them.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DATED = fileURLToPath(new URL("../../fixtures/tracking/case2/2017-report-zhandian.txt", import.meta.url));
// A crawled page with no date of its own: no signature date, no 今年 to resolve without one.
const DATELESS_TEXT =
  "宁波市民政局关于社区居家养老服务站建设情况的通报\n\n截至目前，全市已建成社区居家养老服务站820个。下一步，我局将加快推进站点建设，确保到2025年底全市社区居家养老服务站达到1000个。\n";

interface Exported {
  type: string;
  fileName?: string;
  repliedOn?: string | null;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-date-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], db: string) {
  return spawnSync(process.execPath, [path.join(ROOT, "scripts", "run.mjs"), path.join(ROOT, "scripts", script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, db)}` },
    timeout: 60_000,
  });
}

function exported(db: string): Exported[] {
  const out = run("export.ts", [], db);
  expect(out.status).toBe(0);
  return out.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Exported);
}

const documentNamed = (records: Exported[], name: string) => records.find((r) => r.type === "document" && r.fileName === name);

describe("npm run ingest -- --date YYYY-MM-DD", () => {
  it("gives a text with no date of its own the --date as its reply date", () => {
    const file = path.join(dir, "通报.txt");
    fs.writeFileSync(file, DATELESS_TEXT);
    const result = run("ingest.ts", ["--date", "2024-05-06", file], "dateless.sqlite");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("documents: 1 new, 0 duplicate, 0 failed");
    expect(result.stderr).toMatch(/\[1\/1\] new /); // progress unchanged: one line per file off a terminal
    expect(documentNamed(exported("dateless.sqlite"), "通报.txt")?.repliedOn).toBe("2024-05-06");

    // Without --date the same text has no date at all.
    expect(run("ingest.ts", [file], "no-date.sqlite").status).toBe(0);
    expect(documentNamed(exported("no-date.sqlite"), "通报.txt")?.repliedOn).toBeNull();
  });

  it("accepts --date=YYYY-MM-DD too", () => {
    const file = path.join(dir, "通报2.txt");
    fs.writeFileSync(file, DATELESS_TEXT);
    expect(run("ingest.ts", [`--date=2023-11-30`, file], "equals.sqlite").status).toBe(0);
    expect(documentNamed(exported("equals.sqlite"), "通报2.txt")?.repliedOn).toBe("2023-11-30");
  });

  it("does not override a date written in the text", () => {
    const result = run("ingest.ts", ["--date", "2018-01-01", DATED], "dated.sqlite");
    expect(result.status).toBe(0);
    expect(documentNamed(exported("dated.sqlite"), path.basename(DATED))?.repliedOn).toBe("2017-04-10");
  });

  it("refuses an impossible or malformed --date with a Chinese usage message, exit 2, and stores nothing", () => {
    for (const args of [["--date", "2025-02-30", DATED], ["--date=2024/05/06", DATED], [DATED, "--date"]]) {
      const result = run("ingest.ts", args, "refused.sqlite");
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^ingest: --date /);
      expect(result.stderr).toContain("YYYY-MM-DD");
      expect(result.stderr).toContain("用法：npm run ingest -- [--date");
    }
    expect(run("ingest.ts", ["--date", "2025-02-30", DATED], "refused.sqlite").stderr).toContain("“2025-02-30”不是有效日期");
    expect(fs.existsSync(path.join(dir, "refused.sqlite"))).toBe(false);
  });
});
