/**
 * Finding concerning words and phrases in what a child wrote (DESIGN.md principle 5). Pure: no I/O,
 * used on arrival of every response, to highlight matches for the safeguarding lead, and to check
 * an organisation's own list when an admin edits it.
 *
 * How text and phrases are compared:
 * - both are split into words: letters and digits; hyphens, spaces and punctuation separate words,
 *   and apostrophes inside a word vanish ("don't" = "dont", "teimlo'n" = "teimlon");
 * - case and accents do not count ("Cam-drin" = "cam drin", "â" = "a");
 * - a run of the same letter counts as one, which catches many misspellings ("kil", "killl",
 *   "suiciide") and Welsh soft mutation of ll/dd ("ladd" = "lladd");
 * - a phrase matches whole words only, in order ("kill myself" never matches "skill myself");
 * - a `*` at the start or end of a word in a phrase matches any ending or beginning ("groom*").
 *
 * The default list errs on the side of flagging: a lead reading a harmless answer costs little; a
 * missed disclosure can cost a great deal. It leaves out words children use innocently all the time
 * ("dying to go", "killed 5-0", "beat me at FIFA").
 */

export type PhraseMatch = {
  /** The list entry that matched, as written in the list. */
  phrase: string;
  /** Where in the original text (UTF-16 offsets), for highlighting. */
  start: number;
  end: number;
};

type WordPattern = { text: string; anyStart: boolean; anyEnd: boolean };
export type CompiledPhrase = { phrase: string; words: WordPattern[] };

type Word = { norm: string; start: number; end: number };

export const PHRASE_LIMITS = { maxPhrases: 1000, maxLength: 100 } as const;

/** Lower case, no accents, no apostrophes, runs of one letter collapsed. */
function normaliseWord(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`´ʼ]/g, "")
    .replace(/(\p{L})\1+/gu, "$1");
}

// A word: letters (with their accents) and digits, with apostrophes allowed inside.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’‘`´ʼ]*/gu;

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0].replace(/['’‘`´ʼ]+$/u, "");
    const norm = normaliseWord(raw);
    if (norm) words.push({ norm, start: match.index, end: match.index + raw.length });
  }
  return words;
}

/** Turns list entries into patterns; entries with no letters or digits are dropped. */
export function compilePhrases(phrases: readonly string[]): CompiledPhrase[] {
  const compiled: CompiledPhrase[] = [];
  for (const phrase of phrases) {
    const words = phrase
      .split(/[^\p{L}\p{M}\p{N}'’‘`´ʼ*]+/u)
      .filter(Boolean)
      .map((word) => ({
        text: normaliseWord(word.replace(/\*/g, "")),
        anyStart: word.startsWith("*"),
        anyEnd: word.endsWith("*") && word.length > 1,
      }))
      .filter((word) => word.text.length > 0);
    if (words.length > 0) compiled.push({ phrase, words });
  }
  return compiled;
}

// A council's list changes rarely and every submission checks against it: compile each list once.
const compiledLists = new Map<string, CompiledPhrase[]>();

/** compilePhrases, remembered by the list's content (so an edited list is simply a new entry). */
export function compiledPhraseList(phrases: readonly string[]): CompiledPhrase[] {
  const key = phrases.join("\n");
  let compiled = compiledLists.get(key);
  if (!compiled) {
    if (compiledLists.size >= 50) compiledLists.clear();
    compiled = compilePhrases(phrases);
    compiledLists.set(key, compiled);
  }
  return compiled;
}

function wordMatches(pattern: WordPattern, word: string): boolean {
  if (pattern.anyStart && pattern.anyEnd) return word.includes(pattern.text);
  if (pattern.anyStart) return word.endsWith(pattern.text);
  if (pattern.anyEnd) return word.startsWith(pattern.text);
  return word === pattern.text;
}

/** Every place a phrase of the list occurs in the text, in order of position. */
export function findConcerningPhrases(text: string, phrases: readonly CompiledPhrase[]): PhraseMatch[] {
  const words = wordsOf(text);
  const matches: PhraseMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const { phrase, words: pattern } of phrases) {
      if (i + pattern.length > words.length) continue;
      if (pattern.every((p, k) => wordMatches(p, words[i + k]!.norm))) {
        matches.push({ phrase, start: words[i]!.start, end: words[i + pattern.length - 1]!.end });
      }
    }
  }
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The distinct list entries found in the text. */
export function concerningPhrasesIn(text: string, phrases: readonly CompiledPhrase[]): string[] {
  return [...new Set(findConcerningPhrases(text, phrases).map((match) => match.phrase))];
}

/** The text cut into plain and marked pieces (overlapping matches merged), for <mark> highlighting. */
export function highlightSegments(text: string, matches: readonly PhraseMatch[]): { text: string; marked: boolean }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    const last = ranges.at(-1);
    if (last && match.start <= last.end) last.end = Math.max(last.end, match.end);
    else ranges.push({ start: match.start, end: match.end });
  }
  const segments: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start > at) segments.push({ text: text.slice(at, range.start), marked: false });
    segments.push({ text: text.slice(range.start, range.end), marked: true });
    at = range.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

/**
 * An admin's list as typed: one phrase per line; blank lines and lines starting with # are
 * ignored; duplicates (after normalising) are dropped. Returns the phrases, or the lines that are
 * too long or contain no word.
 */
export function parsePhraseList(input: string):
  | { ok: true; phrases: string[] }
  | { ok: false; problem: "empty" | "tooMany" | "tooLong" | "noWord"; line?: string } {
  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const rawLine of input.split(/\r?\n/)) {
    const line = rawLine.trim().replace(/\s+/g, " ");
    if (!line || line.startsWith("#")) continue;
    if (line.length > PHRASE_LIMITS.maxLength) return { ok: false, problem: "tooLong", line };
    const compiled = compilePhrases([line])[0];
    if (!compiled) return { ok: false, problem: "noWord", line };
    const key = compiled.words.map((w) => `${w.anyStart ? "*" : ""}${w.text}${w.anyEnd ? "*" : ""}`).join(" ");
    if (seen.has(key)) continue;
    seen.add(key);
    phrases.push(line);
  }
  if (phrases.length === 0) return { ok: false, problem: "empty" };
  if (phrases.length > PHRASE_LIMITS.maxPhrases) return { ok: false, problem: "tooMany" };
  return { ok: true, phrases };
}
