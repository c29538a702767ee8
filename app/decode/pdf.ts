// PDF with a text layer → text, through unpdf (a packaging of Mozilla's pdf.js that runs in Node
// without a canvas). Version 1.4.0 is pinned: later releases need Node 22.
//
// pdf.js gives positioned text runs, not lines. We start a new line when a run says it ends one
// (hasEOL) or when the baseline moves, and join runs on one line without a space between CJK
// characters (Chinese has none) but with one between Latin words that pdf.js split apart.
import { getDocumentProxy } from "unpdf";
import { tidyLines } from "./tidy";

export type PdfFailure = "encrypted" | "corrupt" | "no-text" | "too-many-pages" | "too-slow";

/**
 * Most pages read. A reply is a few pages and a yearbook a few hundred; a 20,000-page file kept the
 * only server process busy for 53 s (docs/decisions/0025).
 */
export const MAX_PDF_PAGES = 500;
/** Reading the pages stops after this long: pdf.js can spend seconds on one crafted page. */
export const PDF_TIME_LIMIT_MS = 30_000;

export interface PdfOptions {
  maxPages?: number;
  timeLimitMs?: number;
}

export class PdfReadError extends Error {
  constructor(public failure: PdfFailure, message: string) {
    super(message);
  }
}

interface TextRun {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

function isTextRun(item: unknown): item is TextRun {
  return typeof item === "object" && item !== null && "str" in item && "transform" in item;
}

/** A horizontal gap wider than this many font sizes separates table cells or columns, not words. */
const CELL_GAP_EM = 1.0;
/** A gap wider than this between Latin runs is a word space that pdf.js did not emit. */
const WORD_GAP_EM = 0.15;

/**
 * Runs of one page → lines. A wide gap (a table cell boundary) also starts a new line, so a PDF's
 * 序号 / 具体诉求 / 答复内容 table flattens to one cell per line, as HTML and .docx tables do.
 */
export function joinRuns(runs: TextRun[]): string {
  const lines: string[] = [];
  let line = "";
  let lastY: number | null = null;
  let lastEnd = 0;
  let lastSize = 0;
  let pendingSpace = false;
  let pendingBreak = false;
  const flush = () => {
    lines.push(line);
    line = "";
    lastY = null;
    pendingSpace = false;
    pendingBreak = false;
  };
  for (const run of runs) {
    const [a = 0, b = 0, , , x = 0, y = 0] = run.transform;
    const size = Math.hypot(a, b) || run.height || 10;
    if (run.str.trim() === "") {
      // pdf.js emits the space between two runs as a run of its own; its width tells a word space
      // from a cell gap.
      if (line !== "" && run.str !== "") {
        if (run.width > Math.max(lastSize, size) * CELL_GAP_EM) pendingBreak = true;
        else pendingSpace = true;
        lastEnd = x + run.width;
      }
      if (run.hasEOL) flush();
      continue;
    }
    if (line !== "" && lastY !== null) {
      const em = Math.max(lastSize, size);
      const gap = x - lastEnd;
      if (Math.abs(y - lastY) > em * 0.5 || pendingBreak || gap > em * CELL_GAP_EM) {
        flush();
      } else if (pendingSpace || gap > em * WORD_GAP_EM) {
        // Chinese has no spaces between words; only Latin text on both sides gets one.
        if (!CJK.test(line.slice(-1)) && !CJK.test(run.str[0]!) && !/\s$/.test(line)) line += " ";
      }
    }
    line += run.str;
    lastY = y;
    lastEnd = x + run.width;
    lastSize = size;
    pendingSpace = false;
    pendingBreak = false;
    if (run.hasEOL) flush();
  }
  if (line !== "") flush();
  return lines.join("\n");
}

export interface DecodedPdf {
  text: string;
  title: string | null;
}

export async function decodePdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<DecodedPdf> {
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  const deadline = Date.now() + (options.timeLimitMs ?? PDF_TIME_LIMIT_MS);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy; verbosity 0
    // keeps its warnings about odd-but-readable files off our stderr.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") throw new PdfReadError("encrypted", "encrypted PDF");
    throw new PdfReadError("corrupt", "corrupt PDF");
  }
  try {
    if (pdf.numPages > maxPages) {
      throw new PdfReadError("too-many-pages", `PDF 页数过多（${pdf.numPages}页，上限${maxPages}页），请只上传答复本身`);
    }
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      if (Date.now() > deadline) {
        throw new PdfReadError("too-slow", `PDF 读取超时：${Math.round((options.timeLimitMs ?? PDF_TIME_LIMIT_MS) / 1000)}秒内只读完${n - 1}页（共${pdf.numPages}页）`);
      }
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(joinRuns((content.items as unknown[]).filter(isTextRun)));
      page.cleanup();
    }
    const text = tidyLines(pages.join("\n"));
    if (text.replace(/\s/g, "") === "") throw new PdfReadError("no-text", "no text layer (scanned or image-only PDF)");
    let title: string | null = null;
    try {
      const meta = await pdf.getMetadata();
      const raw = (meta.info as { Title?: unknown } | undefined)?.Title;
      title = typeof raw === "string" && raw.trim() !== "" ? raw.trim() : null;
    } catch {
      title = null; // a broken Info dictionary does not make the text unreadable
    }
    return { text, title };
  } catch (error) {
    if (error instanceof PdfReadError) throw error;
    throw new PdfReadError("corrupt", "corrupt PDF");
  } finally {
    await pdf.destroy();
  }
}
