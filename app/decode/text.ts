// Bytes → string for plain text (and for HTML whose charset is not declared).
//
// Order: a BOM wins (UTF-8, UTF-16 LE/BE); then strict UTF-8, because a GBK file is almost never
// valid UTF-8 by accident (its two-byte sequences break UTF-8's continuation-byte rules within a
// few characters), while the opposite guess always "succeeds" and produces mojibake; then GB18030,
// the superset of GB2312 and GBK that Chinese government systems save in. Other legacy encodings
// (Big5, Shift-JIS, Latin-1) are not guessed: they would decode as GB18030 mojibake, which is why
// the encoding is reported with the text.
import iconv from "iconv-lite";
import { DecodeError } from "./errors";
import { normaliseNewlines } from "./tidy";

export interface DecodedText {
  text: string;
  /** "utf-8" | "utf-16le" | "utf-16be" | "gbk" | "gb18030" */
  encoding: string;
}

type Bom = { encoding: "utf-8" | "utf-16le" | "utf-16be"; length: number };

export function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** C0 controls other than tab, LF, VT, FF, CR and ESC; text files do not contain them. */
function isOddControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d && code !== 0x1b) || code === 0x7f;
}

/**
 * Binary content judged on the decoded string, so it works the same for every encoding: any NUL,
 * more than 2% odd control characters, or more than 2% U+FFFD (bytes the decoder could not map).
 */
function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let odd = 0;
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (isOddControl(code)) odd++;
    else if (code === 0xfffd) replacement++;
  }
  return odd > sample.length * 0.02 || replacement > sample.length * 0.02;
}

/**
 * GB18030 uses four-byte sequences (second byte 0x30–0x39) only for characters outside GBK; when
 * there are none the file is plain GBK, which is the more useful thing to report.
 */
function gbkOrGb18030(bytes: Uint8Array): "gbk" | "gb18030" {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const next = bytes[i + 1];
    if (next !== undefined && next >= 0x30 && next <= 0x39) return "gb18030";
    i++;
  }
  return "gbk";
}

/** Decodes without judging the result; `label` is a WHATWG or iconv-lite encoding name. */
export function decodeWith(bytes: Uint8Array, label: string): string {
  const normalised = label.toLowerCase();
  if (normalised === "utf-8" || normalised === "utf8" || normalised === "utf-16le" || normalised === "utf-16be") {
    return new TextDecoder(normalised).decode(bytes);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), normalised);
}

/** Guesses the encoding (BOM, strict UTF-8, GB18030) and returns the string with the BOM removed. */
export function detectAndDecode(bytes: Uint8Array): DecodedText {
  const bom = detectBom(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // not UTF-8: fall through to the Chinese legacy encoding
  }
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030"), encoding: gbkOrGb18030(bytes) };
}

/**
 * A plain-text file's bytes → its text: encoding detected, BOM stripped, line endings \n.
 * Nothing else changes, so offsets into the result are offsets into the file's own characters.
 */
export function decodeText(bytes: Uint8Array, fileName = "text"): DecodedText {
  if (bytes.length === 0) throw new DecodeError(fileName, "empty file");
  const { text, encoding } = detectAndDecode(bytes);
  if (looksBinary(text)) throw new DecodeError(fileName, "binary file, not text");
  if (text.trim() === "") throw new DecodeError(fileName, "empty file");
  return { text: normaliseNewlines(text), encoding };
}

export { looksBinary };
