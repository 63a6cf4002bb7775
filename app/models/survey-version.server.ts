/**
 * Freezing survey versions: the one place a survey version is written. Opening a consultation,
 * publishing a later version from the builder, and publishing an easy-read variant all come here,
 * so every version children see is sanitised and checked the same way.
 */
import { schema, type Tx } from "~/db.server";
import { definitionToPublish } from "~/builder/publish.server";
import { unmatchedEasyReadQuestions } from "~/survey/easy-read";

const { surveyVersions } = schema;

/** An easy-read definition with questions the standard survey lacks: their answers would not pool. */
export class EasyReadMismatchError extends Error {
  override name = "EasyReadMismatchError";
  constructor(readonly questions: string[]) {
    super(`The easy-read survey has questions the standard one does not: ${questions.join(", ")}`);
  }
}

type VersionScope = { organisationId: string; consultationId: string; version: number };

/** Stores one variant of a version, sanitised and checked first (SurveyProblemsError lists what to fix). */
async function insertVariant(
  tx: Tx,
  { organisationId, consultationId, version, variant, definition }: VersionScope & { variant: "standard" | "easy-read"; definition: Record<string, unknown> },
) {
  const [created] = await tx
    .insert(surveyVersions)
    .values({ organisationId, consultationId, version, variant, definition: definitionToPublish(definition), publishedAt: new Date() })
    .returning({ id: surveyVersions.id, version: surveyVersions.version });
  return created!;
}

/** Checks an easy-read definition against the standard one it stands beside (EasyReadMismatchError). */
function checkPooling(standard: Record<string, unknown>, easyRead: Record<string, unknown>) {
  const unmatched = unmatchedEasyReadQuestions(standard, easyRead);
  if (unmatched.length > 0) throw new EasyReadMismatchError(unmatched);
}

/**
 * Freezes version `version`: the standard survey, and the easy-read one beside it when the
 * consultation has one. Returns the standard version's id and number.
 */
export async function freezeSurveyVersion(
  tx: Tx,
  scope: VersionScope & { standard: Record<string, unknown>; easyRead: Record<string, unknown> | null },
) {
  if (scope.easyRead) checkPooling(scope.standard, scope.easyRead);
  const created = await insertVariant(tx, { ...scope, variant: "standard", definition: scope.standard });
  if (scope.easyRead) await insertVariant(tx, { ...scope, variant: "easy-read", definition: scope.easyRead });
  return created;
}

/** Adds an easy-read variant to a version already frozen, beside its standard survey. */
export async function addEasyReadVariant(
  tx: Tx,
  scope: VersionScope & { standard: Record<string, unknown>; easyRead: Record<string, unknown> },
) {
  checkPooling(scope.standard, scope.easyRead);
  return insertVariant(tx, { ...scope, variant: "easy-read", definition: scope.easyRead });
}
