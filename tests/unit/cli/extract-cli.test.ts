// Runs the real command line (tsx scripts/extract.ts) as a child process, the way the scorer and
// people use it: stdout must hold only JSON, failures one line each on stderr.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const tsx = join(root, "node_modules", ".bin", "tsx");
const good = "tests/fixtures/decode/cixi-reply.txt";
const goodPdf = "tests/fixtures/decode/reply-cjk.pdf";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, ["scripts/extract.ts", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const lines = (s: string) => s.split("\n").filter((line) => line !== "");

function expectResult(value: unknown): void {
  expect(value).toBeTypeOf("object");
  expect(Object.keys(value as object)).toEqual(expect.arrayContaining(["document", "commitments", "observations"]));
  const result = value as { commitments: unknown; observations: unknown; document: unknown };
  expect(Array.isArray(result.commitments)).toBe(true);
  expect(Array.isArray(result.observations)).toBe(true);
  expect(result.document).toBeTypeOf("object");
}

describe("npm run extract -- <files…>", () => {
  let scratch: string;
  let empty: string;
  let binary: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "extract-cli-"));
    empty = join(scratch, "empty.txt");
    binary = join(scratch, "binary.txt");
    writeFileSync(empty, "");
    writeFileSync(binary, Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256)));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("one good file → exactly one JSON object on stdout, nothing on stderr, exit 0", async () => {
    const run = await runCli([good]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    expectResult(JSON.parse(run.stdout));
  });

  it("two good files → two JSON lines, in the order given", async () => {
    const run = await runCli([good, goodPdf]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = lines(run.stdout).map((line) => JSON.parse(line) as { commitments: Array<{ quote: string }> });
    expect(out).toHaveLength(2);
    out.forEach(expectResult);
    // Each line is what the file alone gives, so the lines are in the order of the arguments.
    const [first, second] = out;
    const pdfAlone = await runCli([goodPdf]);
    expect(JSON.parse(pdfAlone.stdout)).toEqual(second);
    expect(first).not.toEqual(second);
  });

  it("a good file among bad ones → its JSON on stdout, one stderr line per bad file, exit 1", async () => {
    const missing = join(scratch, "no-such-reply.txt");
    const run = await runCli([empty, good, missing, binary]);
    expect(run.code).toBe(1);
    const out = lines(run.stdout);
    expect(out).toHaveLength(1);
    expectResult(JSON.parse(out[0]!));
    expect(lines(run.stderr)).toEqual([
      `extract: ${empty}: empty file`,
      `extract: ${missing}: no such file`,
      `extract: ${binary}: binary file, not text`,
    ]);
  });

  it("a directory and an encrypted PDF fail with their reasons and no stack trace", async () => {
    const run = await runCli(["tests/fixtures/decode", "tests/fixtures/decode/reply-cjk-encrypted.pdf"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr)).toEqual([
      "extract: tests/fixtures/decode: is a directory",
      "extract: tests/fixtures/decode/reply-cjk-encrypted.pdf: encrypted PDF",
    ]);
  });

  it("passes --date to the extractor as the document's date", async () => {
    // A text with no date of its own takes the one given on the command line.
    const dateless = join(scratch, "dateless.txt");
    writeFileSync(dateless, "下一步，我们将继续推进居家养老服务体系建设。\n");
    const run = await runCli(["--date", "2024-05-06", dateless]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { document: { repliedOn: string | null } }).document.repliedOn).toBe("2024-05-06");
  });

  it("no files → usage on stderr, nothing on stdout, exit 2", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^extract: no files given\nusage: /);
  });

  it("a malformed --date → usage error, exit 2", async () => {
    const run = await runCli(["--date", "2024/05/06", good]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("--date needs a date as YYYY-MM-DD");
  });
});
