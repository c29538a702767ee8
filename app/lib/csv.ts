// CSV for Excel users in China: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark —
// without the BOM, Excel on Windows opens UTF-8 as the ANSI code page and the Chinese is garbled.
export const UTF8_BOM = "\uFEFF";

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  // A leading = + - @ would be run as a formula by Excel (CSV injection); a quote mark defuses it.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A Content-Disposition that keeps a Chinese file name (RFC 6266 / 5987) with an ASCII fallback. */
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
