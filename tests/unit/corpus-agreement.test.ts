/**
 * Cases from the shared SurveyJS corpus where the server and survey-core used to disagree.
 * The same rules are tested on Heard's own definitions in validate-answers.test.ts.
 */
import { Model } from "survey-core";
import { describe, expect, it, vi } from "vitest";
import { keepAnswersToShownQuestions } from "~/survey/answers-that-count";
import { validateAnswers, type ValidationResult } from "~/survey/validate-answers";
import { corpusPresent, loadCorpus, noteCorpus, type Definition } from "./support/survey-definitions";

noteCorpus("corpus-agreement.test.ts");
// 17 has 68 questions: most of a second per model on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

/** survey-core's own verdict on a new model holding `answers`: the root questions it complains about. */
function surveyCoreComplaints(def: Definition, answers: Record<string, unknown>): string[] {
  const model = new Model(def);
  model.questionsOnPageMode = "standard";
  model.firstPageIsStartPage = false;
  model.data = structuredClone(answers);
  model.validate(true, false);
  const roots = model.getAllQuestions(true, false, true).filter((q) => q.errors.length > 0).map((q) => {
    let root = q;
    while (root.parentQuestion) root = root.parentQuestion;
    return root.name;
  });
  return [...new Set(roots)].sort();
}

const complaintsOf = (result: ValidationResult) => (result.ok ? [] : [...new Set(result.errors.map((e) => e.question))].sort());

describe.skipIf(!corpusPresent)("the shared corpus", () => {
  it("14: a line item may leave its defaulted, required quantity empty", () => {
    const def = loadCorpus("14");
    const input = { lineItems: [{ product: "platform", unitPrice: 10 }] };
    const result = validateAnswers(def, input);
    expect(complaintsOf(result)).not.toContain("lineItems");
    expect(complaintsOf(result)).toEqual(surveyCoreComplaints(def, input));
  });

  it("17: a problem may leave its defaulted, required status empty", () => {
    const def = loadCorpus("17");
    const input = { problems: [{ problemName: "asthma" }] };
    const result = validateAnswers(def, input);
    expect(complaintsOf(result)).not.toContain("problems");
    expect(complaintsOf(result)).toEqual(surveyCoreComplaints(def, input));
  });

  it("10: a stale partner_type_of_employment no longer decides what is required", () => {
    const def = loadCorpus("10");
    // The partner's employment type was chosen, then "No" was answered to the question that shows it.
    const input = {
      maritalstatus_c: "Married",
      member_receives_income_from_employment: "0",
      partner_receives_income_from_employment: "0",
      partner_type_of_employment: ["Other types of employment"],
    };
    const counted = keepAnswersToShownQuestions(def, input);
    expect(counted).not.toHaveProperty("partner_type_of_employment");
    // survey-core alone evaluates show-if with the stale answer and asks about fringe benefits.
    expect(surveyCoreComplaints(def, input)).toEqual(["partner_receive_fringe_benefits"]);
    // With the rule applied, survey-core and the server agree.
    const result = validateAnswers(def, input);
    expect(complaintsOf(result)).toEqual(surveyCoreComplaints(def, counted));
    expect(result).toEqual({ ok: true, answers: counted });
  });
});
