import { describe, expect, it } from "vitest";
import { newId } from "../../../app/lib/id";

describe("newId", () => {
  it("makes 26-character lower-case ids that increase in the order they are made, within one millisecond too", () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{26}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("starts from the given time's prefix when time moves on", () => {
    const a = newId(Date.now() + 10_000);
    const b = newId(Date.now() + 20_000);
    expect(b.slice(0, 10) > a.slice(0, 10)).toBe(true);
  });
});
