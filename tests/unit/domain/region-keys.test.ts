import { describe, expect, it } from "vitest";
import { candidateRegionKeys, figurePlace, NATIONAL_KEY, regionKey, UNKNOWN_KEY } from "~/domain/region-keys";

describe("region keys for link candidates", () => {
  it.each([
    ["慈溪市", "浙江省/宁波市/慈溪市"],
    ["浙江省宁波市慈溪市", "浙江省/宁波市/慈溪市"],
    ["杭州市", "浙江省/杭州市"],
    ["浙江省", "浙江省"],
    ["全国", NATIONAL_KEY],
    ["国务院", NATIONAL_KEY],
    [null, UNKNOWN_KEY],
    ["  ", UNKNOWN_KEY],
    // an unknown or ambiguous name keeps its written form: only the same spelling finds it
    ["鼓楼区", "鼓楼区"],
    ["某某新区", "某某新区"],
  ])("%s → %s", (region, key) => {
    expect(regionKey(region)).toBe(key);
  });

  it("a document looks at its own place and unknown places only", () => {
    expect(candidateRegionKeys("慈溪市")).toEqual(["浙江省/宁波市/慈溪市", UNKNOWN_KEY]);
    expect(candidateRegionKeys("宁波市慈溪市")).toEqual(["浙江省/宁波市/慈溪市", UNKNOWN_KEY]);
    expect(candidateRegionKeys("全国")).toEqual([NATIONAL_KEY, UNKNOWN_KEY]);
    expect(candidateRegionKeys("慈溪市")).not.toContain(regionKey("宁波市"));
  });

  it("a document of unknown place looks everywhere", () => {
    expect(candidateRegionKeys(null)).toBeNull();
    expect(candidateRegionKeys("")).toBeNull();
  });
});

describe("figurePlace and the country", () => {
  it("a sentence whose subject is 全国, after a month range or a source, is the country's", () => {
    expect(figurePlace("1-8月份,全国新开工改造城镇老旧小区4.2万个。", null)).toBe("全国");
    expect(figurePlace("前三季度,全国城镇新增就业898万人。", "北京市")).toBe("全国");
    expect(figurePlace("根据各地统计上报数据,1—6月份,全国新开工改造城镇老旧小区3.3万个。", null)).toBe("全国");
  });
  it("on a page of a known place, 全国 later in the sentence does not make the figure national", () => {
    expect(figurePlace("全市新增托位3000个,位居全国前列。", "杭州市")).toBe("杭州市");
    expect(figurePlace("根据统计,今年以来,全国各地推进改造。", "杭州市")).toBe("杭州市");
  });
});

describe("figurePlace on Traditional text", () => {
  it("截至去年年底,全國已經建成… is the country's", () => {
    expect(figurePlace("截至去年年底,全國已經建成了10億畝高標準農田。", null)).toBe("全国");
  });
});

describe("a page of 区民政局 that names only its city", () => {
  it("reads the city's districts too (a key ending in /), not for a city's own bureau", () => {
    expect(candidateRegionKeys("杭州市", "区民政局、区卫生健康局")).toEqual(["浙江省/杭州市", UNKNOWN_KEY, "浙江省/杭州市/"]);
    expect(candidateRegionKeys("杭州市", "杭州市民政局")).toEqual(["浙江省/杭州市", UNKNOWN_KEY]);
    expect(candidateRegionKeys("余杭区", "区民政局")).toEqual(["浙江省/杭州市/余杭区", UNKNOWN_KEY]);
  });
});
