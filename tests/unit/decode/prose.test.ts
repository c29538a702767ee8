// Refuse what is not a document: Chinese prose passes; data, code, gibberish and English do not.
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeText, notADocumentReason } from "~/decode";

describe("what is not a document", () => {
  it("passes every seed and every real document of the shared set", () => {
    const dirs = ["../shared/seeds", "../shared/eval/real/text"];
    for (const d of dirs) for (const f of readdirSync(d)) expect([f, notADocumentReason(readFileSync(`${d}/${f}`, "utf8"))]).toEqual([f, null]);
  });

  it("passes a short reply", () => {
    expect(notADocumentReason("张虹代表：您提出的建议收悉。下一步，我局将新建普惠性幼儿园5所。")).toBeNull();
  });

  it("refuses the project's own package.json", () => {
    expect(notADocumentReason(readFileSync("package.json", "utf8"))).toMatch(/不是答复或报告/);
  });

  it("refuses source code with Chinese comments", () => {
    const code = Array.from({ length: 20 }, (_, i) => `const x${i} = f(${i}); // 计算第${i}项`).join("\n");
    expect(notADocumentReason(code)).toMatch(/不是答复或报告/);
  });

  it("refuses random bytes that happen to decode as GB18030", () => {
    let bytes = randomBytes(20_000);
    bytes = Buffer.from(bytes.map((b) => (b < 0x81 ? 0x81 + (b % 0x7e) : b))); // no ASCII, no NUL: all two-byte pairs
    const { text } = decodeText(new Uint8Array(bytes));
    expect(notADocumentReason(text)).toMatch(/乱码|没有中文/);
  });

  it("refuses English text", () => {
    expect(notADocumentReason("Minutes of the meeting. The committee agreed to build five schools.")).toMatch(/没有中文正文/);
  });
});
