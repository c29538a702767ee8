// The checks every request passes before Remix sees it, and the headers every response carries
// (docs/decisions/0021-own-server.md, 0022-csrf-and-security-headers.md). Pure functions of the
// request's method, URL and headers, so they are tested without a server.
import { textProblem } from "../app/lib/text-rules";

export type HeaderBag = Record<string, string | string[] | undefined>;

export interface GuardRequest {
  method: string;
  /** the path and query as sent, e.g. `/commitments?asOf=2025-06-30` */
  url: string;
  /** lower-case names, as Node gives them */
  headers: HeaderBag;
}

export interface Refusal {
  status: 400 | 403 | 405 | 415;
  message: string;
  headers?: Record<string, string>;
}

export interface GuardOptions {
  /** origins that may post besides the one in the Host header, e.g. `https://tracker.example.gov.cn` */
  trustedOrigins?: readonly string[];
}

/** No page or API route writes with PUT, PATCH or DELETE; GET, HEAD and POST are all there is. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
const API_TYPES = [...FORM_TYPES, "application/json"];

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** JSON API and Remix data requests (`?_data=`) get JSON refusals; pages get text. */
export function wantsJson(url: string): boolean {
  const parsed = new URL(url, "http://localhost");
  return isApiPath(parsed.pathname) || parsed.searchParams.has("_data");
}

/**
 * True when `value` (an Origin, or a Referer URL) names this site: the host and port of the Host
 * header, or one of the trusted origins. `null` (a sandboxed frame, a redirect across sites) and
 * anything unparsable is not.
 */
export function isSameOrigin(value: string, host: string | undefined, options: GuardOptions = {}): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (options.trustedOrigins?.includes(url.origin)) return true;
  if (!host) return false;
  let own: URL;
  try {
    own = new URL(`${url.protocol}//${host}`);
  } catch {
    return false;
  }
  return own.host === url.host;
}

const CROSS_SITE = "已拒绝跨站请求：此操作只能从本站的页面提交。如果您正是在本站页面上操作，请刷新页面后重试。";

/**
 * CSRF: a browser's write must come from this site's own pages. The Origin header decides when it
 * is there, else the Referer, else the Fetch Metadata header; a request with none of them is not a
 * browser's cross-site form (browsers send Origin on every cross-origin POST) and passes. A request
 * authenticated by an API token alone (Authorization: Bearer and no Cookie) cannot be forged by
 * another site — a browser never adds that header by itself — and is exempt.
 */
export function crossSiteRefusal(request: GuardRequest, options: GuardOptions = {}): Refusal | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  const { headers } = request;
  const bearer = /^bearer\s+\S/i.test(header(headers, "authorization") ?? "");
  if (bearer && !header(headers, "cookie")) return null;
  const host = header(headers, "host");
  const origin = header(headers, "origin");
  if (origin !== undefined) return isSameOrigin(origin, host, options) ? null : { status: 403, message: CROSS_SITE };
  const referer = header(headers, "referer");
  if (referer !== undefined && referer !== "") {
    return isSameOrigin(referer, host, options) ? null : { status: 403, message: CROSS_SITE };
  }
  const site = header(headers, "sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return { status: 403, message: CROSS_SITE };
  return null;
}

function methodRefusal(request: GuardRequest): Refusal | null {
  if ((ALLOWED_METHODS as readonly string[]).includes(request.method)) return null;
  return {
    status: 405,
    message: `不支持 ${request.method.slice(0, 20)} 请求：本站只接受 GET 和 POST（写入请用 POST）。`,
    headers: { Allow: ALLOWED_METHODS.join(", ") },
  };
}

/** The media type of a Content-Type header, lower case, without parameters. */
function mediaType(contentType: string): string {
  return contentType.split(";")[0]!.trim().toLowerCase();
}

/**
 * A POST must say what its body is: a form (urlencoded or multipart) on pages, and also JSON on the
 * API. The routes then parse only what they were promised; a multipart body needs its boundary.
 */
function contentTypeRefusal(request: GuardRequest, pathname: string): Refusal | null {
  if (request.method !== "POST") return null;
  const api = isApiPath(pathname);
  const allowed = api ? API_TYPES : FORM_TYPES;
  const contentType = header(request.headers, "content-type") ?? "";
  const type = mediaType(contentType);
  const expected = api ? "JSON（application/json）或表单（application/x-www-form-urlencoded、multipart/form-data）" : "表单（application/x-www-form-urlencoded 或 multipart/form-data）";
  if (!type) return { status: 415, message: `请求缺少 Content-Type：请以${expected}提交。` };
  if (!allowed.includes(type)) return { status: 415, message: `不支持的 Content-Type「${type.slice(0, 80)}」：请以${expected}提交。` };
  if (type === "multipart/form-data" && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(contentType)) {
    return { status: 400, message: "multipart 表单缺少 boundary 参数，无法解析。" };
  }
  return null;
}

/** Query parameters and path segments: decodable, well-formed text (text-rules.ts), not huge. */
function urlRefusal(url: string): Refusal | null {
  if (url.length > 8192) return { status: 400, message: "网址过长（超过 8192 个字符）。" };
  const queryAt = url.indexOf("?");
  const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
  for (const segment of rawPath.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { status: 400, message: "网址中含有无法解码的字符（% 编码有误）。" };
    }
    const problem = textProblem(decoded);
    if (problem) return { status: 400, message: `网址${problem}` };
  }
  if (queryAt === -1) return null;
  for (const [name, value] of new URLSearchParams(url.slice(queryAt + 1))) {
    const problem = textProblem(name) ?? textProblem(value);
    if (problem) return { status: 400, message: `查询参数「${name.slice(0, 40)}」${problem}` };
  }
  return null;
}

/** The first reason to refuse `request` before it reaches a route, or null to let it through. */
export function checkRequest(request: GuardRequest, options: GuardOptions = {}): Refusal | null {
  const pathname = new URL(request.url, "http://localhost").pathname;
  return (
    methodRefusal(request) ??
    crossSiteRefusal(request, options) ??
    urlRefusal(request.url) ??
    contentTypeRefusal(request, pathname)
  );
}

/**
 * The Content-Security-Policy of every response. Scripts only from this site or carrying this
 * response's nonce (Remix's inline hydration scripts get it through entry.server.tsx); styles also
 * inline, because the charts and a few components set `style` attributes; nothing may frame the
 * pages, nothing is loaded from elsewhere, and forms post only here.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(nonce: string): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}
