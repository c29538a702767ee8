// The decoder reports why a file could not be read; people uploading replies read Chinese. Known
// reasons are restated in plain Chinese; anything else is shown as given, after a Chinese lead-in.
const PATTERNS: [RegExp, string][] = [
  [/^(文件为空|empty|.*\bis empty\b|.*\b0 bytes\b)/i, "文件是空的，没有任何内容。"],
  [/binary|not a text|unsupported (file )?(type|format)|unknown (file )?(type|format)|control char/i, "这不是可识别的文字文件（可能是二进制文件或不支持的格式）。支持 .txt、.html、.docx 和带文字层的 .pdf。"],
  [/encrypt|password/i, "PDF 文件已加密，无法读取其中的文字。"],
  [/image[- ]only|no text layer|scanned|no extractable text/i, "PDF 文件只有图片、没有文字层（可能是扫描件），无法读取文字。"],
  [/corrupt|invalid|malformed|not a valid|zip|could not (parse|open)|unreadable/i, "文件已损坏或格式不正确，无法打开。"],
  [/too large|size limit|exceeds/i, "文件过大，超过了允许的上限。"],
  [/decod|encoding|charset/i, "无法识别文件的文字编码。"],
  [/no (readable )?text|没有可读/i, "文件中没有可读的文字。"],
];

export function explainRejection(reason: string): string {
  if (/[\u4e00-\u9fff]/.test(reason)) return reason;
  for (const [pattern, message] of PATTERNS) {
    if (pattern.test(reason)) return `${message}（${reason}）`;
  }
  return `无法读取文件（${reason}）。`;
}
