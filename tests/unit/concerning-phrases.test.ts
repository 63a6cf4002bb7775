import { describe, expect, it } from "vitest";
import {
  compilePhrases,
  concerningPhrasesIn,
  findConcerningPhrases,
  highlightSegments,
  parsePhraseList,
} from "~/safeguarding/concerning-phrases";
import { DEFAULT_CONCERNING_PHRASES } from "~/safeguarding/default-phrases";
import { choiceValuesOf, flaggedAnswers, typedTextOf } from "~/safeguarding/free-text";

const defaults = compilePhrases(DEFAULT_CONCERNING_PHRASES);
const flagsFor = (text: string) => concerningPhrasesIn(text, defaults);

describe("the default list flags worrying answers", () => {
  it.each([
    ["I want to kill myself", "kill myself"],
    ["sometimes i think about SUICIDE", "suicide"],
    ["I think about sucide a lot", "sucide"],
    ["i wanna die", "wanna die"],
    ["I self-harm when I'm sad", "self harm"],
    ["I've been self  harming", "self harming"],
    ["I kil my self in my head", "kill my self"],
    ["my stepdad hits me when he's drunk", "hits me"],
    ["I don't feel safe at home", "don't feel safe"],
    ["I dont feel safe", "don't feel safe"],
    ["I do not feel safe", "do not feel safe"],
    ["it is not safe where I live", "not safe"],
    ["there's nothing to eat at home", "nothing to eat"],
    ["I'm going to run away", "run away"],
    ["they make me carry drugs for them", "carry drugs"],
    ["an older boyfriend gives me stuff", "older boyfriend"],
    ["I was groomed online", "groomed"],
    ["she was abused", "abused"],
    ["Dw i isio marw", "isio marw"],
    ["Dw i eisiau lladd fy hun", "lladd fy hun"],
    ["dw i'n meddwl am ladd fy hun", "lladd fy hun"],
    ["Mae'n fy ngham-drin i", "ngham-drin"],
    ["Dw i ddim yn teimlo'n ddiogel gartref", "ddim yn teimlo'n ddiogel"],
    ["DW I DDIM YN DDIOGEL", "ddim yn ddiogel"],
    ["Rydw i wedi bod yn hunan-niweidio", "hunan-niweidio"],
    ["Dw i eisiau rhedeg i ffwrdd", "rhedeg i ffwrdd"],
    ["mae o'n cyffwrdd a fi", "cyffwrdd â fi"],
    ["mae hi'n cyffwrdd â fi", "cyffwrdd â fi"],
  ])("%j", (text, phrase) => {
    expect(flagsFor(text)).toContain(phrase);
  });

  it("ignores doubled letters and accents, so common misspellings still match", () => {
    expect(flagsFor("i want to killl myselff")).toContain("kill myself");
    expect(flagsFor("thinking about suiciide")).toContain("suicide");
    expect(flagsFor("Thé abüse")).toContain("abuse");
  });
});

describe("the default list leaves innocent answers alone", () => {
  it.each([
    "I was dying to go to the party",
    "my football team got killed 5-0",
    "My brother beat me at FIFA",
    "This survey is killing me lol",
    "I'm starving, can we have pizza?",
    "I would die for a bigger bedroom",
    "We ran out of time at youth club",
    "My mum will kill me if I'm late home",
    "I love cutting out shapes in art",
    "I feel safe and happy where I live",
    "Safeguarding training for carers was good",
    "I hit the ball really far at rounders",
    "My little brother hits the drums all day",
    "Pass the knife and fork please",
    "I want to dye my hair blue",
    "The skills session was great",
    "Dw i'n teimlo'n ddiogel gartref",
    "Roedd y gweithdy yn hwyl, diolch",
    "Dw i'n hoffi'r gampfa yn yr ysgol",
    "Mwy o amser gyda fy mrawd",
    "More time with my social worker",
  ])("%j", (text) => {
    expect(flagsFor(text)).toEqual([]);
  });
});

describe("matching rules", () => {
  it("matches whole words only", () => {
    const list = compilePhrases(["rape", "hit me"]);
    expect(concerningPhrasesIn("grapes and drapes", list)).toEqual([]);
    expect(concerningPhrasesIn("white mesh", list)).toEqual([]);
    expect(concerningPhrasesIn("he hit me.", list)).toEqual(["hit me"]);
  });

  it("lets a * match the rest or the start of a word", () => {
    const list = compilePhrases(["groom*", "*drin"]);
    expect(concerningPhrasesIn("he was grooming me", list)).toEqual(["groom*"]);
    expect(concerningPhrasesIn("he groomed me", list)).toEqual(["groom*"]);
    expect(concerningPhrasesIn("mae'n fy nghamdrin", list)).toEqual(["*drin"]);
    expect(concerningPhrasesIn("the groom at the wedding", compilePhrases(["groom*x"]))).toEqual([]);
  });

  it("gives positions in the original text, across punctuation and accents", () => {
    const text = "Honestly… I don’t feel SAFE, ever.";
    const [match] = findConcerningPhrases(text, compilePhrases(["don't feel safe"]));
    expect(text.slice(match!.start, match!.end)).toBe("don’t feel SAFE");
  });

  it("cuts text into marked and plain pieces, merging overlaps", () => {
    const text = "I want to kill myself and end it all";
    const segments = highlightSegments(text, findConcerningPhrases(text, compilePhrases(["kill myself", "myself", "end it all"])));
    expect(segments).toEqual([
      { text: "I want to ", marked: false },
      { text: "kill myself", marked: true },
      { text: " and ", marked: false },
      { text: "end it all", marked: true },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });
});

describe("an admin's list", () => {
  it("takes one phrase per line, skipping blanks, comments and duplicates", () => {
    expect(parsePhraseList("  not safe \n\n# a comment\nNot  Safe\nself-harm\nself harm\nran away")).toEqual({
      ok: true,
      phrases: ["not safe", "self-harm", "ran away"],
    });
  });

  it("refuses an empty list, a line with no word, and a very long line", () => {
    expect(parsePhraseList("\n  \n# only a comment")).toEqual({ ok: false, problem: "empty" });
    expect(parsePhraseList("fine\n!!!")).toEqual({ ok: false, problem: "noWord", line: "!!!" });
    expect(parsePhraseList("x".repeat(101))).toMatchObject({ ok: false, problem: "tooLong" });
  });

  it("accepts the default list as written", () => {
    const parsed = parsePhraseList(DEFAULT_CONCERNING_PHRASES.join("\n"));
    expect(parsed.ok).toBe(true);
  });
});

describe("typed text in an answer set", () => {
  const definition = {
    pages: [
      {
        elements: [
          { type: "radiogroup", name: "feel", choices: [{ value: "not safe", text: "Not safe" }, "ok"] },
          { type: "checkbox", name: "talkTo", choices: ["carer", "teacher"], showOtherItem: true },
          { type: "comment", name: "anythingElse" },
          { type: "matrix", name: "grid", columns: ["abuse"], rows: ["home"] },
        ],
      },
    ],
  };

  it("leaves out values that were chosen rather than typed", () => {
    expect(choiceValuesOf(definition).has("not safe")).toBe(true);
    const answers = {
      feel: "not safe",
      talkTo: ["carer", "other"],
      "talkTo-Comment": "my nan",
      anythingElse: "I want to run away",
      grid: { home: "abuse" },
    };
    expect(typedTextOf(answers, definition)).toEqual([
      { question: "talkTo", text: "my nan" },
      { question: "anythingElse", text: "I want to run away" },
    ]);
    expect(flaggedAnswers(answers, definition, defaults)).toEqual([{ question: "anythingElse", phrases: ["run away"] }]);
  });

  it("finds typed text inside dynamic panels and an Other box", () => {
    const answers = { people: [{ name: "Jo", note: "he hits me" }], "talkTo-Comment": "nobody, I'm not safe" };
    expect(flaggedAnswers(answers, definition, defaults)).toEqual([
      { question: "people", phrases: ["hits me"] },
      { question: "talkTo", phrases: ["not safe"] },
    ]);
  });
});

test("a list is compiled once and remembered by its content", async () => {
  const { compiledPhraseList, compilePhrases } = await import("~/safeguarding/concerning-phrases");
  const list = ["run away", "not safe"];
  const first = compiledPhraseList(list);
  expect(first).toEqual(compilePhrases(list));
  expect(compiledPhraseList([...list])).toBe(first);
  expect(compiledPhraseList(["run away"])).not.toBe(first);
});
