// How deeply a page nests its elements, measured on the markup before any DOM is built: linkedom's
// parser and Readability slow down with the square of the depth (2,000 nested <div>s took 47 s,
// 200,000 took 14 minutes and then overflowed the stack), while real pages nest a few dozen deep.
// docs/decisions/0025.

/** Elements that never hold children. */
const VOID = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
  "basefont", "bgsound", "frame", "keygen", "command", "image",
]);
/** Elements whose content is text, not markup: skipped to their end tag. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext"]);
/** Block starts that close an open <p>, as the HTML parser does. */
const BLOCKS = [
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
  "summary", "table", "ul",
];
/** Implied end tags: a start tag of the key closes the open elements named in its value (<li>…<li>, <td>…<tr>). */
const IMPLIED_ENDS = new Map<string, Set<string>>([
  ...BLOCKS.map((b): [string, Set<string>] => [b, new Set(["p"])]),
  ["li", new Set(["li", "p"])],
  ["dt", new Set(["dt", "dd", "p"])],
  ["dd", new Set(["dt", "dd", "p"])],
  ["td", new Set(["td", "th", "p"])],
  ["th", new Set(["td", "th", "p"])],
  ["tr", new Set(["td", "th", "tr", "p"])],
  ["thead", new Set(["td", "th", "tr", "thead", "tbody", "tfoot", "p"])],
  ["tbody", new Set(["td", "th", "tr", "thead", "tbody", "tfoot", "p"])],
  ["tfoot", new Set(["td", "th", "tr", "thead", "tbody", "tfoot", "p"])],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["option", "optgroup"])],
  ["rb", new Set(["rb", "rt", "rp"])],
  ["rt", new Set(["rb", "rt", "rp"])],
  ["rp", new Set(["rb", "rt", "rp"])],
]);

const NAME = /\/?([A-Za-z][A-Za-z0-9:_-]*)/y;

/** Where the tag opened at `from` ends: the first ">" outside quotes; -1 when the page ends first. */
function tagEnd(html: string, from: number): number {
  let quote = "";
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
  }
  return -1;
}

const rawTextEnds = new Map<string, RegExp>();

/**
 * The deepest nesting of elements in `html`, read the way a browser's parser closes tags: void
 * elements hold nothing, an end tag closes up to its open element, a new <li>/<td>/<p> closes the
 * open one, script and style hold text. One pass over the markup; stops once `stopAt` is passed.
 */
export function htmlNestingDepth(html: string, stopAt = Number.POSITIVE_INFINITY): number {
  const open: string[] = [];
  let deepest = 0;
  let i = 0;
  while ((i = html.indexOf("<", i)) !== -1) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    NAME.lastIndex = i + 1;
    const match = NAME.exec(html);
    if (!match) {
      i++; // "<!doctype", "<?xml", or a "<" in the text
      continue;
    }
    const end = tagEnd(html, NAME.lastIndex);
    if (end === -1) break; // an unclosed tag swallows the rest of the page, in a browser too
    i = end + 1;
    const name = match[1]!.toLowerCase();
    if (match[0].startsWith("/")) {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      continue;
    }
    if (VOID.has(name)) continue;
    const closes = IMPLIED_ENDS.get(name);
    while (closes && open.length > 0 && closes.has(open[open.length - 1]!)) open.pop();
    if (RAW_TEXT.has(name)) {
      let closer = rawTextEnds.get(name);
      if (!closer) rawTextEnds.set(name, (closer = new RegExp(`</${name}`, "gi")));
      closer.lastIndex = i;
      const found = closer.exec(html);
      if (!found) break;
      i = found.index;
      continue;
    }
    if (html[end - 1] === "/") continue; // <div/> in XHTML
    open.push(name);
    if (open.length > deepest) {
      deepest = open.length;
      if (deepest > stopAt) return deepest;
    }
  }
  return deepest;
}
