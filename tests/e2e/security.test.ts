// Issue 10, item 3, over HTTP against the production server (server/index.ts through npm start's
// script): another site cannot make a logged-in browser write, every response carries the security
// headers, and login only sends people on to this site's own paths.
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium, watchConsole } from "./browser";
import { startServer, type RunningServer } from "./server";
import { addUser, apiToken, sessionCookie, TEST_PASSWORD } from "./users";

const EVIL = "http://evil.example";

let server: RunningServer;
let cookie: string;
let token: string;
let commitmentId: string;

async function updatesOf(id: string): Promise<number> {
  // as the reviewer: an unchecked commitment is not published (decision 0031)
  const response = await fetch(`${server.url}/api/commitments/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { updates?: unknown[]; commitment?: { updates?: unknown[] } };
  return (body.updates ?? body.commitment?.updates ?? []).length;
}

const progress = (note: string) => new URLSearchParams({ value: "12", asOf: "2025-06-30", note });

beforeAll(async () => {
  server = await startServer();
  addUser(server, "csrf-reviewer", "reviewer");
  cookie = await sessionCookie(server, "csrf-reviewer");
  token = apiToken(server, "csrf-reviewer");
  // with the reviewer's token: signed out, only checked commitments are listed (decision 0031)
  const list = (await (await fetch(`${server.url}/api/commitments?kind=quantitative&limit=1`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { items: { id: string }[] };
  commitmentId = list.items[0]!.id;
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

describe("a cross-site write", () => {
  it("is refused with 403 on the JSON API when the Origin is another site, and nothing is written", async () => {
    const before = await updatesOf(commitmentId);
    const response = await fetch(`${server.url}/api/commitments/${commitmentId}/updates`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: EVIL },
      body: progress("来自别的网站"),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/跨站请求/);
    expect(await updatesOf(commitmentId)).toBe(before);
  });

  it("is refused on a page action and on its ?_data= form", async () => {
    for (const url of [`/commitments/${commitmentId}`, `/commitments/${commitmentId}?_data=routes%2Fcommitments.%24id`]) {
      const body = progress("跨站");
      body.set("intent", "progress");
      const response = await fetch(`${server.url}${url}`, { method: "POST", headers: { Cookie: cookie, Origin: EVIL }, body, redirect: "manual" });
      expect(response.status, url).toBe(403);
      expect(await response.text()).toMatch(/跨站请求/);
    }
  });

  it("is refused by the Referer when there is no Origin, and for Origin: null", async () => {
    const byReferer = await fetch(`${server.url}/logout`, { method: "POST", headers: { Cookie: cookie, Referer: `${EVIL}/x` }, body: new URLSearchParams(), redirect: "manual" });
    expect(byReferer.status).toBe(403);
    const byNull = await fetch(`${server.url}/logout`, { method: "POST", headers: { Cookie: cookie, Origin: "null" }, body: new URLSearchParams(), redirect: "manual" });
    expect(byNull.status).toBe(403);
  });

  it("is refused for a login form posted from another site", async () => {
    const body = new URLSearchParams({ username: "csrf-reviewer", password: TEST_PASSWORD, redirectTo: "/" });
    const response = await fetch(`${server.url}/login`, { method: "POST", headers: { Origin: EVIL }, body, redirect: "manual" });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("from this site's own pages goes through", async () => {
    const before = await updatesOf(commitmentId);
    const response = await fetch(`${server.url}/api/commitments/${commitmentId}/updates`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.url, Referer: `${server.url}/commitments/${commitmentId}` },
      body: progress("本站页面"),
    });
    expect(response.status).toBe(201);
    expect(await updatesOf(commitmentId)).toBe(before + 1);
  });

  it("with an API token and no cookie is exempt: no browser sends that header by itself", async () => {
    const response = await fetch(`${server.url}/api/commitments/${commitmentId}/updates`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, Origin: EVIL, "Content-Type": "application/json" },
      body: JSON.stringify({ value: 13, asOf: "2025-07-31", note: "脚本提交" }),
    });
    expect(response.status).toBe(201);
  });
});

describe("every response", () => {
  it("carries CSP, frame, nosniff and referrer headers — pages, the API, assets, errors", async () => {
    const home = await fetch(`${server.url}/`);
    const html = await home.text();
    const asset = html.match(/href="(\/build\/[^"]+\.css)"/)?.[1];
    expect(asset).toBeTruthy();
    for (const url of ["/", "/api/commitments?limit=1", asset!, "/favicon.svg", "/no-such-page", "/commitments?asOf=2025-02-30"]) {
      const response = await fetch(`${server.url}${url}`);
      await response.arrayBuffer();
      expect(response.headers.get("content-security-policy"), url).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get("x-frame-options"), url).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), url).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), url).toBe("strict-origin-when-cross-origin");
    }
  });

  it("has a fresh script nonce, and every inline script of the page carries it", async () => {
    const first = await fetch(`${server.url}/commitments`);
    const second = await fetch(`${server.url}/commitments`);
    const nonceOf = (r: Response) => r.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1]!;
    const nonce = nonceOf(first);
    expect(nonceOf(second)).not.toBe(nonce);
    await second.arrayBuffer();
    const scripts = [...(await first.text()).matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });
});

describe("after login", () => {
  it.each([
    ["//evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["\t//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["http://evil.example/", "/"],
    ["https:evil.example", "/"],
    ["/commitments?q=养老", "/commitments?q=%E5%85%BB%E8%80%81"],
  ])("redirectTo %j leads to %s", async (redirectTo, location) => {
    const body = new URLSearchParams({ username: "csrf-reviewer", password: TEST_PASSWORD, redirectTo });
    const response = await fetch(`${server.url}/login`, { method: "POST", body, redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(location);
  });

  it("the login page does not echo an unsafe redirectTo into its form", async () => {
    const html = await (await fetch(`${server.url}/login?redirectTo=${encodeURIComponent("/\t/evil.example")}`)).text();
    expect(html).toContain('name="redirectTo" value="/"');
  });
});

describe("in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the pages hydrate under the policy: no violation, client-side navigation works", async () => {
    const context = await browser.newContext();
    // as the reviewer: the seeds are unchecked, and signed out nothing of them is published (decision 0031)
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: server.url }]);
    const page = await context.newPage();
    const watch = watchConsole(page);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${server.url}/`);
    // Remix marks the document once the client router has taken over.
    await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter));
    // A mark on window survives only a client-side navigation, which needs the scripts to run.
    await page.evaluate(() => ((window as unknown as { csrfMark?: number }).csrfMark = 1));
    await page.getByRole("link", { name: "答复文件", exact: true }).click();
    await page.waitForURL(/\/documents$/);
    await page.getByTestId("documents-table").waitFor();
    expect(await page.evaluate(() => (window as unknown as { csrfMark?: number }).csrfMark)).toBe(1);
    await page.goto(`${server.url}/commitments/${commitmentId}`);
    await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter));
    expect(violations).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
