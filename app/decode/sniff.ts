// What a file's bytes say it is. The extension is only a hint: files downloaded from government
// sites are often misnamed (a PDF saved as .txt, an HTML page saved as .doc), and decoding a zip or
// a PDF as text would hand the extractor garbage instead of an error.

export type Sniffed =
  | { kind: "pdf" }
  | { kind: "docx" }
  | { kind: "zip" } // a zip archive without word/document.xml: xlsx, pptx, odt, plain zip
  | { kind: "ole2" } // the compound-file container of .doc / .xls / .ppt / .wps
  | { kind: "rtf" }
  | { kind: "html" }
  | { kind: "binary"; what: string } // a recognised non-text format
  | { kind: "unknown" }; // no magic number: text, or something we will judge while decoding

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));

function startsWith(bytes: Uint8Array, magic: number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((b, i) => bytes[offset + i] === b);
}

/** True when the ASCII string occurs anywhere in the bytes (file names in a zip are stored raw). */
function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

const BINARY_MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], "PNG image"],
  [[0xff, 0xd8, 0xff], "JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "GIF image"],
  [[0x49, 0x49, 0x2a, 0x00], "TIFF image"],
  [[0x4d, 0x4d, 0x00, 0x2a], "TIFF image"],
  [[0x1f, 0x8b], "gzip archive"],
  [[0x52, 0x61, 0x72, 0x21], "RAR archive"],
  [[0x37, 0x7a, 0xbc, 0xaf], "7z archive"],
  [[0x7f, 0x45, 0x4c, 0x46], "executable"],
  [[0x4d, 0x5a], "executable"],
];

export function sniff(bytes: Uint8Array): Sniffed {
  // PDF readers accept junk before the header (pdf.js searches the first 1 KB), so do we.
  if (ascii(bytes, 0, 1024).includes("%PDF-")) return { kind: "pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return containsAscii(bytes, "word/document.xml") ? { kind: "docx" } : { kind: "zip" };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: "ole2" };
  if (ascii(bytes, 0, 5) === "{\\rtf") return { kind: "rtf" };
  for (const [magic, what] of BINARY_MAGIC) if (startsWith(bytes, magic)) return { kind: "binary", what };
  if (looksLikeHtml(bytes)) return { kind: "html" };
  return { kind: "unknown" };
}

/**
 * Markup at the start of the file. Read as Latin-1 so it works before we know the encoding (the
 * tags are ASCII in UTF-8 and GBK alike); UTF-16 pages are caught by their BOM first.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = ascii(bytes, 0, 1024).replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart().toLowerCase();
  return /^(<!doctype html|<html[\s>]|<head[\s>]|<meta[\s>]|<!--[\s\S]*?-->\s*<(!doctype html|html))/.test(head);
}
