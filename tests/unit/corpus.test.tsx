/**
 * The 20 real-world SurveyJS definitions of the shared corpus (see SOURCES.md beside them), when
 * the corpus is present beside the checkout. Heard's own fixtures go through the same checks in
 * fixtures.test.tsx, so a plain clone still covers every question type and kind of logic.
 */
import { describe, expect, it, vi } from "vitest";
import { describeDefinitionChecks } from "./support/definition-checks";
import { corpusFiles, corpusPresent, noteCorpus } from "./support/survey-definitions";

noteCorpus("corpus.test.tsx");
// Large definitions (17 has 68 questions) take survey-core most of a second per model on a busy
// 2-core machine, and some tests build one per question: allow for that.
vi.setConfig({ testTimeout: 60_000 });

describe.skipIf(!corpusPresent)("shared SurveyJS corpus", () => {
  it("has all 20 files", () => {
    expect(corpusFiles()).toHaveLength(20);
  });

  // SOURCES.md "Known quirks": these report jsonErrors on purpose.
  describeDefinitionChecks(corpusFiles(), { expectedJsonErrors: new Set(["09", "15", "18"]) });
});
