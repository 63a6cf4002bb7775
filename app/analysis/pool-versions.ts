/**
 * Results pool answers across survey versions and variants by question name (DESIGN.md: an
 * easy-read variant's questions share names with the standard one). The first definition given
 * (the latest standard version) sets the order and wording; a question that only an older version
 * or another variant asked is added after it, so its answers are still counted.
 */
import { Model } from "survey-core";

export function poolDefinitions(definitions: readonly Record<string, unknown>[]): Record<string, unknown> {
  const [first, ...others] = definitions;
  if (!first) return { pages: [] };
  const seen = new Set(new Model(first).getAllQuestions(false).map((question) => question.getValueName()));
  const extra: Record<string, unknown>[] = [];
  for (const definition of others) {
    for (const question of new Model(definition).getAllQuestions(false)) {
      const name = question.getValueName();
      if (seen.has(name)) continue;
      seen.add(name);
      // Shown unconditionally: its condition may name questions this version never asked.
      extra.push({ ...(question.toJSON() as Record<string, unknown>), type: question.getType(), name, visibleIf: undefined });
    }
  }
  if (extra.length === 0) return first;
  const pages = Array.isArray(first.pages) ? first.pages : [];
  return { ...first, pages: [...pages, { name: "__pooled_from_other_versions", elements: extra }] };
}
