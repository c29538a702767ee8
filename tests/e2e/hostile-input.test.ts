// Issue 10, item 6: bad input gets a 4xx with a message, never a 5xx, never slower than 5 s. Over
// HTTP against the production server (npm start's script), as an anonymous visitor, a logged-in
// reviewer (session cookie, same-origin posts) and an API token: query parameters, page forms,
// uploads and the JSON API. Each case is one distinct input; the count is asserted below.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";
import { addUser, apiToken, sessionCookie } from "./users";


let server: RunningServer;
let cookie: string;
let token: string;
let commitmentId: string;

type Who = "anonymous" | "reviewer" | "token";

interface Case {
  name: string;
  method?: string;
  /** may contain :id, replaced by a real commitment's id */
  path: string;
  who?: Who;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

const BOUNDARY = "----hostileBoundary7MA4YWxkTrZu0gW";
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/** A multipart body with one file part (and optional fields), its file name written as given. */
function multipart(fileName: string | null, content: string | Uint8Array, fields: Record<string, string> = {}): Uint8Array {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (fileName !== null) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`));
    parts.push(Buffer.from(content));
    parts.push(Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** The same body cut off in the middle of its file part. */
const truncated = (fields: Record<string, string> = {}) => {
  const whole = multipart("答复.txt", "下一步，力争到2027年新建养老床位500张。".repeat(50), fields);
  return whole.slice(0, Math.floor(whole.length * 0.6));
};

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const json = (value: unknown) => JSON.stringify(value);

const BAD_DAYS = ["2025-02-30", "2025-13-01", "0000-01-01", "2023-02-29", "2025-6-3", "明天"];
const ASOF_PAGES = [
  "/commitments",
  "/commitments?status=overdue_no_evidence",
  "/commitments/:id",
  "/agencies/%E6%9D%AD%E5%B7%9E%E5%B8%82%E6%B0%91%E6%94%BF%E5%B1%80",
  "/deputies/%E5%BC%A0%E4%B8%89",
  "/review/annual",
  "/review/annual.csv",
  "/api/commitments",
  "/api/commitments/:id",
];

const cases: Case[] = [
  // --- query parameters: impossible days on every page and API that reads ?asOf= (54) ----------
  ...ASOF_PAGES.flatMap((page) =>
    BAD_DAYS.map((day): Case => ({ name: `asOf=${day} on ${page}`, path: `${page}${page.includes("?") ? "&" : "?"}asOf=${encodeURIComponent(day)}` })),
  ),
  // --- query parameters: text and numbers (22) ---------------------------------------------------
  { name: "q with NUL", path: "/commitments?q=%00" },
  { name: "q with a right-to-left override", path: "/documents?q=%E2%80%AE%E5%85%BB%E8%80%81" },
  { name: "q with a bidi isolate", path: "/api/commitments?q=%E2%81%A6x" },
  { name: "q with a bell character", path: "/commitments?q=a%07b" },
  { name: "agency with NUL", path: "/api/commitments?agency=%E6%B0%91%00" },
  { name: "a parameter name with NUL", path: "/commitments?a%00b=1" },
  { name: "a URL of 9,000 characters", path: `/commitments?q=${"养".repeat(1000)}` },
  { name: "a path segment with broken percent-encoding", path: "/documents/%E0%A4%A" },
  { name: "a path segment %ZZ", path: "/agencies/%ZZ" },
  { name: "a path segment with NUL", path: "/deputies/%00" },
  { name: "a path segment with an override", path: "/agencies/%E2%80%AE" },
  { name: "limit=0", path: "/api/commitments?limit=0" },
  { name: "limit=1e9", path: "/api/commitments?limit=1000000000" },
  { name: "limit=abc", path: "/api/commitments?limit=abc" },
  { name: "offset=-1", path: "/api/commitments?offset=-1" },
  { name: "offset=1e20", path: "/api/commitments?offset=1e20" },
  { name: "offset=1.5", path: "/api/commitments?offset=1.5" },
  { name: "dueYear=1e20", path: "/api/commitments?dueYear=1e20" },
  { name: "status=bogus", path: "/api/commitments?status=bogus" },
  { name: "kind=bogus", path: "/api/commitments?kind=bogus" },
  { name: "disagreements offset=1e20", path: "/api/disagreements?offset=1e20", who: "token" },
  { name: "disagreements state=bogus", path: "/api/disagreements?state=bogus", who: "token" },
  // --- methods (12) ------------------------------------------------------------------------------
  ...["PUT", "PATCH", "DELETE"].flatMap((method) =>
    ["/", "/login", "/commitments/:id", "/api/commitments"].map((p): Case => ({ name: `${method} ${p}`, method, path: p })),
  ),
  { name: "OPTIONS /api/documents", method: "OPTIONS", path: "/api/documents" },
  { name: "PROPFIND /", method: "PROPFIND", path: "/" },
  // --- the login form (10) -----------------------------------------------------------------------
  { name: "POST /login with no body and no type", method: "POST", path: "/login" },
  { name: "POST /login with an empty form", method: "POST", path: "/login", headers: { "Content-Type": FORM }, body: "" },
  { name: "POST /login with a user name only", method: "POST", path: "/login", headers: { "Content-Type": FORM }, body: form({ username: "x" }) },
  { name: "POST /login with a 600-character password", method: "POST", path: "/login", headers: { "Content-Type": FORM }, body: form({ username: "x", password: "p".repeat(600) }) },
  { name: "POST /login with NUL in the user name", method: "POST", path: "/login", headers: { "Content-Type": FORM }, body: form({ username: "a\u0000b", password: "x" }) },
  { name: "POST /login as JSON", method: "POST", path: "/login", headers: { "Content-Type": JSON_TYPE }, body: json({ username: "a" }) },
  { name: "POST /login as text/plain", method: "POST", path: "/login", headers: { "Content-Type": "text/plain" }, body: "username=a" },
  { name: "POST /login with a truncated multipart body", method: "POST", path: "/login", headers: { "Content-Type": MULTIPART }, body: truncated({ username: "a" }) },
  { name: "POST /login multipart without a boundary", method: "POST", path: "/login", headers: { "Content-Type": "multipart/form-data" }, body: "x" },
  { name: "POST /login with bytes that are not UTF-8", method: "POST", path: "/login", headers: { "Content-Type": FORM }, body: new Uint8Array([0x75, 0x3d, 0xff, 0xfe, 0x26]) },
  // --- uploads (12) ------------------------------------------------------------------------------
  { name: "upload with no file", method: "POST", path: "/upload", who: "reviewer", headers: { "Content-Type": MULTIPART }, body: multipart(null, "") },
  { name: "upload truncated", method: "POST", path: "/upload", who: "reviewer", headers: { "Content-Type": MULTIPART }, body: truncated() },
  { name: "upload as urlencoded", method: "POST", path: "/upload", who: "reviewer", headers: { "Content-Type": FORM }, body: form({ file: "x" }) },
  { name: "upload of an empty file", method: "POST", path: "/upload", who: "reviewer", headers: { "Content-Type": MULTIPART }, body: multipart("空.txt", "") },
  { name: "upload of binary junk", method: "POST", path: "/upload", who: "reviewer", headers: { "Content-Type": MULTIPART }, body: multipart("junk.txt", new Uint8Array(4096).map((_, i) => (i * 37) % 256)) },
  { name: "upload named with a right-to-left override", method: "POST", path: "/upload", who: "reviewer", headers: { "Content-Type": MULTIPART }, body: multipart("答复\u202Etxt.exe", "下一步，力争到2027年新建养老床位500张。") },
  { name: "upload named with a control character", method: "POST", path: "/upload", who: "reviewer", headers: { "Content-Type": MULTIPART }, body: multipart("答复\u0007.txt", "下一步，力争到2027年新建养老床位500张。") },
  { name: "API upload with no file", method: "POST", path: "/api/documents", who: "token", headers: { "Content-Type": MULTIPART }, body: multipart(null, "") },
  { name: "API upload truncated", method: "POST", path: "/api/documents", who: "token", headers: { "Content-Type": MULTIPART }, body: truncated() },
  { name: "API upload as JSON", method: "POST", path: "/api/documents", who: "token", headers: { "Content-Type": JSON_TYPE }, body: json({ file: "x" }) },
  { name: "API upload of an empty file", method: "POST", path: "/api/documents", who: "token", headers: { "Content-Type": MULTIPART }, body: multipart("空.txt", "") },
  { name: "import truncated", method: "POST", path: "/import", who: "reviewer", headers: { "Content-Type": MULTIPART }, body: truncated() },
  // --- page forms (10) ---------------------------------------------------------------------------
  ...(
    [
      ["progress on 2025-02-30", { intent: "progress", value: "12", asOf: "2025-02-30" }],
      ["progress on 0000-01-01", { intent: "progress", value: "12", asOf: "0000-01-01" }],
      ["progress of 1e20", { intent: "progress", value: "1e20", asOf: "2025-06-30" }],
      ["progress of 1e44", { intent: "progress", value: "1e44", asOf: "2025-06-30" }],
      ["progress of Infinity", { intent: "progress", value: "Infinity", asOf: "2025-06-30" }],
      ["progress of abc", { intent: "progress", value: "abc", asOf: "2025-06-30" }],
      ["progress with NUL in the note", { intent: "progress", value: "12", asOf: "2025-06-30", note: "说明\u0000" }],
      ["progress with an override in the note", { intent: "progress", value: "12", asOf: "2025-06-30", note: "说明\u202E反" }],
      ["an unknown intent", { intent: "drop-table" }],
    ] as const
  ).map(([name, fields]): Case => ({ name: `page form: ${name}`, method: "POST", path: "/commitments/:id", who: "reviewer", headers: { "Content-Type": FORM }, body: form(fields) })),
  { name: "page form: truncated multipart", method: "POST", path: "/commitments/:id", who: "reviewer", headers: { "Content-Type": MULTIPART }, body: truncated({ intent: "progress" }) },
  { name: "review form: truncated multipart", method: "POST", path: "/review", who: "reviewer", headers: { "Content-Type": MULTIPART }, body: truncated({ intent: "link" }) },
  { name: "review form: empty", method: "POST", path: "/review", who: "reviewer", headers: { "Content-Type": FORM }, body: "" },
  { name: "deputy form: empty note", method: "POST", path: "/deputies/%E5%BC%A0%E4%B8%89", who: "reviewer", headers: { "Content-Type": FORM }, body: form({ commitmentId: "x", note: "" }) },
  { name: "logout as text/plain", method: "POST", path: "/logout", who: "reviewer", headers: { "Content-Type": "text/plain" }, body: "x" },
  // --- the JSON API's writes (24) ----------------------------------------------------------------
  ...(
    [
      ["no content type", undefined, "value=1"],
      ["text/plain", "text/plain", "value=1"],
      ["application/xml", "application/xml", "<value>1</value>"],
      ["JSON cut off", JSON_TYPE, '{"value": 1'],
      ["a JSON array", JSON_TYPE, "[1, 2]"],
      ["a JSON string", JSON_TYPE, '"52"'],
      ["JSON null", JSON_TYPE, "null"],
      ["a number too large for a double", JSON_TYPE, '{"value": 1e400, "asOf": "2025-06-30"}'],
      ["value 1e20", JSON_TYPE, json({ value: 1e20, asOf: "2025-06-30" })],
      ["value \"1e44\" as text", JSON_TYPE, json({ value: "1e44", asOf: "2025-06-30" })],
      ["value NaN as text", JSON_TYPE, json({ value: "NaN", asOf: "2025-06-30" })],
      ["asOf 2025-02-30", JSON_TYPE, json({ value: 12, asOf: "2025-02-30" })],
      ["asOf 0000-01-01", JSON_TYPE, json({ value: 12, asOf: "0000-01-01" })],
      ["asOf in the future", JSON_TYPE, json({ value: 12, asOf: "2199-01-01" })],
      ["NUL in the note", JSON_TYPE, json({ value: 12, asOf: "2025-06-30", note: "a\u0000b" })],
      ["a lone surrogate in the note", JSON_TYPE, '{"value": 12, "asOf": "2025-06-30", "note": "a\\ud800b"}'],
      ["a right-to-left override in the note", JSON_TYPE, json({ value: 12, asOf: "2025-06-30", note: "a\u202Eb" })],
      ["a note of 3,000 characters", JSON_TYPE, json({ value: 12, asOf: "2025-06-30", note: "说".repeat(3000) })],
      ["a javascript: evidence link", JSON_TYPE, json({ value: 12, asOf: "2025-06-30", evidenceUrl: "javascript:alert(1)" })],
      ["a nested NUL", JSON_TYPE, '{"value": 12, "asOf": "2025-06-30", "extra": {"deep": ["\\u0000"]}}'],
      ["a form with NUL in the note", FORM, form({ value: "12", asOf: "2025-06-30", note: "a\u0000b" })],
      ["a truncated multipart body", MULTIPART, truncated({ value: "12" })],
      ["multipart without a boundary", "multipart/form-data", "x"],
    ] as const
  ).map(([name, type, body]): Case => ({
    name: `API progress: ${name}`,
    method: "POST",
    path: "/api/commitments/:id/updates",
    who: "token",
    headers: type ? { "Content-Type": type } : {},
    body,
  })),
  { name: "API link decision: a bogus action", method: "POST", path: "/api/links/nonexistent", who: "token", headers: { "Content-Type": JSON_TYPE }, body: json({ action: "drop" }) },
  { name: "API link decision: an override in the reason", method: "POST", path: "/api/links/nonexistent", who: "token", headers: { "Content-Type": JSON_TYPE }, body: json({ action: "confirm", reason: "\u202E" }) },
  { name: "API disagreement: an empty note", method: "POST", path: "/api/commitments/:id/disagreements", who: "token", headers: { "Content-Type": JSON_TYPE }, body: json({ note: "" }) },
  { name: "API resolution: a bogus resolution", method: "POST", path: "/api/disagreements/nonexistent", who: "token", headers: { "Content-Type": JSON_TYPE }, body: json({ resolution: "maybe", response: "好的" }) },
  // --- cross-site writes (3) ---------------------------------------------------------------------
  { name: "a cross-site progress form", method: "POST", path: "/commitments/:id", who: "reviewer", headers: { "Content-Type": FORM, Origin: "http://evil.example" }, body: form({ intent: "progress", value: "1", asOf: "2025-06-30" }) },
  { name: "a cross-site API write", method: "POST", path: "/api/commitments/:id/updates", who: "reviewer", headers: { "Content-Type": FORM, Origin: "http://evil.example" }, body: form({ value: "1", asOf: "2025-06-30" }) },
  { name: "a cross-site ?_data= action", method: "POST", path: "/login?_data=routes%2Flogin", headers: { "Content-Type": FORM, Origin: "null" }, body: form({ username: "a", password: "b" }) },
];

interface Outcome {
  name: string;
  status: number;
  ms: number;
  message: string;
}

async function send(c: Case): Promise<Outcome> {
  const headers: Record<string, string> = { ...(c.headers ?? {}) };
  if (c.who === "reviewer") {
    headers.Cookie = cookie;
    headers.Origin ??= server.url;
  }
  if (c.who === "token") headers.Authorization = `Bearer ${token}`;
  const started = performance.now();
  const response = await fetch(`${server.url}${c.path.replace(":id", commitmentId)}`, {
    method: c.method ?? "GET",
    headers,
    body: c.body as BodyInit | undefined,
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let message = text;
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    try {
      const parsed = JSON.parse(text) as { error?: unknown; formError?: unknown; fieldErrors?: Record<string, unknown> };
      message = String(parsed.error ?? parsed.formError ?? JSON.stringify(parsed.fieldErrors ?? parsed));
    } catch {
      // keep the text
    }
  }
  return { name: c.name, status: response.status, ms, message };
}

/** Peak resident memory (VmHWM, MB) of the server process listening on `port`, found through /proc. */
function serverPeakMemoryMb(port: string): number | null {
  if (!fs.existsSync("/proc/self/status")) return null;
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmdline.includes("server/boot.mjs")) continue;
      if (!fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`PORT=${port}`)) continue;
      const peak = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (peak) return Number(peak[1]) / 1024;
    } catch {
      // a process that ended meanwhile, or one we may not read
    }
  }
  return null;
}

beforeAll(async () => {
  server = await startServer();
  addUser(server, "hostile-reviewer", "reviewer");
  cookie = await sessionCookie(server, "hostile-reviewer");
  token = apiToken(server, "hostile-reviewer");
  // with the reviewer's token: signed out, only checked commitments are listed (decision 0031)
  const list = (await (await fetch(`${server.url}/api/commitments?kind=quantitative&limit=1`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { items: { id: string }[] };
  commitmentId = list.items[0]!.id;
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

describe("hostile input over HTTP", () => {
  it("has at least 100 distinct inputs", () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => `${c.method ?? "GET"} ${c.path} ${JSON.stringify(c.headers ?? {})} ${String(c.body ?? "")}`)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it("answers every one with a 4xx and a message in Chinese, none slower than 5 s, and the server keeps running", async () => {
    const outcomes: Outcome[] = [];
    for (const c of cases) {
      // A connection the server drops counts as a failure of that case, not of the whole run.
      outcomes.push(await send(c).catch((error: unknown) => ({ name: c.name, status: 0, ms: 0, message: String(error) })));
    }
    const wrong = outcomes.filter((o) => o.status < 400 || o.status >= 500 || !/[\u4e00-\u9fff]/.test(o.message) || o.ms > 5_000);
    expect(wrong.map((o) => `${o.status} ${Math.round(o.ms)} ms ${o.name}: ${o.message.slice(0, 120)}`)).toEqual([]);
    expect(server.exitCode()).toBe("running");
    // morgan's request log: no 5xx answered to anything, including what the cases above do not see.
    expect(server.output().split("\n").filter((line) => /^[A-Z]+ \S+ 5\d\d /.test(line))).toEqual([]);
    const statuses = new Map<number, number>();
    for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    const peak = serverPeakMemoryMb(new URL(server.url).port);
    if (peak !== null) expect(peak, "the server's peak memory (MB)").toBeLessThan(512);
    console.info(
      `hostile inputs: ${outcomes.length}; statuses ${JSON.stringify(Object.fromEntries(statuses))}; slowest ${Math.round(Math.max(...outcomes.map((o) => o.ms)))} ms; server peak memory ${peak === null ? "not measured" : `${Math.round(peak)} MB`}`,
    );
  }, 240_000);
});

describe("file names browsers really send", () => {
  it.each(["答复;第12号.txt", "答复 \"引号\" 与 '单引号'.txt", "答复（2025）第12号；附件.txt"])("an upload named %j is stored under that name", async (fileName) => {
    const body = new FormData();
    const text = `关于${fileName}的答复。\n下一步，力争到2027年新建养老床位${fileName.length}00张。\n`;
    body.append("file", new File([text], fileName, { type: "text/plain" }));
    const response = await fetch(`${server.url}/api/documents`, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body });
    const result = (await response.json()) as { documentId?: string; error?: string };
    expect(response.status, result.error).toBe(201);
    // as the reviewer: an unchecked upload is not published (decision 0031)
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const list = (await (await fetch(`${server.url}/api/commitments?limit=500`, auth)).json()) as { items: { documentId: string; documentTitle: string | null }[] };
    expect(list.items.some((item) => item.documentId === result.documentId)).toBe(true);
    const page = await (await fetch(`${server.url}/documents/${result.documentId}`, { headers: { Cookie: cookie } })).text();
    expect(page).toContain(fileName.replace(/"/g, "&quot;").replace(/'/g, "&#x27;"));
  });

  it("an upload through the page form named 答复;第12号.txt is stored", async () => {
    const body = new FormData();
    body.append("file", new File(["关于养老床位的答复。\n下一步，力争到2028年新建养老床位900张。\n"], "答复;第12号（页面）.txt", { type: "text/plain" }));
    const response = await fetch(`${server.url}/upload`, { method: "POST", headers: { Cookie: cookie, Origin: server.url }, body, redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/documents\//);
  });
});
