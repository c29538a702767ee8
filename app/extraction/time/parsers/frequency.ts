import type { TimeParser } from "../types";

// 每年 / 年均 / 每季度: a recurring target has no deadline of its own.
export const frequency: TimeParser = {
  name: "frequency",
  trigger: /每|年均/,
  needs: "每年",
  pattern: /每年度?|年均|每季度?|每月|每半年|每周|每天|每日/g,
  extract() {
    return { role: "frequency", date: null, precision: "year", certainty: "stated" };
  },
};
