// How large a .docx becomes once inflated, checked before mammoth (through JSZip) inflates it: a
// 20 MB upload may hold a document.xml of gigabytes (a "zip bomb"; one of 300 MB took 1 GB of memory).
// The zip's central directory declares every entry's size; a declared size can lie, so the parts
// mammoth reads are also inflated here with zlib's output cap, which stops at the limit instead of
// after it. docs/decisions/0025.
import { inflateRawSync } from "node:zlib";

/**
 * Most bytes of XML (document, styles, numbering, notes, relationships) a .docx may inflate to. The
 * text of a 300-page reply is a few MB of WordprocessingML; mammoth holds the parsed XML several
 * times over.
 */
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries, or null when the bytes are no zip this reader understands. */
function centralDirectory(bytes: Uint8Array): Entry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * `entry` inflated, stopping at `cap` + 1 bytes (more is not inflated): its bytes, "too-large" past
 * the cap, or null when this reader cannot follow it.
 */
function inflateEntry(bytes: Uint8Array, entry: Entry, cap: number): Uint8Array | "too-large" | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length > cap ? "too-large" : data;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: cap + 1 });
  } catch (error) {
    // ERR_BUFFER_TOO_LARGE: the output reached the cap
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return "too-large";
    return null;
  }
}

/** Bytes `entry` really inflates to, up to `cap` + 1 (more is not read); null when unreadable. */
function inflatedSize(bytes: Uint8Array, entry: Entry, cap: number): number | null {
  const out = inflateEntry(bytes, entry, cap);
  return out === "too-large" ? cap + 1 : out === null ? null : out.length;
}

const MB = 1024 * 1024;

/**
 * The XML parts' total size, declared and then really inflated, against `limit`: the name of the
 * part that passes it, or null. A declared size of 0xFFFFFFFF (zip64: over 4 GB) passes it at once.
 */
function xmlOverLimit(bytes: Uint8Array, xml: Entry[], limit: number): string | null {
  let total = 0;
  for (const entry of xml) {
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) return entry.name;
    total += entry.size;
    if (total > limit) return entry.name;
  }
  let inflated = 0;
  for (const entry of xml) {
    const size = inflatedSize(bytes, entry, limit - inflated);
    if (size === null) continue;
    inflated += size;
    if (inflated > limit) return entry.name;
  }
  return null;
}

const isXmlPart = (e: Entry) => /\.(xml|rels)$/i.test(e.name);

/**
 * Why this .docx is refused before it is inflated, in Chinese, or null. Parts that are not XML
 * (images, embedded files) are not read by mammoth's text extraction and are not counted; a zip this
 * reader cannot follow is left to mammoth, which reports it as corrupt.
 */
export function docxSizeProblem(bytes: Uint8Array, limit = MAX_DOCX_XML_BYTES): string | null {
  const entries = centralDirectory(bytes);
  if (!entries) return null;
  const over = xmlOverLimit(bytes, entries.filter(isXmlPart), limit);
  return over ? `.docx 解压后过大：其中的 ${over.slice(0, 80)} 等内容解压后超过 ${limit / MB} MB（疑似压缩炸弹），未读取` : null;
}

/**
 * Most bytes of XML an .xlsx progress report may inflate to. exceljs holds every cell of every sheet
 * as objects, about ten times the XML: a 5,000-row report is about 1 MB of sheet XML (35 MB of heap
 * in exceljs), 100,000 rows about 19 MB (over 200 MB of heap).
 */
export const MAX_XLSX_XML_BYTES = 16 * MB;

/**
 * Why this .xlsx is refused before exceljs loads it, in Chinese, or null: its XML inflates past
 * `limit` — a zip bomb, or a sheet far larger than a progress report.
 */
export function xlsxSizeProblem(bytes: Uint8Array, limit = MAX_XLSX_XML_BYTES): string | null {
  const entries = centralDirectory(bytes);
  if (!entries) return null;
  const over = xmlOverLimit(bytes, entries.filter(isXmlPart), limit);
  return over ? `xlsx 文件解压后过大：其中的 ${over.slice(0, 80)} 等内容解压后超过 ${limit / MB} MB（疑似压缩炸弹或表格过大），未读取` : null;
}

/**
 * Each worksheet's rows, counted as `<row` elements in its inflated XML (formatted empty rows
 * count too) without parsing it — exceljs loads every sheet, not only the first. Call it after
 * xlsxSizeProblem: each sheet is inflated up to `limit`.
 */
export function xlsxRowCounts(bytes: Uint8Array, limit = MAX_XLSX_XML_BYTES): { sheet: string; rows: number }[] {
  const entries = centralDirectory(bytes) ?? [];
  const out: { sheet: string; rows: number }[] = [];
  for (const entry of entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name))) {
    const xml = inflateEntry(bytes, entry, limit);
    if (xml === null || xml === "too-large") continue;
    out.push({ sheet: entry.name.slice("xl/worksheets/".length), rows: countRowElements(xml) });
  }
  return out;
}

/** `<row …>` and `<x:row …>` start tags in a sheet's XML, counted without decoding it. */
function countRowElements(xml: Uint8Array): number {
  const text = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString("latin1");
  let n = 0;
  for (const _ of text.matchAll(/<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g)) n++;
  return n;
}
