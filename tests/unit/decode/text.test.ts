import { describe, expect, it } from "vitest";
import { DecodeError, decodeDocument, decodeText } from "../../../app/decode/index";
import { cixiText, gb18030, gbk, utf8, withBom } from "./build-fixtures";

describe("plain text: the encoding is detected, not assumed", () => {
  const cases: Array<{ name: string; bytes: Uint8Array; encoding: string }> = [
    { name: "UTF-8 without BOM", bytes: utf8(cixiText), encoding: "utf-8" },
    { name: "UTF-8 with BOM", bytes: withBom("utf-8", cixiText), encoding: "utf-8" },
    { name: "UTF-16 LE with BOM", bytes: withBom("utf-16le", cixiText), encoding: "utf-16le" },
    { name: "UTF-16 BE with BOM", bytes: withBom("utf-16be", cixiText), encoding: "utf-16be" },
    { name: "GBK (as saved by Chinese Windows)", bytes: gbk(cixiText), encoding: "gbk" },
  ];

  it.each(cases)("$name decodes to the same text as the UTF-8 original", async ({ bytes, encoding }) => {
    const decoded = await decodeDocument(bytes, "cixi-reply.txt");
    expect(decoded.text).toBe(cixiText);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.format).toBe("txt");
    expect(decoded.title).toBeNull();
  });

  it("does not leave the BOM as a character at offset 0", async () => {
    for (const encoding of ["utf-8", "utf-16le", "utf-16be"] as const) {
      const decoded = await decodeDocument(withBom(encoding, "下一步，力争覆盖100%乡镇。"), "a.txt");
      expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(decoded.text).toBe("下一步，力争覆盖100%乡镇。");
    }
  });

  it("reports gb18030 when the file uses its four-byte sequences (characters outside GBK)", async () => {
    const text = "到2027年，培育80家企业。𠀀（扩展B区汉字）";
    const decoded = await decodeDocument(gb18030(text), "a.txt");
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe("gb18030");
  });

  it("reads short GBK text, where a wrong UTF-8 guess would produce mojibake", async () => {
    const decoded = await decodeDocument(gbk("今年计划新建家庭养老床位50张。"), "a.txt");
    expect(decoded.text).toBe("今年计划新建家庭养老床位50张。");
    expect(decoded.encoding).toBe("gbk");
  });

  it("turns CRLF and lone CR into \\n so offsets count one character per line break", async () => {
    const crlf = cixiText.replace(/\n/g, "\r\n");
    expect((await decodeDocument(utf8(crlf), "a.txt")).text).toBe(cixiText);
    expect((await decodeDocument(gbk(crlf), "a.txt")).text).toBe(cixiText);
    expect((await decodeDocument(utf8("第一行\r第二行\r\n第三行"), "a.txt")).text).toBe("第一行\n第二行\n第三行");
  });

  it("keeps everything else as written, including leading spaces and trailing blanks of lines", async () => {
    const text = " 对市十八届人大一次会议第157号建议的答复\n\n一、着力提升居家养老服务品质   \n";
    expect((await decodeDocument(utf8(text), "a.txt")).text).toBe(text);
  });

  it("exports decodeText for callers that already know the bytes are text", () => {
    expect(decodeText(gbk("慈溪市民政局"))).toEqual({ text: "慈溪市民政局", encoding: "gbk" });
    expect(() => decodeText(new Uint8Array(0), "x.txt")).toThrow("x.txt: empty file");
  });
});

describe("plain text: what is not text is refused", () => {
  const binary = new Uint8Array(512).map((_, i) => (i * 37 + 11) % 256);
  const controls = utf8("abc\u0001\u0002\u0003\u0004\u0005\u0006def\u0007\u0008\u000e\u000f".repeat(20));
  const cases: Array<{ name: string; bytes: Uint8Array; reason: string }> = [
    { name: "an empty file", bytes: new Uint8Array(0), reason: "empty file" },
    { name: "only spaces, tabs, newlines and full-width spaces", bytes: utf8(" \t\r\n\u3000\n  "), reason: "empty file" },
    { name: "only a BOM", bytes: withBom("utf-8", ""), reason: "empty file" },
    { name: "binary bytes named .txt", bytes: binary, reason: "binary file, not text" },
    { name: "text full of control characters", bytes: controls, reason: "binary file, not text" },
    { name: "UTF-16 without a BOM (NUL bytes)", bytes: withBom("utf-16le", "hello world").subarray(2), reason: "binary file, not text" },
  ];

  it.each(cases)("$name → DecodeError “$reason”", async ({ bytes, reason }) => {
    const error = await decodeDocument(bytes, "reply.txt").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).reason).toBe(reason);
    expect((error as DecodeError).fileName).toBe("reply.txt");
    expect((error as DecodeError).message).toBe(`reply.txt: ${reason}`);
  });
});
