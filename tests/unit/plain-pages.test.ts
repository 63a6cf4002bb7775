// The low-data survey's pages: what each screen shows (survey-core decides), and that answers read
// back from the posted forms are the same values the rich form sends, so validation stores the same.
import fs from "node:fs";
import path from "node:path";
import "survey-core/i18n/welsh";
import { describe, expect, it } from "vitest";
import { getTemplate } from "~/survey/templates.server";
import {
  describeScreen,
  questionsOnScreen,
  readRanking,
  readScreen,
  shownScreens,
  type FormValues,
  type PlainScreen,
} from "~/survey/plain-pages.server";
import { validateAnswers } from "~/survey/validate-answers";

type Def = Record<string, unknown>;
const fixture = (file: string): Def => JSON.parse(fs.readFileSync(path.resolve(__dirname, "../fixtures/surveys", file), "utf8"));
const wellbeing = getTemplate("children-in-care-wellbeing")!.survey as Def;

/** The form a browser would post for a screen as rendered (every field at its shown value). */
function formOf(screen: PlainScreen): FormValues {
  const fields = new Map<string, string[]>();
  const add = (name: string, value: string) => fields.set(name, [...(fields.get(name) ?? []), value]);
  for (const q of screen.questions) {
    switch (q.kind) {
      case "text":
      case "textarea":
      case "radios":
      case "rating":
        if (q.value) add(q.field, q.value);
        if ((q.kind === "radios") && q.other?.value) add(`${q.field}-other`, q.other.value);
        break;
      case "checkboxes":
        q.value.forEach((value) => add(q.field, value));
        if (q.other?.value) add(`${q.field}-other`, q.other.value);
        break;
      case "ranking":
        q.choices.forEach((choice, index) => add(`${q.field}-${index + 1}`, q.value.length ? String(q.value.indexOf(choice.value) + 1) : ""));
        break;
      case "matrix":
        q.rows.forEach((row, index) => (q.value[row.value] ? add(`${q.field}-${index + 1}`, q.value[row.value]!) : undefined));
        break;
      case "multipletext":
        q.items.forEach((item, index) => (q.value[item.value] ? add(`${q.field}-${index + 1}`, q.value[item.value]!) : undefined));
        break;
      default:
    }
  }
  return (name) => fields.get(name) ?? [];
}

/**
 * A child answering every shown screen from nothing, as the low-data pages run: each screen is
 * rendered with the answers so far and posted with the values in `answers`; when that shows more
 * questions on the same screen (show-if within a page), the screen comes back and is posted again.
 */
function answerThroughScreens(definition: Def, answers: Def, locale = "en") {
  let draft: Def = {};
  for (const number of shownScreens(definition, locale, answers)) {
    for (let round = 0; round < 5; round++) {
      const rendered = describeScreen(definition, locale, draft, number);
      if (!rendered) break;
      const filled = describeScreen(definition, locale, answers, number)!;
      const shown = new Set(rendered.questions.map((q) => q.name));
      draft = readScreen(definition, locale, draft, number, formOf({ ...filled, questions: filled.questions.filter((q) => shown.has(q.name)) })).answers;
      if (questionsOnScreen(definition, locale, draft, number).every((name) => shown.has(name))) break;
    }
  }
  return draft;
}

describe("a screen shows what survey-core shows", () => {
  it("one page per screen, in the survey's language, with smileys named by their number and words", () => {
    const screen = describeScreen(wellbeing, "cy", {}, 1)!;
    expect(screen).toMatchObject({ number: 1, position: 1, count: 4, title: "Lle rwyt ti'n byw", previous: undefined, next: 2 });
    const [feelSafe] = screen.questions;
    expect(feelSafe).toMatchObject({ kind: "rating", style: "smileys", field: "a1", title: "Pa mor ddiogel wyt ti'n teimlo yn y lle rwyt ti'n byw?" });
    if (feelSafe?.kind !== "rating") throw new Error("rating expected");
    expect(feelSafe.choices[0]).toEqual({ value: "1", text: "1, Ddim yn ddiogel o gwbl", picture: "😞" });
    expect(feelSafe.choices[4]).toEqual({ value: "5", text: "5, Diogel iawn", picture: "😀" });
  });

  it("a checkbox question offers its 'none' and 'other' choices, the other with its own box", () => {
    const screen = describeScreen(wellbeing, "en", { talkTo: ["other"], "talkTo-Comment": "my nan" }, 2)!;
    const talkTo = screen.questions.find((q) => q.name === "talkTo");
    expect(talkTo).toMatchObject({ kind: "checkboxes", value: ["other"], exclusive: ["none"], other: { when: "other", value: "my nan" } });
  });

  it("show-if is evaluated with the answers so far: a hidden page is skipped, and comes back when shown", () => {
    const survey = fixture("07-after-the-event.json");
    expect(shownScreens(survey, "en", { "sessions-joined": ["housing"] })).toEqual([1, 3]);
    expect(describeScreen(survey, "en", { "sessions-joined": ["housing"] }, 2)).toBeUndefined();
    expect(shownScreens(survey, "en", { "sessions-joined": ["transport"] })).toEqual([1, 2, 3]);
    const next = describeScreen(survey, "en", { "keep-involved": ["newsletter"] }, 3)!;
    expect(next.questions.map((q) => q.name)).toEqual(["keep-involved", "youth-council-school"]);
    expect(describeScreen(survey, "en", {}, 3)!.questions.map((q) => q.name)).toEqual(["keep-involved"]);
  });

  it("one question per screen when the survey asks one question per page", () => {
    const survey = fixture("05-one-question-per-page.json");
    const shown = shownScreens(survey, "en", {});
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.every((number) => describeScreen(survey, "en", {}, number)!.questions.length === 1)).toBe(true);
  });

  it("matrix rows and columns, multiple text items and rankings are laid out as fields", () => {
    const matrix = describeScreen(fixture("03-placement-review.json"), "en", {}, 1)!.questions[0]!;
    expect(matrix).toMatchObject({ kind: "matrix", rows: [{ value: "lessons" }, { value: "breaks" }, { value: "teachers" }] });
    const plans = describeScreen(fixture("02-youth-club-plans.json"), "en", {}, 1)!;
    expect(plans.questions.find((q) => q.name === "priorities")).toMatchObject({ kind: "ranking", value: [] });
  });
});

describe("posted forms become the rich form's answers", () => {
  it("numbers, booleans, lists and 'other' text come back as the rich form sends them", () => {
    const sent = readScreen(wellbeing, "en", { feelSafe: 4 }, 2, (name) =>
      ({ a1: ["true"], a2: ["carer", "other"], "a2-other": ["my nan"], a3: ["more"], a4: ["sometimes"] })[name] ?? [],
    );
    expect(sent.answers).toEqual({ feelSafe: 4, trustedAdult: true, talkTo: ["carer", "other"], "talkTo-Comment": "my nan", familyTime: "more", socialWorker: "sometimes" });
    const rating = readScreen(wellbeing, "en", {}, 1, (name) => (name === "a1" ? ["2"] : []));
    expect(rating.answers).toEqual({ feelSafe: 2 });
  });

  it("a screen posted empty removes that screen's earlier answers and keeps the others", () => {
    const before = { feelSafe: 4, talkTo: ["carer"], makeBetter: "More trips" };
    expect(readScreen(wellbeing, "en", before, 2, () => []).answers).toEqual({ feelSafe: 4, makeBetter: "More trips" });
  });

  it("what cannot be a value is kept as typed, so validation refuses it with its usual message", () => {
    const typed = readScreen(fixture("01-wellbeing-check-in.json"), "en", {}, 1, (name) => (name === "a3" ? ["twelve"] : []));
    expect(typed.answers).toEqual({ age: "twelve" });
    const result = validateAnswers(fixture("01-wellbeing-check-in.json"), typed.answers);
    expect(result.ok).toBe(false);
  });

  it("rankings typed as numbers: all different from 1 to n, or none", () => {
    const choices = ["a", "b", "c"].map((value) => ({ value, text: value }));
    const typed = (ranks: string[]) => readRanking(choices, (index) => ranks[index] ?? "");
    expect(typed(["2", "3", "1"])).toEqual(["c", "a", "b"]);
    expect(typed(["", "", ""])).toBeUndefined();
    expect(typed(["1", "1", "2"])).toBe("problem");
    expect(typed(["1", "2", ""])).toBe("problem");
    expect(typed(["1", "2", "4"])).toBe("problem");
  });

  it.each([
    ["the wellbeing template", wellbeing, { feelSafe: 2, likeHome: 5, trustedAdult: false, talkTo: ["school", "other"], "talkTo-Comment": "my coach", familyTime: "less", school: 3, haveSay: "mostly", makeBetter: "More say\nabout contact", anythingElse: "No" }],
    ["a survey with show-if pages and panels", fixture("07-after-the-event.json"), { "came-to-forum": "1", "sessions-joined": ["transport", "housing"], "forum-rating": 4, "bus-pass-idea": "no", "bus-pass-why": "Too dear", "keep-involved": ["newsletter"], "youth-council-school": "Hill High" }],
    ["rankings, image pickers and a matrix", fixture("02-youth-club-plans.json"), { activities: ["music", "art"], priorities: ["food", "safe", "staff", "free", "friends"], "favourite-room": "quiet", snacks: ["toast", "fruit"], weekend: true, days: ["saturday", "monday"], "bus-fare": 1.5 }],
  ])("%s: answering every screen gives the answers the rich form would send, stored identically", (_name, definition, answers) => {
    const direct = validateAnswers(definition, answers);
    expect(direct.ok, JSON.stringify(direct)).toBe(true);
    const throughPages = answerThroughScreens(definition, answers);
    expect(validateAnswers(definition, throughPages)).toEqual(direct);
  });
});
