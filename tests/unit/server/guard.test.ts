import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../../app/lib/forms";
import { textProblem } from "../../../app/lib/text-rules";
import { checkRequest, contentSecurityPolicy, crossSiteRefusal, isSameOrigin, securityHeaders } from "../../../server/guard";

const host = "127.0.0.1:3000";
const form = { "content-type": "application/x-www-form-urlencoded" };
const post = (url: string, headers: Record<string, string>) => ({ method: "POST", url, headers: { host, ...headers } });

describe("the cross-site check", () => {
  it("refuses a write whose Origin is another site, and lets this site's own through", () => {
    expect(crossSiteRefusal(post("/login", { ...form, origin: "http://evil.example" }))?.status).toBe(403);
    expect(crossSiteRefusal(post("/login", { ...form, origin: "http://127.0.0.1:3000" }))).toBeNull();
  });

  it("treats another port, another scheme's default port, and Origin: null as other sites", () => {
    expect(crossSiteRefusal(post("/login", { origin: "http://127.0.0.1:3001" }))?.status).toBe(403);
    expect(crossSiteRefusal(post("/login", { origin: "null" }))?.status).toBe(403);
    expect(crossSiteRefusal(post("/login", { origin: "file://" }))?.status).toBe(403);
    expect(crossSiteRefusal(post("/login", { origin: "not a url" }))?.status).toBe(403);
  });

  it("falls back to the Referer when there is no Origin, then to Sec-Fetch-Site", () => {
    expect(crossSiteRefusal(post("/logout", { referer: "http://evil.example/page" }))?.status).toBe(403);
    expect(crossSiteRefusal(post("/logout", { referer: "http://127.0.0.1:3000/commitments?x=1" }))).toBeNull();
    expect(crossSiteRefusal(post("/logout", { "sec-fetch-site": "cross-site" }))?.status).toBe(403);
    expect(crossSiteRefusal(post("/logout", { "sec-fetch-site": "same-site" }))?.status).toBe(403);
    expect(crossSiteRefusal(post("/logout", { "sec-fetch-site": "same-origin" }))).toBeNull();
  });

  it("lets a request without any origin header through (a script, not a browser's form)", () => {
    expect(crossSiteRefusal(post("/api/links/1", { cookie: "__session=x" }))).toBeNull();
  });

  it("exempts an API token without a cookie, but not a token sent along with the cookie", () => {
    expect(crossSiteRefusal(post("/api/links/1", { authorization: "Bearer abc", origin: "http://evil.example" }))).toBeNull();
    expect(
      crossSiteRefusal(post("/api/links/1", { authorization: "Bearer abc", cookie: "__session=x", origin: "http://evil.example" }))?.status,
    ).toBe(403);
  });

  it("never refuses GET or HEAD", () => {
    expect(crossSiteRefusal({ method: "GET", url: "/", headers: { host, origin: "http://evil.example" } })).toBeNull();
    expect(crossSiteRefusal({ method: "HEAD", url: "/", headers: { host, origin: "http://evil.example" } })).toBeNull();
  });

  it("accepts the origins named as trusted (a proxy that rewrites Host)", () => {
    expect(isSameOrigin("https://tracker.example.gov.cn", "127.0.0.1:3000", { trustedOrigins: ["https://tracker.example.gov.cn"] })).toBe(true);
    expect(isSameOrigin("https://tracker.example.gov.cn", "127.0.0.1:3000")).toBe(false);
  });
});

describe("the request guard", () => {
  it("answers PUT, PATCH, DELETE and OPTIONS with 405 and the methods that exist", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]) {
      const refusal = checkRequest({ method, url: "/commitments", headers: { host } });
      expect(refusal?.status).toBe(405);
      expect(refusal?.headers?.Allow).toBe("GET, HEAD, POST");
      expect(refusal?.message).toMatch(/不支持/);
    }
  });

  it("wants a form on pages and a form or JSON on the API, with a boundary for multipart", () => {
    expect(checkRequest(post("/login", {}))?.status).toBe(415);
    expect(checkRequest(post("/login", { "content-type": "text/plain" }))?.status).toBe(415);
    expect(checkRequest(post("/login", { "content-type": "application/json" }))?.status).toBe(415);
    expect(checkRequest(post("/login", form))).toBeNull();
    expect(checkRequest(post("/api/links/1", { "content-type": "application/json; charset=utf-8" }))).toBeNull();
    expect(checkRequest(post("/api/links/1", { "content-type": "application/xml" }))?.status).toBe(415);
    expect(checkRequest(post("/upload", { "content-type": "multipart/form-data" }))?.status).toBe(400);
    expect(checkRequest(post("/upload", { "content-type": "multipart/form-data; boundary=----x" }))).toBeNull();
  });

  it("refuses URLs with control characters, bidi overrides or broken percent-encoding", () => {
    expect(checkRequest({ method: "GET", url: "/commitments?q=%00", headers: { host } })?.status).toBe(400);
    expect(checkRequest({ method: "GET", url: "/commitments?q=%E2%80%AE", headers: { host } })?.status).toBe(400);
    expect(checkRequest({ method: "GET", url: "/agencies/%E0%A4%A", headers: { host } })?.status).toBe(400);
    expect(checkRequest({ method: "GET", url: "/agencies/a%00b", headers: { host } })?.status).toBe(400);
    expect(checkRequest({ method: "GET", url: `/commitments?q=${"a".repeat(9000)}`, headers: { host } })?.status).toBe(400);
    expect(checkRequest({ method: "GET", url: `/commitments?q=${encodeURIComponent("养老 护理员")}`, headers: { host } })).toBeNull();
  });
});

describe("the security headers", () => {
  it("allow scripts only from the site or with the response's nonce, and no framing", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    const headers = securityHeaders("abc123");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });
});

describe("safeRedirect", () => {
  it("keeps same-site paths, percent-encoded", () => {
    expect(safeRedirect("/commitments?page=2")).toBe("/commitments?page=2");
    expect(safeRedirect("/agencies/民政局")).toBe("/agencies/%E6%B0%91%E6%94%BF%E5%B1%80");
  });

  it.each([
    "//evil.example",
    "/\t/evil.example",
    "\t//evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "http://evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/\u0000x",
    "/a\u202Eb",
    "/\uD800",
    "",
  ])("sends %j to the fallback", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it("refuses non-strings", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/x")).toBe("/x");
  });
});

describe("textProblem", () => {
  it("accepts Chinese, tabs and newlines, emoji", () => {
    expect(textProblem("到2027年，培育80家\t养老领域\n领军企业 👍")).toBeNull();
  });

  it("names NUL, controls, bidi overrides and lone surrogates in Chinese", () => {
    expect(textProblem("a\u0000b")).toMatch(/空字符/);
    expect(textProblem("a\u0007b")).toMatch(/控制字符/);
    expect(textProblem("a\u202Eb")).toMatch(/方向/);
    expect(textProblem("a\u2066b")).toMatch(/方向/);
    expect(textProblem("a\uD800b")).toMatch(/代理/);
    expect(textProblem("a\uDC00")).toMatch(/代理/);
  });
});
