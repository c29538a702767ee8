// A "shadow" of the text with the same length, in which full-width ASCII, full-width punctuation and
// the many dash and space variants agencies type are folded to one form. Every rule matches on the
// shadow and reports offsets that are therefore valid in the original text (GUIDE §4: offsets are
// UTF-16 code units into the decoded text).

const FOLD: Record<string, string> = {
  "\u3000": " ", "\u00a0": " ", "\r": " ",
  "，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?",
  "［": "[", "］": "]", "｛": "{", "｝": "}",
  "—": "-", "–": "-", "－": "-", "‐": "-", "‑": "-", "―": "-", "~": "-", "～": "-", "〜": "-",
  "％": "%", "．": ".", "﹪": "%",
  "‘": "“", "’": "”", "「": "“", "」": "”", "『": "“", "』": "”", "\"": "“",
  "〈": "《", "〉": "》", "﹤": "《", "﹥": "》",
};

// One lookup table for all of UTF-16: folding a document is then one pass over a typed array.
const TABLE = (() => {
  const t = new Uint16Array(65536);
  for (let i = 0; i < 65536; i++) t[i] = i;
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  for (const [from, to] of Object.entries(FOLD)) t[from.charCodeAt(0)] = to.charCodeAt(0);
  return t;
})();
const decoder = new TextDecoder("utf-16le");

// a string this short (a quote, a title) is built from its slices between the characters that
// fold: allocating a typed array and a decoder call for it cost more than the folding itself.
// The decoder drops a leading U+FEFF and turns a lone surrogate into U+FFFD; a string with either
// takes the decoder's path, so both paths give the same shadow.
const SHORT = 256;

export function shadowOf(text: string): string {
  const n = text.length;
  if (n <= SHORT && text.charCodeAt(0) !== 0xfeff) {
    const short = foldShort(text);
    if (short !== null) return short;
  }
  const out = new Uint16Array(n);
  foldInto(text, out);
  return decoder.decode(out);
}

/** The shadow of a short string, or null when it holds a surrogate. */
function foldShort(text: string): string | null {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c & 0xf800) === 0xd800) return null;
    const f = TABLE[c];
    if (f === c) continue;
    out += text.slice(from, i) + String.fromCharCode(f);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

// (its own function, so that V8's optimised code for this loop never holds the decoder call: code
// compiled for the loop alone was re-entered, and deoptimised at the call, for every document)
function foldInto(text: string, out: Uint16Array): void {
  for (let i = 0; i < text.length; i++) out[i] = TABLE[text.charCodeAt(i)];
}

/** For comparing quotes and de-duplicating: no white space, no punctuation variants. */
export function compact(text: string): string {
  return shadowOf(text).replace(/[\s“”"'《》()\[\]]/g, "");
}

/** Key for recognising the same sentence twice on one page (given shadow text): no punctuation. */
export function sameTextKey(shadowText: string): string {
  // white space and a sentence's closing mark are what copies of one page differ in; the rest of
  // the punctuation is already folded by the shadow
  let end = shadowText.length;
  while (end > 0 && isClosingOrSpace(shadowText.charCodeAt(end - 1))) end--;
  const body = end === shadowText.length ? shadowText : shadowText.slice(0, end);
  return hasSpace(body) ? body.replace(/\s+/g, "") : body;
}

// /[。;!?\s]/ and /\s/ as a table of char codes: run on every sentence, the regexes' class of
// white space was the slow part. \s is ECMAScript's WhiteSpace and LineTerminator (ECMA-262 §22.2.2.9).
const SPACE = 1;
const CLOSING = 2;
const KIND = (() => {
  const t = new Uint8Array(65536);
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) t[c] = SPACE;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = SPACE;
  for (const ch of "。;!?") t[ch.charCodeAt(0)] = CLOSING;
  return t;
})();

/** \s for one char code (ECMAScript's WhiteSpace and LineTerminator). */
export function isWhiteSpace(c: number): boolean {
  return KIND[c] === SPACE;
}

function isClosingOrSpace(c: number): boolean {
  return KIND[c] !== 0;
}

function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (KIND[s.charCodeAt(i)] === SPACE) return true;
  return false;
}
