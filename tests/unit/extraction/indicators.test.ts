// Every indicator the engine produces on the real documents names the thing measured (issue:
// indicators that name the thing measured): a noun phrase with no cue word, verb of reporting,
// function word or table pipe at either end, no phrase repeated, never a single character.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "~/extraction";
import { cleanIndicator } from "~/extraction/quantity/targets";

const CORPORA = ["../shared/eval/real/text", "tests/fixtures/real-corpus/text", "tests/fixtures/real-corpus-2/text", "tests/fixtures/real-corpus-3/text", "../shared/seeds"].filter((d) => existsSync(d));
const BAD_START = /^(?:[|“”"'、,，:：;；\s]|力争|将|要|拟|计划|确保|争取|与|和|及|的|在|为|由|了)/;
const BAD_END = /(?:[|“、,，:：;；\s]|力争|将|要|拟|计划|确保|争取|的|与|和|及|了|是|达到)$/;

function problems(indicator: string): string[] {
  const out: string[] = [];
  if (indicator.length < 2) out.push("too short");
  // a quoted name (“三助一护”服务) may open the phrase; an unmatched quote may not
  if (BAD_START.test(indicator) && !/^“[^”]+”/.test(indicator)) out.push("bad start");
  if (BAD_END.test(indicator)) out.push("bad end");
  if (/\|/.test(indicator)) out.push("table pipe");
  if (/(.{4,})\1/u.test(indicator)) out.push("repeated phrase");
  return out;
}

describe("indicators on the real corpus", () => {
  it("every commitment's and observation's indicator is a clean noun phrase", () => {
    const bad: string[] = [];
    let seen = 0;
    for (const dir of CORPORA) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
        const r = extract(readFileSync(`${dir}/${f}`, "utf8"));
        for (const item of [...r.commitments, ...r.observations]) {
          seen++;
          const p = problems(item.indicator);
          if (p.length) bad.push(`${f}: "${item.indicator}" (${p.join(", ")})`);
        }
      }
    }
    expect(seen).toBeGreaterThan(300);
    expect(bad).toEqual([]);
  });
});

describe("cleanIndicator", () => {
  it.each([
    ["城市轨道交通运营总里程力争", "城市轨道交通运营总里程"],
    ["| 完成农村公路大中修", "完成农村公路大中修"],
    // a province-level place by its short name is the region's, not the name's (安徽已建成…, 广西人均…)
    ["重庆城镇社区养老服务中心(站)将", "城镇社区养老服务中心(站)"],
    ["广西人均体育场地面积", "人均体育场地面积"],
    ["内蒙古新能源装机已率先突破", "新能源装机"],
    // (a short name followed by 省 or 市 is read as the place with its suffix; too short a rest is kept)
    ["北京市民", "北京市民"],
    ["重庆现有", ""],
    ["养老服务中心(站", "养老服务中心(站)"],
  ])("%s → %s", (raw, clean) => {
    expect(cleanIndicator(raw)).toBe(clean);
  });
});
