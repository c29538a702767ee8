// .docx → text with mammoth's raw-text mode: one paragraph per line, and each table cell is its own
// paragraph, which is the flattened 序号 / 具体诉求 / 答复内容 shape the extractor reads.
import mammoth from "mammoth";
import { tidyLines } from "./tidy";

export class DocxReadError extends Error {}

export async function decodeDocx(bytes: Uint8Array): Promise<string> {
  let raw: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    raw = result.value;
  } catch (error) {
    throw new DocxReadError(shortReason(error));
  }
  // mammoth ends every paragraph with "\n\n"; one \n per paragraph keeps an empty paragraph as a
  // blank line and everything else as plain lines.
  return tidyLines(raw.replace(/\r\n?/g, "\n").replace(/\n\n/g, "\n"));
}

/** jszip and mammoth messages are long and sometimes multi-line; keep the first line, capped. */
function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split("\n")[0]!.replace(/\s+/g, " ").trim();
  return first.length > 120 ? `${first.slice(0, 117)}...` : first || "unknown error";
}
