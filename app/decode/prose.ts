// Is this a document at all? Replies and reports are Chinese prose. A file that decodes to text
// but holds none (a JSON or source file, random bytes read as GB18030, an English page) is refused
// with a one-line reason before anything is stored (issue: refuse what is not a document).

// The most frequent characters of Chinese prose: in real text they are about a quarter of all Han
// characters; in random bytes decoded as GB18030 (≈22,000 possible characters) well under 1%.
const COMMON = new Set(
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质第向道此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料员位入常文总次品式活设及管特件长求老基资边流路级少图山统接知较将组见计别手期根论运农指几九区强放决被干做必先回则任取据处府研信务元".split(""),
);
const HAN = /\p{Script=Han}/u;

function looksLikeData(text: string): boolean {
  const t = text.trim();
  if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
    try {
      JSON.parse(t);
      return true;
    } catch {
      /* not JSON: judge the lines */
    }
  }
  const lines = t.split("\n").filter((l) => l.trim() !== "");
  if (lines.length < 5) return false;
  const code = lines.filter((l) => /[;{}]\s*$|=>|^\s*(?:import|export|const|let|var|function|def|class|return|#include|<\?php|public|private)\b|^\s*"[^"]+"\s*:/.test(l)).length;
  return code / lines.length >= 0.3;
}

/** Null for Chinese prose; otherwise the reason, in Chinese, the file is not taken. */
export function notADocumentReason(text: string): string | null {
  const sample = text.length > 40_000 ? text.slice(0, 40_000) : text;
  let han = 0;
  let common = 0;
  for (const ch of sample) {
    if (!HAN.test(ch)) continue;
    han++;
    if (COMMON.has(ch)) common++;
  }
  if (han < 10) return "不是答复或报告：文件中没有中文正文";
  if (common / han < 0.06) return "不是答复或报告：文字不成句，可能是乱码或二进制数据";
  if (looksLikeData(sample) && han / sample.replace(/\s/g, "").length < 0.3) return "不是答复或报告：这是数据或源代码文件";
  return null;
}
