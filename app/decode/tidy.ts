// Shared clean-up of text that we build ourselves (HTML, docx, PDF). Plain-text files do NOT go
// through tidyLines: their text is returned as written (only the BOM and line endings change), so
// offsets stay close to the original file.

/** CRLF and lone CR (old Mac files) both become \n. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Trims each line, keeps at most one blank line between blocks and none at the ends. Trimming also
 * drops the full-width indentation (U+3000) that Chinese documents put before paragraphs: it is
 * layout, not content, and the formats disagree on whether they keep it.
 */
export function tidyLines(text: string): string {
  const lines = normaliseNewlines(text)
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v]+/g, " ").trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}
