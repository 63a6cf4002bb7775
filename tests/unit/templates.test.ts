import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ItemValue, Model, type Question, type QuestionRatingModel, type QuestionSelectBase } from "survey-core";
import { afterEach, describe, expect, it } from "vitest";
import {
  getTemplate,
  listTemplates,
  loadTemplates,
  localized,
  TemplateError,
} from "~/survey/templates.server";

const templates = listTemplates();

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

describe("template library", () => {
  it("loads the templates shipped in surveys/", () => {
    expect(templates.map((t) => t.id)).toEqual(["children-in-care-wellbeing", "event-feedback"]);
    for (const template of templates) {
      expect(template.title.default).toBeTruthy();
      expect(template.title.cy).toBeTruthy();
      expect(template.summary.cy).toBeTruthy();
      expect(template.whoFor).toBeTruthy();
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

    it("has a Welsh title for every question", () => {
      for (const question of questions) {
        expect(question.locTitle.getLocaleText("cy"), question.name).toBeTruthy();
        expect(question.locTitle.getLocaleText("default"), question.name).toBeTruthy();
      }
    });

    it("has Welsh text for every choice, including Other and None", () => {
      for (const question of questions) {
        for (const item of choiceItems(question)) {
          expect(item.locText.getLocaleText("cy"), `${question.name}: ${String(item.value)}`).toBeTruthy();
        }
      }
    });

    it("has Welsh for every other piece of text shown to a child", () => {
      const missing: string[] = [];
      const shownTexts = new Set([
        "title", "description", "text", "minRateDescription", "maxRateDescription",
        "labelTrue", "labelFalse", "otherText", "noneText", "otherPlaceholder", "placeholder",
      ]);
      const walk = (node: unknown, where: string): void => {
        if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${where}[${i}]`));
        if (!node || typeof node !== "object") return;
        for (const [key, value] of Object.entries(node)) {
          if (shownTexts.has(key)) {
            const cy = typeof value === "object" && value !== null ? (value as Record<string, unknown>).cy : undefined;
            if (typeof cy !== "string" || cy.trim() === "") missing.push(`${where}.${key}`);
          } else {
            walk(value, `${where}.${key}`);
          }
        }
      };
      walk(template.survey, "survey");
      expect(missing).toEqual([]);
    });

    it("has at least one smiley rating from 1 to 5 with both end labels", () => {
      const smileys = questions.filter(
        (q) => q.getType() === "rating" && (q as QuestionRatingModel).rateType === "smileys",
      );
      expect(smileys.length).toBeGreaterThan(0);
      for (const rating of smileys) {
        const scale = rating as QuestionRatingModel;
        expect([scale.rateMin, scale.rateMax], rating.name).toEqual([1, 5]);
        expect(scale.locMinRateDescription.getLocaleText("default"), rating.name).toBeTruthy();
        expect(scale.locMaxRateDescription.getLocaleText("default"), rating.name).toBeTruthy();
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

    it("gives a clear error when the folder is missing", () => {
      expect(() => loadTemplates(path.join(os.tmpdir(), "heard-no-such-folder"))).toThrow(
        /Cannot read the survey template folder/,
      );
    });
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
