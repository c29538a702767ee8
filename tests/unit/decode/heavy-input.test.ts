// Files built to make the decoder work without end (issue 10): a .docx that inflates to hundreds of
// MB, a page of 200,000 nested <div>s, a PDF of thousands of pages. Each is refused quickly with a
// Chinese reason, before the library that would choke on it runs.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { DecodeError, decodeDocument } from "../../../app/decode/index";
import { decodePdf } from "../../../app/decode/pdf";
import { htmlNestingDepth } from "../../../app/decode/html-depth";
import { MAX_DOCX_XML_BYTES, docxSizeProblem } from "../../../app/decode/zip-size";
import { deflatedZip } from "../../e2e/heavy-files";
import { buildDocx, utf8 } from "./build-fixtures";

const reasonOf = async (bytes: Uint8Array, name: string): Promise<string> => {
  const error = await decodeDocument(bytes, name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DecodeError);
  return (error as DecodeError).reason;
};

const contentTypes = utf8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');

/** A document.xml of `bytes` bytes: one paragraph, then white space that deflates to almost nothing. */
function bloatedDocumentXml(bytes: number): Uint8Array {
  const head = utf8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>下一步，力争新建养老机构5家。</w:t></w:r></w:p>');
  const tail = utf8("</w:body></w:document>");
  const out = new Uint8Array(bytes).fill(0x20);
  out.set(head, 0);
  out.set(tail, bytes - tail.length);
  return out;
}

describe("a .docx is measured before it is inflated", () => {
  it("refuses a document.xml that inflates past the cap, by its declared size, in Chinese", async () => {
    const bomb = deflatedZip({ "[Content_Types].xml": contentTypes, "word/document.xml": bloatedDocumentXml(MAX_DOCX_XML_BYTES + 1024) });
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    const reason = await reasonOf(bomb, "炸弹.docx");
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(reason).toMatch(/^\.docx 解压后过大：其中的 word\/document\.xml 等内容解压后超过 32 MB/);
  });

  it("refuses a zip whose headers understate the size: the inflate itself stops at the cap", async () => {
    const liar = deflatedZip(
      { "[Content_Types].xml": contentTypes, "word/document.xml": bloatedDocumentXml(MAX_DOCX_XML_BYTES + 1024) },
      { "word/document.xml": 1000 },
    );
    expect(await reasonOf(liar, "liar.docx")).toMatch(/解压后过大/);
  });

  it("counts only the XML parts: a large picture inside is no bomb", () => {
    const withPicture = deflatedZip({
      "[Content_Types].xml": contentTypes,
      "word/document.xml": bloatedDocumentXml(10_000),
      "word/media/image1.png": new Uint8Array(MAX_DOCX_XML_BYTES + 1),
    });
    expect(docxSizeProblem(withPicture)).toBeNull();
  });

  it("leaves a real reply alone", async () => {
    const docx = await buildDocx(["关于养老服务的答复", "下一步，力争新建养老机构5家。"]);
    expect(docxSizeProblem(docx)).toBeNull();
    expect((await decodeDocument(docx, "reply.docx")).text).toContain("力争新建养老机构5家");
  });
});

describe("HTML nesting is measured on the markup", () => {
  it("refuses 200,000 nested <div>s within a second, in Chinese", async () => {
    const page = utf8(`<html><body>${"<div>".repeat(200_000)}下一步，力争新建养老机构5家。${"</div>".repeat(200_000)}</body></html>`);
    const started = performance.now();
    expect(await reasonOf(page, "deep.html")).toBe("网页的标签嵌套过深（超过256层），无法作为答复读取");
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("counts implied end tags as a browser does: unclosed <p>, <li> and <td> do not deepen the page", () => {
    expect(htmlNestingDepth(`<body>${"<p>段落".repeat(5000)}</body>`)).toBe(2);
    expect(htmlNestingDepth(`<ul>${"<li>一项".repeat(5000)}</ul>`)).toBe(2);
    expect(htmlNestingDepth(`<table>${"<tr><td>甲<td>乙".repeat(3000)}</table>`)).toBe(3);
    expect(htmlNestingDepth(`<div><br><img src="a.png"><input></div>`)).toBe(1);
    expect(htmlNestingDepth(`<div><script>${"<div>".repeat(1000)}</script></div>`)).toBe(1);
    expect(htmlNestingDepth(`<div title="a > b"><span>x</span></div>`)).toBe(2);
  });

  it("reads broken markup in one pass (no tag end, an open quote, endless comments)", () => {
    for (const markup of [`<${"a".repeat(2_000_000)}`, "<a".repeat(1_000_000), `<a href="${"x".repeat(2_000_000)}`, "<!--".repeat(500_000)]) {
      const started = performance.now();
      expect(htmlNestingDepth(markup)).toBe(0);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it("still reads a page nested to the limit", async () => {
    const page = utf8(`<html><body>${"<div>".repeat(250)}<p>下一步，力争新建养老机构5家。</p>${"</div>".repeat(250)}</body></html>`);
    expect((await decodeDocument(page, "ok.html")).text).toContain("力争新建养老机构5家");
  });
});

async function pdfOfPages(n: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < n; i++) pdf.addPage([200, 200]).drawText(`Page ${i + 1}`, { x: 20, y: 100, size: 12, font });
  return pdf.save();
}

describe("a PDF is read up to a page count and a time", () => {
  it("refuses 2,000 pages before reading any, in Chinese", async () => {
    const bytes = await pdfOfPages(2000);
    const started = performance.now();
    expect(await reasonOf(bytes, "yearbook.pdf")).toBe("PDF 页数过多（2000页，上限500页），请只上传答复本身");
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("stops reading pages when the time is up", async () => {
    const error = await decodePdf(await pdfOfPages(3), { timeLimitMs: -1 }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("PDF 读取超时：0秒内只读完0页（共3页）");
  });

  it("reads a PDF within both limits", async () => {
    expect((await decodePdf(await pdfOfPages(3))).text).toBe("Page 1\nPage 2\nPage 3");
  });
});
