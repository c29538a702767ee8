// The sentence around a place in a text, for "pick the sentence" when a reviewer adds a missed pledge
// without selecting words (issue 9 §1). Shared by the page (in the browser) and the service.

/** Where a sentence around `at` starts and ends (after the previous 。；！？ or line break, through the next). */
export function sentenceAround(text: string, at: number): { start: number; end: number } {
  const stop = /[。；;！!？?\n]/;
  let start = Math.max(0, Math.min(at, text.length));
  while (start > 0 && !stop.test(text[start - 1]!)) start--;
  let end = Math.max(start, Math.min(at, text.length));
  while (end < text.length && !stop.test(text[end]!)) end++;
  if (end < text.length && text[end] !== "\n") end++;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

