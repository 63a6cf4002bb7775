import { summariseResponses } from "~/analysis/summarise";
import { getConsultation } from "./consultation.server";
import { getOrganisation } from "./organisation.server";
import { getLatestSurveyVersion, listAnswerSets } from "./response.server";

/** Counts and percentages per question, with small numbers suppressed at the organisation's threshold. */
export async function getConsultationResults({
  organisationId,
  consultationId,
  locale,
}: {
  organisationId: string;
  consultationId: string;
  locale: string;
}) {
  const consultation = await getConsultation({ organisationId, consultationId });
  if (!consultation) return null;
  const threshold = (await getOrganisation({ organisationId }))?.suppressionThreshold ?? 5;
  const version = await getLatestSurveyVersion({ organisationId, consultationId });
  const definition = version?.definition ?? consultation.draftDefinition ?? { pages: [] };
  const answerSets = version ? await listAnswerSets({ organisationId, consultationId }) : [];
  return {
    consultation: { id: consultation.id, title: consultation.title },
    threshold,
    summary: summariseResponses(definition, answerSets, { threshold, locale }),
  };
}
