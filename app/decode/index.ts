// Bytes of an uploaded or ingested file → the text the extractor reads. Pure apart from the
// libraries' own parsing: no file system, no network, no database. The caller reads the file.
//
// Offsets the extractor reports are UTF-16 offsets into DecodedDocument.text, so whatever is
// stored as the document's text must be exactly this string.
import { DecodeError } from "./errors";
import { sniff, type Sniffed } from "./sniff";
import { decodeText } from "./text";

export { DecodeError } from "./errors";
export { decodeText, type DecodedText } from "./text";
export { notADocumentReason } from "./prose";

export type SourceFormat = "txt" | "html" | "docx" | "pdf";

export interface DecodedDocument {
  text: string;
  format: SourceFormat;
  /** the character encoding detected for txt and html; null for docx and pdf (they carry Unicode) */
  encoding: string | null;
  /** <title> (or Readability's headline) of a page, the Title of a PDF's Info; else null */
  title: string | null;
}

/**
 * 20 MiB. The largest reply we have seen is a few hundred KB as text and a few MB as a PDF with
 * scanned attachments; 20 MiB leaves room for image-heavy PDFs and .docx files while keeping one
 * request's memory bounded (pdf.js holds the whole file plus its parsed objects).
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface DecodeOptions {
  /** overrides MAX_FILE_BYTES, for callers with tighter limits (and for tests) */
  maxBytes?: number;
}

const EXTENSION_FORMAT: Record<string, SourceFormat> = {
  txt: "txt", text: "txt", md: "txt", csv: "txt", log: "txt",
  html: "html", htm: "html", xhtml: "html", shtml: "html",
  docx: "docx",
  pdf: "pdf",
};

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return mb >= 10 || Number.isInteger(mb) ? String(Math.round(mb)) : mb.toFixed(1);
}

/**
 * Which decoder to run. Unambiguous magic numbers (PDF, zip, OLE2) beat the extension, because
 * a misnamed file is far more common than a text file that starts with "%PDF-"; without magic the
 * extension decides, and without a known extension the start of the file does.
 */
function chooseFormat(fileName: string, ext: string, sniffed: Sniffed): SourceFormat {
  const fail = (reason: string): never => {
    throw new DecodeError(fileName, reason);
  };
  switch (sniffed.kind) {
    case "pdf":
      return "pdf";
    case "docx":
      return "docx";
    case "ole2":
      return fail(ext === "xls" || ext === "ppt" || ext === "wps" || ext === "et"
        ? `unsupported format: .${ext} (old Office binary); save it as .docx`
        : "unsupported format: .doc (old Word binary); save it as .docx");
    case "zip":
      return fail(ext === "docx"
        ? "corrupt or unreadable .docx: a zip archive without word/document.xml"
        : "unsupported format: a zip archive, not a .docx");
    case "rtf":
      return fail("unsupported format: RTF; save it as .docx");
    case "binary":
      return fail(`unsupported format: ${sniffed.what}`);
    case "html":
    case "unknown":
      break;
  }
  const byExtension = EXTENSION_FORMAT[ext];
  if (byExtension === "pdf") return fail("corrupt PDF");
  if (byExtension === "docx") return fail("corrupt or unreadable .docx: not a zip archive");
  if (byExtension) return byExtension;
  // Word's "save as web page" and many government download links produce HTML named .doc.
  if (sniffed.kind === "html") return "html";
  if (ext === "doc") return fail("unsupported format: .doc (old Word binary); save it as .docx");
  return "txt";
}

export async function decodeDocument(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): Promise<DecodedDocument> {
  const limit = options.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length > limit) throw new DecodeError(fileName, `too large (${megabytes(bytes.length)} MB; the limit is ${megabytes(limit)} MB)`);
  if (bytes.length === 0) throw new DecodeError(fileName, "empty file");

  const format = chooseFormat(fileName, extensionOf(fileName), sniff(bytes));
  switch (format) {
    case "txt": {
      const { text, encoding } = decodeText(bytes, fileName);
      return { text, format, encoding, title: null };
    }
    // The HTML, .docx and PDF libraries are loaded on first use: pdf.js alone is megabytes of
    // code, and a CLI run over text files should not pay for it.
    case "html": {
      const { decodeHtml, HtmlTooDeepError } = await import("./html");
      let decodedHtml: ReturnType<typeof decodeHtml>;
      try {
        decodedHtml = decodeHtml(bytes);
      } catch (error) {
        if (error instanceof HtmlTooDeepError) throw new DecodeError(fileName, error.message);
        throw error;
      }
      const { text, encoding, title } = decodedHtml;
      if (text.trim() === "") throw new DecodeError(fileName, "no text in the HTML page");
      return { text, format, encoding, title };
    }
    case "docx": {
      const { DocxReadError, decodeDocx } = await import("./docx");
      const { docxSizeProblem } = await import("./zip-size");
      const sizeProblem = docxSizeProblem(bytes);
      if (sizeProblem) throw new DecodeError(fileName, sizeProblem);
      let text: string;
      try {
        text = await decodeDocx(bytes);
      } catch (error) {
        if (error instanceof DocxReadError) throw new DecodeError(fileName, `corrupt or unreadable .docx: ${error.message}`);
        throw error;
      }
      if (text.trim() === "") throw new DecodeError(fileName, "empty document (the .docx has no text)");
      return { text, format, encoding: null, title: null };
    }
    case "pdf": {
      const { PdfReadError, decodePdf } = await import("./pdf");
      try {
        const { text, title } = await decodePdf(bytes);
        return { text, format, encoding: null, title };
      } catch (error) {
        if (error instanceof PdfReadError) throw new DecodeError(fileName, error.message);
        throw error;
      }
    }
  }
}
