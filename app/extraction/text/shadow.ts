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

export function shadowOf(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) {
      const folded = FOLD[ch];
      out += folded ?? String.fromCharCode(code - 0xfee0);
    } else {
      out += FOLD[ch] ?? ch;
    }
  }
  return out;
}

/** For comparing quotes and de-duplicating: no white space, no punctuation variants. */
export function compact(text: string): string {
  return shadowOf(text).replace(/[\s“”"'《》()\[\]]/g, "");
}

/** Key for recognising the same sentence twice on one page: no punctuation at all. */
export function sameTextKey(text: string): string {
  return shadowOf(text).replace(/[\s\p{P}\p{S}]/gu, "");
}
