import { describe, expect, it } from "vitest";
import { isNational, normalizeRegion, provinceOf, regionPath, relateRegions } from "~/domain/regions";
import type { RegionRelation } from "~/domain/regions";

describe("regionPath", () => {
  it.each([
    // a county-level city alone, with its prefecture, with province and prefecture
    ["慈溪市", ["浙江省", "宁波市", "慈溪市"]],
    ["宁波市慈溪市", ["浙江省", "宁波市", "慈溪市"]],
    ["浙江省宁波市慈溪市", ["浙江省", "宁波市", "慈溪市"]],
    ["浙江省慈溪市", ["浙江省", "宁波市", "慈溪市"]],
    ["浙江宁波慈溪", ["浙江省", "宁波市", "慈溪市"]],
    [" 浙江省 宁波市 ", ["浙江省", "宁波市"]],
    ["杭州市", ["浙江省", "杭州市"]],
    ["杭州", ["浙江省", "杭州市"]],
    ["浙江省", ["浙江省"]],
    ["浙江", ["浙江省"]],
    ["武汉市", ["湖北省", "武汉市"]],
    // a written parent settles a name that is ambiguous alone
    ["南京市鼓楼区", ["江苏省", "南京市", "鼓楼区"]],
    ["福州市鼓楼区", ["福建省", "福州市", "鼓楼区"]],
    // 吉林 is a province and a city of it: the suffix says which; bare, the province
    ["吉林省", ["吉林省"]],
    ["吉林市", ["吉林省", "吉林市"]],
    ["吉林", ["吉林省"]],
    ["吉林省吉林市", ["吉林省", "吉林市"]],
    ["吉林省长春市朝阳区", ["吉林省", "长春市", "朝阳区"]],
    // 海南 is the province, not 海南藏族自治州 in 青海 (海南州)
    ["海南", ["海南省"]],
    ["海南州", ["青海省", "海南藏族自治州"]],
    // 直辖市: districts directly under the province-level city
    ["北京市朝阳区", ["北京市", "朝阳区"]],
    ["北京市", ["北京市"]],
    ["上海市浦东新区", ["上海市", "浦东新区"]],
    ["重庆市石柱土家族自治县", ["重庆市", "石柱土家族自治县"]],
    ["石柱县", ["重庆市", "石柱土家族自治县"]],
    // 省直辖县级行政区划 are skipped
    ["仙桃市", ["湖北省", "仙桃市"]],
    ["湖北省仙桃市", ["湖北省", "仙桃市"]],
    ["神农架林区", ["湖北省", "神农架林区"]],
    ["济源市", ["河南省", "济源市"]],
    ["石河子市", ["新疆维吾尔自治区", "石河子市"]],
    // prefectures without counties and autonomous areas
    ["东莞市", ["广东省", "东莞市"]],
    ["恩施州", ["湖北省", "恩施土家族苗族自治州"]],
    ["恩施土家族苗族自治州", ["湖北省", "恩施土家族苗族自治州"]],
    ["广西", ["广西壮族自治区"]],
    ["内蒙古自治区", ["内蒙古自治区"]],
    ["苏州工业园区", ["江苏省", "苏州市", "苏州工业园区"]],
  ] as const)("%s → %j", (name, path) => {
    expect(regionPath(name)).toEqual(path);
  });

  it.each(["全国", "国务院", "中国", "中华人民共和国", "国家卫生健康委"])("全国性名称 %s → 空路径（全国为根）", (name) => {
    expect(regionPath(name)).toEqual([]);
  });

  it.each([
    ["鼓楼区", "南京、徐州、福州、开封都有"],
    ["朝阳区", "北京市和长春市都有"],
    ["东区", "香港和攀枝花都有"],
    ["某某市", "虚构地名"],
    ["宁波市高新区", "后半部分不在区划中"],
    ["城区", "单字简称不收"],
    ["", "空"],
    ["   ", "空白"],
  ])("%s → null（%s）", (name) => {
    expect(regionPath(name)).toBeNull();
  });

  it("null/undefined → null", () => {
    expect(regionPath(null)).toBeNull();
    expect(regionPath(undefined)).toBeNull();
  });

  it("返回的是副本，修改不影响下一次结果", () => {
    const p = regionPath("慈溪市");
    p?.push("篡改");
    expect(regionPath("慈溪市")).toEqual(["浙江省", "宁波市", "慈溪市"]);
  });
});

describe("relateRegions", () => {
  it.each([
    // the gazetteer
    ["浙江省", "杭州市", "contains"],
    ["杭州市", "浙江省", "within"],
    ["宁波市", "慈溪市", "contains"],
    ["慈溪市", "宁波市", "within"],
    ["浙江省", "慈溪市", "contains"],
    ["杭州市", "慈溪市", "different"],
    ["杭州市", "宁波市", "different"],
    ["杭州市", "武汉市", "different_province"],
    ["慈溪市", "武汉市", "different_province"],
    ["浙江省宁波市慈溪市", "慈溪市", "same"],
    ["宁波市慈溪市", "浙江省慈溪市", "same"],
    ["浙江省", "浙江", "same"],
    ["浙江省杭州市", "浙江省", "within"],
    ["浙江省", "湖北省", "different_province"],
    ["重庆市", "浙江省", "different_province"],
    ["湖北省", "仙桃市", "contains"],
    ["仙桃市", "武汉市", "different"],
    // 吉林省 and 吉林市 both strip to 吉林 but are not the same place
    ["吉林省", "吉林市", "contains"],
    ["吉林市", "吉林省", "within"],
    ["吉林", "吉林市", "contains"],
    ["吉林市", "长春市", "different"],
    ["海南省", "海南州", "different_province"],
    // 直辖市
    ["北京市", "北京市朝阳区", "contains"],
    ["北京市朝阳区", "北京市海淀区", "different"],
    ["北京市朝阳区", "吉林省长春市朝阳区", "different_province"],
    ["上海市", "浦东新区", "contains"],
    // national names contain everything
    ["全国", "慈溪市", "contains"],
    ["慈溪市", "国务院", "within"],
    ["全国", "浙江省", "contains"],
    ["全国", "国务院", "same"],
    ["全国", "某某市", "contains"],
    // an ambiguous name: the relation all readings agree on, else unknown
    ["北京市朝阳区", "朝阳区", "unknown"],
    ["朝阳区", "北京市朝阳区", "unknown"],
    ["北京市", "朝阳区", "unknown"],
    ["浙江省", "鼓楼区", "different_province"],
    ["江苏省", "鼓楼区", "unknown"],
    ["南京市鼓楼区", "鼓楼区", "unknown"],
    ["鼓楼区", "鼓楼区", "same"],
    ["南京市", "南京市鼓楼区", "contains"],
    ["南京市鼓楼区", "徐州市鼓楼区", "different"],
    // a known place followed by something the gazetteer does not know
    ["浙江省", "宁波市高新区", "contains"],
    ["宁波市", "宁波市高新区", "contains"],
    ["宁波市高新区", "宁波市", "within"],
    ["宁波市高新区", "武汉市", "different_province"],
    ["宁波市慈溪市", "宁波市高新区", "different"],
    // made-up names: the written-name rules as before
    ["某某市", "某某市某某区", "contains"],
    ["某某市某某区", "某某市", "within"],
    ["某某市", "某某", "same"],
    ["某某市", "另一市", "different"],
    ["浙江某某县", "湖北某某县", "different_province"],
    ["浙江省", "浙江某某县", "contains"],
    ["某某市", "杭州市", "different"],
    // nothing to compare
    ["杭州市", null, "unknown"],
    [null, "杭州市", "unknown"],
    ["", "杭州市", "unknown"],
    [undefined, undefined, "unknown"],
    ["  ", "  ", "unknown"],
  ] as const)("%s 与 %s：%s", (a, b, rel) => {
    expect(relateRegions(a, b)).toBe(rel satisfies RegionRelation);
  });

  it("同一对地名反复比较结果不变（缓存）", () => {
    for (let i = 0; i < 3; i++) expect(relateRegions("宁波市", "慈溪市")).toBe("contains");
  });

  it("1e5 次比较远小于1秒", () => {
    const names = ["慈溪市", "浙江省宁波市慈溪市", "杭州市", "浙江省", "全国", "鼓楼区", "南京市鼓楼区", "北京市朝阳区", "某某市", "武汉市"];
    const t = performance.now();
    for (let i = 0; i < 1e5; i++) relateRegions(names[i % names.length], names[(i * 7 + 3) % names.length]);
    // generous for a loaded CI machine; measured ≈0.1 s
    expect(performance.now() - t).toBeLessThan(1500);
  });
});

describe("provinceOf", () => {
  it.each([
    ["浙江省杭州市", "浙江"],
    ["杭州市", "浙江"],
    ["慈溪市", "浙江"],
    ["吉林市", "吉林"],
    ["海南州", "青海"],
    ["内蒙古自治区", "内蒙古"],
    ["广西壮族自治区南宁市", "广西"],
    ["北京市朝阳区", "北京"],
    ["香港", "香港"],
    ["宁波市高新区", "浙江"],
    ["江苏某某开发区", "江苏"],
    ["鼓楼区", null],
    ["某某市", null],
    ["全国", null],
  ] as const)("%s → %s", (name, province) => {
    expect(provinceOf(name)).toBe(province);
  });
});

describe("normalizeRegion / isNational", () => {
  it("全角与空白", () => {
    expect(normalizeRegion(" 浙江省　杭州市 ")).toBe("浙江省杭州市");
    expect(normalizeRegion("   ")).toBeNull();
  });

  it("全国性名称", () => {
    expect(isNational("国务院办公厅")).toBe(true);
    expect(isNational("浙江省")).toBe(false);
  });
});
