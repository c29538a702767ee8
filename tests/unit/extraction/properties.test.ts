// No input makes the engine throw, and what it returns always points back into the text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract } from "~/extraction";
import { findQuantities } from "~/extraction/quantity/numbers";
import { findTimes } from "~/extraction/time";
import { parseChineseNumeral } from "~/extraction/numerals/chinese";

// strings built from the pieces replies are made of, so the generator reaches the rules
const pieces = [
  "下一步", "，", "。", "；", "：", "\n", "到2027年", "今年", "计划", "新增", "将", "力争", "确保", "截至", "年底前",
  "2—3个", "1.2万", "85.78%", "不少于", "以上", "约", "余", "每万老年人", "全覆盖", "一是", "（一）", "《", "》",
  "“", "”", "十四五", "三年内", "两千", "一千二百", "家", "人", "张", "已", "目前", "您", "感谢", "0", "9", "月", "日",
  "序号", "具体诉求", "1", "\t", "  ", "项目名称", "目标任务", "完成时限", "进展情况", "2025年6月30日", "民政局",
];
const replyLike = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((xs) => xs.join(""));

describe("the engine never throws", () => {
  it("on arbitrary unicode", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (s) => { extract(s); }), { numRuns: 300 });
  });

  it("on reply-like text, and every quote and span lies in the text", () => {
    fc.assert(
      fc.property(replyLike, fc.option(fc.constantFrom("2025-06-30", "2022-01-01", "1999-12-31"), { nil: undefined }), (s, documentDate) => {
        const r = extract(s, { documentDate });
        for (const c of r.commitments) {
          expect(s.slice(c.start, c.end)).toBe(c.quote);
          if (c.target) expect(Number.isFinite(c.target.value)).toBe(true);
          if (c.due) expect(c.due.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        for (const o of r.observations) expect(s.slice(o.start, o.end)).toBe(o.quote);
      }),
      { numRuns: 500 },
    );
  });

  it("the small parsers accept anything", () => {
    fc.assert(fc.property(replyLike, (s) => {
      findQuantities(s);
      findTimes(s, { docDate: "2025-06-30" });
      findTimes(s, { docDate: null });
      parseChineseNumeral(s);
    }), { numRuns: 500 });
  });
});
