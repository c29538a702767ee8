// End to end, against the production build served by `npm start`'s own script, in Debian's
// Chromium. Any console.error in the page, uncaught page error or server crash fails the test.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium, watchConsole } from "./browser";
import { startServer, type RunningServer } from "./server";
import { addUser, logInAs, sessionCookie } from "./users";

const fixture = fileURLToPath(new URL("../fixtures/seeds/upload-reply.txt", import.meta.url));
const seedDir = fileURLToPath(new URL("../../seeds/replies/", import.meta.url));

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];
/** console messages a test expects, e.g. the browser's note about a deliberate 400 */
let expectedConsole: RegExp[];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (.ci/run does)`);
  }
  server = await startServer();
  // Uploading replies is for the office's reviewers.
  addUser(server, "uploader", "reviewer");
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  page = await context.newPage();
  ({ errors: consoleErrors, expected: expectedConsole } = watchConsole(page));
});

afterEach(async () => {
  await context?.close();
  expect(consoleErrors, "console errors in the page").toEqual([]);
  expect(server.exitCode(), `the server stopped:\n${server.output()}`).toBe("running");
  expect(server.errors(), "errors in the server's output").toEqual([]);
});

/** The overview's document count as the office sees it (signed out, only checked replies are listed: decision 0031). */
async function documentCount(): Promise<number> {
  await logInAs(page, server, "uploader");
  await page.goto(`${server.url}/`);
  return Number(await page.getByTestId("stat-documents").locator(".stat__value").textContent());
}

describe("the app in a browser", () => {
  it("shows the five seeded replies on the overview and in the document list", async () => {
    // Signed out, nothing is published until a reviewer has checked it (issue 9).
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId("stat-documents").locator(".stat__value").textContent()).resolves.toBe("0");
    await expect(page.getByTestId("nothing-published").textContent()).resolves.toContain("尚无已核对的内容");
    expect(await documentCount(), server.output()).toBe(5);
    await expect(page.title()).resolves.toContain("承诺跟踪");
    await page.getByTestId("stat-documents").click();
    await page.waitForURL(/\/documents$/);
    // A client-side navigation changes the URL before React has rendered the new page.
    await page.getByTestId("documents-table").waitFor();
    await expect(page.getByTestId("documents-table").locator("tbody tr").count()).resolves.toBe(5);
  });

  it("shows a document's metadata, tables and full text, and links each commitment to its quote", async () => {
    await logInAs(page, server, "uploader");
    await page.goto(`${server.url}/documents?q=${encodeURIComponent("杭5号")}`);
    let link = page.getByTestId("documents-table").locator("tbody a").first();
    if ((await link.count()) === 0) {
      // Until the engine fills in document fields, find the reply by its file name.
      await page.goto(`${server.url}/documents?q=zhejiang`);
      link = page.getByTestId("documents-table").locator("tbody a").first();
    }
    await link.click();
    await page.waitForURL(/\/documents\/[0-9a-z]+$/);

    const text = page.getByTestId("document-text");
    await expect(text.textContent()).resolves.toContain("康养联合体");
    const seedText = fs.readFileSync(path.join(seedDir, "2025-06-30-zhejiang-minzheng-hang5.txt"), "utf8");
    const shown = (await text.textContent()) ?? "";
    // The highlights split the text into spans but must not lose or duplicate a character.
    expect(shown.replace(/\s/g, "")).toBe(seedText.replace(/\s/g, ""));

    const quoteLinks = page.locator("a.quote-link");
    const n = await quoteLinks.count();
    if (n > 0) {
      const target = (await quoteLinks.first().getAttribute("href"))!;
      await quoteLinks.first().click();
      await expect(page.evaluate(() => location.hash)).resolves.toBe(target);
      const mark = page.locator(target);
      await expect(mark.isVisible()).resolves.toBe(true);
      const box = await mark.boundingBox();
      expect(box && box.y >= 0 && box.y < 900).toBe(true);
    }
    await page.screenshot({ path: path.join("/tmp", "tracker-document.png"), fullPage: true });
  });

  it("uploads a .txt reply, shows it with a flash, and treats a second upload as a duplicate", async () => {
    const before = await documentCount();
    await logInAs(page, server, "uploader");
    await page.goto(`${server.url}/upload`);
    await page.locator('input[type="file"]').setInputFiles(fixture);
    await page.getByRole("button", { name: "上传并提取" }).click();
    await page.waitForURL(/\/documents\/[0-9a-z]+$/);
    const flash = await page.getByTestId("flash").textContent();
    expect(flash).toMatch(/upload-reply\.txt/);
    expect(flash).toMatch(/新增 \d+ 项承诺/);
    await expect(page.getByTestId("document-text").textContent()).resolves.toContain("社区嵌入式养老服务中心");
    const documentUrl = page.url();

    // The flash is shown once.
    await page.reload();
    await expect(page.getByTestId("flash").count()).resolves.toBe(0);

    await page.goto(`${server.url}/upload`);
    await page.locator('input[type="file"]').setInputFiles(fixture);
    await page.getByRole("button", { name: "上传并提取" }).click();
    const duplicate = page.getByTestId("upload-duplicate");
    await duplicate.waitFor();
    await duplicate.getByRole("link").click();
    await page.waitForURL(documentUrl);
    expect(await documentCount()).toBe(before + 1);
  });

  for (const [label, name, bytes] of [
    ["an empty file", "空白答复.txt", Buffer.alloc(0)],
    ["a binary file", "扫描件.txt", Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256))],
  ] as const) {
    it(`refuses ${label} with a reason, stores nothing, and keeps serving`, async () => {
      const before = await documentCount();
      // The browser logs the deliberate 400 as a failed resource load.
      expectedConsole.push(/Failed to load resource: the server responded with a status of 400/);
      await logInAs(page, server, "uploader");
      await page.goto(`${server.url}/upload`);
      await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/plain", buffer: bytes });
      await page.getByRole("button", { name: "上传并提取" }).click();
      const error = page.getByTestId("upload-error");
      await error.waitFor();
      const message = (await error.textContent()) ?? "";
      expect(message).toContain(name);
      expect(message).toMatch(/上传失败/);
      expect(message).toMatch(/[\u4e00-\u9fff]{4,}/);
      expect(await documentCount()).toBe(before);
    });
  }

  it("answers a POST without JavaScript with a 400 and the reason", async () => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(0)], { type: "text/plain" }), "empty.txt");
    const response = await fetch(`${server.url}/upload`, {
      method: "POST",
      body: form,
      headers: { Cookie: await sessionCookie(server, "uploader") },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("empty.txt");
  });

  it("refuses an upload from someone who is not logged in, with a Chinese page", async () => {
    const form = new FormData();
    form.set("file", new Blob(["下一步，力争建成10个。"], { type: "text/plain" }), "anon.txt");
    const response = await fetch(`${server.url}/upload`, { method: "POST", body: form });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("请先登录");
  });

  it("lists and filters commitments, and shows a 404 page for an unknown document", async () => {
    await page.goto(`${server.url}/commitments?kind=quantitative&dueYear=2027`);
    await expect(page.locator("h1").textContent()).resolves.toBe("全部承诺");
    await expect(page.locator('select[name="kind"]').inputValue()).resolves.toBe("quantitative");
    expectedConsole.push(/Failed to load resource: the server responded with a status of 404/);
    const response = await page.goto(`${server.url}/documents/does-not-exist`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("未找到");
  });
});
