import { describe, expect, it } from "vitest";
import { candidateRegionKeys, NATIONAL_KEY, regionKey, UNKNOWN_KEY } from "~/domain/region-keys";

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
