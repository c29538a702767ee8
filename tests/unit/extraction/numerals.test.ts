import { describe, expect, it } from "vitest";
import { parseChineseNumeral } from "~/extraction/numerals/chinese";

describe("Chinese numerals", () => {
  it.each([
    ["一", 1], ["十", 10], ["十五", 15], ["二十", 20], ["二十三", 23], ["一百", 100], ["一百零八", 108],
    ["两百", 200], ["两千", 2000], ["两千零五", 2005], ["两千五", 2500], ["一千二百三十五", 1235],
    ["三万五千", 35000], ["一万五", 15000], ["十二万", 120000], ["一亿二千万", 120000000], ["二〇二五", 2025],
    ["一九九八", 1998], ["壹仟贰佰", 1200], ["八十", 80], ["九十九", 99],
  ])("%s is %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(["十四五", "十百千", "三四", "", "万", "百千", "abc"])("%s is not one number", (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});
