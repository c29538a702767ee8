// HTML page → the article's text, one block per line.
//
// Readability (the reader-view engine of Firefox) finds the article among navigation, menus, share
// buttons and footers; linkedom gives it a DOM without a browser. When Readability finds nothing we
// fall back to the body minus the obvious page furniture. In both cases our own serialiser turns
// the DOM into lines, because Readability's textContent runs paragraphs and table cells together
// and the extractor needs line starts (quotes run "from line start to 。") and flattened tables
// (序号 / 具体诉求 / 答复内容, one cell per line).
import { Readability } from "@mozilla/readability";
import iconv from "iconv-lite";
import { parseHTML } from "linkedom";
import { htmlNestingDepth } from "./html-depth";
import { detectAndDecode, detectBom, decodeWith } from "./text";
import { tidyLines } from "./tidy";

export interface DecodedHtml {
  text: string;
  encoding: string;
  title: string | null;
}

const GB_LABELS = new Set(["gb2312", "gbk", "x-gbk", "gb18030", "cp936", "windows-936", "ms936", "euc-cn", "csgb2312", "chinese"]);

/** The charset a page declares in <meta charset> or <meta http-equiv="Content-Type" content="…; charset=…">. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 4096)));
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : null;
}

function decodeHtmlBytes(bytes: Uint8Array): { html: string; encoding: string } {
  if (detectBom(bytes)) return toResult(detectAndDecode(bytes));
  const declared = declaredCharset(bytes);
  // GB2312/GBK pages routinely contain characters beyond their declared set, so a GB label is read
  // as GB18030 — which is what the detection below falls back to. It tries strict UTF-8 first, so a
  // page re-saved as UTF-8 with a stale <meta charset="gbk"> still reads: longer GBK text is
  // practically never valid UTF-8 (only a handful of two-character strings like 联通 are).
  if (declared && !GB_LABELS.has(declared) && declared !== "utf-8" && declared !== "utf8" && iconv.encodingExists(declared)) {
    return { html: decodeWith(bytes, declared), encoding: declared };
  }
  // Declared UTF-8 or nothing: the same detection as plain text, so a mislabelled GBK page still reads.
  return toResult(detectAndDecode(bytes));

  function toResult(d: { text: string; encoding: string }) {
    return { html: d.text, encoding: d.encoding };
  }
}

/** Never text: code, styling, widgets. */
const ALWAYS_SKIP = new Set(["script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "select", "textarea", "input", "head", "title", "meta", "link"]);
/** Page furniture by tag. A <header> is judged separately: inside an article it may hold the headline. */
const FURNITURE = new Set(["nav", "footer", "aside", "menu"]);
/** Share bars and breadcrumbs: furniture even inside what Readability calls the article. */
const SHARE_HINT = /(^|[\s_-])(share|bdshare|bdsharebuttonbox|jiathis|social|breadcrumbs?|crumbs?|toolbar|print|skip)([\s_-]|$)/i;
/** In the whole-page fallback, layout class names that name furniture too. */
const PAGE_FURNITURE_HINT = /(^|[\s_-])(nav|navbar|menu|sidebar|footer|header|top|bottom|copyright|links?)([\s_-]|$)/i;
const BLOCK = new Set([
  "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "legend", "li",
  "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
  "nav", "header", "footer", "aside", "menu",
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
  querySelector?: (selector: string) => unknown;
}

function isHidden(el: DomNode): boolean {
  if (!el.getAttribute) return false;
  if (el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true") return true;
  const style = el.getAttribute("style") ?? "";
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Private-use characters mark block edges while serialising; runs of them become one \n. */
const EDGE = "\ue000";

/**
 * DOM → text with one line break at every block edge and after every table cell. `wholePage` is
 * the fallback for pages where Readability found no article: it also drops headers and anything
 * whose class or id names it as layout.
 */
function serialise(root: DomNode, wholePage: boolean): string {
  const parts: string[] = [];
  const walk = (node: DomNode, inPre: boolean): void => {
    if (node.nodeType === 3) {
      const raw = node.textContent ?? "";
      // Only ASCII white space collapses, as in a browser; U+3000 and NBSP are characters here.
      parts.push(inPre ? raw : raw.replace(/[ \t\n\r\f]+/g, " "));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toLowerCase();
    if (ALWAYS_SKIP.has(tag) || FURNITURE.has(tag) || isHidden(node)) return;
    const hint = `${node.getAttribute?.("class") ?? ""} ${node.getAttribute?.("id") ?? ""}`;
    if (SHARE_HINT.test(hint)) return;
    if (tag === "header" && (wholePage || node.querySelector?.("nav, ul, ol, menu, form"))) return;
    if (wholePage && PAGE_FURNITURE_HINT.test(hint)) return;
    if (tag === "br") {
      parts.push("\n");
      return;
    }
    const block = BLOCK.has(tag);
    if (block) parts.push(EDGE);
    const pre = inPre || tag === "pre";
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!, pre);
    if (block) parts.push(EDGE);
  };
  walk(root, false);
  // Adjacent block edges (</p><p>, </td><td>, empty <p></p>) are one line break, not blank lines;
  // a blank line survives only where the page wrote one with <br><br>.
  const joined = parts.join("").replace(new RegExp(`[ \\t\\n]*${EDGE}(?:[ \\t\\n]*${EDGE})*[ \\t\\n]*`, "g"), "\n");
  return tidyLines(joined);
}

/** The whole page's text minus scripts, styles and page furniture: the fallback for non-articles. */
export function pageText(html: string): string {
  const { document } = parseHTML(html);
  return serialise((document.body ?? document) as unknown as DomNode, true);
}

/**
 * Deepest element nesting read (html-depth.ts). Real pages nest a few dozen deep; Readability takes
 * about 0.7 s at 256 and grows with the square beyond (docs/decisions/0025).
 */
export const MAX_HTML_DEPTH = 256;

export class HtmlTooDeepError extends Error {}

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const { html, encoding } = decodeHtmlBytes(bytes);
  const depth = htmlNestingDepth(html, MAX_HTML_DEPTH);
  if (depth > MAX_HTML_DEPTH) {
    throw new HtmlTooDeepError(`网页的标签嵌套过深（超过${MAX_HTML_DEPTH}层），无法作为答复读取`);
  }

  // Readability rewrites the DOM it reads, so the fallback gets its own parse.
  const { document } = parseHTML(html);
  const pageTitle = (document.title ?? "").trim() || null;
  const headings = Array.from(document.querySelectorAll("h1, h2"), (h) => (h.textContent ?? "").replace(/\s+/g, " ").trim());
  // Share bars and breadcrumbs go before Readability sees the page: it rewrites small <div>s into
  // <p>s without their classes, after which they can no longer be told from the article.
  for (const el of Array.from(document.querySelectorAll("[class], [id]"))) {
    if (SHARE_HINT.test(`${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`)) el.remove();
  }
  let article: ReturnType<Readability<DomNode>["parse"]> = null;
  try {
    article = new Readability<DomNode>(document as unknown as Document, { serializer: (node) => node as unknown as DomNode }).parse();
  } catch {
    article = null; // Readability throws on some malformed trees; the fallback still works on those
  }
  const articleText = article?.content ? serialise(article.content, false) : "";

  let text = articleText;
  if (articleText.replace(/\s/g, "").length < 20) {
    const fallbackText = pageText(html);
    if (fallbackText.length > articleText.length) text = fallbackText;
  }
  const title = article?.title?.trim() || pageTitle;
  // Readability drops an <h1>/<h2> that repeats the page title. In a reply that heading is
  // "对…第157号建议的答复", which names the suggestion and the session, so it is put back.
  if (title && text === articleText) {
    const squash = (s: string) => s.replace(/\s+/g, "");
    const heading = headings.find((h) => squash(h) === squash(title));
    if (heading && !squash(text).includes(squash(heading))) text = `${heading}\n${text}`;
  }
  return { text, encoding, title };
}
