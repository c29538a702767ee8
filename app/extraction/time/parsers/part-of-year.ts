import type { TimeParser } from "../types";
import { yearOf } from "../dates";

// 上半年 → 06-30, 下半年 → 12-31 (GUIDE §2); quarters end on their last day. The year is the one
// named (2025年上半年, 明年一季度) or else the document's.
const END: Record<string, string> = {
  上半年: "06-30", 下半年: "12-31", 一季度: "03-31", 二季度: "06-30", 三季度: "09-30", 四季度: "12-31",
  前三季度: "09-30", 第一季度: "03-31", 第二季度: "06-30", 第三季度: "09-30", 第四季度: "12-31",
};

export const partOfYear: TimeParser = {
  name: "part-of-year",
  trigger: /半年|季度/,
  needs: "半季",
  pattern: /(截至|截止|到|至)?(?:(\d{4})年|(今年|明年))?(上半年|下半年|前三季度|第?[一二三四]季度)(末|底)?(前|之前|以来)?/g,
  extract(m, ctx) {
    const docYear = yearOf(ctx.docDate);
    const y = m[2] ? Number(m[2]) : m[3] === "明年" ? (docYear ?? NaN) + 1 : docYear;
    if (y === null || Number.isNaN(y)) return null;
    const date = `${y}-${END[m[4]]}`;
    const certainty = m[2] ? "stated" : "inferred";
    if (m[6] === "以来") return { role: "since", date, precision: "month", certainty };
    if ((m[1] ?? "").startsWith("截")) return { role: "asOf", date, precision: "month", certainty };
    if (ctx.docDate && date < ctx.docDate && !m[6]) return { role: "asOf", date, precision: "month", certainty };
    return { role: "due", date, precision: "month", certainty };
  },
};
