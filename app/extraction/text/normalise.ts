// Input as it arrives (GUIDE §3a): mirror sites serve replies in Traditional characters, some with
// pinyin readings inserted after characters (會(huì)議). The rules read Simplified text without the
// readings; every span they report is mapped back to the text as it was given, so `quote`, `start`
// and `end` still point into the decoded document.
//
// Traditional → Simplified is OpenCC's dictionary conversion (opencc-js, decision 0018): phrases
// first (乾燥 → 干燥 but 乾隆 stays), then characters. It leaves Simplified text unchanged.
import * as OpenCC from "opencc-js/t2cn";

export interface NormalisedText {
  /** the text the rules read */
  text: string;
  /** whether anything changed; when false, `text` is the input and offsets are the same */
  changed: boolean;
  /** offset in `text` → offset in the original (length text.length + 1); null when unchanged */
  map: Int32Array | null;
}

let converter: ((s: string) => string) | null = null;
function toSimplified(s: string): string {
  converter ??= OpenCC.Converter({ from: "t", to: "cn" });
  return converter(s);
}

// Characters that occur only in Traditional text and are common in official writing: a text with
// none of them is not converted (the check costs one regex scan, the conversion forty times more).
const TRADITIONAL_HINT = /[這個們說會來時為與於對國從後發經過還進關開學實際區縣鎮辦務業農機號應點體達員議範圍標準計劃專項運動場設備資議蓋養護]/;

// A reading inserted after a Han character: 會(huì), 鎮(zhèn), 業(yè). Lower-case Latin letters with
// at least one tone mark (or ü), in ASCII or full-width brackets.
const READING = /(?<=\p{Script=Han})[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7})[)）]/gu;
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]/;
// the same characters as a lookup table: one pass over the char codes, no regex engine
const SIGN = (() => {
  const t = new Uint8Array(65536);
  for (const ch of TRADITIONAL_HINT.source.slice(1, -1) + TONE.source.slice(1, -1)) t[ch.charCodeAt(0)] = 1;
  return t;
})();
function hasSign(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (SIGN[s.charCodeAt(i)] === 1) return true;
  return false;
}

export function normaliseInput(original: string): NormalisedText {
  // one scan for either sign; most documents have neither
  if (!hasSign(original)) return { text: original, changed: false, map: null };
  // tone-marked letters are rare in Chinese prose: look for readings only where they occur
  const hasReadings = TONE.test(original) ? hasReading(original) : false;
  const traditional = TRADITIONAL_HINT.test(original);
  if (!hasReadings && !traditional) return { text: original, changed: false, map: null };

  // 1. drop the readings, keeping for each kept character its offset in the original
  let stripped = original;
  let map: Int32Array | null = null;
  if (hasReadings) {
    const parts: string[] = [];
    const offsets: number[] = [];
    let last = 0;
    READING.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = READING.exec(original))) {
      if (!TONE.test(m[1])) continue;
      parts.push(original.slice(last, m.index));
      for (let i = last; i < m.index; i++) offsets.push(i);
      last = m.index + m[0].length;
    }
    parts.push(original.slice(last));
    for (let i = last; i < original.length; i++) offsets.push(i);
    offsets.push(original.length);
    stripped = parts.join("");
    map = Int32Array.from(offsets);
  }

  // 2. Traditional → Simplified, line by line; a line whose length the conversion would change
  // (a rare phrase mapping) is converted character by character, which keeps the length
  let text = stripped;
  if (traditional) {
    const lines = stripped.split("\n");
    text = lines
      .map((line) => {
        if (!TRADITIONAL_HINT.test(line) && !/[\u3400-\u9fff]/.test(line)) return line;
        const whole = toSimplified(line);
        if (whole.length === line.length) return whole;
        let out = "";
        for (const ch of line) {
          const c = toSimplified(ch);
          out += c.length === ch.length ? c : ch;
        }
        return out;
      })
      .join("\n");
  }
  const changed = text !== original;
  if (!changed) return { text: original, changed: false, map: null };
  return { text, changed, map };
}

function hasReading(s: string): boolean {
  READING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = READING.exec(s))) if (TONE.test(m[1])) return true;
  return false;
}

/** Start offset in the normalised text → start offset in the original. */
export function originalStart(n: NormalisedText, i: number): number {
  return n.map ? n.map[Math.max(0, Math.min(i, n.map.length - 1))] : i;
}

/** End offset (exclusive) in the normalised text → end offset in the original. */
export function originalEnd(n: NormalisedText, i: number): number {
  if (!n.map) return i;
  if (i <= 0) return n.map[0];
  return n.map[Math.min(i, n.map.length - 1) - 1] + 1;
}
