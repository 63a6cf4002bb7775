/**
 * What every survey version goes through before children see it: its HTML sanitised, then the
 * publish checks. Opening a consultation and publishing a later version both use this.
 */
import type { Definition } from "./definition";
import { checkForPublishing, type Problem } from "./publish-checks";
import { sanitiseDefinition } from "./sanitise.server";

export class SurveyProblemsError extends Error {
  override name = "SurveyProblemsError";
  constructor(readonly problems: Problem[]) {
    super(`The survey has ${problems.length} problem(s) to fix before it can be published`);
  }
}

/** The definition to freeze into a version; throws SurveyProblemsError listing every problem. */
export function definitionToPublish(draft: Definition): Definition {
  const definition = sanitiseDefinition(draft);
  const problems = checkForPublishing(definition);
  if (problems.length > 0) throw new SurveyProblemsError(problems);
  return definition;
}
