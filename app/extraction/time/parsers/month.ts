import type { TimeParser } from "../types";
import { dayBefore, endOfMonth, validDate, yearOf } from "../dates";
import { parseChineseNumeral } from "../../numerals/chinese";

// Months without a year take the document's year: 10月底前 / 11月份 → last day of that month;
// 6月前 → end of May; 10月1日前 → 30 September (GUIDE §2).
export const month: TimeParser = {
  name: "month",
  trigger: /月/,
  needs: "月",
  pattern: /(截至|截止|到|至)?(?<!\d年)(?<!\d)(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?:(\d{1,2})[日号])?(份)?(底|末|中旬|上旬|下旬)?(?:秋季|春季)?(?:开学|开栓供热|开栓|供暖|供热|入汛|汛期|通车|开园|开馆|放假)?(前|之前|以前|以来)?/g,
  extract(m, ctx) {
    const docYear = yearOf(ctx.docDate);
    if (docYear === null) return null;
    // 今年9月1日… / 明年6月底前: the year word just before the month
    const y = m.input.slice(Math.max(0, m.index - 2), m.index) === "明年" ? docYear + 1 : docYear;
    const mo = /\d/.test(m[2]) ? Number(m[2]) : parseChineseNumeral(m[2]);
    if (!mo || mo > 12) return null;
    const day = m[3] ? Number(m[3]) : null;
    const prefix = m[1] ?? "";
    const part = m[5] ?? "";
    const suffix = m[6] ?? "";
    // a bare "三月" is often not a date at all; require a marker unless digits are used
    if (!/\d/.test(m[2]) && !part && !suffix && !m[4] && !prefix) return null;
    if (day !== null) {
      if (!validDate(y, mo, day)) return null;
      if (suffix && suffix !== "以来") return { role: "due", date: dayBefore(y, mo, day), precision: "day", certainty: "inferred" };
      return { role: prefix.startsWith("截") ? "asOf" : "point", date: `${y}-${String(mo).padStart(2, "0")}-${String(day).padStart(2, "0")}`, precision: "day", certainty: "inferred" };
    }
    if (suffix === "以来") return { role: "since", date: `${y}-${String(mo).padStart(2, "0")}-01`, precision: "month", certainty: "inferred" };
    if (suffix && !part) return { role: "due", date: mo === 1 ? `${y - 1}-12-31` : endOfMonth(y, mo - 1), precision: "month", certainty: "inferred" };
    const date = endOfMonth(y, mo);
    if (prefix.startsWith("截")) return { role: "asOf", date, precision: "month", certainty: "inferred" };
    if (suffix || part === "底" || part === "末" || m[4] || prefix) return { role: "due", date, precision: "month", certainty: "inferred" };
    return { role: "point", date, precision: "month", certainty: "inferred" };
  },
};
