import type { TimeParser } from "../types";
import { dayBefore, iso, validDate } from "../dates";

// 2022年10月1日前 → 2022-09-30 (the day before, GUIDE §2); 截至2022年3月31日 → as of that day.
export const fullDate: TimeParser = {
  name: "full-date",
  trigger: /\d年\d/,
  needs: "0123456789",
  pattern: /(截至|截止到|截止|到|至|于|在)?(\d{4})年(\d{1,2})月(\d{1,2})[日号](?:秋季|春季)?(?:开学|开栓供热|开栓|供暖|供热|入汛|汛期|通车|开园|开馆|放假)?(前|之前|以前|起|以来)?/g,
  extract(m) {
    const [y, mo, d] = [Number(m[2]), Number(m[3]), Number(m[4])];
    if (!validDate(y, mo, d)) return null;
    const prefix = m[1] ?? "";
    const suffix = m[5] ?? "";
    if (suffix === "起" || suffix === "以来") return { role: "since", date: iso(y, mo, d), precision: "day", certainty: "stated" };
    if (suffix) return { role: "due", date: dayBefore(y, mo, d), precision: "day", certainty: "stated" };
    if (prefix.startsWith("截")) return { role: "asOf", date: iso(y, mo, d), precision: "day", certainty: "stated" };
    if (prefix === "到" || prefix === "至") return { role: "due", date: iso(y, mo, d), precision: "day", certainty: "stated" };
    return { role: "point", date: iso(y, mo, d), precision: "day", certainty: "stated" };
  },
};
