import type { TimeParser } from "../types";
import { endOfMonth, yearOf } from "../dates";
import { parseChineseNumeral } from "../../numerals/chinese";

// 今年 / 年内 / 全年 / 本年度 / 年底前 → 31 Dec of the document's year; 明年 → the next year;
// 去年底 → as of 31 Dec of the year before (GUIDE §2). 今年以来 is a start, not a deadline.
export const relativeYear: TimeParser = {
  name: "relative-year",
  trigger: /今明|今年|本年|当年|年内|全年|年度|年底|年末|明年|后年|去年|上年|前年/,
  needs: "年今",
  pattern: /(截至|截止到|截止|到|至)?(今明两年|今明年|今年|本年度|本年|当年|年内|全年|(?<![每上下本\d])年度|年底|年末|明年|后年|去年|上年|前年)(底|末|年底|年末|内)?(前|之前|以来|起)?/g,
  extract(m, ctx) {
    const docYear = yearOf(ctx.docDate);
    if (docYear === null) return null;
    const word = m[2];
    const suffix = m[4] ?? "";
    const prefix = m[1] ?? "";
    let y = docYear;
    if (word === "明年" || word === "今明两年" || word === "今明年") y = docYear + 1;
    else if (word === "后年") y = docYear + 2;
    else if (word === "去年" || word === "上年") y = docYear - 1;
    else if (word === "前年") y = docYear - 2;
    const date = `${y}-12-31`;
    // 今年前两个月,全市加装电梯126部: the year's first months so far, not a deadline
    if (suffix === "前") {
      const months = /^([一二两三四五六七八九十]{1,2}|\d{1,2})个?月/.exec(m.input.slice(m.index + m[0].length));
      const n = months ? (/^\d/.test(months[1]) ? Number(months[1]) : parseChineseNumeral(months[1])) : null;
      if (n !== null && n >= 1 && n <= 12) return { role: "asOf", date: endOfMonth(y, n), precision: "month", certainty: "inferred" };
    }
    if (suffix === "以来" || suffix === "起") return { role: "since", date: `${y}-01-01`, precision: "year", certainty: "inferred" };
    if (prefix.startsWith("截") || y < docYear) return { role: "asOf", date, precision: "year", certainty: "inferred" };
    return { role: "due", date, precision: "year", certainty: "inferred" };
  },
};
