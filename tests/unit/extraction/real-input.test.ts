// Input as it arrives (GUIDE §3a) and the rules added for real documents: each with a case that
// must be found and one that must not.
import { describe, expect, it } from "vitest";
import { extract } from "~/extraction";
import { normaliseInput, originalEnd, originalStart } from "~/extraction/text/normalise";

const sign = (body: string, date = "2024年5月20日", agency = "某某县教育体育局") => `${body}\n${agency}\n${date}\n`;

describe("Traditional characters and pinyin readings", () => {
  it("leaves Simplified text as it is", () => {
    const text = "下一步，我局将新建普惠性幼儿园5所。";
    const n = normaliseInput(text);
    expect(n.changed).toBe(false);
    expect(n.text).toBe(text);
  });

  it("reads Traditional text as Simplified and drops inserted readings, mapping offsets back", () => {
    const text = "關(guān)于養(yǎng)老服務(wù)的建議";
    const n = normaliseInput(text);
    expect(n.text).toBe("关于养老服务的建议");
    const at = n.text.indexOf("服务");
    expect(text.slice(originalStart(n, at), originalEnd(n, at + 2))).toBe("服務");
  });

  it("keeps brackets that are not readings", () => {
    const n = normaliseInput("新增老年食堂(助餐点)15个，标准(a)条");
    expect(n.changed).toBe(false);
  });

  it("quotes a Traditional mirror page in its own characters, with offsets into it", () => {
    const text = sign("下一步，我局將(jiāng)新建普惠性幼兒(ér)園5所。", "2024年5月20日", "某某縣教育體育局");
    const r = extract(text);
    expect(r.commitments).toHaveLength(1);
    const c = r.commitments[0];
    expect(c.target?.value).toBe(5);
    expect(c.quote).toBe("下一步，我局將(jiāng)新建普惠性幼兒(ér)園5所。");
    expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect(r.document.agency).toBe("某某县教育体育局");
  });
});

describe("plans without the usual cue words", () => {
  it("a date later in the document's own year pledges (2024年8月完成… in a May reply)", () => {
    const r = extract(sign("2023年7月已经启动了新长征小学的扩建工作，2024年8月完成所有扩建工作。"));
    expect(r.commitments.map((c) => c.due?.date)).toEqual(["2024-08-31"]);
  });

  it("a date before the document's does not", () => {
    const r = extract(sign("2024年3月完成所有扩建工作。"));
    expect(r.commitments).toEqual([]);
  });

  it("numbered paragraphs after a lead-in that ends in 。 are plans", () => {
    const body = "下一步，我们将从以下几个方面重点用力，不断提升服务保障能力。\n（一）加快推进设施建设。指导各地有序推进规划编制。坚持以节地为导向，严禁修建硬化大墓。\n（二）加强规范管理。";
    const quotes = extract(sign(body)).commitments.map((c) => c.quote);
    expect(quotes).toContain("指导各地有序推进规划编制。");
    expect(quotes).toContain("坚持以节地为导向，严禁修建硬化大墓。");
  });

  it("a report's 现将…答复如下： does not make the next paragraph a plan", () => {
    const body = "现将有关意见答复如下：\n为此，我们积极推进居家养老服务体系建设，加强从业人员培训。";
    expect(extract(sign(body)).commitments).toEqual([]);
  });

  it("正筹划建设 is a plan", () => {
    const r = extract(sign("目前正筹划建设5个市级社区养老服务综合体。"));
    expect(r.commitments.map((c) => c.target?.value)).toEqual([5]);
  });
});
