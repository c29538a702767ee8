import { describe, expect, it } from "vitest";
import { findQuantities } from "~/extraction/quantity/numbers";
import { shadowOf } from "~/extraction/text/shadow";

const one = (text: string) => {
  const s = shadowOf(text);
  const qs = findQuantities(s);
  expect(qs, text).toHaveLength(1);
  return { ...qs[0], span: text.slice(qs[0].start, qs[0].end) };
};

describe("quantities: value, unit, bounds, span", () => {
  it.each([
    // text, value, unit, comparator, span
    ["建成康养联合体1235家", 1235, "家", null, "1235家"],
    ["床位23.77万张", 237700, "张", null, "23.77万张"],
    ["缴费人员已达4600万以上", 46000000, "人", ">=", "达4600万以上"],
    ["投入资金7,037.91万元", 7037.91, "万元", null, "7,037.91万元"],
    ["安排2.6亿元", 2.6, "亿元", null, "2.6亿元"],
    ["覆盖85.78%乡镇", 85.78, "%", null, "85.78%"],
    ["培训1200余人", 1200, "人", ">=", "1200余人"],
    ["约860名", 860, "名", null, "约860名"],
    ["不少于348人", 348, "人", ">=", "不少于348人"],
    ["比例不低于20%", 20, "%", ">=", "不低于20%"],
    ["控制在15%以内", 15, "%", "<=", "控制在15%以内"],
    ["超过30%", 30, "%", ">=", "超过30%"],
    ["2万余张家庭病床", 20000, "张", ">=", "2万余张"],
    ["人数达到7000以上", 7000, "人", ">=", "达到7000以上"],
    ["年服务1.25万人次", 12500, "人次", null, "1.25万人次"],
    ["新增一千二百名", 1200, "名", null, "一千二百名"],
    ["培训两千人", 2000, "人", null, "两千人"],
    ["达到百分之九十", 90, "%", ">=", "达到百分之九十"],
    ["每千名老人拥有床位30.8张", 30.8, "张", null, "30.8张"],
    ["１２３家（全角）", 123, "家", null, "１２３家"],
    ["收入翻一番", 2, "倍", ">=", "翻一番"],
  ])("%s", (text, value, unit, comparator, span) => {
    const q = one(text);
    expect(q.value).toBe(value);
    expect(q.unit).toBe(unit);
    expect(q.comparator).toBe(comparator);
    expect(q.span).toBe(span);
  });

  it("reads a range with its upper end", () => {
    const q = one("有2—3个实现区域连锁运行");
    expect([q.value, q.valueMax, q.unit, q.span]).toEqual([2, 3, "个", "2—3个"]);
    const r = one("新建3~5所学校");
    expect([r.value, r.valueMax, r.unit]).toEqual([3, 5, "所"]);
  });

  it("marks approximations", () => {
    expect(one("约860名").approximate).toBe(true);
    expect(one("1200余人").approximate).toBe(true);
    expect(one("500人左右").approximate).toBe(true);
    expect(one("500人").approximate).toBe(false);
  });

  it.each([
    "到2027年", "2022年10月1日前", "65周岁以上老年人", "打造15分钟服务圈", "24小时热线", "第157号建议", "〔2021〕69号",
    "十四五期间", "“1+5+5+N”总体框架", "5A级中心", "一是加强", "党的二十大", "联系电话:0571-81050586", "三年内",
    "“十百千”三年计划", "医、养两张皮", "一件事", "七大功能于一体",
  ])("%s holds no quantity", (text) => {
    expect(findQuantities(shadowOf(text)).filter((q) => !(q.value === 1 && q.chinese))).toEqual([]);
  });
});
