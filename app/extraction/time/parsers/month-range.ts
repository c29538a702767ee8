import type { TimeParser } from "../types";
import { endOfMonth, validDate, yearOf } from "../dates";

// 2023年1—7月 / 1-9月 / 1至10月: a period from the year's start, as of the end of its last month
// (issue 8 §7); in the document's year when no year is written. Never a deadline.
export const monthRange: TimeParser = {
  name: "month-range",
  trigger: /\d\s*[-—–~至到]\s*\d{1,2}\s*月/,
  // (月, not the digits: most sentences hold a digit, far fewer a month)
  needs: "月",
  pattern: /(?:(\d{4})年)?(\d{1,2})\s*[-—–~至到]\s*(\d{1,2})\s*月(?:份)?(?![\d日号])/g,
  extract(m, ctx) {
    const y = m[1] ? Number(m[1]) : yearOf(ctx.docDate);
    const from = Number(m[2]);
    const to = Number(m[3]);
    if (y === null || from > to || !validDate(y, to, 1) || !validDate(y, from, 1)) return null;
    const date = endOfMonth(y, to);
    if (ctx.docDate && date > ctx.docDate && !m[1]) return null;
    return { role: "asOf", date, precision: "month", certainty: "stated" };
  },
};
