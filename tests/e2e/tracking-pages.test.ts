// The tracking pages (issue 3) in Chromium against the production build: log in, read a
// commitment's status and chart, report progress, confirm a link, run the annual review and its
// CSV, import a spreadsheet with a bad row, and the 401/403/404 pages. console.error fails a test.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium, watchConsole } from "./browser";
import { startServer, type RunningServer } from "./server";
import { addUser, logInAs } from "./users";

const SHOTS = "/tmp";
/** 杭州市民政局's 2026 bulletin: 每万老年人拥有持证养老护理员29.3人 at the end of 2025 (the seed pledged 28 by 2025). */
const BULLETIN = fileURLToPath(new URL("../fixtures/tracking-e2e/2026-hangzhou-yanglao-gongbao.txt", import.meta.url));

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];
let expectedConsole: RegExp[];
/** the commitment the tests report on: 到2027年培育80家养老领域领军企业 (a count target from zero) */
let leaderUrl: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  server = await startServer();
  addUser(server, "审核员小王", "reviewer");
  addUser(server, "市民", "public");
  addUser(server, "罗青青", "deputy", { person: "罗青青" });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", acceptDownloads: true });
  page = await context.newPage();
  ({ errors: consoleErrors, expected: expectedConsole } = watchConsole(page));
});

afterEach(async () => {
  await context?.close();
  expect(consoleErrors, "console errors in the page").toEqual([]);
  expect(server.exitCode(), `the server stopped:\n${server.output()}`).toBe("running");
  expect(server.errors(), "errors in the server's output").toEqual([]);
});

async function openLeaderCommitment(): Promise<void> {
  if (!leaderUrl) {
    await page.goto(`${server.url}/commitments?q=${encodeURIComponent("领军企业")}`);
    const link = page.getByTestId("all-commitments-table").locator("tbody tr a").first();
    await link.waitFor();
    leaderUrl = new URL((await link.getAttribute("href"))!, server.url).pathname;
  }
  await page.goto(`${server.url}${leaderUrl}`);
  await page.getByTestId("status-explanation").waitFor();
}

describe("the tracking pages in a browser", () => {
  it("lists commitments with their status, filtered by status, and shows who is logged in", async () => {
    await page.goto(`${server.url}/commitments`);
    await expect(page.getByTestId("site-user").textContent()).resolves.toContain("登录");
    // Signed out, the unchecked seeds are not published (issue 9): the office reads the list.
    await expect(page.getByTestId("all-commitments-table").count()).resolves.toBe(0);
    await logInAs(page, server, "审核员小王", "/commitments");
    await page.getByTestId("all-commitments-table").waitFor();
    const badges = page.getByTestId("all-commitments-table").getByTestId("status-badge");
    expect(await badges.count()).toBeGreaterThan(0);
    await page.locator('select[name="status"]').selectOption("not_due_no_data");
    await page.getByRole("button", { name: "筛选" }).click();
    await page.waitForURL(/status=not_due_no_data/);
    await page.getByTestId("all-commitments-table").waitFor();
    const statuses = await page.getByTestId("all-commitments-table").getByTestId("status-badge").evaluateAll((els) =>
      els.map((el) => el.getAttribute("data-status")),
    );
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["not_due_no_data"]));
    // "No data" is neutral, never the colour of failure.
    await expect(page.getByTestId("status-badge").first().getAttribute("class")).resolves.toContain("status--pending");
    await page.screenshot({ path: path.join(SHOTS, "tracking-list.png"), fullPage: true });
    await expect(page.getByTestId("site-user").textContent()).resolves.toContain("审核人员");
  });

  it("shows a commitment's status, quote and progress chart, and changes the sentence after a progress report", async () => {
    await logInAs(page, server, "审核员小王");
    await openLeaderCommitment();
    await expect(page.locator("h1").textContent()).resolves.toContain("领军企业");
    await expect(page.getByTestId("quote").textContent()).resolves.toContain("80");
    const before = (await page.getByTestId("status-explanation").textContent()) ?? "";
    expect(before).toContain("目标80家");
    // recharts draws in the browser only: the SVG exists once the page has hydrated.
    await page.locator('[data-testid="progress-chart"] svg.recharts-surface .recharts-line').first().waitFor();

    const form = page.getByTestId("progress-form");
    await form.locator('input[name="value"]').fill("52");
    await form.locator('textarea[name="note"]').fill("市民政局统计，含培育中企业");
    await form.locator('input[name="evidenceUrl"]').fill("https://example.org/2026/leaders.html");
    await form.getByRole("button", { name: "提交进展" }).click();
    await expect(page.getByTestId("flash").textContent()).resolves.toContain("已记录进展");
    const after = (await page.getByTestId("status-explanation").textContent()) ?? "";
    expect(after).not.toBe(before);
    expect(after).toMatch(/报告52家/);
    await expect(page.getByTestId("updates-table").textContent()).resolves.toContain("审核员小王");
    await expect(page.getByTestId("history").textContent()).resolves.toContain("报告进展");
    await page.locator('[data-testid="progress-chart"] .recharts-line-dots circle').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, "tracking-commitment.png"), fullPage: true });

    // A bad number is refused with a 400 and the message next to the field.
    expectedConsole.push(/status of 400/);
    await form.locator('input[name="value"]').fill("五十");
    await form.getByRole("button", { name: "提交进展" }).click();
    await expect(page.getByTestId("error-value").textContent()).resolves.toMatch(/数值应为数字/);
    await expect(form.locator('input[name="value"]').getAttribute("aria-invalid")).resolves.toBe("true");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('[data-testid="progress-chart"] .recharts-line').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(SHOTS, "tracking-commitment-390.png"), fullPage: true });
  });

  it("lets a reviewer upload a later bulletin and confirm the link it proposes from the queue", async () => {
    await logInAs(page, server, "审核员小王", "/upload");
    await page.locator('input[type="file"]').setInputFiles(BULLETIN);
    await page.getByRole("button", { name: "上传并提取" }).click();
    await page.getByTestId("flash").waitFor();
    await page.goto(`${server.url}/review?order=newest`);
    const items = page.getByTestId("queue-item");
    await items.first().waitFor();
    const before = await items.count();
    const first = items.filter({ hasText: "29.3人" }).first();
    const commitmentHref = await first.locator("a.pledge__title").getAttribute("href");
    await first.locator('input[name="reason"]').fill("同一指标、同一地区");
    await first.getByRole("button", { name: "确认" }).click();
    await expect(page.getByTestId("flash").textContent()).resolves.toContain("已确认关联");
    const remaining = await page.getByTestId("queue-item").count();
    expect(remaining === before - 1 || remaining === before).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, "tracking-review.png"), fullPage: false });

    await page.goto(`${server.url}${commitmentHref}`);
    const confirmed = page.locator('[data-testid="link-card"][data-state="confirmed"]');
    await confirmed.first().waitFor();
    await expect(confirmed.first().textContent()).resolves.toContain("同一指标、同一地区");
  });

  it("runs the annual review with a bar chart and a table, and downloads it as CSV with a BOM", async () => {
    // The office's review counts the unchecked seeds too (signed out it counts checked pledges only).
    await logInAs(page, server, "审核员小王", "/review/annual?year=2025");
    await page.goto(`${server.url}/review/annual?year=2025`);
    await expect(page.locator("h1").textContent()).resolves.toContain("2025年度");
    await page.getByTestId("review-table").waitFor();
    await page.locator('[data-testid="annual-chart"] .recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, "tracking-annual.png"), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-link").click()]);
    const file = await download.path();
    const bytes = fs.readFileSync(file!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8").slice(1);
    expect(csv.split("\r\n")[0]).toBe("承办单位,到期承诺,已兑现,未兑现,逾期无证据,进度落后,进度正常,暂无数据,笼统表述,已撤回,其中未核对,兑现率");
    expect(csv).toContain("合计");
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    const response = await fetch(`${server.url}/review/annual.csv?year=2025&by=person`);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect((await response.text()).split("\r\n")[0]).toMatch(/^代表 \/ 委员,/);
  });

  it("imports a spreadsheet: lists the bad row by number, then imports only the good rows on request", async () => {
    await logInAs(page, server, "审核员小王");
    await openLeaderCommitment();
    const id = leaderUrl.split("/").pop()!;
    const csv = ["commitment_id,value,as_of,note", `${id},60,2026-03-31,一季度`, `${id},abc,2026-04-30,坏数值`, `no-such-id,5,2026-04-30,`].join("\n");
    const upload = { name: "进展报告.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };

    expectedConsole.push(/status of 400/);
    await page.goto(`${server.url}/import`);
    await page.locator('input[type="file"]').setInputFiles(upload);
    await page.getByRole("button", { name: "导入", exact: true }).click();
    const errors = page.getByTestId("row-errors");
    await errors.waitFor();
    const text = (await errors.textContent()) ?? "";
    expect(text).toContain("第 3 行");
    expect(text).toContain("第 4 行");
    await expect(page.getByTestId("import-rejected").textContent()).resolves.toContain("未导入任何数据");
    await page.screenshot({ path: path.join(SHOTS, "tracking-import-errors.png"), fullPage: true });

    await page.getByTestId("import-good-rows").click();
    await expect(page.getByTestId("import-done").textContent()).resolves.toContain("已导入 1 行");

    await page.goto(`${server.url}${leaderUrl}`);
    await expect(page.getByTestId("updates-table").textContent()).resolves.toContain("一季度");
  });

  it("lets a deputy register disagreement with a reported status; a reviewer answers it from the queue", async () => {
    expectedConsole.push(/status of 400/);
    // A deputy reads checked pledges only: a reviewer checks two of 罗青青's first (issue 9).
    await logInAs(page, server, "审核员小王", `/commitments?person=${encodeURIComponent("罗青青")}`);
    await page.getByTestId("all-commitments-table").waitFor();
    const hrefs = await page.getByTestId("all-commitments-table").locator("tbody tr a[href^='/commitments/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const href of hrefs.slice(0, 2)) {
      await page.goto(`${server.url}${href}`);
      await page.getByTestId("confirm-extraction").getByRole("button").click();
      await expect(page.getByTestId("flash").textContent()).resolves.toContain("已确认");
    }
    await logInAs(page, server, "罗青青", `/deputies/${encodeURIComponent("罗青青")}`);
    await page.waitForURL(/\/deputies\//);
    const pledge = page.getByTestId("pledge").first();
    await pledge.getByText("我有不同意见").click();
    await pledge.locator('textarea[name="note"]').fill("实际只建成了两家，且尚未投入使用。");
    await pledge.getByRole("button", { name: "提交意见" }).click();
    await expect(page.getByTestId("flash").textContent()).resolves.toContain("已记录您的不同意见");
    const href = await page.getByTestId("pledge").first().locator("a.pledge__title").getAttribute("href");
    await page.screenshot({ path: path.join(SHOTS, "tracking-deputy.png"), fullPage: false });
    await expect(page.getByTestId("pledge").first().getByTestId("objections").textContent()).resolves.toContain("待审核人员答复");
    await page.goto(`${server.url}${href}`);
    await expect(page.getByTestId("history").textContent()).resolves.toContain("提出不同意见");
    await expect(page.getByTestId("disagreements").textContent()).resolves.toContain("实际只建成了两家");

    // The reviewer finds it in the queue's second tab and answers; the deputy reads the answer.
    await logInAs(page, server, "审核员小王", "/review?tab=objections");
    await page.waitForURL(/\/review\?tab=objections/);
    await expect(page.getByTestId("tab-objections").textContent()).resolves.toContain("1");
    const item = page.getByTestId("objection-item").first();
    await expect(item.textContent()).resolves.toContain("实际只建成了两家");
    await item.getByRole("button", { name: "提交答复" }).click();
    await expect(page.getByTestId("error-response-" + (await item.locator('input[name="disagreementId"]').inputValue())).textContent()).resolves.toContain("请写下");
    await page.getByTestId("objection-item").first().locator('textarea[name="response"]').fill("已请承办单位核实，2025年底前报送建成情况。");
    await page.getByTestId("objection-item").first().getByRole("button", { name: "提交答复" }).click();
    await expect(page.getByTestId("flash").textContent()).resolves.toContain("维持原状态");
    await page.getByTestId("objections-empty").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "tracking-objections.png"), fullPage: false });

    await logInAs(page, server, "罗青青", `/deputies/${encodeURIComponent("罗青青")}`);
    await page.waitForURL(/\/deputies\//);
    await expect(page.getByTestId("pledge").first().getByTestId("objections").textContent()).resolves.toContain("已请承办单位核实");
  }, 90_000);

  it("answers with a Chinese login page, a 403 page and a 404 page instead of crashing", async () => {
    expectedConsole.push(/status of (401|403|404)/);
    let response = await page.goto(`${server.url}/review`);
    expect(response?.status()).toBe(401);
    await expect(page.getByTestId("forbidden").textContent()).resolves.toContain("请先登录");

    await logInAs(page, server, "市民");
    response = await page.goto(`${server.url}/import`);
    expect(response?.status()).toBe(403);
    await expect(page.locator("h1").textContent()).resolves.toBe("没有权限");
    // A public user reads checked commitments only: the unchecked one is not found, and no forms show.
    expect(leaderUrl, "set by the earlier tests").toBeTruthy();
    response = await page.goto(`${server.url}${leaderUrl}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("progress-form").count()).resolves.toBe(0);

    response = await page.goto(`${server.url}/commitments/does-not-exist`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("未找到");
    await expect(page.locator("main").textContent()).resolves.toContain("没有找到这项承诺");
  });

  it("lets a reviewer correct what the extractor found, with a reason, recorded in the history", async () => {
    expectedConsole.push(/status of 400/);
    await logInAs(page, server, "审核员小王", `/commitments?agency=${encodeURIComponent("湖北省民政厅")}`);
    const link = page.getByTestId("all-commitments-table").locator("tbody tr a").first();
    await link.click();
    await page.getByTestId("status-explanation").waitFor();
    await page.getByText("修改提取结果").first().click();
    const form = page.getByTestId("edit-form");
    await form.locator('input[name="agency"]').fill("湖北省民政厅（养老服务处）");
    await form.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByTestId("error-edit-reason").textContent()).resolves.toContain("理由");
    await page.getByTestId("edit-form").locator('input[name="agency"]').fill("湖北省民政厅（养老服务处）");
    await page.getByTestId("edit-form").locator('textarea[name="reason"]').fill("答复末尾写明由养老服务处承办");
    await page.getByTestId("edit-form").getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByTestId("flash").textContent()).resolves.toContain("已修改：责任单位");
    await expect(page.getByTestId("extraction-origin").textContent()).resolves.toContain("已经人工修改");
    const history = await page.getByTestId("history").textContent();
    expect(history).toContain("修改提取结果");
    expect(history).toContain("养老服务处");

    const response = await page.goto(`${server.url}/review?tab=extractions`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("tab-extractions").textContent()).resolves.toContain("待核对");
  });
});
