// Paragraphs (lines), sentences (GUIDE §2: from the last 。；or line start to the next 。；) and
// clauses (split at commas and colons), all with offsets into the original text.

export interface Paragraph {
  index: number;
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  paragraph: number;
  /** position of the sentence within its paragraph */
  ordinal: number;
  start: number;
  end: number;
  /** the shadow slice: matching happens here; offsets are relative to `start` */
  s: string;
}

export interface Clause {
  start: number; // relative to the sentence
  end: number;
}

// char codes: 。 ; ! ? , :
const PERIOD = 0x3002, SEMI = 0x3b, BANG = 0x21, QUESTION = 0x3f, COMMA = 0x2c, COLON = 0x3a;
const isSentenceEnd = (c: number) => c === PERIOD || c === SEMI || c === BANG || c === QUESTION;
const isClauseEnd = (c: number) => isSentenceEnd(c) || c === COMMA || c === COLON;

export function paragraphsOf(shadow: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (let i = 0; i <= shadow.length; i++) {
    if (i === shadow.length || shadow[i] === "\n") {
      let a = start;
      let b = i;
      while (a < b && (shadow[a] === " " || shadow[a] === "\t")) a++;
      while (b > a && (shadow[b - 1] === " " || shadow[b - 1] === "\t")) b--;
      if (b > a) out.push({ index: out.length, start: a, end: b });
      start = i + 1;
    }
  }
  return out;
}

/** Adds the sentence shadow[from, to) of paragraph p, trimmed of spaces and tabs, when not empty; returns the next ordinal. */
function pushSentence(out: Sentence[], shadow: string, p: Paragraph, ordinal: number, from: number, to: number): number {
  while (from < to && (shadow[from] === " " || shadow[from] === "\t")) from++;
  while (to > from && (shadow[to - 1] === " " || shadow[to - 1] === "\t")) to--;
  if (to > from) out.push({ index: out.length, paragraph: p.index, ordinal: ordinal++, start: from, end: to, s: shadow.slice(from, to) });
  return ordinal;
}

export function sentencesOf(shadow: string, paragraphs: Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs) {
    let a = p.start;
    let ordinal = 0;
    // (pushSentence is a module function, not a closure made per paragraph: the TypeScript
    // loader's keepNames helper named each such closure at run time, a slow defineProperty)
    for (let i = p.start; i < p.end; i++) {
      const c = shadow.charCodeAt(i);
      if (isSentenceEnd(c)) {
        // "?" and "!" inside Latin text (URLs, code) are not sentence ends
        if ((c === QUESTION || c === BANG) && /[A-Za-z0-9=&]/.test(shadow[i + 1] ?? "")) continue;
        // keep a closing quote or bracket with its sentence: 。” / 。)
        let j = i + 1;
        while (j < p.end && (shadow[j] === "”" || shadow[j] === ")")) j++;
        ordinal = pushSentence(out, shadow, p, ordinal, a, j);
        a = j;
        i = j - 1;
      }
    }
    ordinal = pushSentence(out, shadow, p, ordinal, a, p.end);
  }
  return out;
}

export function clausesOf(s: string): Clause[] {
  const out: Clause[] = [];
  let a = 0;
  let depth = 0; // commas inside 《》 or brackets do not end a clause (quotes are too often unbalanced to count)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x300a || c === 0x28) depth++; // 《 (
    else if ((c === 0x300b || c === 0x29) && depth > 0) depth--; // 》 )
    else if (depth === 0 && isClauseEnd(c)) {
      out.push({ start: a, end: i + 1 });
      a = i + 1;
    }
  }
  if (a < s.length) out.push({ start: a, end: s.length });
  return out;
}

/** Index of the clause holding position `pos`. */
export function clauseAt(clauses: Clause[], pos: number): number {
  for (let i = 0; i < clauses.length; i++) if (pos < clauses[i].end) return i;
  return clauses.length - 1;
}

/** Spans of 《…》 titles: numbers, dates and cue words inside them belong to the title. */
export function titleSpans(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "《") open = i;
    else if (s[i] === "》" && open >= 0) {
      out.push([open, i + 1]);
      open = -1;
    }
  }
  return out;
}

export function inSpans(spans: Array<[number, number]>, pos: number): boolean {
  for (const [a, b] of spans) if (pos >= a && pos < b) return true;
  return false;
}
