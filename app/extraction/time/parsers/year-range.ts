import type { TimeParser } from "../types";

// 2021-2023年 / （2021—2023） / 2023至2025年: a plan period; its end is the deadline of targets set for it.
export const yearRange: TimeParser = {
  name: "year-range",
  trigger: /\d\d\d\d\s*年?\s*[-—–至到]/,
  // (the range's mark, not the digits: most sentences hold a digit, fewer a range)
  needs: "-—–至到",
  pattern: /(\d{4})\s*(年?)\s*(?:-|—|–|至|到)\s*(\d{4})\s*年?(?:度)?(期间|间)?/g,
  extract(m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (a < 1949 || b > 2100 || b <= a || b - a > 15) return null;
    // 2011年至2016年期间: the years in which something was done, not a deadline
    if (m[4]) return { role: "point", date: `${b}-12-31`, precision: "year", certainty: "stated" };
    return { role: "due", date: `${b}-12-31`, precision: "year", certainty: "stated" };
  },
};
