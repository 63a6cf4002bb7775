/**
 * The checks every SurveyJS definition the tests know goes through, whether it is one of Heard's
 * own fixtures (tests/fixtures/surveys) or from the shared corpus: it must build, validate
 * without throwing, refuse nonsense and server-render.
 */
import { renderToString } from "react-dom/server";
import {
  Model,
  type Question,
  type QuestionBooleanModel,
  type QuestionHtmlModel,
  type QuestionMultipleTextModel,
  type QuestionRatingModel,
  type QuestionSelectBase,
  type QuestionTextModel,
  type SurveyModel,
} from "survey-core";
import { Survey } from "survey-react-ui";
import { describe, expect, it } from "vitest";
import { validateAnswers, type AnswerError } from "~/survey/validate-answers";
import type { Definition, DefinitionFile } from "./survey-definitions";

type Def = Definition;

/** The model as validateAnswers sees it before any answers arrive. */
export function freshModel(def: Def): SurveyModel {
  const model = new Model(def);
  model.questionsOnPageMode = "standard";
  model.firstPageIsStartPage = false;
  model.data = {};
  return model;
}

/** Lets the test worker answer the runner between slow validations on a busy machine. */
const breather = () => new Promise<void>((resolve) => setImmediate(resolve));

const titleOf = (q: Question) => q.processedTitle.trim() || q.name;

const multiSelect = (q: Question) => (q as unknown as { multiSelect?: boolean }).multiSelect === true;
const isSingleChoice = (q: Question) =>
  ["radiogroup", "dropdown"].includes(q.getType()) || (q.getType() === "imagepicker" && !multiSelect(q));
const isMultiChoice = (q: Question) =>
  ["checkbox", "tagbox", "ranking"].includes(q.getType()) || (q.getType() === "imagepicker" && multiSelect(q));

/** Required itself, or holds something required (a required column, panel question or item). */
function requiresSomething(model: SurveyModel, q: Question): boolean {
  if (q.isRequired) return true;
  const nested = model.getAllQuestions(true, false, true).filter((inner) => {
    let root: Question = inner;
    while (root.parentQuestion) root = root.parentQuestion;
    return root === q && inner !== q;
  });
  if (nested.some((inner) => inner.isRequired)) return true;
  if (q.getType() === "multipletext") return (q as QuestionMultipleTextModel).items.some((item) => item.isRequired);
  return false;
}

/** A believable answer for the simple kinds of question, or undefined to leave it alone. */
export function plausibleAnswer(q: Question): unknown {
  const select = q as QuestionSelectBase;
  const realChoices = () =>
    select.visibleChoices.filter(
      (item) => item !== (select as { selectAllItem?: unknown }).selectAllItem && !select.isOtherItem(item) && !select.isNoneItem(item),
    );
  switch (q.getType()) {
    case "radiogroup":
    case "dropdown":
      return realChoices()[0]?.value;
    case "checkbox":
    case "tagbox": {
      const first = realChoices()[0];
      return first ? [first.value] : undefined;
    }
    case "rating":
      return (q as QuestionRatingModel).visibleRateValues[0]?.value;
    case "boolean":
      return (q as QuestionBooleanModel).getValueTrue();
    case "comment":
      return "Some words about it";
    case "text": {
      const text = q as QuestionTextModel;
      if (text.maskType && text.maskType !== "none") return undefined;
      switch (text.inputType) {
        case "number":
        case "range": {
          const min = Number(text.min);
          return Number.isFinite(min) && text.min !== "" && text.min !== undefined ? min : 1;
        }
        case "date":
          return "2020-01-15";
        case "email":
          return "sam@example.org";
        case "text":
          return "Sam";
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/**
 * One describe block per file. `expectedJsonErrors` lists the ids ("09") of files that report
 * survey-core jsonErrors on purpose (unknown properties, a nameless element).
 */
export function describeDefinitionChecks(files: DefinitionFile[], { expectedJsonErrors }: { expectedJsonErrors: Set<string> }) {
  describe.each(files)("$file", ({ id, load }) => {
    const def = load();


    it("builds a survey-core model with at least one question", () => {
      const model = new Model(def);
      expect(model.getAllQuestions(false).length).toBeGreaterThan(0);
      expect(model.jsonErrors?.length ?? 0, "jsonErrors").toSatisfy((count: number) =>
        expectedJsonErrors.has(id) ? count > 0 : count === 0,
      );
    });

    it("refuses empty answers, reporting only required visible questions, or that nothing was answered", () => {
      const result = validateAnswers(def, {});
      expect(result.ok).toBe(false);
      const model = freshModel(def);
      const visible = new Map(model.getAllQuestions(true).map((q) => [q.name, q]));
      const all: AnswerError[] = result.ok ? [] : result.errors;
      const errors = all.filter((error) => error.code !== "no-answers");
      // "Answer at least one question" only when nothing else is wrong.
      expect(all.length - errors.length).toBe(errors.length === 0 ? 1 : 0);

      for (const error of errors) {
        const q = visible.get(error.question);
        expect(q, `${error.question} is visible`).toBeDefined();
        expect(requiresSomething(model, q!), `${error.question} requires an answer`).toBe(true);
        expect(error.title).toBe(titleOf(q!));
      }
      // ...and every visible required question that is still empty is among them.
      const reported = new Set(errors.map((error) => error.question));
      for (const q of visible.values()) {
        if (q.isRequired && q.isEmpty() && !q.isReadOnly) expect(reported, q.name).toContain(q.name);
      }
    });

    it("accepts believable answers without type errors", () => {
      const model = freshModel(def);
      const answers: Record<string, unknown> = {};
      const asked = new Map<string, Question>();
      for (const q of model.getAllQuestions(true)) {
        const value = plausibleAnswer(q);
        if (value === undefined || q.isReadOnly) continue;
        answers[q.getValueName()] = value;
        asked.set(q.name, q);
      }
      const result = validateAnswers(def, answers);
      if (result.ok) {
        for (const [key, value] of Object.entries(result.answers)) {
          if (key in answers) expect(value, key).toEqual(answers[key]);
        }
        return;
      }
      // Validators and required questions may still complain, but never about these values'
      // types: our own messages always quote the question's title.
      for (const error of result.errors) {
        const q = asked.get(error.question);
        if (q) expect(error.message, error.question).not.toContain(`'${titleOf(q)}'`);
      }
    });

    it("rejects an unknown choice for every visible radiogroup, dropdown and single image picker", async () => {
      const model = freshModel(def);
      const singles = model
        .getAllQuestions(true)
        .filter((q) => isSingleChoice(q) && !q.isReadOnly)
        .filter((q) => {
          const select = q as QuestionSelectBase;
          // Free "Other" text is a legitimate value when it is not stored as a comment.
          return !(select.showOtherItem && !select.getStoreOthersAsComment());
        });
      for (const q of singles) {
        await breather();
        const result = validateAnswers(def, { [q.getValueName()]: "__not_one_of_the_options__" });
        expect(result.ok, q.name).toBe(false);
        if (result.ok) continue;
        expect(result.errors, q.name).toContainEqual({
          question: q.name,
          title: titleOf(q),
          message: `Choose one of the options for '${titleOf(q)}'`,
        });
      }
    });

    it("rejects an unknown choice for every visible checkbox, tagbox, multi-select image picker and ranking", async () => {
      const model = freshModel(def);
      const multis = model
        .getAllQuestions(true)
        .filter((q) => isMultiChoice(q) && !q.isReadOnly)
        // One free "Other" text is a legitimate value when it is not stored as a comment.
        .filter((q) => !((q as QuestionSelectBase).showOtherItem && !(q as QuestionSelectBase).getStoreOthersAsComment()));
      for (const q of multis) {
        await breather();
        const result = validateAnswers(def, { [q.getValueName()]: ["__not_one_of_the_options__"] });
        expect(result.ok, q.name).toBe(false);
        if (result.ok) continue;
        const message =
          q.getType() === "ranking"
            ? `Rank only the options shown for '${titleOf(q)}'`
            : `Choose only from the options for '${titleOf(q)}'`;
        expect(result.errors, q.name).toContainEqual({ question: q.name, title: titleOf(q), message });
      }
    });

    it("rejects an off-scale rating for every visible rating", async () => {
      const model = freshModel(def);
      for (const q of model.getAllQuestions(true).filter((q) => q.getType() === "rating")) {
        await breather();
        const result = validateAnswers(def, { [q.getValueName()]: 999 });
        expect(result.ok, q.name).toBe(false);
        if (!result.ok) expect(result.errors.map((e) => e.question)).toContain(q.name);
      }
    });

    it("server-renders with survey-react-ui", () => {
      const model = new Model(def);
      model.generateStylesheet = false;
      const html = renderToString(<Survey model={model} />);
      expect(html.length).toBeGreaterThan(0);

      const onPage = ((model.activePage?.questions ?? []) as Question[]).filter((q) => q.isVisible && q.isParentVisible);
      const titled = onPage.find((q) => q.hasTitle);
      if (titled) {
        expect(html).toContain(escapeHtml(titled.processedTitle));
      } else {
        // A page of html only (10's introduction): its text is there instead.
        const intro = onPage.find((q) => q.getType() === "html") as QuestionHtmlModel | undefined;
        expect(intro, "a titled question or html on the first page").toBeDefined();
        expect(html).toContain(escapeHtml(intro!.processedHtml.slice(0, 40)));
      }
    });
  });
}
