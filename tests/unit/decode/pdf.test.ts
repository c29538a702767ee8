import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { DecodeError, decodeDocument } from "../../../app/decode/index";
import { joinRuns } from "../../../app/decode/pdf";
import { buildImageOnlyPdf, buildLatinPdf, readFixture } from "./build-fixtures";

const reasonOf = async (bytes: Uint8Array, name: string): Promise<string> => {
  const error = await decodeDocument(bytes, name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DecodeError);
  return (error as DecodeError).reason;
};

/** The text layer of tests/fixtures/decode/reply-cjk.pdf, as the decoder should give it. */
const cjkLines = [
  "罗青青代表：",
  "下一步，我们将继续推进居家养老服务体系建设。",
  "到2027年，培育80家养老领域领军企业。",
  "我们将力争康养联合体覆盖100%乡镇（街道）。",
  "Plain Latin words and bold words on one line.",
  "序号", "具体诉求", "答复内容",
  "1", "增加床位", "今年计划新建家庭养老床位50张。",
  "慈溪市民政局",
  "2023年6月1日",
];

describe("PDF with a text layer", () => {
  it("reads Chinese text: runs on one line joined without spaces, a bold run kept in its line, table cells as lines", async () => {
    const decoded = await decodeDocument(readFixture("reply-cjk.pdf"), "reply-cjk.pdf");
    expect(decoded.format).toBe("pdf");
    expect(decoded.encoding).toBeNull();
    expect(decoded.title).toBe("关于提升居家养老服务水平的建议的答复");
    expect(decoded.text.split("\n")).toEqual(cjkLines);
  });

  it("reads Latin text, one line per baseline, and the Info title", async () => {
    const bytes = await buildLatinPdf(["Reply to suggestion No. 157", "By 2027, train 80 leading firms.", "Civil Affairs Bureau"], "Reply 157");
    const decoded = await decodeDocument(bytes, "latin.pdf");
    expect(decoded.text).toBe("Reply to suggestion No. 157\nBy 2027, train 80 leading firms.\nCivil Affairs Bureau");
    expect(decoded.title).toBe("Reply 157");
  });

  it("opens a PDF encrypted with an owner password only, as every reader does", async () => {
    const decoded = await decodeDocument(readFixture("reply-cjk-owner-password.pdf"), "owner.pdf");
    expect(decoded.text.split("\n")).toEqual(cjkLines);
  });

  it("is recognised by content when misnamed .txt", async () => {
    const decoded = await decodeDocument(readFixture("reply-cjk.pdf"), "reply.txt");
    expect(decoded.format).toBe("pdf");
  });
});

describe("PDF that cannot be read", () => {
  it("a PDF that needs a password → “encrypted PDF”", async () => {
    const bytes = readFixture("reply-cjk-encrypted.pdf");
    expect(await reasonOf(bytes, "locked.pdf")).toBe("encrypted PDF");
    // The fixture is a real encrypted copy of the readable one, not a broken file: with the
    // password pdf.js reads the same text.
    const pdf = await getDocumentProxy(bytes.slice(), { password: "secret-user", verbosity: 0 });
    const page = await pdf.getPage(1);
    const runs = (await page.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join("");
    expect(runs).toContain("到2027年，培育80家养老领域领军企业。");
    await pdf.destroy();
  });

  it("pages holding only an image → “no text layer (scanned or image-only PDF)”", async () => {
    expect(await reasonOf(await buildImageOnlyPdf(), "scan.pdf")).toBe("no text layer (scanned or image-only PDF)");
  });

  it.each([
    ["cut after the header", 64],
    ["cut in the middle", 0.5],
    ["cut before the trailer", -40],
  ])("a truncated PDF (%s) → “corrupt PDF”", async (_, cut) => {
    const good = await buildLatinPdf(["By 2027, train 80 leading firms."]);
    const end = cut < 0 ? good.length + cut : cut < 1 ? Math.floor(good.length * cut) : cut;
    expect(await reasonOf(good.slice(0, end), "cut.pdf")).toBe("corrupt PDF");
  });

  it("a .pdf without a PDF header → “corrupt PDF”", async () => {
    expect(await reasonOf(new TextEncoder().encode("<html>404 Not Found</html>"), "reply.pdf")).toBe("corrupt PDF");
  });
});

describe("joining text runs into lines", () => {
  const run = (str: string, x: number, y: number, width: number, hasEOL = false) => ({ str, transform: [12, 0, 0, 12, x, y], width, height: 12, hasEOL });

  it("joins CJK runs without a space even when pdf.js leaves a small gap", () => {
    expect(joinRuns([run("下一步，", 50, 700, 48), run("力争", 100, 700, 24), run("覆盖100%", 126, 700, 50)])).toBe("下一步，力争覆盖100%");
  });

  it("puts a space between Latin runs separated by a word-sized gap, and none when they touch", () => {
    expect(joinRuns([run("leading", 50, 700, 40), run("firms", 94, 700, 30)])).toBe("leading firms");
    expect(joinRuns([run("lead", 50, 700, 24), run("ing", 74, 700, 18)])).toBe("leading");
  });

  it("starts a new line when the baseline moves or a run ends a line", () => {
    expect(joinRuns([run("第一行", 50, 700, 36), run("第二行", 50, 682, 36)])).toBe("第一行\n第二行");
    expect(joinRuns([run("第一行", 50, 700, 36, true), run("第二行", 90, 700, 36)])).toBe("第一行\n第二行");
  });

  it("treats a gap wider than a character as a cell boundary", () => {
    expect(joinRuns([run("序号", 50, 700, 24), run("具体诉求", 100, 700, 48)])).toBe("序号\n具体诉求");
    expect(joinRuns([run("序号", 50, 700, 24), run(" ", 74, 700, 20), run("具体诉求", 94, 700, 48)])).toBe("序号\n具体诉求");
  });
});
