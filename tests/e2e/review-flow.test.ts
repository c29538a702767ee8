// Issue 9 in Chromium against the production build: a reviewer uploads a reply, adds a pledge the
// extractor missed from a selection in the full text, then reviews the reply from the keyboard —
// rejecting a false pledge, confirming the rest — in fewer than 25 key presses; a public visitor
// then sees only the checked items on lists, pages, the annual review and the API.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium, watchConsole } from "./browser";
import { startServer, type RunningServer } from "./server";
import Database from "better-sqlite3";
import { addUser, logInAs, TEST_PASSWORD } from "./users";
import { commitmentReadingKey } from "../../app/services/reading-keys";

const SHOTS = "/tmp";
/** A made-up reply of 青山区民政局 (20 readings): one false pledge (the province's target), one missed pledge. */
const REPLY = fileURLToPath(new URL("../fixtures/review-e2e/2026-qingshan-yanglao-reply.txt", import.meta.url));
const MISSED = "各街道年内都要配齐一名专职养老服务专干。";
const FALSE_PLEDGE = "省里提出";

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];
/** the uploaded reply's page */
let documentPath = "";

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  server = await startServer();
  addUser(server, "审核员老周", "reviewer");
  addUser(server, "公众甲", "public");
  addUser(server, "青山填报员", "agency", { agency: "青山区民政局" });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  page = await context.newPage();
  ({ errors: consoleErrors } = watchConsole(page));
});

afterEach(async () => {
  await context?.close();
  expect(consoleErrors, "console errors in the page").toEqual([]);
  expect(server.exitCode(), `the server stopped:\n${server.output()}`).toBe("running");
  expect(server.errors(), "errors in the server's output").toEqual([]);
});

/** Selects `words` in the document's full text, as a reviewer's mouse would. */
async function select(words: string): Promise<void> {
  await page.evaluate((target) => {
    const container = document.querySelector('[data-testid="document-text"]')!;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(target);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`not found in the text: ${target}`);
  }, words);
}

/** Each highlight of the full text: its review state, words, title and the badge drawn after it. */
async function highlights(): Promise<{ state: string | null; text: string; title: string; badge: string }[]> {
  return page
    .getByTestId("document-text")
    .locator("mark")
    .evaluateAll((els) =>
      els.map((el) => ({
        state: el.getAttribute("data-review-state"),
        text: el.textContent ?? "",
        title: el.getAttribute("title") ?? "",
        badge: getComputedStyle(el, "::after").content,
      })),
    );
}

describe("checking what the machine read", () => {
  it("a fresh install tells a signed-out visitor why nothing is shown yet, and a reviewer what waits to be checked", async () => {
    // npm start on a new database: the five sample replies are in, none checked, so none published
    await page.goto(`${server.url}/`);
    const notice = page.getByTestId("nothing-published");
    await expect(notice.textContent()).resolves.toContain("尚无已核对的内容");
    await expect(notice.textContent()).resolves.toContain("这并不表示没有承诺");
    await expect(page.getByTestId("stat-commitments").locator(".stat__value").textContent()).resolves.toBe("0");
    // the hint meant for an empty database (上传答复文件后…) is not shown to a visitor here
    await expect(page.locator("main").textContent()).resolves.not.toContain("尚未识别出承诺");
    const api = (await (await fetch(`${server.url}/api/commitments`)).json()) as { total: number };
    expect(api.total).toBe(0);
    await page.goto(`${server.url}/review/annual?year=2025`);
    await expect(page.locator("main").textContent()).resolves.toContain("没有经核对公开的到期承诺");

    // the notice's link signs a reviewer in straight to the queue, where the seeds wait unchecked
    await page.goto(`${server.url}/`);
    await page.getByTestId("reviewer-login").click();
    await page.waitForURL(/\/login/);
    await page.locator('input[name="username"]').fill("审核员老周");
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/review\?tab=extractions/);
    await page.getByTestId("extraction-item").first().waitFor();
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId("nothing-published").count()).resolves.toBe(0);
    const banner = page.getByTestId("unchecked-banner");
    await expect(banner.textContent()).resolves.toMatch(/还有 \d+ 项提取结果.*核对前不对外公开/);
    await expect(page.getByTestId("review-unchecked").getAttribute("href")).resolves.toBe("/review?tab=extractions");
    expect(Number(await page.getByTestId("stat-commitments").locator(".stat__value").textContent())).toBeGreaterThan(0);
  });

  it("a reviewer uploads a reply and is told what it found, with a link to review it", async () => {
    await logInAs(page, server, "审核员老周", "/upload");
    await page.locator('input[type="file"]').setInputFiles(REPLY);
    await page.getByRole("button", { name: "上传并提取" }).click();
    await page.waitForURL(/\/documents\/[0-9a-z]+/);
    documentPath = new URL(page.url()).pathname;
    const flash = (await page.getByTestId("flash").textContent()) ?? "";
    expect(flash).toMatch(/新增 \d+ 项承诺、\d+ 条进展数据/);
    expect(flash).toContain("待审核人员核对");
    await expect(page.getByTestId("review-banner").textContent()).resolves.toMatch(/\d+ 项提取结果/);
    await expect(page.getByTestId("review-this-document").getAttribute("href")).resolves.toContain("tab=extractions");
    // every highlight in the full text says it is unchecked: dashed, badged 未核对, and in its title
    const marks = await highlights();
    // (a figure inside a pledge's sentence gives way to the pledge: fewer highlights than readings)
    expect(marks.length).toBeGreaterThanOrEqual(15);
    for (const mark of marks) expect(mark).toMatchObject({ state: "unchecked", title: expect.stringContaining("未核对"), badge: '"未核对"' });
  });

  it("adds a missed pledge from a selection in the full text, pre-filled by the engine", async () => {
    await logInAs(page, server, "审核员老周", documentPath);
    await page.getByTestId("document-text").waitFor();
    await select(MISSED);
    await expect(page.getByTestId("add-pledge-span").textContent()).resolves.toContain(MISSED);
    await page.getByTestId("add-pledge").click();
    const form = page.getByTestId("add-pledge-form");
    await form.waitFor();
    await expect(form.locator("blockquote").textContent()).resolves.toBe(MISSED);
    await expect(form.locator('input[name="agency"]').inputValue()).resolves.toBe("青山区民政局");
    await form.locator('select[name="kind"]').selectOption("quantitative");
    await form.locator('input[name="indicator"]').fill("配齐专职养老服务专干的街道比例");
    await form.locator('select[name="targetComparator"]').selectOption(">=");
    await form.locator('input[name="targetValue"]').fill("100");
    await form.locator('input[name="targetUnit"]').fill("%");
    await form.locator('input[name="dueDate"]').fill("2026-12-31");
    await form.locator('select[name="duePrecision"]').selectOption("year");
    await page.screenshot({ path: path.join(SHOTS, "review-add-pledge.png"), fullPage: false });
    await form.getByRole("button", { name: "保存这项承诺" }).click();
    await expect(page.getByTestId("flash").textContent()).resolves.toContain("已补充一项承诺");
    const row = page.getByTestId("commitments-table").locator("tbody tr").filter({ hasText: "配齐专职养老服务专干的街道比例" });
    await expect(row.getByTestId("review-mark").getAttribute("data-state")).resolves.toBe("checked");
    await row.locator("a", { hasText: "配齐专职养老服务专干的街道比例" }).click();
    await page.getByTestId("history").waitFor();
    await expect(page.getByTestId("history").textContent()).resolves.toContain("审核人员补充承诺");
    await expect(page.getByTestId("extraction-origin").textContent()).resolves.toContain("审核员老周");
  });

  it("rejects the false pledge and confirms the rest from the keyboard, in fewer than 25 key presses", async () => {
    await logInAs(page, server, "审核员老周", documentPath);
    await page.getByTestId("review-this-document").click();
    await page.waitForURL(/tab=extractions/);
    const items = page.getByTestId("extraction-item");
    await items.first().waitFor();
    const quotes = await items.evaluateAll((els) => els.map((el) => el.textContent ?? ""));
    // the reply's 20 readings (13 pledges, 7 figures); the pledge added above is checked already
    expect(quotes).toHaveLength(20);
    expect(quotes.filter((q) => q.includes(FALSE_PLEDGE))).toHaveLength(1);
    let presses = 0;
    for (const quote of quotes) {
      await page.keyboard.press(quote.includes(FALSE_PLEDGE) ? "n" : "Enter");
      presses++;
    }
    // every verdict stored (the list is not reloaded under the reviewer)
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="extraction-item"]')].every((el) => ["checked", "excluded"].includes(el.getAttribute("data-state") ?? "")),
      undefined,
      { timeout: 20_000 },
    );
    expect(presses).toBeLessThan(25);
    expect(presses).toBe(quotes.length);
    const states = await items.evaluateAll((els) => els.map((el) => [el.textContent?.includes("省里提出") ?? false, el.getAttribute("data-state")]));
    for (const [isFalse, state] of states) expect(state).toBe(isFalse ? "excluded" : "checked");
    await page.getByTestId("queue-batch-done").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "review-keyboard-queue.png"), fullPage: false });

    // the reply's page: nothing unchecked left; the excluded pledge is kept, restorable
    await page.goto(`${server.url}${documentPath}`);
    await expect(page.getByTestId("review-banner").count()).resolves.toBe(0);
    await page.getByTestId("excluded-readings").locator("summary").click();
    await expect(page.getByTestId("excluded-reading").textContent()).resolves.toContain("不是承诺");
    // the full text shows each reading's verdict: ✓ 已核对, and the false pledge greyed 已排除
    const marks = await highlights();
    expect(marks.length).toBeGreaterThanOrEqual(15);
    for (const mark of marks) {
      expect(mark).toMatchObject(
        mark.text.includes(FALSE_PLEDGE)
          ? { state: "excluded", title: expect.stringContaining("已排除"), badge: '"已排除"' }
          : { state: "checked", title: expect.stringContaining("已核对"), badge: '"✓"' },
      );
    }
    expect(marks.filter((m) => m.state === "excluded")).toHaveLength(1);
    await page.getByTestId("document-text").screenshot({ path: path.join(SHOTS, "review-text-marks.png") });
  });

  it("a public visitor then sees only the checked items: lists, pages, the annual review and the API", async () => {
    // signed out
    await page.goto(`${server.url}/commitments`);
    const table = page.getByTestId("all-commitments-table");
    await table.waitFor();
    const marks = await table.getByTestId("review-mark").evaluateAll((els) => els.map((el) => el.getAttribute("data-state")));
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(["checked"]));
    const text = (await table.textContent()) ?? "";
    expect(text).toContain("配齐专职养老服务专干的街道比例");
    expect(text).not.toContain("每千名老年人拥有养老床位");
    // the seeds were never checked: none of them is listed, nor counted
    await page.goto(`${server.url}/documents`);
    await expect(page.getByTestId("documents-table").locator("tbody tr").count()).resolves.toBe(1);
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId("stat-documents").locator(".stat__value").textContent()).resolves.toBe("1");
    await page.goto(`${server.url}${documentPath}`);
    await expect(page.getByTestId("document-text").textContent()).resolves.toContain("青山区民政局");
    await expect(page.getByTestId("commitments-table").textContent()).resolves.not.toContain("每千名老年人拥有养老床位");
    await expect(page.getByTestId("excluded-readings").count()).resolves.toBe(0);
    // the visitor's highlights are the checked readings, each marked so; the excluded one is not highlighted
    const highlighted = await highlights();
    expect(highlighted.length).toBeGreaterThanOrEqual(15);
    expect(new Set(highlighted.map((m) => m.state))).toEqual(new Set(["checked"]));
    expect(highlighted.some((m) => m.text.includes(FALSE_PLEDGE))).toBe(false);

    // the agency's and the deputy's pages: the checked pledges only, without the excluded one
    for (const p of [`/agencies/${encodeURIComponent("青山区民政局")}`, `/deputies/${encodeURIComponent("陈海燕")}`]) {
      await page.goto(`${server.url}${p}`);
      const states = await page.locator("main").getByTestId("review-mark").evaluateAll((els) => els.map((el) => el.getAttribute("data-state")));
      expect(states.length, p).toBeGreaterThan(0);
      expect(new Set(states), p).toEqual(new Set(["checked"]));
      await expect(page.locator("main").textContent()).resolves.not.toContain("每千名老年人拥有养老床位");
    }
    // a seed's pledge nobody checked: its page, its API entry and its agency's page are not found
    const sqlite = new Database(path.join(server.dir, "tracker.sqlite"), { readonly: true });
    const seed = sqlite
      .prepare("select c.id, c.agency from commitments c join documents d on d.id = c.document_id where d.source = 'seed' and c.agency is not null limit 1")
      .get() as { id: string; agency: string };
    sqlite.close();
    for (const p of [`/commitments/${seed.id}`, `/api/commitments/${seed.id}`, `/agencies/${encodeURIComponent(seed.agency)}`]) {
      expect((await fetch(`${server.url}${p}`)).status, p).toBe(404);
    }

    const api = (await (await fetch(`${server.url}/api/commitments?limit=500`)).json()) as { total: number; items: { reviewState: string; indicator: string }[] };
    expect(api.total).toBe(marks.length);
    expect(new Set(api.items.map((i) => i.reviewState))).toEqual(new Set(["checked"]));

    await page.goto(`${server.url}/review/annual?year=2026`);
    await page.getByTestId("review-table").waitFor();
    const total = Number(await page.getByTestId("review-totals").locator(".stat__value").first().textContent());
    const due2026 = (await (await fetch(`${server.url}/api/commitments?dueYear=2026&limit=500`)).json()) as { total: number };
    expect(total).toBeGreaterThanOrEqual(due2026.total);
    expect(total).toBeLessThanOrEqual(api.total);
    await page.locator('[data-testid="annual-chart"] .recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, "review-public-annual.png"), fullPage: true });
    // 2025: the seeds' pledges, never checked, and the false pledge (到2025年底), excluded — none counts for a visitor
    await page.goto(`${server.url}/review/annual?year=2025`);
    await expect(page.getByTestId("review-totals").locator(".stat__value").first().textContent()).resolves.toBe("0");
    await expect(page.locator("main").textContent()).resolves.toContain("没有经核对公开的到期承诺");

    // the public role sees the same
    await logInAs(page, server, "公众甲", "/commitments");
    await table.waitFor();
    await expect(table.getByTestId("review-mark").count()).resolves.toBe(marks.length);

    // staff count 2025's unchecked seeds, marked in their own column, and still not the excluded pledge
    await logInAs(page, server, "审核员老周", "/review/annual?year=2025");
    await page.getByTestId("review-table").waitFor();
    const headers = await page.getByTestId("review-table").locator("thead th").allTextContents();
    const totals = await page.getByTestId("review-table").locator("tr.total-row td").allTextContents();
    const staffTotal = Number(totals[headers.indexOf("到期承诺")]);
    expect(staffTotal).toBeGreaterThan(0);
    expect(Number(totals[headers.indexOf("其中未核对")])).toBe(staffTotal);
  });

  it("re-extracting a document after a rule change adds the new reading and leaves the corrected one alone", async () => {
    // A seed reply as an older engine left it: one reading read differently (a nonsense indicator,
    // which today's rules no longer produce), and no engine version recorded.
    const file = path.join(server.dir, "tracker.sqlite");
    const sqlite = new Database(file);
    const doc = sqlite
      .prepare("select d.id from documents d join commitments c on c.document_id = d.id where d.source = 'seed' group by d.id order by count(*) desc limit 1")
      .get() as { id: string };
    const [toCorrect, misread] = sqlite
      .prepare("select * from commitments where document_id = ? and origin = 'extracted' order by ordinal limit 2")
      .all(doc.id) as { id: string; kind: string; start_offset: number; end_offset: number; indicator: string; target_value: number | null; target_unit: string | null; due_date: string | null }[];
    const oldKey = commitmentReadingKey({ kind: misread!.kind, start: misread!.start_offset, end: misread!.end_offset, indicator: "与", targetValue: misread!.target_value, targetUnit: misread!.target_unit, dueDate: misread!.due_date });
    sqlite.prepare("update commitments set indicator = '与', reading_key = ? where id = ?").run(oldKey, misread!.id);
    sqlite.prepare("update documents set engine_version = 'engine-old' where id = ?").run(doc.id);
    sqlite.close();

    // a reviewer corrects one reading first
    await logInAs(page, server, "审核员老周", `/commitments/${toCorrect!.id}`);
    await page.getByTestId("status-explanation").waitFor();
    await page.getByText("修改提取结果").first().click();
    const form = page.getByTestId("edit-form");
    await form.locator('input[name="agency"]').fill("改正后的承办单位");
    await form.locator('textarea[name="reason"]').fill("核对原文落款");
    await form.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByTestId("flash").textContent()).resolves.toContain("已修改");

    await page.goto(`${server.url}/documents/${doc.id}`);
    await expect(page.getByTestId("engine-version").textContent()).resolves.toContain("engine-old");
    const before = await page.getByTestId("commitments-table").locator("tbody tr").count();
    await page.getByTestId("reextract-form").getByRole("button").click();
    const flash = (await page.getByTestId("flash").textContent()) ?? "";
    expect(flash).toContain("新增 1 项承诺");
    expect(flash).toContain("1 条不再识别出的结果提议排除");
    await expect(page.getByTestId("engine-version").textContent()).resolves.toMatch(/engine-[0-9a-f]{12}/);
    const rows = page.getByTestId("commitments-table").locator("tbody tr");
    await expect(rows.count()).resolves.toBe(before + 1);
    // the misread one is still there, unchecked, proposed for exclusion; the engine's new reading beside it
    await expect(rows.filter({ hasText: misread!.indicator }).count()).resolves.toBeGreaterThanOrEqual(1);
    await page.goto(`${server.url}/commitments/${misread!.id}`);
    await expect(page.getByTestId("exclusion-proposed").textContent()).resolves.toContain("不再识别");
    // the corrected one is untouched
    await page.goto(`${server.url}/commitments/${toCorrect!.id}`);
    await expect(page.getByTestId("extraction-origin").textContent()).resolves.toContain("已经人工修改");
    await expect(page.locator("main").textContent()).resolves.toContain("改正后的承办单位");
    // again: nothing changes
    await page.goto(`${server.url}/documents/${doc.id}`);
    await page.getByTestId("reextract-form").getByRole("button").click();
    await expect(page.getByTestId("flash").textContent()).resolves.toContain("没有改动");
    await expect(page.getByTestId("commitments-table").locator("tbody tr").count()).resolves.toBe(before + 1);
  });

  it("an agency's report is pending until a reviewer confirms it", async () => {
    // a checked pledge of the reply reviewed above: 2026年新建家庭养老床位500张
    await page.goto(`${server.url}/commitments?q=${encodeURIComponent("家庭养老床位")}&agency=${encodeURIComponent("青山区民政局")}`);
    const link = page.getByTestId("all-commitments-table").locator("tbody tr a").first();
    await link.waitFor();
    const commitmentPath = new URL((await link.getAttribute("href"))!, server.url).pathname;
    await page.goto(`${server.url}${commitmentPath}`);
    const publicBefore = (await page.getByTestId("status-explanation").textContent()) ?? "";

    await logInAs(page, server, "青山填报员", commitmentPath);
    const form = page.getByTestId("progress-form");
    await form.locator('input[name="value"]').fill("320");
    await form.locator('textarea[name="note"]').fill("上半年新建");
    await form.getByRole("button", { name: "提交进展" }).click();
    await expect(page.getByTestId("flash").textContent()).resolves.toContain("待审核人员核实");
    await expect(page.getByTestId("report-state").first().textContent()).resolves.toContain("单位自报（待核实）");
    await expect(page.getByTestId("status-explanation").textContent()).resolves.toContain("另有1条单位自报待核实，未计入");

    // signed out: the report shows as waiting, the status is as before
    const visitor = await browser.newContext({ locale: "zh-CN" });
    const other = await visitor.newPage();
    await other.goto(`${server.url}${commitmentPath}`);
    await expect(other.getByTestId("report-state").first().getAttribute("data-state")).resolves.toBe("pending");
    const publicPending = (await other.getByTestId("status-explanation").textContent()) ?? "";
    expect(publicPending.startsWith(publicBefore)).toBe(true);
    expect(publicPending).toContain("另有1条单位自报待核实，未计入");
    expect(publicPending).not.toContain("报告320");

    // the reviewer finds it in the queue and confirms it there
    await logInAs(page, server, "审核员老周", "/review?tab=reports");
    await page.waitForURL(/tab=reports/);
    const item = page.getByTestId("report-item").filter({ hasText: "家庭养老床位" }).first();
    await expect(item.textContent()).resolves.toContain("320");
    await item.getByRole("button", { name: "核实" }).click();
    await expect(page.getByTestId("flash").textContent()).resolves.toContain("已核实");

    await other.goto(`${server.url}${commitmentPath}`);
    await expect(other.getByTestId("report-state").first().getAttribute("data-state")).resolves.toBe("verified");
    const publicAfter = (await other.getByTestId("status-explanation").textContent()) ?? "";
    expect(publicAfter).toContain("报告已新增320张");
    expect(publicAfter).toContain("所用数据：单位报告（已核实）");
    await other.screenshot({ path: path.join(SHOTS, "review-agency-report.png"), fullPage: true });
    await visitor.close();
  });
});
