import type { TimeParser } from "../types";

// 目前 / 截至目前 / 现有 / 至今: values stated as of the document's date (GUIDE §2, baseline asOf).
export const now: TimeParser = {
  name: "now",
  trigger: /目前|至今|当前|现阶段|现有|现已/,
  needs: "目至当现",
  pattern: /截至目前|截止目前|截止到目前|到目前为止|到目前|至今|目前|当前|现阶段|现有|现已/g,
  extract(_m, ctx) {
    if (!ctx.docDate) return null;
    return { role: "asOf", date: ctx.docDate, precision: "day", certainty: "inferred" };
  },
};
