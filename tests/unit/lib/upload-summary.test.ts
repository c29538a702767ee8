import { describe, expect, it } from "vitest";
import { uploadSummary } from "~/lib/upload-summary";

describe("an upload's result names what it found", () => {
  it("counts figures and proposed links even when no pledge was found", () => {
    const text = uploadSummary("公报.txt", { commitments: 0, observations: 2, links: 2 });
    expect(text).toContain("新增 0 项承诺");
    expect(text).toContain("2 条进展数据");
    expect(text).toContain("提出 2 条待确认的关联");
    expect(text).toContain("待审核人员核对");
  });

  it("says so when nothing at all was found", () => {
    expect(uploadSummary("a.txt", { commitments: 0, observations: 0, links: 0 })).toMatch(/未识别出承诺或进展数据/);
  });

  it("leaves out links when none were proposed", () => {
    expect(uploadSummary("a.txt", { commitments: 3, observations: 1, links: 0 })).toBe("已导入“a.txt”：新增 3 项承诺、1 条进展数据，均待审核人员核对。");
  });
});
