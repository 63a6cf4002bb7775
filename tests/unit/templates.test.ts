import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  type ItemValue,
  Model,
  type Question,
  type QuestionMatrixModel,
  type QuestionRatingModel,
  type QuestionSelectBase,
} from "survey-core";
import { afterEach, describe, expect, it } from "vitest";
import {
  BEFORE_YOU_START_POINTS,
  fillPlaceholders,
  getTemplate,
  listTemplates,
  loadTemplates,
  localized,
  placeholdersIn,
  TemplateError,
} from "~/survey/templates.server";
import { validateAnswers } from "~/survey/validate-answers";

const templates = listTemplates();
/** Survey content ships in these languages; `default` is English. */
const LANGUAGES = ["default", "cy", "pl", "ar", "ur"];

/** Questions that hold an answer (html and the like are not asked, so need no checks here). */
function questionsOf(survey: Record<string, unknown>): Question[] {
  return new Model(survey).getAllQuestions(false).filter((q) => !["html", "expression", "image"].includes(q.getType()));
}

function choiceItems(question: Question): ItemValue[] {
  const select = question as QuestionSelectBase;
  if (!Array.isArray(select.choices)) return [];
  const items: ItemValue[] = [...select.choices];
  if (select.showOtherItem) items.push(select.otherItem);
  if (select.showNoneItem) items.push(select.noneItem);
  return items;
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** Keys whose value a person reads. Each must be a localizable object in all five languages. */
const SHOWN_TEXTS = new Set([
  "title", "description", "text", "minRateDescription", "maxRateDescription", "labelTrue", "labelFalse",
  "otherText", "noneText", "otherPlaceholder", "placeholder", "altText", "requiredErrorText",
  ...BEFORE_YOU_START_POINTS,
]);

/** Paths to shown text that is plain (one language only) or lacks one of the five languages. */
function textsMissingALanguage(content: unknown): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${where}[${i}]`));
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (!SHOWN_TEXTS.has(key)) {
        walk(value, `${where}.${key}`);
        continue;
      }
      if (!value || typeof value !== "object" || Array.isArray(value)) {
        problems.push(`${where}.${key} is not in five languages`);
        continue;
      }
      const languages = Object.keys(value).sort();
      const filled = Object.values(value).every((text) => typeof text === "string" && text.trim() !== "");
      if (languages.join() !== [...LANGUAGES].sort().join() || !filled) problems.push(`${where}.${key} has ${languages.join(", ")}`);
    }
  };
  walk(content, "template");
  return problems;
}

/** Letters that belong to one language's alphabet and not the other's. */
const ARABIC_ONLY = /[\u064A\u0643\u0647\u0629]/; // ي ك ه ة: Urdu writes ی ک ہ/ھ instead
const URDU_ONLY = /[\u06C1\u06CC\u06A9\u06BA\u0679\u0688\u0691\u06D2\u06BE]/; // ہ ی ک ں ٹ ڈ ڑ ے ھ
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
/** Names that stay in Latin letters in every language. */
const KEPT_NAMES = new Set(["Childline", "Samaritans"]);

/** Texts written partly in the wrong language or script, e.g. Arabic letters in Urdu, English in Arabic. */
function textsInTheWrongScript(content: unknown): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${where}[${i}]`));
    if (!node || typeof node !== "object") return;
    const text = node as Record<string, unknown>;
    if (typeof text.default === "string" && typeof text.ar === "string" && typeof text.ur === "string") {
      const latinWords = (value: string) =>
        (value.replace(/\{\{[^}]*\}\}/g, "").match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !KEPT_NAMES.has(word));
      if (ARABIC_ONLY.test(text.ur)) problems.push(`${where}.ur has Arabic letters`);
      if (URDU_ONLY.test(text.ar)) problems.push(`${where}.ar has Urdu letters`);
      for (const language of ["ar", "ur"]) {
        const words = latinWords(text[language] as string);
        if (words.length > 0) problems.push(`${where}.${language} has ${words.join(" ")}`);
      }
      for (const language of ["default", "cy", "pl"]) {
        if (ARABIC_SCRIPT.test(String(text[language]))) problems.push(`${where}.${language} has Arabic script`);
      }
    }
    for (const [key, value] of Object.entries(text)) walk(value, `${where}.${key}`);
  };
  walk(content, "template");
  return problems;
}

/** Choices, matrix rows and columns written without an explicit value. */
function choicesWithoutValues(survey: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${where}[${i}]`));
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (["choices", "rows", "columns"].includes(key) && Array.isArray(value)) {
        value.forEach((item: unknown, i) => {
          const hasValue = item !== null && typeof item === "object" && "value" in item && (item as { value: unknown }).value !== "";
          if (!hasValue) problems.push(`${where}.${key}[${i}]`);
        });
      }
      walk(value, `${where}.${key}`);
    }
  };
  walk(survey, "survey");
  return problems;
}

type Condition = { question: string; name: string; row?: string; literals: unknown[] };

/** The show-if conditions of a survey: which question (and matrix row) each names, and which answers. */
function conditionsOf(survey: Record<string, unknown>): Condition[] {
  return new Model(survey).getAllQuestions(false).flatMap((question) => {
    const expression = question.visibleIf;
    if (!expression) return [];
    const literals: unknown[] = [
      ...Array.from(expression.matchAll(/'([^']*)'/g), (m) => m[1]),
      ...Array.from(expression.matchAll(/\b(true|false)\b/g), (m) => m[1] === "true"),
    ];
    return Array.from(expression.matchAll(/\{([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_-]+))?\}/g), (m) => ({
      question: question.name,
      name: m[1]!,
      row: m[2],
      literals,
    }));
  });
}

/** Show-if conditions that name a question, matrix row or answer the survey does not have. */
function brokenConditions(survey: Record<string, unknown>): string[] {
  const model = new Model(survey);
  const problems: string[] = [];
  for (const condition of conditionsOf(survey)) {
    const target = model.getQuestionByName(condition.name);
    if (!target) {
      problems.push(`${condition.question}: no question "${condition.name}"`);
      continue;
    }
    let answers: unknown[];
    if (target.getType() === "matrix") {
      const matrix = target as QuestionMatrixModel;
      if (!condition.row || !matrix.rows.some((row) => String(row.value) === condition.row)) {
        problems.push(`${condition.question}: no row "${condition.row}" in "${condition.name}"`);
      }
      answers = matrix.columns.map((column) => column.value as unknown);
    } else if (target.getType() === "boolean") {
      answers = [true, false];
    } else {
      answers = choiceItems(target).map((item) => item.value as unknown);
    }
    for (const literal of condition.literals) {
      if (!answers.map(String).includes(String(literal))) {
        problems.push(`${condition.question}: "${condition.name}" has no answer ${String(literal)}`);
      }
    }
  }
  return problems;
}

/**
 * An answer to every question, chosen so that every show-if condition holds: a question that
 * others depend on gets the answer the condition names; the rest get a plain valid answer.
 */
function completeAnswers(survey: Record<string, unknown>): Record<string, unknown> {
  const wanted = new Map<string, unknown>();
  for (const condition of conditionsOf(survey)) {
    const key = condition.row ? `${condition.name}.${condition.row}` : condition.name;
    if (!wanted.has(key)) wanted.set(key, condition.literals[0]);
  }
  const answers: Record<string, unknown> = {};
  for (const question of questionsOf(survey)) {
    const name = question.name;
    const first = choiceItems(question).find((item) => !["other", "none"].includes(String(item.value)))?.value as unknown;
    const want = wanted.get(name);
    switch (question.getType()) {
      case "rating":
        answers[name] = want ?? (question as QuestionRatingModel).rateMax;
        break;
      case "boolean":
        answers[name] = want ?? true;
        break;
      case "radiogroup":
      case "dropdown":
        answers[name] = want ?? first;
        break;
      case "imagepicker":
        answers[name] = (question as unknown as { multiSelect: boolean }).multiSelect ? [want ?? first] : (want ?? first);
        break;
      case "checkbox":
        answers[name] = [want ?? first];
        break;
      case "ranking":
        answers[name] = choiceItems(question).map((item) => item.value as unknown);
        break;
      case "matrix": {
        const matrix = question as QuestionMatrixModel;
        const firstColumn = matrix.columns[0]!.value as unknown;
        answers[name] = Object.fromEntries(
          matrix.rows.map((row) => [String(row.value), wanted.get(`${name}.${String(row.value)}`) ?? firstColumn]),
        );
        break;
      }
      case "comment":
      case "text":
        answers[name] = "Some words";
        break;
      default:
        throw new Error(`No test answer for a ${question.getType()} question (${name})`);
    }
  }
  return answers;
}

function symbolExists(link: string): boolean {
  return /^\/symbols\/[a-z0-9-]+\.svg$/.test(link) && fs.existsSync(path.join(process.cwd(), "public", link));
}

describe("template library", () => {
  it("loads the templates shipped in surveys/", () => {
    expect(templates.map((t) => t.id)).toEqual([
      "care-leavers",
      "children-in-care-wellbeing-13-18",
      "children-in-care-wellbeing",
      "early-help-family-feedback",
      "event-feedback",
      "practitioner-data-use",
    ]);
    for (const template of templates) {
      for (const language of LANGUAGES) {
        expect(template.title[language], `${template.id} title ${language}`).toBeTruthy();
        expect(template.summary[language], `${template.id} summary ${language}`).toBeTruthy();
      }
      expect(template.whoFor).toBeTruthy();
      expect(template.beforeYouStart, template.id).toBeDefined();
      expect(questionsOf(template.survey).length).toBeGreaterThan(0);
    }
  });

  it("finds a template by id and returns copies callers cannot use to change the library", () => {
    const template = getTemplate("event-feedback");
    expect(template?.title.default).toMatch(/How was today/);
    template!.survey.pages = [];
    expect(getTemplate("event-feedback")?.survey.pages).not.toEqual([]);
    expect(getTemplate("no-such-template")).toBeUndefined();
  });

  describe.each(templates.map((t) => [t.id, t] as const))("%s", (_id, template) => {
    const questions = questionsOf(template.survey);

    it("has 'showQuestionNumbers: off' and no completedHtml (the app shows its own)", () => {
      expect(template.survey.showQuestionNumbers).toBe("off");
      expect(template.survey.completedHtml).toBeUndefined();
    });

    it("has every piece of shown text in all five languages, so no question mixes languages", () => {
      expect(textsMissingALanguage(template)).toEqual([]);
    });

    it("writes each language in its own script: no Arabic letters in Urdu, no English in Arabic or Urdu", () => {
      expect(textsInTheWrongScript(template)).toEqual([]);
    });

    it("gives survey-core a title in every language for every question and choice", () => {
      for (const question of questions) {
        for (const language of LANGUAGES) {
          expect(question.locTitle.getLocaleText(language), `${question.name} ${language}`).toBeTruthy();
          for (const item of choiceItems(question)) {
            expect(item.locText.getLocaleText(language), `${question.name}: ${String(item.value)} ${language}`).toBeTruthy();
          }
        }
      }
    });

    it("has a value on every choice, matrix row and column", () => {
      expect(choicesWithoutValues(template.survey)).toEqual([]);
    });

    it("has unique question names", () => {
      const names = new Model(template.survey).getAllQuestions(false).map((q) => q.name);
      expect(new Set(names).size).toBe(names.length);
    });

    it("only shows a question if a question and answer that exist", () => {
      expect(brokenConditions(template.survey)).toEqual([]);
    });

    it("says why each personal question is asked", () => {
      const personal = questions.filter((q) => ["ageGroup", "livingNow", "whoAnswering", "role"].includes(q.name));
      for (const question of personal) expect(question.locDescription.getLocaleText("default"), question.name).toMatch(/skip/);
    });

    it("marks no question required, so every question can be skipped", () => {
      expect(questions.filter((q) => q.isRequired).map((q) => q.name)).toEqual([]);
    });

    it("has smiley ratings from 1 to 5 with both end labels, and every rating labels both ends", () => {
      const ratings = questions.filter((q) => q.getType() === "rating") as QuestionRatingModel[];
      for (const rating of ratings) {
        expect([rating.rateMin, rating.rateMax], rating.name).toEqual([1, 5]);
        expect(rating.locMinRateDescription.getLocaleText("default"), rating.name).toBeTruthy();
        expect(rating.locMaxRateDescription.getLocaleText("default"), rating.name).toBeTruthy();
      }
      if (template.id !== "practitioner-data-use") {
        expect(ratings.some((rating) => rating.rateType === "smileys")).toBe(true);
      }
    });

    it("uses short, stable ASCII question names", () => {
      for (const question of questions) expect(question.name).toMatch(/^[A-Za-z][A-Za-z0-9-]{1,30}$/);
    });

    it("keeps every English question title to 15 words or fewer", () => {
      const long = questions
        .map((q) => q.locTitle.getLocaleText("default"))
        .filter((title) => wordCount(title) > 15);
      expect(long).toEqual([]);
    });

    it("accepts a complete valid answer set on the server, in every language", () => {
      const answers = completeAnswers(template.survey);
      for (const locale of ["en", "cy", "pl", "ar", "ur"]) {
        const result = validateAnswers(template.survey, answers, { locale });
        expect(result.ok ? [] : result.errors).toEqual([]);
        // Every question was shown and answered: nothing was dropped as hidden or wrong.
        if (result.ok) expect(Object.keys(result.answers).sort()).toEqual(questions.map((q) => q.name).sort());
      }
      // Five full validations of the longest templates take a few seconds on a busy machine.
    }, 30_000);

    it("has a before-you-start note that covers every point, in five languages", () => {
      const note = template.beforeYouStart!;
      expect(Object.keys(note).sort()).toEqual([...BEFORE_YOU_START_POINTS].sort());
      for (const point of BEFORE_YOU_START_POINTS) {
        expect(Object.keys(note[point]).sort(), point).toEqual([...LANGUAGES].sort());
      }
      expect(placeholdersIn(note.whoHears.default!)).toContain("audience");
      expect(placeholdersIn(note.hearBack.default!)).toContain("feedbackBy");
      expect(placeholdersIn(note.keptFor.default!)).toContain("keptUntil");
      expect(placeholdersIn(note.notSafe.default!)).toContain("contact");
      // It never promises secrecy: it says a worry about safety is passed on.
      expect(note.notSafe.default).toMatch(/cannot (keep|stay)/);
      expect(note.skipping.default).toMatch(/skip/i);
    });
  });

  // Every template children answer has an easy-read variant.
  const forChildren = ["children-in-care-wellbeing", "children-in-care-wellbeing-13-18", "event-feedback"];

  it("gives every children's template an easy-read variant", () => {
    expect(templates.filter((t) => t.easyRead).map((t) => t.id).sort()).toEqual([...forChildren].sort());
  });

  describe.each(templates.filter((t) => forChildren.includes(t.id)).map((t) => [t.id, t] as const))(
    "%s, a children's template",
    (_id, template) => {
      it("tells children about Childline in every language, in both variants", () => {
        for (const language of LANGUAGES) {
          expect(template.beforeYouStart!.notSafe[language]).toContain("0800 1111");
          expect(template.easyRead!.beforeYouStart!.notSafe[language]).toContain("0800 1111");
        }
      });

      it("has an easy-read variant that loads, pools with the standard survey and has one question per page", () => {
        const easyRead = template.easyRead!;
        expect(easyRead).toBeDefined();
        const standard = new Map(questionsOf(template.survey).map((q) => [q.name, q]));
        const model = new Model(easyRead.survey);
        expect(model.jsonErrors ?? []).toEqual([]);
        for (const page of model.pages) {
          const asked = page.questions.filter((q) => !["html", "image", "expression"].includes(q.getType()));
          expect(asked.length, page.name).toBe(1);
        }
        for (const question of questionsOf(easyRead.survey)) {
          const match = standard.get(question.name);
          expect(match, question.name).toBeDefined();
          const allowed = choiceItems(match!).map((item) => String(item.value));
          for (const item of choiceItems(question)) expect(allowed, question.name).toContain(String(item.value));
        }
      });

      it("has easy-read text in five languages, pictures that exist, and alt text for each", () => {
        const easyRead = template.easyRead!;
        expect(textsMissingALanguage({ survey: easyRead.survey, beforeYouStart: easyRead.beforeYouStart })).toEqual([]);
        const model = new Model(easyRead.survey);
        for (const page of model.pages) {
          const [picture, question] = page.elements;
          expect(picture?.getType(), page.name).toBe("image");
          expect(question?.startWithNewLine, `${page.name}: picture beside the question`).toBe(false);
          const link = (picture as unknown as { imageLink: string }).imageLink;
          expect(symbolExists(link), link).toBe(true);
          for (const language of LANGUAGES) {
            const alt = (picture as unknown as { locAltText: { getLocaleText(l: string): string } }).locAltText;
            expect(alt.getLocaleText(language), `${page.name} alt ${language}`).toBeTruthy();
          }
          if (question?.getType() === "imagepicker") {
            for (const item of choiceItems(question as Question)) {
              const itemLink = (item as unknown as { imageLink: string }).imageLink;
              expect(symbolExists(itemLink), `${question.name}: ${String(item.value)}`).toBe(true);
            }
          }
        }
      });

      it("keeps easy-read questions short: 10 words or fewer in English", () => {
        const long = questionsOf(template.easyRead!.survey)
          .map((q) => q.locTitle.getLocaleText("default"))
          .filter((title) => wordCount(title) > 10);
        expect(long).toEqual([]);
      });

      it("keeps easy-read before-you-start sentences to 15 words or fewer in English", () => {
        const sentences = Object.values(template.easyRead!.beforeYouStart!)
          .flatMap((text) => text.default!.split(/(?<=[.?!])\s+/))
          .filter((sentence) => wordCount(sentence) > 15);
        expect(sentences).toEqual([]);
      });

      it("accepts a complete valid easy-read answer set on the server", () => {
        const easyRead = template.easyRead!.survey;
        const result = validateAnswers(easyRead, completeAnswers(easyRead), { locale: "en" });
        expect(result.ok ? [] : result.errors).toEqual([]);
        // And the standard survey accepts the same answers: they pool into one dataset.
        const pooled = validateAnswers(template.survey, completeAnswers(easyRead), { locale: "en" });
        expect(pooled.ok ? [] : pooled.errors).toEqual([]);
      });

      it("refuses 'none' together with another picture, as the standard form's none-of-these does", () => {
        const survey = template.easyRead!.survey;
        const lists = questionsOf(survey).filter(
          (q) => q.getType() === "imagepicker" && choiceItems(q).some((item) => item.value === "none"),
        );
        expect(lists.length).toBeGreaterThan(0);
        for (const list of lists) {
          const other = choiceItems(list).find((item) => item.value !== "none")!.value as unknown;
          expect(validateAnswers(survey, { [list.name]: ["none", other] }, { locale: "en" }).ok, list.name).toBe(false);
          expect(validateAnswers(survey, { [list.name]: ["none"] }, { locale: "en" }).ok, list.name).toBe(true);
          expect(validateAnswers(survey, { [list.name]: [other] }, { locale: "en" }).ok, list.name).toBe(true);
        }
      });
    },
  );

  it("keeps the question names the demo seed and results use", () => {
    const names = (id: string) => questionsOf(getTemplate(id)!.survey).map((q) => q.name);
    expect(names("children-in-care-wellbeing")).toEqual([
      "feelSafe", "likeHome", "trustedAdult", "talkTo", "familyTime", "socialWorker", "school", "haveSay", "makeBetter", "anythingElse",
    ]);
    expect(names("event-feedback")).toEqual(
      expect.arrayContaining(["sessionRating", "liked", "listenedTo", "comeAgain", "doBetter", "heardAbout", "anythingElse"]),
    );
  });

  it("asks the 13 to 18 survey's shared questions exactly as the 8 to 12 one does, so age groups compare", () => {
    const younger = new Map(questionsOf(getTemplate("children-in-care-wellbeing")!.survey).map((q) => [q.name, q.toJSON() as unknown]));
    const older = questionsOf(getTemplate("children-in-care-wellbeing-13-18")!.survey);
    const shared = older.filter((q) => younger.has(q.name));
    expect(shared.length).toBe(younger.size);
    for (const question of shared) expect(question.toJSON(), question.name).toEqual(younger.get(question.name));
  });

  it("asks practitioners what they count as data, and how they use each kind", () => {
    const survey = getTemplate("practitioner-data-use")!.survey;
    const model = new Model(survey);
    const rows = (name: string) => (model.getQuestionByName(name) as QuestionMatrixModel).rows.map((row) => String(row.value));
    const kinds = ["admin", "caseNotes", "surveys", "events"];
    expect(rows("countsAsData")).toEqual(expect.arrayContaining(kinds));
    expect(rows("useFrequency")).toEqual(expect.arrayContaining(kinds));
    // Asked how they use a kind only if they use it at all.
    model.data = { useFrequency: { caseNotes: "never", surveys: "often" } };
    expect(model.getQuestionByName("useCaseNotes").isVisible).toBe(false);
    expect(model.getQuestionByName("useSurveys").isVisible).toBe(true);
  });

  describe("checks on load", () => {
    const tempDirs: string[] = [];
    function folderWith(files: Record<string, unknown>): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heard-templates-"));
      tempDirs.push(dir);
      for (const [name, content] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
      }
      return dir;
    }
    afterEach(() => {
      for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    });

    const good = {
      id: "good",
      title: "Good",
      summary: { default: "Fine", cy: "Iawn" },
      whoFor: "Anyone",
      survey: { elements: [{ type: "boolean", name: "ok", title: "OK?" }] },
    };

    it("loads a good template from an override folder and normalises plain strings", () => {
      const dir = folderWith({ "good.json": good });
      const [template] = listTemplates(dir);
      expect(template?.title).toEqual({ default: "Good" });
      expect(getTemplate("good", dir)?.id).toBe("good");
    });

    it("names the file when survey-core rejects the survey", () => {
      const broken = { ...good, id: "broken", survey: { elements: [{ type: "ratng", name: "oops" }] } };
      const dir = folderWith({ "good.json": good, "broken.json": broken });
      expect(() => loadTemplates(dir)).toThrow(TemplateError);
      expect(() => listTemplates(dir)).toThrow(/broken\.json/);
      expect(() => listTemplates(dir)).not.toThrow(/good\.json/);
    });

    it("names the file for an unknown property, bad JSON, a wrong id, a missing field or no questions", () => {
      const dir = folderWith({
        "typo.json": { ...good, id: "typo", survey: { elements: [{ type: "rating", name: "r", rateTypo: 5 }] } },
        "not-json.json": "{ nope",
        "wrong-id.json": { ...good, id: "something-else" },
        "no-title.json": { ...good, id: "no-title", title: undefined },
        "empty.json": { ...good, id: "empty", survey: { pages: [] } },
        "twice.json": {
          ...good,
          id: "twice",
          survey: { elements: [{ type: "text", name: "a" }, { type: "comment", name: "a" }] },
        },
      });
      let message = "";
      try {
        loadTemplates(dir);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/typo\.json: .*rateTypo/);
      expect(message).toMatch(/not-json\.json: not valid JSON/);
      expect(message).toMatch(/wrong-id\.json: id "something-else" does not match the file name/);
      expect(message).toMatch(/no-title\.json: title: must be text or/);
      expect(message).toMatch(/empty\.json: survey has no questions/);
      expect(message).toMatch(/twice\.json: question name "a" is used twice/);
    });

    const note = Object.fromEntries(BEFORE_YOU_START_POINTS.map((point) => [point, { default: "Text", cy: "Testun" }]));
    const standard = {
      elements: [
        { type: "radiogroup", name: "pick", choices: ["a", "b"] },
        { type: "rating", name: "scale", rateMin: 1, rateMax: 5 },
      ],
    };
    const picture = (extra: Record<string, unknown>) => ({
      type: "imagepicker",
      name: "pick",
      choices: [{ value: "a", imageLink: "/symbols/home.svg" }],
      ...extra,
    });

    it("loads a before-you-start note and an easy-read variant that pools with the standard survey", () => {
      const dir = folderWith({
        "good.json": {
          ...good,
          beforeYouStart: { ...note, whoHears: { default: "We tell {{audience}}.", cy: "Rydyn ni'n dweud wrth {{audience}}." } },
          survey: standard,
          easyRead: { beforeYouStart: note, survey: { pages: [{ name: "p1", elements: [picture({})] }] } },
        },
      });
      const [template] = listTemplates(dir);
      expect(template?.beforeYouStart?.whoHears.cy).toBe("Rydyn ni'n dweud wrth {{audience}}.");
      expect(template?.easyRead?.survey).toEqual({ pages: [{ name: "p1", elements: [picture({})] }] });
      expect(template?.easyRead?.beforeYouStart?.whatFor).toEqual({ default: "Text", cy: "Testun" });
    });

    it("refuses an easy-read variant whose answers would not pool with the standard survey", () => {
      const easyRead = (elements: unknown[]) => ({ ...good, survey: standard, easyRead: { survey: { elements } } });
      const dir = folderWith({
        "extra-question.json": { ...easyRead([{ type: "text", name: "other" }]), id: "extra-question" },
        "other-shape.json": { ...easyRead([picture({ multiSelect: true })]), id: "other-shape" },
        "extra-choice.json": {
          ...easyRead([picture({ choices: [{ value: "c", imageLink: "/symbols/home.svg" }] })]),
          id: "extra-choice",
        },
        "other-scale.json": { ...easyRead([{ type: "rating", name: "scale", rateMin: 1, rateMax: 3 }]), id: "other-scale" },
      });
      let message = "";
      try {
        loadTemplates(dir);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/extra-question\.json: easyRead question "other" is not a question of the standard survey/);
      expect(message).toMatch(/other-shape\.json: easyRead question "pick" takes several choices, the standard one one choice/);
      expect(message).toMatch(/extra-choice\.json: easyRead question "pick" offers values the standard one does not: c/);
      expect(message).toMatch(/other-scale\.json: easyRead question "scale" has a different rating scale/);
    });

    it("refuses a before-you-start note with a point missing, an unknown placeholder, or a translation that drops one", () => {
      const withNote = (id: string, beforeYouStart: unknown) => ({ ...good, id, beforeYouStart });
      const { notSafe: _dropped, ...missingPoint } = note;
      const dir = folderWith({
        "missing.json": withNote("missing", missingPoint),
        "unknown.json": withNote("unknown", { ...note, hearBack: { default: "By {{when}}.", cy: "Erbyn {{when}}." } }),
        "dropped.json": withNote("dropped", { ...note, whoHears: { default: "We tell {{audience}}.", cy: "Rydyn ni'n dweud." } }),
      });
      let message = "";
      try {
        loadTemplates(dir);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/missing\.json: beforeYouStart\.notSafe/);
      expect(message).toMatch(/unknown\.json: beforeYouStart\.hearBack\.default: unknown placeholder \{\{when\}\}/);
      expect(message).toMatch(/dropped\.json: beforeYouStart\.whoHears\.cy: uses placeholders \[\], the default uses \[audience\]/);
    });

    it("gives a clear error when the folder is missing", () => {
      expect(() => loadTemplates(path.join(os.tmpdir(), "heard-no-such-folder"))).toThrow(
        /Cannot read the survey template folder/,
      );
    });
  });
});

describe("fillPlaceholders", () => {
  it("puts in the consultation's details and leaves a missing one visible", () => {
    const text = "We will tell {{audience}} by {{ feedbackBy }}. Contact: {{contact}}.";
    expect(fillPlaceholders(text, { audience: "the Corporate Parenting Panel", feedbackBy: "31 March 2027" })).toBe(
      "We will tell the Corporate Parenting Panel by 31 March 2027. Contact: {{contact}}.",
    );
    expect(placeholdersIn(text)).toEqual(["audience", "feedbackBy", "contact"]);
  });

  it("inserts a value as it is, even one that looks like a placeholder or a replacement pattern", () => {
    expect(fillPlaceholders("To: {{audience}}", { audience: "$& {{contact}}" })).toBe("To: $& {{contact}}");
  });
});

describe("localized", () => {
  it("picks the locale and falls back to the default", () => {
    const text = { default: "Hello", cy: "Helo" };
    expect(localized(text, "cy")).toBe("Helo");
    expect(localized(text, "pl")).toBe("Hello");
    expect(localized({ default: "", cy: "Helo" }, "en")).toBe("Helo");
  });
});
