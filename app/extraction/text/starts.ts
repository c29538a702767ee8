// A pattern tried only where one of its matches can start. An alternation of many words (or one
// that opens with a lookbehind) is tried by the regex engine at every position of the string; a
// loop over char codes that skips the positions whose character opens none of its words, and runs
// the pattern sticky at the others, finds the same leftmost match (same flags, same lookbehinds:
// they read the string before the position as they did).
// `starts` must hold every character a match of the pattern can begin with, and the pattern must
// not match the empty string.
export interface StartScan {
  /** the pattern's .test(s) */
  test(s: string): boolean;
  /** the leftmost match at or after `from`, as a global exec with lastIndex = from finds it */
  execFrom(s: string, from: number): RegExpExecArray | null;
}

export function startScan(pattern: RegExp, starts: string): StartScan {
  const sticky = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "") + "y");
  const first = new Uint8Array(65536);
  for (let i = 0; i < starts.length; i++) first[starts.charCodeAt(i)] = 1;
  const execFrom = (s: string, from: number): RegExpExecArray | null => {
    for (let p = from; p < s.length; p++) {
      if (first[s.charCodeAt(p)] !== 1) continue;
      sticky.lastIndex = p;
      const m = sticky.exec(s);
      if (m) return m;
    }
    return null;
  };
  const test = (s: string): boolean => {
    for (let p = 0; p < s.length; p++) {
      if (first[s.charCodeAt(p)] !== 1) continue;
      sticky.lastIndex = p;
      if (sticky.test(s)) return true;
    }
    return false;
  };
  return { test, execFrom };
}
