// The heavy files of issue 10, made in memory for the tests that upload them: a 19.5 MB text of
// pledge lines, 200,000 nested <div>s, a 20,000-page PDF and a .docx whose document.xml inflates to
// 300 MB. Each is cheap to make; each used to hold the only server thread for seconds to minutes.
import { crc32, deflateRawSync } from "node:zlib";

const encoder = new TextEncoder();

/** About `bytes` bytes of numbered pledge lines under a reply's heading. */
export function pledgeText(bytes: number): Uint8Array {
  const lines = ["关于加快养老服务体系建设的答复", "杭州市民政局", "下一步工作："];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `${i + 1}. 到2027年，第${i + 1}片区新建养老机构${(i % 97) + 3}家。`;
    lines.push(line);
    size += encoder.encode(line).length + 1;
  }
  return encoder.encode(lines.join("\n"));
}

export function nestedDivs(depth: number): Uint8Array {
  return encoder.encode(`<html><body>${"<div>".repeat(depth)}<p>下一步，力争新建养老机构5家。</p>${"</div>".repeat(depth)}</body></html>`);
}

/** A valid PDF of `pages` pages that share one content stream: megabytes, made in milliseconds. */
export function manyPagePdf(pages: number): Uint8Array {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(" ");
  objects.push("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const content = "BT /F1 12 Tf 20 100 Td (Reply page) Tj ET";
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  for (let i = 0; i < pages; i++) {
    objects.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>");
  }
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return encoder.encode(out);
}

/** A zip of deflated entries; `declare` overrides the sizes its headers state (a lying zip). */
export function deflatedZip(files: Record<string, Uint8Array>, declare: Record<string, number> = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = encoder.encode(name);
    const data = deflateRawSync(content);
    const size = declare[name] ?? content.length;
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, crc32(content), true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, crc32(content), true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    parts.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const part of [...parts, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A .docx whose document.xml is `bytes` long: one paragraph, then spaces that deflate to nothing. */
export function docxBomb(bytes: number): Uint8Array {
  const head = encoder.encode('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>下一步，力争新建养老机构5家。</w:t></w:r></w:p>');
  const tail = encoder.encode("</w:body></w:document>");
  const xml = new Uint8Array(bytes).fill(0x20);
  xml.set(head, 0);
  xml.set(tail, bytes - tail.length);
  const types = encoder.encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
  return deflatedZip({ "[Content_Types].xml": types, "word/document.xml": xml });
}

// --- progress spreadsheets (/import) ----------------------------------------------------------------

const SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>承诺编号</t></is></c><c r="B1" t="inlineStr"><is><t>数值</t></is></c><c r="C1" t="inlineStr"><is><t>截至日期</t></is></c></row>';

/** A minimal .xlsx (what Excel needs to open it) around one worksheet's XML. */
export function xlsxWorkbook(sheet: Uint8Array): Uint8Array {
  return deflatedZip({
    "[Content_Types].xml": encoder.encode(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    "_rels/.rels": encoder.encode(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": encoder.encode(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${SHEET_NS}" xmlns:r="${DOC_REL}"><sheets><sheet name="进展" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": encoder.encode(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    "xl/worksheets/sheet1.xml": sheet,
  });
}

/**
 * A progress spreadsheet of `rows` data rows: a commitment id, a value and a date each — or, `bare`,
 * a value only (1,000,000 bare rows are 49 MB of sheet XML and 5 MB zipped, under the 10 MB upload limit).
 */
export function manyRowXlsx(rows: number, commitmentId = "01JXXXXXXXXXXXXXXXXXXXXXXX", { bare = false } = {}): Uint8Array {
  const parts = [`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData>`, HEADER_ROW];
  for (let i = 2; i <= rows + 1; i++) {
    parts.push(
      bare
        ? `<row r="${i}"><c r="B${i}"><v>${i % 10}</v></c></row>`
        : `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>${commitmentId}</t></is></c><c r="B${i}"><v>${i % 100}</v></c><c r="C${i}" t="inlineStr"><is><t>2024-06-30</t></is></c></row>`,
    );
  }
  parts.push("</sheetData></worksheet>");
  return xlsxWorkbook(encoder.encode(parts.join("")));
}

/** An .xlsx whose one sheet inflates to `bytes`: a header row, then spaces that deflate to nothing (a zip bomb). */
export function xlsxBomb(bytes: number): Uint8Array {
  const head = encoder.encode(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData>${HEADER_ROW}`);
  const tail = encoder.encode("</sheetData></worksheet>");
  const xml = new Uint8Array(bytes).fill(0x20);
  xml.set(head, 0);
  xml.set(tail, bytes - tail.length);
  return xlsxWorkbook(xml);
}

/** A CSV progress report of `lines` data lines, about 40 bytes each. */
export function manyLineCsv(lines: number, commitmentId = "01JXXXXXXXXXXXXXXXXXXXXXXX"): Uint8Array {
  const out = ["承诺编号,数值,截至日期,说明"];
  for (let i = 0; i < lines; i++) out.push(`${commitmentId},${i % 100},2024-06-30,`);
  return encoder.encode(out.join("\n"));
}
