import { describe, expect, it } from "vitest";
import { DecodeError, decodeDocument } from "../../../app/decode/index";
import { buildDocx, cixiText, visibleLines } from "./build-fixtures";

describe(".docx", () => {
  it("gives one line per paragraph and one line per table cell, in document order", async () => {
    const bytes = await buildDocx(
      ["罗青青代表：", "现将有关意见答复如下：", "感谢您对我市居家养老服务工作的关注和支持。", "慈溪市民政局", "2022年6月29日"],
      {
        after: 2,
        rows: [
          ["序号", "具体诉求", "答复内容"],
          ["1", "增加家庭养老床位", "今年计划新建家庭养老床位50张。"],
          ["2", "加强护理员培训", "到2025年，持证护理员比例不低于70%。"],
        ],
      },
    );
    const decoded = await decodeDocument(bytes, "reply.docx");
    expect(decoded).toMatchObject({ format: "docx", encoding: null, title: null });
    expect(visibleLines(decoded.text)).toEqual([
      "罗青青代表：",
      "现将有关意见答复如下：",
      "序号", "具体诉求", "答复内容",
      "1", "增加家庭养老床位", "今年计划新建家庭养老床位50张。",
      "2", "加强护理员培训", "到2025年，持证护理员比例不低于70%。",
      "感谢您对我市居家养老服务工作的关注和支持。",
      "慈溪市民政局",
      "2022年6月29日",
    ]);
    // paragraphs are separated by one line break, not by mammoth's blank lines
    expect(decoded.text).not.toContain("\n\n");
  });

  it("holds every line of a whole reply", async () => {
    const decoded = await decodeDocument(await buildDocx(cixiText.split("\n")), "cixi.docx");
    expect(visibleLines(decoded.text)).toEqual(visibleLines(cixiText));
  });

  it("is recognised by content when misnamed .doc or .txt", async () => {
    const bytes = await buildDocx(["到2027年，培育80家养老领域领军企业。"]);
    for (const name of ["reply.doc", "reply.txt", "reply"]) {
      const decoded = await decodeDocument(bytes, name);
      expect(decoded.format).toBe("docx");
      expect(decoded.text).toBe("到2027年，培育80家养老领域领军企业。");
    }
  });

  it("refuses a corrupt .docx with a short reason", async () => {
    const good = await buildDocx(["到2027年，培育80家养老领域领军企业。"]);
    // A truncated download: the zip's central directory (at the end) is missing.
    const truncated = good.slice(0, Math.floor(good.length / 2));
    const error = (await decodeDocument(truncated, "reply.docx").catch((e: unknown) => e)) as DecodeError;
    expect(error).toBeInstanceOf(DecodeError);
    expect(error.reason).toMatch(/^corrupt or unreadable \.docx: .+/);
    expect(error.reason).not.toContain("\n");
    expect(error.reason.length).toBeLessThan(180);
  });

  it("refuses a .docx with no text", async () => {
    await expect(decodeDocument(await buildDocx([""]), "blank.docx")).rejects.toThrow("blank.docx: empty document (the .docx has no text)");
  });
});
