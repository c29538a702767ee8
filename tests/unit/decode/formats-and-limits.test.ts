import { describe, expect, it } from "vitest";
import { DecodeError, MAX_FILE_BYTES, decodeDocument } from "../../../app/decode/index";
import { buildDocx, utf8 } from "./build-fixtures";
import { storedZip } from "./zip";

const reasonOf = async (bytes: Uint8Array, name: string, maxBytes?: number): Promise<string> => {
  const error = await decodeDocument(bytes, name, maxBytes === undefined ? {} : { maxBytes }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DecodeError);
  expect((error as DecodeError).message).toBe(`${name}: ${(error as DecodeError).reason}`);
  return (error as DecodeError).reason;
};

/** The first sector of a compound file (.doc, .xls): its magic number and then nothing readable. */
const ole2 = new Uint8Array(1024);
ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const contentTypes = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

describe("the format comes from the bytes first, then the name", () => {
  it.each([
    { name: "an old binary Word file", file: "reply.doc", bytes: ole2, reason: "unsupported format: .doc (old Word binary); save it as .docx" },
    { name: "an old binary Word file renamed .docx", file: "reply.docx", bytes: ole2, reason: "unsupported format: .doc (old Word binary); save it as .docx" },
    { name: "an old Excel file", file: "table.xls", bytes: ole2, reason: "unsupported format: .xls (old Office binary); save it as .docx" },
    { name: "a .doc that is plain text", file: "reply.doc", bytes: utf8("答复内容"), reason: "unsupported format: .doc (old Word binary); save it as .docx" },
    { name: "an RTF file named .doc", file: "reply.doc", bytes: utf8("{\\rtf1\\ansi 答复}"), reason: "unsupported format: RTF; save it as .docx" },
    { name: "a zip that is not a Word document, named .txt", file: "notes.txt", bytes: storedZip({ "readme.txt": "hello" }), reason: "unsupported format: a zip archive, not a .docx" },
    { name: "a zip that is not a Word document, named .docx", file: "reply.docx", bytes: storedZip({ "xl/workbook.xml": "<workbook/>" }), reason: "corrupt or unreadable .docx: a zip archive without word/document.xml" },
    { name: "a .docx that is not a zip", file: "reply.docx", bytes: utf8("这不是一个Word文件"), reason: "corrupt or unreadable .docx: not a zip archive" },
    { name: "a PNG named .txt", file: "scan.txt", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), reason: "unsupported format: PNG image" },
    { name: "a JPEG named .pdf", file: "scan.pdf", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), reason: "unsupported format: JPEG image" },
  ])("$name → “$reason”", async ({ file, bytes, reason }) => {
    expect(await reasonOf(bytes, file)).toBe(reason);
  });

  it("a .docx whose document part is not XML → a one-line “corrupt or unreadable .docx” reason", async () => {
    const bytes = storedZip({ "[Content_Types].xml": contentTypes, "word/document.xml": "this is <<< not xml" });
    const reason = await reasonOf(bytes, "broken.docx");
    expect(reason).toMatch(/^corrupt or unreadable \.docx: \S/);
    expect(reason).not.toMatch(/[\n\t]/);
  });

  it("an HTML page saved as .doc (Word's “save as web page”) is read as HTML", async () => {
    const page = "<html><head><meta charset=\"utf-8\"></head><body><p>今年计划新建家庭养老床位50张。</p></body></html>";
    const decoded = await decodeDocument(utf8(page), "reply.doc");
    expect(decoded.format).toBe("html");
    expect(decoded.text).toBe("今年计划新建家庭养老床位50张。");
  });

  it("a .txt file that holds HTML markup stays text (the name is believed when the bytes have no magic number)", async () => {
    const decoded = await decodeDocument(utf8("<html><body>答复</body></html>"), "page-source.txt");
    expect(decoded.format).toBe("txt");
    expect(decoded.text).toBe("<html><body>答复</body></html>");
  });

  it("an unknown extension with plain text is read as text", async () => {
    const decoded = await decodeDocument(utf8("到2027年，培育80家养老领域领军企业。"), "reply.dat");
    expect(decoded.format).toBe("txt");
  });
});

describe("the size limit", () => {
  it("is 20 MiB", () => {
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
  });

  it("refuses a file over the limit before decoding it, naming both sizes", async () => {
    const mib = 1024 * 1024;
    const bytes = new Uint8Array(3 * mib).fill(0x41); // valid text: only the size can fail
    expect(await reasonOf(bytes, "big.txt", 2 * mib)).toBe("too large (3 MB; the limit is 2 MB)");
    expect(await reasonOf(new Uint8Array(Math.round(2.5 * mib)).fill(0x41), "big.txt", 2 * mib)).toBe("too large (2.5 MB; the limit is 2 MB)");
    // a corrupt .docx over the limit is refused for its size, without being parsed
    expect(await reasonOf(new Uint8Array(3 * mib), "big.docx", 2 * mib)).toMatch(/^too large/);
  });

  it("accepts a file exactly at the limit", async () => {
    const bytes = await buildDocx(["到2027年，培育80家养老领域领军企业。"]);
    const decoded = await decodeDocument(bytes, "reply.docx", { maxBytes: bytes.length });
    expect(decoded.text).toBe("到2027年，培育80家养老领域领军企业。");
  });
});
