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

export function shadowOf(text: string): string {
  const n = text.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = TABLE[text.charCodeAt(i)];
  return decoder.decode(out);
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
  while (end > 0 && /[。;!?\s]/.test(shadowText[end - 1])) end--;
  const body = end === shadowText.length ? shadowText : shadowText.slice(0, end);
  return /\s/.test(body) ? body.replace(/\s+/g, "") : body;
}
