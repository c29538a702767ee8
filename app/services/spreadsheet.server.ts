// Reads an agency's progress spreadsheet (.xlsx through exceljs, .csv through csv-parse) into
// plain rows; validation against the database happens in importProgressSpreadsheet. Pure — no
// database, no clock — so the server runs it in a worker thread with the uploads' time limit and
// memory cap (services/preparation-pool.server.ts, docs/decisions/0037); the limits here refuse a
// hostile file before a library holds all of it.
import { createRequire } from "node:module";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { MAX_XLSX_XML_BYTES, xlsxRowCounts, xlsxSizeProblem } from "../decode/zip-size";

/**
 * Most data rows one import may hold. An agency reports on its own pledges — tens, a province's
 * department a few hundred; each row is checked against the database one by one on the request
 * thread, and 5,000 take about a second.
 */
export const MAX_SPREADSHEET_ROWS = 5_000;

/** Rows of a sheet (or lines of a CSV) read before refusing: room for blank and formatted empty rows. */
const MAX_RAW_ROWS = MAX_SPREADSHEET_ROWS * 2 + 1;

export type SpreadsheetParse = { rows: SpreadsheetRow[] } | { error: string };

const tooManyRows = (found: string) => `表格行数过多：${found}，单次导入最多 ${MAX_SPREADSHEET_ROWS} 行，请拆分成几个文件后再导入`;

/** The rows, or the refusal of a file with more than MAX_SPREADSHEET_ROWS of them. */
function bounded(result: SpreadsheetParse): SpreadsheetParse {
  if ("rows" in result && result.rows.length > MAX_SPREADSHEET_ROWS) return { error: tooManyRows(`有 ${result.rows.length} 行数据`) };
  return result;
}

export interface SpreadsheetRow {
  /** 1-based row number as the spreadsheet shows it; the header is row 1 */
  row: number;
  commitmentId: string;
  /** a number from an xlsx numeric cell, else the text as written ("" when blank) */
  value: number | string;
  /** ISO date when the cell was a date, else the text as written */
  asOf: string;
  note: string;
}

type Column = "commitmentId" | "value" | "asOf" | "note";

// Headers in English or Chinese; compared after removing spaces, underscores, hyphens and case.
const HEADERS: Record<string, Column> = {
  commitmentid: "commitmentId",
  commitment: "commitmentId",
  id: "commitmentId",
  承诺编号: "commitmentId",
  承诺id: "commitmentId",
  编号: "commitmentId",
  value: "value",
  数值: "value",
  进展数值: "value",
  asof: "asOf",
  asofdate: "asOf",
  date: "asOf",
  截至日期: "asOf",
  截止日期: "asOf",
  日期: "asOf",
  note: "note",
  notes: "note",
  说明: "note",
  备注: "note",
};

function columnOf(header: string): Column | undefined {
  return HEADERS[header.normalize("NFKC").toLowerCase().replace(/[\s_\-（）()]/g, "")];
}

function isoFromDate(d: Date): string {
  // exceljs gives dates as UTC midnight of the calendar day typed in the cell.
  return d.toISOString().slice(0, 10);
}

/** 2024/3/31, 2024.3.31, 2024年3月31日 → 2024-03-31; anything else is returned as written. */
export function normalizeDateText(text: string): string {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (!m) return t;
  return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoFromDate(value);
  if (typeof value === "object") {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if (v.result !== undefined) return cellText(v.result);
    if (typeof v.text === "string") return v.text;
  }
  return String(value).trim();
}

function toRows(table: unknown[][]): { rows: SpreadsheetRow[] } | { error: string } {
  const headerIndex = table.findIndex((r) => r.some((c) => cellText(c) !== ""));
  if (headerIndex < 0) return { error: "文件中没有数据" };
  const header = table[headerIndex]!.map((c) => columnOf(cellText(c)));
  const at = (col: Column) => header.indexOf(col);
  const missing = (["commitmentId", "value", "asOf"] as Column[]).filter((c) => at(c) < 0);
  if (missing.length > 0) {
    const names: Record<Column, string> = { commitmentId: "承诺编号", value: "数值", asOf: "截至日期", note: "说明" };
    return { error: `表头缺少列：${missing.map((m) => names[m]).join("、")}（应有 承诺编号、数值、截至日期、说明）` };
  }
  const rows: SpreadsheetRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const r = table[i]!;
    if (!r.some((c) => cellText(c) !== "")) continue; // a blank line is not a row
    const rawValue = r[at("value")];
    const rawDate = r[at("asOf")];
    rows.push({
      row: i + 1,
      commitmentId: cellText(r[at("commitmentId")]),
      value: typeof rawValue === "number" ? rawValue : cellText(rawValue),
      asOf: rawDate instanceof Date ? isoFromDate(rawDate) : normalizeDateText(cellText(rawDate)),
      note: at("note") >= 0 ? cellText(r[at("note")]) : "",
    });
  }
  return { rows };
}

function decodeCsv(bytes: Uint8Array): string {
  // Excel on Chinese Windows saves CSV in GBK; try strict UTF-8 first (docs/decisions/0002).
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(Buffer.from(bytes), "gb18030");
  }
}

export async function parseProgressSpreadsheet(bytes: Uint8Array, fileName: string): Promise<SpreadsheetParse> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) {
    let table: string[][];
    try {
      // at most MAX_RAW_ROWS records are parsed: a file of a million lines stops there
      table = parse(decodeCsv(bytes), { relax_column_count: true, skip_empty_lines: false, trim: true, to: MAX_RAW_ROWS + 1 }) as string[][];
    } catch (error) {
      return { error: `CSV文件无法解析：${error instanceof Error ? error.message : String(error)}` };
    }
    if (table.length > MAX_RAW_ROWS) return { error: tooManyRows(`超过 ${MAX_RAW_ROWS} 行`) };
    return bounded(toRows(table));
  }
  if (lower.endsWith(".xlsx")) {
    // Before exceljs, which inflates and holds every sheet whole: the zip's XML, then the rows.
    const size = xlsxSizeProblem(bytes, MAX_XLSX_XML_BYTES);
    if (size) return { error: size };
    const largest = xlsxRowCounts(bytes, MAX_XLSX_XML_BYTES).sort((a, b) => b.rows - a.rows)[0];
    if (largest && largest.rows > MAX_RAW_ROWS) return { error: tooManyRows(`工作表 ${largest.sheet} 有 ${largest.rows} 行`) };
    // exceljs is CommonJS: require() loads it with Node's own loader, outside the ESM hooks tsx has
    // registered in the worker, which would keep a source map of each of its files (decision 0025).
    const ExcelJS = createRequire(import.meta.url)("exceljs") as typeof import("exceljs");
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      return { error: "xlsx文件无法打开，可能已损坏或不是Excel文件" };
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return { error: "xlsx文件中没有工作表" };
    // A sheet whose few rows are numbered far apart (r="1000000") would be filled in row by row by
    // eachRow({ includeEmpty }): refused by its last row's number instead.
    if (sheet.rowCount > MAX_RAW_ROWS) return { error: tooManyRows(`最后一行为第 ${sheet.rowCount} 行`) };
    const table: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      table[rowNumber - 1] = values;
    });
    for (let i = 0; i < table.length; i++) table[i] ??= [];
    return bounded(toRows(table));
  }
  return { error: "只能导入 .xlsx 或 .csv 文件" };
}
