import { describe, expect, it } from "vitest";
import { summariseResponses, type QuestionSummary } from "~/analysis/summarise";
import { getTemplate } from "~/survey/templates.server";

const definition = {
  showQuestionNumbers: "off",
  pages: [
    {
      name: "one",
      elements: [
        { type: "html", name: "intro", html: "<p>Hello</p>" },
        {
          type: "rating",
          name: "mood",
          title: { default: "How do you feel?", cy: "Sut wyt ti'n teimlo?" },
          rateType: "smileys",
          rateMin: 1,
          rateMax: 5,
          minRateDescription: { default: "Sad", cy: "Trist" },
          maxRateDescription: { default: "Happy", cy: "Hapus" },
        },
        { type: "boolean", name: "safe", title: { default: "Do you feel safe?", cy: "Wyt ti'n teimlo'n ddiogel?" } },
        {
          type: "boolean",
          name: "again",
          title: "Come again?",
          labelTrue: { default: "Yes please", cy: "Byddwn" },
          labelFalse: { default: "No thanks", cy: "Na fyddwn" },
        },
        {
          type: "checkbox",
          name: "liked",
          title: { default: "What did you like?", cy: "Beth oeddet ti'n ei hoffi?" },
          choices: [
            { value: "food", text: { default: "Food", cy: "Bwyd" } },
            { value: "games", text: { default: "Games", cy: "Gemau" } },
            { value: "music", text: { default: "Music", cy: "Cerddoriaeth" } },
          ],
          showOtherItem: true,
        },
      ],
    },
    {
      name: "two",
      elements: [
        {
          type: "panel",
          name: "box",
          elements: [
            {
              type: "radiogroup",
              name: "heard",
              title: "How did you hear?",
              choices: ["school", "friend"],
              showOtherItem: true,
              visibleIf: "{safe} = true",
            },
            { type: "dropdown", name: "year", title: "School year", choices: [7, 8, 9] },
          ],
        },
        { type: "expression", name: "score", expression: "{mood} * 2" },
        { type: "comment", name: "ideas", title: { default: "Any ideas?", cy: "Unrhyw syniadau?" } },
      ],
    },
  ],
};

function question(summary: { questions: QuestionSummary[] }, name: string) {
  const found = summary.questions.find((q) => q.name === name);
  if (!found) throw new Error(`no question ${name}`);
  return found;
}

function choice(summary: { questions: QuestionSummary[] }, name: string) {
  const found = question(summary, name);
  if (found.kind !== "choice") throw new Error(`${name} is not a choice question`);
  return found;
}

/** `n` copies of an answer set. */
function times(n: number, answers: Record<string, unknown>): Record<string, unknown>[] {
  return Array.from({ length: n }, () => ({ ...answers }));
}

describe("summariseResponses", () => {
  it("lists every answerable question, hidden ones and those in panels too, but no html or expression", () => {
    const summary = summariseResponses(definition, [], { threshold: 5 });
    expect(summary.questions.map((q) => [q.name, q.kind])).toEqual([
      ["mood", "choice"],
      ["safe", "choice"],
      ["again", "choice"],
      ["liked", "choice"],
      ["heard", "choice"],
      ["year", "choice"],
      ["ideas", "text"],
    ]);
    expect(summary.total).toBe(0);
    expect(summary.totalSuppressed).toBe(false);
  });

  it("counts a 1..5 smiley rating, labelled with its end descriptions", () => {
    const answers = [...times(10, { mood: 5 }), ...times(6, { mood: 4 }), ...times(5, { mood: 1 }), ...times(2, {})];
    const mood = choice(summariseResponses(definition, answers, { threshold: 5 }), "mood");
    expect(mood.title).toBe("How do you feel?");
    expect(mood.answered).toBe(21);
    expect(mood.cells).toEqual([
      { label: "1 (Sad)", value: "1", count: 5, percent: 24, suppressed: false, reason: null },
      { label: "2", value: "2", count: 0, percent: 0, suppressed: false, reason: null },
      { label: "3", value: "3", count: 0, percent: 0, suppressed: false, reason: null },
      { label: "4", value: "4", count: 6, percent: 29, suppressed: false, reason: null },
      { label: "5 (Happy)", value: "5", count: 10, percent: 48, suppressed: false, reason: null },
    ]);
  });

  it("counts booleans under their Yes/No labels, or labelTrue/labelFalse", () => {
    const answers = [...times(7, { safe: true, again: false }), ...times(8, { safe: false, again: true })];
    const summary = summariseResponses(definition, answers, { threshold: 5 });
    expect(choice(summary, "safe").cells.map((c) => [c.label, c.value, c.count])).toEqual([
      ["Yes", "true", 7],
      ["No", "false", 8],
    ]);
    expect(choice(summary, "again").cells.map((c) => [c.label, c.count])).toEqual([
      ["Yes please", 8],
      ["No thanks", 7],
    ]);
  });

  it("counts each box ticked in a checkbox question, as a percent of those who answered it", () => {
    const answers = [
      ...times(6, { liked: ["food", "games"] }),
      ...times(6, { liked: ["food"] }),
      ...times(5, { liked: ["music", "other"], "liked-Comment": "the dog" }),
      ...times(3, { liked: [] }),
    ];
    const liked = choice(summariseResponses(definition, answers, { threshold: 5 }), "liked");
    expect(liked.answered).toBe(17);
    expect(liked.cells.map((c) => [c.label, c.count, c.percent])).toEqual([
      ["Food", 12, 71],
      ["Games", 6, 35],
      ["Music", 5, 29],
      ["Other (describe)", 5, 29],
    ]);
  });

  it("counts Other, including a typed value stored in place of 'other'", () => {
    const answers = [
      ...times(6, { heard: "school" }),
      ...times(3, { heard: "other" }),
      ...times(3, { heard: "a poster" }),
      { heard: "   " },
    ];
    const heard = choice(summariseResponses(definition, answers, { threshold: 5 }), "heard");
    expect(heard.answered).toBe(12);
    expect(heard.cells.map((c) => [c.value, c.count])).toEqual([
      ["school", 6],
      ["friend", 0],
      ["other", 6],
    ]);
  });

  it("matches numeric choice values however JSON stored them", () => {
    const answers = [...times(5, { year: 7 }), ...times(5, { year: "7" }), ...times(5, { year: 9 })];
    const year = choice(summariseResponses(definition, answers, { threshold: 5 }), "year");
    expect(year.cells.map((c) => c.count)).toEqual([10, 0, 5]);
  });

  it("reports only how many answered a free-text question, ignoring blanks", () => {
    const answers = [...times(6, { ideas: "More trips" }), ...times(4, { ideas: "  " }), ...times(2, {})];
    const ideas = question(summariseResponses(definition, answers, { threshold: 5 }), "ideas");
    expect(ideas).toEqual({ kind: "text", name: "ideas", title: "Any ideas?", answered: 6, answeredSuppressed: false });
    expect(ideas).not.toHaveProperty("cells");
  });

  describe("small numbers", () => {
    it("hides counts of 1-4 and their percentages, with secondary suppression", () => {
      const answers = [...times(3, { mood: 1 }), ...times(6, { mood: 4 }), ...times(20, { mood: 5 })];
      const mood = choice(summariseResponses(definition, answers, { threshold: 5 }), "mood");
      expect(mood.answered).toBe(29);
      expect(mood.cells.map((c) => [c.count, c.percent, c.suppressed, c.reason])).toEqual([
        [null, null, true, "small"],
        [0, 0, false, null],
        [0, 0, false, null],
        [null, null, true, "secondary"],
        [20, 69, false, null],
      ]);
    });

    it("hides the base and every cell when fewer than the threshold answered", () => {
      const answers = [...times(3, { mood: 5, ideas: "x" }), ...times(20, {})];
      const summary = summariseResponses(definition, answers, { threshold: 5 });
      const mood = choice(summary, "mood");
      expect(mood.answered).toBeNull();
      expect(mood.answeredSuppressed).toBe(true);
      expect(mood.cells.every((c) => c.count === null && c.percent === null && c.suppressed)).toBe(true);
      expect(question(summary, "ideas")).toMatchObject({ answered: null, answeredSuppressed: true });
      expect(summary.total).toBe(23);
    });

    it("hides the number of responses itself when it is small", () => {
      const summary = summariseResponses(definition, times(4, { mood: 3 }), { threshold: 5 });
      expect(summary.total).toBeNull();
      expect(summary.totalSuppressed).toBe(true);
    });

    it("uses the organisation's threshold", () => {
      const answers = [...times(9, { safe: true }), ...times(30, { safe: false })];
      expect(choice(summariseResponses(definition, answers, { threshold: 5 }), "safe").cells[0]?.count).toBe(9);
      const strict = choice(summariseResponses(definition, answers, { threshold: 10 }), "safe");
      expect(strict.cells.map((c) => c.count)).toEqual([null, null]);
      expect(strict.answered).toBe(39);
    });

    it("never leaves a hidden single-choice count that total minus the shown cells would give", () => {
      // One radiogroup per combination of counts, so a single model covers them all.
      const combinations: [number, number, number][] = [];
      for (let yes = 0; yes <= 12; yes++)
        for (let aBit = 0; aBit <= 12; aBit++) for (let no = 0; no <= 6; no++) combinations.push([yes, aBit, no]);
      const options = ["yes", "a-bit", "no"];
      const wide = {
        elements: combinations.map((_, i) => ({ type: "radiogroup", name: `q${i}`, choices: options })),
      };
      const answers: Record<string, unknown>[] = Array.from({ length: 30 }, () => ({}));
      combinations.forEach((counts, i) => {
        let row = 0;
        counts.forEach((count, option) => {
          for (let n = 0; n < count; n++) answers[row++]![`q${i}`] = options[option];
        });
      });

      const summary = summariseResponses(wide, answers, { threshold: 5 });
      combinations.forEach((counts, i) => {
        const listened = choice(summary, `q${i}`);
        listened.cells.forEach((cell, k) => cell.count === null || expect(cell.count).toBe(counts[k]));
        if (listened.answered === null) return;
        const hidden = listened.cells.filter((c) => c.suppressed);
        const rest = listened.answered - listened.cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
        // One hidden cell would equal answered minus the rest; two "fewer than 5" cells that
        // must both be 1 (or both 4) would too.
        expect(hidden.length, `${counts}`).not.toBe(1);
        if (hidden.length > 0 && hidden.every((c) => c.reason === "small")) {
          expect(rest, `${counts}`).not.toBe(hidden.length);
          expect(rest, `${counts}`).not.toBe(hidden.length * 4);
        }
      });
      // A model of 1,183 questions: about a second alone, several on a busy 2-core machine.
    }, 60_000);
  });

  describe("in Welsh", () => {
    it("gives Welsh titles, choice labels, rating descriptions and survey-core's own Yes/No/Other", () => {
      const answers = [...times(5, { mood: 1, safe: true, liked: ["food"] })];
      const summary = summariseResponses(definition, answers, { threshold: 5, locale: "cy" });
      const mood = choice(summary, "mood");
      expect(mood.title).toBe("Sut wyt ti'n teimlo?");
      expect(mood.cells[0]?.label).toBe("1 (Trist)");
      expect(mood.cells[4]?.label).toBe("5 (Hapus)");
      expect(choice(summary, "safe").cells.map((c) => c.label)).toEqual(["Iawn", "Na"]);
      expect(choice(summary, "again").cells.map((c) => c.label)).toEqual(["Byddwn", "Na fyddwn"]);
      expect(choice(summary, "liked").cells.map((c) => c.label)).toEqual([
        "Bwyd",
        "Gemau",
        "Cerddoriaeth",
        "Arall (disgrifiwch)",
      ]);
      // Untranslated text falls back to the default.
      expect(choice(summary, "heard").title).toBe("How did you hear?");
    });

    it("summarises a real template in Welsh", () => {
      const template = getTemplate("children-in-care-wellbeing")!;
      const summary = summariseResponses(template.survey, times(6, { trustedAdult: true }), {
        threshold: 5,
        locale: "cy",
      });
      const trusted = choice(summary, "trustedAdult");
      expect(trusted.title).toBe("Oes gen ti oedolyn rwyt ti'n ymddiried ynddo?");
      expect(trusted.cells.map((c) => [c.label, c.count])).toEqual([
        ["Oes", 6],
        ["Nac oes", 0],
      ]);
      expect(choice(summary, "talkTo").cells.map((c) => c.label)).toContain("Rhywun arall");
    });
  });
});
