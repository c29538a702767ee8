// The issue's key check: the same reply as GBK text, as an HTML page with navigation around it and
// as a .docx gives the same commitments as the UTF-8 text. Decoding must not lose, add or reorder
// anything the extractor reads.
import { beforeAll, describe, expect, it } from "vitest";
import { decodeDocument, type DecodedDocument } from "../../../app/decode/index";
import { extract } from "../../../app/extraction/index";
import { buildDocx, cixiText, furnitureText, gbk, readFixture, replyPage, utf8, visibleLines } from "./build-fixtures";

const quotes = (text: string) => extract(text).commitments.map((c) => c.quote);

describe("the same reply in every format gives the same commitments", () => {
  let original: DecodedDocument;
  const variants: Record<string, DecodedDocument> = {};

  beforeAll(async () => {
    original = await decodeDocument(readFixture("cixi-reply.txt"), "cixi-reply.txt");
    variants.gbk = await decodeDocument(gbk(cixiText), "cixi-reply-gbk.txt");
    variants.html = await decodeDocument(gbk(replyPage(cixiText, { charset: "gbk" })), "cixi-reply.html");
    variants.docx = await decodeDocument(await buildDocx(cixiText.split("\n")), "cixi-reply.docx");
  });

  it("the UTF-8 file decodes to its own text", () => {
    expect(original.text).toBe(cixiText);
    expect(original.encoding).toBe("utf-8");
  });

  it("the GBK file decodes to exactly the UTF-8 text, so offsets agree too", () => {
    expect(variants.gbk!.encoding).toBe("gbk");
    expect(variants.gbk!.text).toBe(original.text);
  });

  it.each(["html", "docx"])("the %s version holds every non-empty line of the original, in order, and nothing else", (name) => {
    const decoded = variants[name]!;
    expect(visibleLines(decoded.text)).toEqual(visibleLines(original.text));
    for (const junk of furnitureText) expect(decoded.text).not.toContain(junk);
  });

  it.each(["gbk", "html", "docx"])("extract() finds the same commitment quotes in the %s version as in the UTF-8 text", (name) => {
    expect(quotes(variants[name]!.text)).toEqual(quotes(original.text));
  });

  it("a UTF-8 page without navigation gives the same quotes as the GBK one with it", async () => {
    const plainPage = await decodeDocument(utf8(`<html><body>${cixiText.split("\n").map((l) => `<p>${l}</p>`).join("")}</body></html>`), "plain.html");
    expect(quotes(plainPage.text)).toEqual(quotes(variants.html!.text));
  });
});
