import type { TimeParser } from "../types";

// 到2027年 → 2027-12-31 (GUIDE §2); 2022年底 → 2022-12-31; 截至2024年底 → as of 2024-12-31;
// 2022年起 → a start; a bare 2021年 is a point whose role the tense decides.
export const year: TimeParser = {
  name: "year",
  trigger: /\d年/,
  needs: "0123456789",
  pattern: /(截至|截止到|截止|到|至|于|在)?(\d{4})年(底|末|年底|年末|度|内)?(前|之前|以前|起|以来|开始|后)?(?![\d月-])/g,
  extract(m) {
    const y = Number(m[2]);
    if (y < 1949 || y > 2100) return null;
    const prefix = m[1] ?? "";
    const part = m[3] ?? "";
    const suffix = m[4] ?? "";
    const date = `${y}-12-31`;
    if (suffix === "起" || suffix === "以来" || suffix === "开始" || suffix === "后") {
      return { role: "since", date: `${y}-01-01`, precision: "year", certainty: "stated" };
    }
    if (prefix.startsWith("截")) return { role: "asOf", date, precision: "year", certainty: "stated" };
    // 2020年内: within the year, by its end
    if (part === "内") return { role: "due", date, precision: "year", certainty: "stated" };
    if (suffix) {
      // 2025年前 (without 底) means before the year starts: by the end of the year before
      return { role: "due", date: part ? date : `${y - 1}-12-31`, precision: "year", certainty: "stated" };
    }
    if (prefix === "到" || prefix === "至") return { role: "due", date, precision: "year", certainty: "stated" };
    if (part === "底" || part === "末" || part === "年底" || part === "年末") {
      return { role: "point", date, precision: "year", certainty: "stated" };
    }
    return { role: "point", date, precision: "year", certainty: "stated" };
  },
};
