import { describe, expect, it } from "vitest";
import { segmentText, type MarkSpan } from "../../../app/lib/highlight";

const text = "今年,新增示范型儿童之家12家,成长驿站11家,新增托位180个以上。其他内容。";
const clause = (words: string, id: string, kind: MarkSpan["kind"] = "commitment"): MarkSpan => ({
  start: text.indexOf(words),
  end: text.indexOf("。") + 1,
  id,
  kind,
  label: id,
  state: "unchecked",
});
const marks = (spans: MarkSpan[]) => segmentText(text, spans).filter((s) => s.type === "mark").map((s) => [s.type === "mark" ? s.span.id : "", s.text]);

describe("segmentText", () => {
  it("marks each pledge of a sentence from its own clause up to the next one's, in either order", () => {
    const spans = [clause("今年", "a"), clause("成长驿站", "b"), clause("新增托位", "c")];
    const want = [["a", "今年,新增示范型儿童之家12家,"], ["b", "成长驿站11家,"], ["c", "新增托位180个以上。"]];
    expect(marks(spans)).toEqual(want);
    expect(marks([...spans].reverse())).toEqual(want);
    expect(spans[0]!.end).toBe(text.indexOf("。") + 1); // the caller's spans are not changed
  });

  it("still leaves out a span that overlaps another in any other way, and keeps all the text", () => {
    const figure: MarkSpan = { start: text.indexOf("12家"), end: text.indexOf("12家") + 3, id: "o", kind: "observation", label: "o", state: "checked" };
    const segments = segmentText(text, [clause("今年", "a"), figure]);
    expect(segments.filter((s) => s.type === "mark").map((s) => (s.type === "mark" ? s.span.id : ""))).toEqual(["a"]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });
});
