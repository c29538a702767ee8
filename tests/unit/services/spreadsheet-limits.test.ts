// Progress spreadsheets built to make the reader work without end (issue 10): an .xlsx whose sheet
// inflates to hundreds of MB, a sheet of a million rows, a CSV of 500,000 lines, a sheet whose one row
// is numbered a million. Each is refused quickly with a Chinese reason, before exceljs or csv-parse
// holds it whole (docs/decisions/0037); an ordinary report is read as before.
import { describe, expect, it } from "vitest";
import { MAX_SPREADSHEET_ROWS, parseProgressSpreadsheet } from "../../../app/services/spreadsheet.server";
import { manyLineCsv, manyRowXlsx, xlsxBomb, xlsxWorkbook } from "../../e2e/heavy-files";

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The refusal, and how long it took (ms). */
async function refused(bytes: Uint8Array, name: string): Promise<{ error: string; ms: number }> {
  const started = performance.now();
  const result = await parseProgressSpreadsheet(bytes, name);
  const ms = performance.now() - started;
  if (!("error" in result)) throw new Error(`${name} was read: ${result.rows.length} rows`);
  return { error: result.error, ms };
}

describe("the progress spreadsheet reader's limits", () => {
  it("reads an ordinary report, .xlsx and .csv, up to the row limit", async () => {
    const xlsx = await parseProgressSpreadsheet(manyRowXlsx(3, "01ABC"), "进展.xlsx");
    expect(xlsx).toEqual({
      rows: [2, 3, 4].map((row) => ({ row, commitmentId: "01ABC", value: row % 100, asOf: "2024-06-30", note: "" })),
    });
    const full = await parseProgressSpreadsheet(manyLineCsv(MAX_SPREADSHEET_ROWS), "进展.csv");
    expect("rows" in full && full.rows.length).toBe(MAX_SPREADSHEET_ROWS);
  });

  it("refuses an .xlsx whose sheet inflates to 300 MB before inflating it", async () => {
    const bomb = xlsxBomb(300 * 1024 * 1024);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const { error, ms } = await refused(bomb, "bomb.xlsx");
    expect(error).toBe("xlsx 文件解压后过大：其中的 xl/worksheets/sheet1.xml 等内容解压后超过 16 MB（疑似压缩炸弹或表格过大），未读取");
    expect(ms).toBeLessThan(2_000);
  });

  it("refuses a sheet of a million rows, and one of 20,000, before exceljs loads it", async () => {
    const million = await refused(manyRowXlsx(1_000_000, "", { bare: true }), "million.xlsx");
    expect(million.error).toMatch(/^xlsx 文件解压后过大/);
    expect(million.ms).toBeLessThan(3_000);
    const many = await refused(manyRowXlsx(20_000), "many.xlsx");
    expect(many.error).toBe(`表格行数过多：工作表 sheet1.xml 有 20001 行，单次导入最多 ${MAX_SPREADSHEET_ROWS} 行，请拆分成几个文件后再导入`);
    expect(many.ms).toBeLessThan(1_000);
  });

  it("refuses more data rows than the limit, and a row numbered a million", async () => {
    const over = await refused(manyRowXlsx(MAX_SPREADSHEET_ROWS + 1), "over.xlsx");
    expect(over.error).toBe(`表格行数过多：有 ${MAX_SPREADSHEET_ROWS + 1} 行数据，单次导入最多 ${MAX_SPREADSHEET_ROWS} 行，请拆分成几个文件后再导入`);
    const sparse = xlsxWorkbook(
      utf8(
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>承诺编号</t></is></c></row><row r="1000000"><c r="A1000000"><v>1</v></c></row></sheetData></worksheet>',
      ),
    );
    const { error, ms } = await refused(sparse, "sparse.xlsx");
    expect(error).toMatch(/^表格行数过多：最后一行为第 1000000 行/);
    expect(ms).toBeLessThan(2_000);
  });

  it("refuses a CSV of 500,000 lines after reading only as many as the limit allows", async () => {
    const csv = manyLineCsv(500_000, "X1");
    expect(csv.byteLength).toBeLessThan(10 * 1024 * 1024);
    const { error, ms } = await refused(csv, "big.csv");
    expect(error).toBe(`表格行数过多：超过 ${MAX_SPREADSHEET_ROWS * 2 + 1} 行，单次导入最多 ${MAX_SPREADSHEET_ROWS} 行，请拆分成几个文件后再导入`);
    expect(ms).toBeLessThan(2_000);
  });
});
