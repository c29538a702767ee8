import type { TimeParser } from "../types";
import { endOfMonth, validDate } from "../dates";

// 2022年3月 → month end; 2023年5月前 → end of April (GUIDE: 20XX年N月前 → last day of month N−1);
// 2023年11月底前 / 11月底 → end of November; 截至2022年3月 → as of 2022-03-31.
export const yearMonth: TimeParser = {
  name: "year-month",
  trigger: /\d年\d/,
  needs: "0123456789",
  pattern: /(截至|截止到|截止|到|至|于|在)?(\d{4})年(\d{1,2})月(?:份)?(底|末|中旬|上旬|下旬)?(?:秋季|春季)?(?:开学|开栓供热|开栓|供暖|供热|入汛|汛期|通车|开园|开馆|放假)?(前|之前|以前|起|以来)?(?![\d日号])/g,
  extract(m) {
    const [y, mo] = [Number(m[2]), Number(m[3])];
    if (!validDate(y, mo, 1)) return null;
    const prefix = m[1] ?? "";
    const part = m[4] ?? "";
    const suffix = m[5] ?? "";
    if (suffix === "起" || suffix === "以来") return { role: "since", date: `${y}-${String(mo).padStart(2, "0")}-01`, precision: "month", certainty: "stated" };
    if (suffix && !part) {
      const prev = mo === 1 ? endOfMonth(y - 1, 12) : endOfMonth(y, mo - 1);
      return { role: "due", date: prev, precision: "month", certainty: "stated" };
    }
    const date = endOfMonth(y, mo);
    if (prefix.startsWith("截")) return { role: "asOf", date, precision: "month", certainty: "stated" };
    if (suffix || prefix === "到" || prefix === "至") return { role: "due", date, precision: "month", certainty: "stated" };
    return { role: "point", date, precision: "month", certainty: "stated" };
  },
};
