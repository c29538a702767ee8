import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PARSERS, findTimes } from "~/extraction/time";
import { shadowOf } from "~/extraction/text/shadow";

const DOC = "2025-06-30";
const first = (text: string, docDate: string | null = DOC) => {
  const ts = findTimes(shadowOf(text), { docDate });
  expect(ts.length, text).toBeGreaterThan(0);
  return { ...ts[0], span: text.slice(ts[0].start, ts[0].end) };
};

describe("time expressions resolved against the document's date (GUIDE §2)", () => {
  it.each([
    // text, role, date, precision, certainty, span
    ["到2027年,培育80家", "due", "2027-12-31", "year", "stated", "到2027年"],
    ["至2023年底培训", "due", "2023-12-31", "year", "stated", "至2023年底"],
    ["2026年底前完成", "due", "2026-12-31", "year", "stated", "2026年底前"],
    ["确保2022年10月1日前配置到位", "due", "2022-09-30", "day", "stated", "2022年10月1日前"],
    ["2026年3月前出台", "due", "2026-02-28", "month", "stated", "2026年3月前"],
    ["2026年11月底前建成", "due", "2026-11-30", "month", "stated", "2026年11月底前"],
    ["10月底前完成", "due", "2025-10-31", "month", "inferred", "10月底前"],
    ["11月份完成", "due", "2025-11-30", "month", "inferred", "11月份"],
    ["6月前完成", "due", "2025-05-31", "month", "inferred", "6月前"],
    ["年底前完成", "due", "2025-12-31", "year", "inferred", "年底前"],
    ["今年计划新增", "due", "2025-12-31", "year", "inferred", "今年"],
    ["年内至少培训一次", "due", "2025-12-31", "year", "inferred", "年内"],
    ["全年计划新增", "due", "2025-12-31", "year", "inferred", "全年"],
    ["本年度完成", "due", "2025-12-31", "year", "inferred", "本年度"],
    ["明年建成", "due", "2026-12-31", "year", "inferred", "明年"],
    ["下半年启动", "due", "2025-12-31", "month", "inferred", "下半年"],
    ["上半年完成", "due", "2025-06-30", "month", "inferred", "上半年"],
    ["三年内培训4500名", "due", "2027-12-31", "year", "inferred", "三年内"],
    ["“十百千”三年计划", "due", "2027-12-31", "year", "inferred", "三年计划"],
    ["十四五期间建成", "due", "2025-12-31", "year", "stated", "十四五期间"],
    ["“十四五”末达到", "due", "2025-12-31", "year", "stated", "“十四五”末"],
    ["十五五时期", "due", "2030-12-31", "year", "stated", "十五五时期"],
    ["截至2024年底,全省共有", "asOf", "2024-12-31", "year", "stated", "截至2024年底"],
    ["截至2022年3月,全市", "asOf", "2022-03-31", "month", "stated", "截至2022年3月"],
    ["去年底,缴费人员", "asOf", "2024-12-31", "year", "inferred", "去年底"],
    ["目前,全省有", "asOf", "2025-06-30", "day", "inferred", "目前"],
    ["截止目前全市共有", "asOf", "2025-06-30", "day", "inferred", "截止目前"],
    ["2022年起,我局将", "since", "2022-01-01", "year", "stated", "2022年起"],
    ["今年以来,已完成", "since", "2025-01-01", "year", "inferred", "今年以来"],
    ["每年组织一次", "frequency", null, "year", "stated", "每年"],
    ["2021年,全市共为", "point", "2021-12-31", "year", "stated", "2021年"],
  ])("%s", (text, role, date, precision, certainty, span) => {
    const t = first(text);
    expect([t.role, t.date, t.precision, t.certainty, t.span]).toEqual([role, date, precision, certainty, span]);
  });

  it("counts 三年内 from the first year of a plan named in the same sentence", () => {
    const ts = findTimes(shadowOf("出台《三年行动计划（2021-2023）》,每年计划培训1500名,三年内培训4500名"), { docDate: "2022-06-29" });
    const within = ts.find((t) => t.text === "三年内");
    expect(within?.date).toBe("2023-12-31");
  });

  it("leaves relative dates unresolved without a document date", () => {
    expect(findTimes(shadowOf("今年计划新增床位50张"), { docDate: null })).toEqual([]);
  });

  it.each(["现答复如下", "一月一次", "三月三", "5A级", "第3年起"])("%s holds no date", (text) => {
    expect(findTimes(shadowOf(text), { docDate: DOC }).filter((t) => t.role !== "frequency")).toEqual([]);
  });
});

describe("each time parser's `needs` (the characters its trigger cannot match without)", () => {
  // every line of the fixture corpora that a trigger matches stops matching once the parser's
  // `needs` characters are taken out: findTimes skips a trigger when a sentence holds none of them
  const root = fileURLToPath(new URL("../../fixtures/", import.meta.url));
  const lines = ["eval/docs", "heldout/docs", "heldout2/docs", "real-corpus/text"].flatMap((dir) =>
    readdirSync(root + dir).filter((f) => f.endsWith(".txt")).flatMap((f) => shadowOf(readFileSync(`${root}${dir}/${f}`, "utf8")).split("\n")),
  );
  it.each(PARSERS.map((p) => [p.name, p] as const))("%s", (_name, parser) => {
    const without = new RegExp(`[${parser.needs}]`, "g");
    let matched = 0;
    for (const line of lines) {
      if (!parser.trigger.test(line)) continue;
      matched++;
      expect(parser.trigger.test(line.replace(without, "")), line).toBe(false);
    }
    expect(matched).toBeGreaterThan(0);
  });
});
