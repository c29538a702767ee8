import type { TimeParser } from "../types";
import { yearOf } from "../dates";
import { parseChineseNumeral } from "../../numerals/chinese";

// 三年内 / 三年计划 / 三年行动 counted from the plan's first year Y, else the document's year:
// 31 Dec of Y+N−1 (GUIDE §2: three years from 2025 end on 2027-12-31).
export const withinYears: TimeParser = {
  name: "within-years",
  trigger: /年(?:内|之内|以内|计划|行动|攻坚|累计|共计|的?努力|左右的努力)/,
  needs: "年",
  // 通过5年的努力: the goal of the years ahead, counted as 五年内
  pattern: /(?:通过)?(\d{1,2}|[一二两三四五六七八九十])年(?:内|之内|以内|计划|行动计划|行动|攻坚行动|攻坚|累计|共计|(?:左右)?的?努力)/g,
  extract(m, ctx) {
    if (/努力$/.test(m[0]) && !m[0].startsWith("通过")) return null;
    const n = /\d/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]);
    const from = ctx.planStartYear ?? yearOf(ctx.docDate);
    if (!n || n > 20 || from === null) return null;
    return { role: "due", date: `${from + n - 1}-12-31`, precision: "year", certainty: "inferred" };
  },
};
