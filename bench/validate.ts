/**
 * Submissions per second for answer validation: a new survey-core model per submission
 * (validateAnswers) against a model cached per survey version (validateAnswersCached), in the
 * same run, on a 20-question survey. Prints figures; it is not a test.
 *
 *   npm run bench:validate              # about 3 seconds per round
 *   BENCH_SECONDS=10 npm run bench:validate
 */
import os from "node:os";
import { validateAnswers } from "../app/survey/validate-answers";
import { validateAnswersCached } from "../app/survey/validation-cache.server";

const feelings = ["good", "ok", "bad"];
const elements: Record<string, unknown>[] = [];
for (let i = 1; i <= 8; i++) {
  elements.push({ type: "radiogroup", name: `feel-${i}`, title: `How do you feel about part ${i}?`, choices: feelings, isRequired: true });
}
for (let i = 1; i <= 6; i++) {
  elements.push({ type: "rating", name: `rate-${i}`, title: `Rate thing ${i}`, rateType: i % 2 ? "smileys" : "stars", rateMax: 5, isRequired: true });
}
elements.push(
  { type: "checkbox", name: "liked", title: "What did you like?", choices: ["food", "games", "trips", "friends"], showNoneItem: true },
  { type: "checkbox", name: "worries", title: "Any worries?", choices: ["school", "home", "money"], showOtherItem: true },
  { type: "text", name: "age", title: "How old are you?", inputType: "number", min: 4, max: 25, isRequired: true },
  { type: "text", name: "nickname", title: "Your nickname", maxLength: 40 },
  { type: "boolean", name: "again", title: "Would you come again?", isRequired: true },
  { type: "comment", name: "why-not", title: "Why not?", visibleIf: "{again} = false", isRequired: true },
);
const definition = { title: "Bench survey", pages: [{ name: "all", elements }] };

/** A few different, valid submissions, so no run validates the same answers every time. */
const submissions = Array.from({ length: 16 }, (_, n) => {
  const answers: Record<string, unknown> = { age: 8 + (n % 10), nickname: `Sam ${n}`, again: n % 3 !== 0, liked: ["food", "games"].slice(0, 1 + (n % 2)) };
  for (let i = 1; i <= 8; i++) answers[`feel-${i}`] = feelings[(n + i) % 3];
  for (let i = 1; i <= 6; i++) answers[`rate-${i}`] = 1 + ((n + i) % 5);
  if (n % 3 === 0) answers["why-not"] = "It was too far away";
  return answers;
});

type Validate = (answers: Record<string, unknown>) => { ok: boolean };
const fresh: Validate = (answers) => validateAnswers(definition, answers, { locale: "en" });
const cached: Validate = (answers) => validateAnswersCached(definition, answers, { locale: "en", cacheKey: "bench-version-1" });

for (const answers of submissions) {
  const a = fresh(answers);
  const b = cached(answers);
  if (!a.ok || !b.ok) throw new Error(`bench submission refused: ${JSON.stringify({ a, b })}`);
}

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
function rate(validate: Validate): number {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  const started = performance.now();
  while (performance.now() < end) validate(submissions[count++ % submissions.length]!);
  return count / ((performance.now() - started) / 1000);
}

// Warm up both paths, then alternate so a busy neighbour hurts both alike.
rate(fresh);
rate(cached);
const rounds = 3;
const results: Record<"fresh" | "cached", number[]> = { fresh: [], cached: [] };
for (let round = 0; round < rounds; round++) {
  results.fresh.push(rate(fresh));
  results.cached.push(rate(cached));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const show = (n: number) => n.toFixed(0).padStart(6);

console.log(`validation of a 20-question survey, ${rounds} rounds of ${seconds}s each (load average ${os.loadavg()[0]!.toFixed(1)}, ${os.cpus().length} CPUs)`);
console.log(`  new model per submission: ${show(median(results.fresh))} submissions/s  (rounds: ${results.fresh.map(show).join(",")})`);
console.log(`  model cached per version: ${show(median(results.cached))} submissions/s  (rounds: ${results.cached.map(show).join(",")})`);
console.log(`  speed-up: ${(median(results.cached) / median(results.fresh)).toFixed(1)}x`);
