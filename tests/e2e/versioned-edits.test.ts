// Issue 10 item 4 over HTTP: every edit carries the version it was made from; a stale one is refused
// with "已被他人修改" and the current values (409 on the API and on the page), and an edit changes only
// the fields it sends (docs/decisions/0027).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";
import { addUser, apiToken, sessionCookie } from "./users";

let server: RunningServer;
let token: string;
let cookie: string;

interface Detail {
  id: string;
  version: number;
  indicator: string;
  agency: string | null;
  target: { value: number; unit: string | null } | null;
  due: { date: string } | null;
}

const auth = () => ({ Authorization: `Bearer ${token}`, Connection: "close" });

async function detail(id: string): Promise<Detail> {
  return (await (await fetch(`${server.url}/api/commitments/${id}`, { headers: auth() })).json()) as Detail;
}

async function apiEdit(id: string, body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/commitments/${id}`, {
    method: "POST",
    headers: { ...auth(), "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The page's edit form, posted as a browser without JavaScript would. */
async function pageEdit(id: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/commitments/${id}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Connection: "close" },
    body: new URLSearchParams({ intent: "edit", ...fields }),
    redirect: "manual",
  });
}

async function quantitative(n: number): Promise<Detail[]> {
  const list = (await (await fetch(`${server.url}/api/commitments?kind=quantitative&limit=${n}`, { headers: auth() })).json()) as { items: { id: string }[] };
  return Promise.all(list.items.map((c) => detail(c.id)));
}

beforeAll(async () => {
  server = await startServer();
  addUser(server, "审核甲", "reviewer");
  addUser(server, "审核乙", "reviewer");
  token = apiToken(server, "审核甲");
  cookie = await sessionCookie(server, "审核乙");
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

describe("edits carry their version", () => {
  it("the API refuses a stale edit with 409, 已被他人修改 and the current values; the first edit stands", async () => {
    const [c] = await quantitative(1);
    const from = c!.version;
    const first = await apiEdit(c!.id, { version: from, reason: "附件写明", targetValue: 123 });
    expect(first).toEqual({ status: 200, body: { changed: ["targetValue"], version: from + 1 } });

    const stale = await apiEdit(c!.id, { version: from, reason: "旧页面", targetValue: 456, agency: "别的单位" });
    expect(stale.status).toBe(409);
    expect(String(stale.body.error)).toMatch(/^已被他人修改：审核甲于/);
    expect(stale.body.current).toMatchObject({ version: from + 1, targetValue: 123, agency: c!.agency, indicator: c!.indicator });

    const now = await detail(c!.id);
    expect(now.version).toBe(from + 1);
    expect(now.target?.value).toBe(123);
    expect(now.agency).toBe(c!.agency);
  });

  it("an edit without a version is refused (400)", async () => {
    const [c] = await quantitative(1);
    const missing = await apiEdit(c!.id, { reason: "没有版本", targetValue: 1 });
    expect(missing.status).toBe(400);
    expect(String(missing.body.error)).toMatch(/缺少版本号/);
  });

  it("an edit changes only the fields it sends, on the API and from a page form", async () => {
    const [, c] = await quantitative(2);
    const api = await apiEdit(c!.id, { version: c!.version, reason: "落款", agency: "核对后的单位" });
    expect(api.status).toBe(200);
    let now = await detail(c!.id);
    expect(now).toMatchObject({ agency: "核对后的单位", indicator: c!.indicator, target: c!.target, due: c!.due });

    const page = await pageEdit(c!.id, { version: String(now.version), reason: "只改指标", indicator: `${c!.indicator}（核）` });
    expect(page.status).toBe(302);
    now = await detail(c!.id);
    expect(now).toMatchObject({ indicator: `${c!.indicator}（核）`, agency: "核对后的单位", target: c!.target, due: c!.due });
  });

  it("the page refuses a stale form with 409 and shows 已被他人修改 with the current values", async () => {
    const [, , c] = await quantitative(3);
    const from = c!.version;
    expect((await apiEdit(c!.id, { version: from, reason: "先改", targetValue: 777 })).status).toBe(200);
    const stale = await pageEdit(c!.id, { version: String(from), reason: "后改", targetValue: "888" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("已被他人修改");
    expect(html).toContain("777");
    expect((await detail(c!.id)).target?.value).toBe(777);
  });
});
