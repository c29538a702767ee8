// What counts as well-formed text anywhere input enters — a query parameter, a form field, a JSON
// string, a file name (docs/decisions/0024-input-at-the-edge.md). Pure, so the server's request
// guard (server/guard.ts), the routes and the forms' zod schemas share one rule.

/**
 * Characters refused in any field: NUL and the other C0 controls except tab, newline and carriage
 * return, DEL and the C1 controls; the bidi embedding, override and isolate controls (U+202A–202E,
 * U+2066–2069), which make a stored quote read differently from what it says ("Trojan Source");
 * and the non-characters U+FFFE / U+FFFF.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/;

/** A UTF-16 surrogate not paired with its other half: not a character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` is not well-formed (in Chinese), or null when it is. */
export function textProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return "含有无法识别的字符（不成对的代理码元），请检查后重新输入。";
  const bad = FORBIDDEN.exec(text);
  if (!bad) return null;
  const code = bad[0].charCodeAt(0);
  if (code === 0) return "含有空字符（NUL），请检查后重新输入。";
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
    return "含有改变文字显示方向的控制字符，请删除后重新输入。";
  }
  return "含有不可见的控制字符，请删除后重新输入。";
}

/** True when `text` has none of the characters textProblem refuses. */
export function isWellFormedText(text: string): boolean {
  return textProblem(text) === null;
}
