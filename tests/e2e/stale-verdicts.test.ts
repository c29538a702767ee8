// Issue 10 item 4 over HTTP and in Chromium against the production server: the review queue's and
// the pages' verdicts carry the version of the reading they were made from (docs/decisions/0038). A
// confirmation from a queue someone else's change has overtaken is refused with 409, 已被他人修改 and
// the reading as it is now — which the queue item then shows — and a confirmation made from that is
// stored. A verdict without a version is refused; links and reports decided meanwhile are refused too.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium, watchConsole } from "./browser";
import { startServer, type RunningServer } from "./server";
import { addUser, apiToken, logInAs, sessionCookie } from "./users";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const BULLETIN = path.join(root, "tests/fixtures/tracking-e2e/2026-hangzhou-yanglao-gongbao.txt");

let server: RunningServer;
let token: string;
/** the other reviewer's session, whose changes overtake the queue */
let other: string;
/** the queue's reviewer, for the form posts made without a browser */
let mine: string;

beforeAll(async () => {
  server = await startServer();
  addUser(server, "审核甲", "reviewer");
  addUser(server, "审核乙", "reviewer");
  token = apiToken(server, "审核甲");
  other = await sessionCookie(server, "审核甲");
  mine = await sessionCookie(server, "审核乙");
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  body: { formError?: string; error?: string; state?: string; version?: number; current?: Record<string, unknown>; reviewState?: string };
}

/** Posts a form to a route as Remix's fetchers and forms do (`?_data=`), with a session cookie. */
async function post(pathname: string, routeId: string, cookie: string, fields: Record<string, string>): Promise<Answer> {
  const url = new URL(pathname, server.url);
  if (routeId.endsWith("_index")) url.searchParams.set("index", "");
  url.searchParams.set("_data", routeId);
  const response = await fetch(url, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Connection: "close" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  // a stored verdict on a page answers with a redirect (Remix: 204 + X-Remix-Redirect for _data)
  const text = await response.text();
  return { status: response.status, body: text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : {} };
}

const queue = (cookie: string, fields: Record<string, string>) => post("/review", "routes/review._index", cookie, fields);
const commitmentPage = (id: string, cookie: string, fields: Record<string, string>) => post(`/commitments/${id}`, "routes/commitments.$id", cookie, fields);
const documentPage = (id: string, cookie: string, fields: Record<string, string>) => post(`/documents/${id}`, "routes/documents.$id", cookie, fields);

async function api<T>(pathname: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${pathname}`, { ...init, headers: { Authorization: `Bearer ${token}`, Connection: "close", ...(init.headers ?? {}) } });
  return { status: response.status, body: (await response.json()) as T };
}

interface Detail {
  id: string;
  version: number;
  indicator: string;
  reviewState: string;
  document: { id: string };
  target: { value: number } | null;
  links: { id: string; state: string }[];
}
const detail = async (id: string) => (await api<Detail>(`/api/commitments/${id}`)).body;

/** Unchecked commitments, from the API as a reviewer sees them. */
async function unchecked(n: number): Promise<Detail[]> {
  const list = (await api<{ items: { id: string }[] }>(`/api/commitments?reviewState=unchecked&kind=quantitative&limit=${n}`)).body;
  return Promise.all(list.items.map((c) => detail(c.id)));
}

/** Another reviewer excludes the commitment and restores it: unchanged and unchecked, two versions on. */
async function excludeAndRestore(id: string, version: number): Promise<void> {
  expect((await commitmentPage(id, other, { intent: "exclude", version: String(version) })).status).toBe(204);
  expect((await commitmentPage(id, other, { intent: "restore", version: String(version + 1) })).status).toBe(204);
}

describe("verdicts over HTTP carry their version", () => {
  it("a confirmation from the queue without a version is refused, from a stale one is refused with the current values, from the current one is stored", async () => {
    const [c] = await unchecked(1);
    const missing = await queue(mine, { intent: "queue-confirm", kind: "commitment", id: c!.id });
    expect(missing.status).toBe(400);
    expect(missing.body.formError).toMatch(/^缺少版本号/);

    await excludeAndRestore(c!.id, c!.version);
    const stale = await queue(mine, { intent: "queue-confirm", kind: "commitment", id: c!.id, version: String(c!.version) });
    expect(stale.status).toBe(409);
    expect(stale.body.formError).toMatch(/^已被他人修改：审核甲于.+修改过这项承诺/);
    expect(stale.body.current).toMatchObject({ version: c!.version + 2, indicator: c!.indicator });
    expect(stale.body.reviewState).toBe("unchecked");
    expect((await detail(c!.id)).reviewState).toBe("unchecked");

    const fresh = await queue(mine, { intent: "queue-confirm", kind: "commitment", id: c!.id, version: String(c!.version + 2) });
    expect(fresh).toEqual({ status: 200, body: { intent: "queue-confirm", id: c!.id, state: "checked", version: c!.version + 3 } });
    expect((await detail(c!.id)).reviewState).toBe("checked");
  });

  it("a queue confirmation after another reviewer's correction is refused with the corrected value; the figure's verdicts too", async () => {
    const [, c] = await unchecked(2);
    const edited = await api<{ version: number }>(`/api/commitments/${c!.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ version: c!.version, reason: "附件写明", targetValue: 4321 }),
    });
    expect(edited.status).toBe(200);
    const stale = await queue(mine, { intent: "queue-confirm", kind: "commitment", id: c!.id, version: String(c!.version) });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ targetValue: 4321, version: c!.version + 1 });
    expect(stale.body.reviewState).toBe("checked");

    // a figure of the same reply: excluded and restored from the reply's page, then judged from the stale queue
    const sqlite = (await import("better-sqlite3")).default;
    const db = new sqlite(path.join(server.dir, "tracker.sqlite"), { readonly: true });
    const o = db.prepare("select id, version from observations where document_id = ? and checked_at is null and excluded_at is null limit 1").get(c!.document.id) as
      | { id: string; version: number }
      | undefined;
    db.close();
    if (!o) throw new Error("the reply has no unchecked figure");
    expect((await documentPage(c!.document.id, other, { intent: "exclude", kind: "observation", id: o.id, version: String(o.version) })).status).toBe(204);
    expect((await documentPage(c!.document.id, other, { intent: "restore", kind: "observation", id: o.id, version: String(o.version + 1) })).status).toBe(204);
    const figure = await queue(mine, { intent: "queue-exclude", kind: "observation", id: o.id, version: String(o.version) });
    expect(figure.status).toBe(409);
    expect(figure.body.formError).toMatch(/^已被他人修改：审核甲于.+处理过这条进展数据（现为未核对）/);
    expect(figure.body.current).toMatchObject({ version: o.version + 2, reviewState: "unchecked" });
    expect((await queue(mine, { intent: "queue-confirm", kind: "observation", id: o.id, version: String(o.version + 2) })).status).toBe(200);
  });

  it("the pages' verdicts — confirm, exclude, override, withdraw — are refused without a version and from a stale one", async () => {
    const [, , c] = await unchecked(3);
    // a status the override form offers for this pledge today
    const pageHtml = await (await fetch(`${server.url}/commitments/${c!.id}`, { headers: { Cookie: mine } })).text();
    const overrideForm = /data-testid="override-form"[\s\S]*?<\/form>/.exec(pageHtml)?.[0] ?? "";
    const status = /<option value="([a-z_]+)"/.exec(overrideForm)?.[1];
    expect(status).toBeTruthy();
    const fields = (intent: string) => ({ intent, reason: "核对", ...(intent === "override" ? { status: status! } : {}) });
    for (const intent of ["confirm-extraction", "exclude", "override", "withdraw"]) {
      const answer = await commitmentPage(c!.id, mine, fields(intent));
      expect(answer.status, intent).toBe(400);
      expect(answer.body.formError, intent).toMatch(/^缺少版本号/);
    }
    const unversioned = await documentPage(c!.document.id, mine, { intent: "confirm", kind: "commitment", id: c!.id });
    expect(unversioned.status).toBe(400);

    await excludeAndRestore(c!.id, c!.version);
    for (const intent of ["confirm-extraction", "exclude", "override", "withdraw"]) {
      const answer = await commitmentPage(c!.id, mine, { ...fields(intent), version: String(c!.version) });
      expect(answer.status, intent).toBe(409);
      expect(answer.body.formError, intent).toMatch(/^已被他人修改/);
      expect(answer.body.current, intent).toMatchObject({ version: c!.version + 2 });
    }
    const page = await documentPage(c!.document.id, mine, { intent: "confirm", kind: "commitment", id: c!.id, version: String(c!.version) });
    expect(page.status).toBe(409);
    // the page itself, without JavaScript: 409 and the message on it
    const html = await fetch(`${server.url}/commitments/${c!.id}`, {
      method: "POST",
      headers: { Cookie: mine, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "withdraw", reason: "重复", version: String(c!.version) }),
    });
    expect(html.status).toBe(409);
    expect(await html.text()).toContain("已被他人修改，操作未执行。");
    expect((await detail(c!.id)).reviewState).toBe("unchecked");
  });

  it("a link decided meanwhile, or next to a commitment corrected meanwhile, is refused with 409", async () => {
    const form = new FormData();
    form.append("file", new Blob([fs.readFileSync(BULLETIN)]), "gongbao.txt");
    expect((await api(`/api/documents`, { method: "POST", body: form })).status).toBe(201);
    // the proposed link, read from the queue as its reviewer sees it: the link, the commitment beside
    // it and the version the decision form carries
    const queueHtml = await (await fetch(`${server.url}/review`, { headers: { Cookie: mine } })).text();
    const item = /data-testid="queue-item"[\s\S]*?<\/section>/.exec(queueHtml)?.[0] ?? "";
    const linkId = /name="linkId" value="([0-9A-Za-z]+)"/.exec(item)?.[1];
    const shownVersion = Number(/name="version" value="(\d+)"/.exec(item)?.[1]);
    const commitmentId = /href="\/commitments\/([0-9A-Za-z]+)"/.exec(item)?.[1];
    expect(linkId).toBeTruthy();
    const c = await detail(commitmentId!);
    expect(c.version).toBe(shownVersion);

    await excludeAndRestore(c.id, c.version);
    const stale = await queue(mine, { intent: "link", linkId: linkId!, decision: "confirm", version: String(shownVersion) });
    expect(stale.status).toBe(409);
    expect(stale.body.formError).toMatch(/^已被他人修改/);

    const confirmed = await api<{ state: string }>(`/api/links/${linkId}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "confirm", reason: "同一指标", version: c.version + 2 }),
    });
    expect(confirmed).toMatchObject({ status: 200, body: { state: "confirmed" } });
    const again = await queue(mine, { intent: "link", linkId: linkId!, decision: "reject", version: String(c.version + 2) });
    expect(again.status).toBe(409);
    expect(again.body.formError).toMatch(/^已被他人修改：审核甲于.+已确认这条关联/);
    expect(again.body.current).toMatchObject({ state: "confirmed", decidedBy: "审核甲" });
  });
});

describe("the keyboard queue in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    page = await context.newPage();
    const watch = watchConsole(page);
    // the refused verdicts are answered with 409, which the browser logs as a failed request
    watch.expected.push(/status of 409/);
    consoleErrors = watch.errors;
  });
  afterEach(async () => {
    await context?.close();
    expect(consoleErrors, "console errors in the page").toEqual([]);
    expect(server.errors(), "errors in the server's output").toEqual([]);
  });

  it("a confirmation overtaken by another reviewer's change shows 已被他人修改 and the current values; confirming again is stored", async () => {
    await logInAs(page, server, "审核乙", "/review?tab=extractions");
    const items = page.locator('[data-testid="extraction-item"][data-kind="commitment"]');
    await items.first().waitFor();
    const ids = await items.evaluateAll((els) => els.slice(0, 2).map((el) => el.getAttribute("data-id")!));
    const [overtaken, corrected] = await Promise.all(ids.map((id) => detail(id)));

    // while the queue is open: one reading excluded and restored by 审核甲, the other corrected by them
    await excludeAndRestore(overtaken!.id, overtaken!.version);
    const edit = await api(`/api/commitments/${corrected!.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ version: corrected!.version, reason: "附件写明", agency: "核对后的单位" }),
    });
    expect(edit.status).toBe(200);

    const first = page.locator(`[data-testid="extraction-item"][data-id="${overtaken!.id}"]`);
    await first.getByRole("button", { name: /无误/ }).click();
    await expect(first.getByTestId("extraction-refusal").textContent()).resolves.toMatch(/^已被他人修改：审核甲于/);
    // refused, still to be decided: the reading's mark says 未核对 and its buttons are there again
    await expect(first.getAttribute("data-state")).resolves.toBe("error");
    await expect(first.getByTestId("review-mark").getAttribute("data-state")).resolves.toBe("unchecked");
    await expect(first.textContent()).resolves.toContain("以上为当前内容");
    await page.screenshot({ path: "/tmp/stale-queue-refused.png" });
    // the reviewer looks again and confirms what is there now
    await first.getByRole("button", { name: /无误/ }).click();
    await page.waitForFunction((id) => document.querySelector(`[data-testid="extraction-item"][data-id="${id}"]`)?.getAttribute("data-state") === "checked", overtaken!.id);
    expect((await detail(overtaken!.id)).reviewState).toBe("checked");

    const second = page.locator(`[data-testid="extraction-item"][data-id="${corrected!.id}"]`);
    await second.getByRole("button", { name: /无误/ }).click();
    await expect(second.getByTestId("extraction-refusal").textContent()).resolves.toMatch(/^已被他人修改/);
    // corrected by the other reviewer, so already checked: shown with its current agency, nothing left to decide
    await expect(second.getAttribute("data-state")).resolves.toBe("checked");
    await expect(second.getByTestId("extraction-fields").textContent()).resolves.toContain("核对后的单位");
    await expect(second.getByRole("button", { name: /无误/ }).count()).resolves.toBe(0);
    const after = await detail(corrected!.id);
    expect(after.version).toBe(corrected!.version + 1); // the stale confirmation wrote nothing
  });
});
