// Builds the variants of a reply that the decode tests feed in: every one made here from the
// committed UTF-8 text, offline, so a failing test points at the decoder and not at a stale file.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import iconv from "iconv-lite";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

export const fixtureDir = fileURLToPath(new URL("../../fixtures/decode/", import.meta.url));
export const fixturePath = (name: string): string => fileURLToPath(new URL(`../../fixtures/decode/${name}`, import.meta.url));
export const readFixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(name)));

/** The seed reply (慈溪市民政局 → 罗青青代表) as the UTF-8 string it was published as. */
export const cixiText: string = new TextDecoder("utf-8", { fatal: true }).decode(readFixture("cixi-reply.txt"));

/** Lines as a reader sees them: white space runs as one space, no edges, no empty lines. */
export function visibleLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "");
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const gbk = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, "gbk"));
export const gb18030 = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, "gb18030"));

export function withBom(encoding: "utf-8" | "utf-16le" | "utf-16be", text: string): Uint8Array {
  if (encoding === "utf-8") return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, encoding === "utf-16le");
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), encoding === "utf-16le");
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Text that must never reach the extractor: it sits in the page furniture around the article. */
export const furnitureText = ["首页导航菜单", "机构概况栏目", "当前位置：首页 > 建议提案", "脚本里的文字", "样式里的文字", "分享到微信", "分享到微博", "版权所有 慈溪市人民政府", "浙ICP备05012345号", "相关链接栏目"];

/**
 * A government-style page: header with a menu, breadcrumb nav, script and style, the reply as
 * <p> paragraphs in a content div, a share bar, related links and a footer.
 */
export function replyPage(text: string, options: { charset: string; headline?: string }): string {
  const paragraphs = text.split("\n").filter((line) => line.trim() !== "").map((line) => `<p>${escapeHtml(line.trim())}</p>`);
  const headline = options.headline ? `<h1>${escapeHtml(options.headline)}</h1>\n` : "";
  return `<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset=${options.charset}">
<title>${escapeHtml(options.headline ?? "建议提案答复")}</title>
<style>.nav { content: "样式里的文字"; }</style>
<script>var banner = "脚本里的文字"; document.title = "脚本里的文字";</script>
</head><body>
<header class="top"><div class="menu"><ul><li><a href="/">首页导航菜单</a></li><li><a href="/jg">机构概况栏目</a></li><li><a href="/zw">政务公开</a></li><li><a href="/hd">互动交流</a></li></ul></div></header>
<nav class="breadcrumb">当前位置：首页 &gt; 建议提案</nav>
<div class="main"><div class="article-content" id="zoom">
${headline}${paragraphs.join("\n")}
</div>
<div class="share bdsharebuttonbox"><span>分享到微信</span> <a href="#">分享到微博</a> <button>打印本页</button></div>
</div>
<aside class="sidebar"><h3>相关链接栏目</h3><ul><li><a href="/1">市人大常委会</a></li><li><a href="/2">市政协</a></li></ul></aside>
<footer><p>版权所有 慈溪市人民政府</p><p>浙ICP备05012345号</p></footer>
<script>console.log("脚本里的文字")</script>
</body></html>`;
}

/** A .docx whose body is the given paragraphs, with an optional table after paragraph `tableAfter`. */
export async function buildDocx(paragraphs: string[], table?: { rows: string[][]; after: number }): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = paragraphs.map((line) => new Paragraph({ children: [new TextRun(line)] }));
  if (table) {
    const grid = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: table.rows.map((cells) => new TableRow({ children: cells.map((cell) => new TableCell({ children: [new Paragraph({ text: cell, alignment: AlignmentType.LEFT })] })) })),
    });
    children.splice(table.after, 0, grid);
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A PDF with a Latin text layer (standard Helvetica needs no embedded font). */
export async function buildLatinPdf(lines: string[], title?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (title) doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: 12, font }));
  return doc.save({ useObjectStreams: false });
}

/** 1×1 grey PNG. */
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==";

/** What a scanner produces: pages holding only a picture (and some vector lines), no text. */
export async function buildImageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(Buffer.from(PNG_1X1, "base64"));
  for (let n = 0; n < 2; n++) {
    const page = doc.addPage([595, 842]);
    page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    page.drawRectangle({ x: 40, y: 40, width: 515, height: 762, borderColor: rgb(0, 0, 0), borderWidth: 1 });
  }
  return doc.save();
}
