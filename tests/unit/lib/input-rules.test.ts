import { describe, expect, it } from "vitest";
import { asOfFromParams } from "../../../app/lib/dates";
import { dayProblem, isRealDay, normalizeNumber, numberProblem } from "../../../app/lib/input-rules";
import { InputError, readForm, readJsonObject } from "../../../app/lib/request.server";

describe("days", () => {
  it("accepts real days in 1900–2200", () => {
    for (const day of ["2025-06-30", "2024-02-29", "1900-01-01", "2200-12-31"]) expect(isRealDay(day)).toBe(true);
  });

  it.each(["2025-02-30", "2023-02-29", "2025-13-01", "2025-00-10", "2025-06-31", "0000-01-01", "1899-12-31", "2201-01-01", "2025-6-3", "2025-06-30T00:00", "明天", ""])(
    "refuses %j with a reason in Chinese",
    (day) => {
      expect(isRealDay(day)).toBe(false);
      expect(dayProblem(day)).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it("?asOf= on a page: today when absent, a 400 Response for an impossible day", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    expect(asOfFromParams(new URLSearchParams(""), now)).toBe("2026-12-02");
    expect(asOfFromParams(new URLSearchParams("asOf="), now)).toBe("2026-12-02");
    expect(asOfFromParams(new URLSearchParams("asOf=2025-06-30"), now)).toBe("2025-06-30");
    let thrown: unknown;
    try {
      asOfFromParams(new URLSearchParams("asOf=2025-02-30"), now);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
  });
});

describe("numbers", () => {
  it("accepts figures up to 10^15 and turns -0 into 0", () => {
    expect(numberProblem(85.5)).toBeNull();
    expect(numberProblem(-2.5)).toBeNull();
    expect(numberProblem(1e15)).toBeNull();
    expect(Object.is(normalizeNumber(-0), 0)).toBe(true);
  });

  it("refuses 1e20, 1e44, Infinity and NaN", () => {
    for (const n of [1e20, 1e44, -1e16, Infinity, NaN]) expect(numberProblem(n)).toMatch(/数值/);
  });
});

const multipartRequest = (body: string, boundary = "XX") =>
  new Request("http://x/upload", { method: "POST", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body });

describe("readForm", () => {
  it("reads a file named 答复;第12号.txt and one with quotes in its name", async () => {
    const body =
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="答复;第12号.txt"\r\nContent-Type: text/plain\r\n\r\n你好\r\n' +
      '--XX\r\nContent-Disposition: form-data; name="other"; filename="a\\"b\\".txt"\r\n\r\nx\r\n--XX--\r\n';
    const form = await readForm(multipartRequest(body));
    const file = form.get("file") as File;
    expect(file.name).toBe("答复;第12号.txt");
    expect(await file.text()).toBe("你好");
    expect((form.get("other") as File).name).toBe('a"b".txt');
  });

  it("refuses a truncated body, a bad file name, an unknown content type", async () => {
    await expect(readForm(multipartRequest('--XX\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhal'))).rejects.toBeInstanceOf(InputError);
    await expect(
      readForm(multipartRequest('--XX\r\nContent-Disposition: form-data; name="file"; filename="a\u202Etxt.exe"\r\n\r\nx\r\n--XX--\r\n')),
    ).rejects.toThrow(/方向/);
    await expect(readForm(new Request("http://x/", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "x" }))).rejects.toMatchObject({ status: 415 });
    await expect(
      readForm(new Request("http://x/", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "note=a%00b" })),
    ).rejects.toThrow(/空字符/);
  });
});

describe("readJsonObject", () => {
  const post = (body: string) => new Request("http://x/api", { method: "POST", headers: { "Content-Type": "application/json" }, body });

  it("reads an object and refuses everything else in Chinese", async () => {
    await expect(readJsonObject(post('{"value": 52}'))).resolves.toEqual({ value: 52 });
    for (const body of ["[1]", '"x"', "null", "{", '{"value": 1e400}', '{"note": "\\ud800"}', '{"a": {"b": ["\\u0000"]}}', '{"value": 1e20}']) {
      await expect(readJsonObject(post(body)), body).rejects.toBeInstanceOf(InputError);
    }
  });
});
