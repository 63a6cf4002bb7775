// Where the recording page sends a response a member of staff recorded (assisted or paper): JSON
// out, like the children's endpoint, validated the same way against the consultation's survey.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getFixedT, getLocale } from "~/i18n/locale.server";
import { getConsultation } from "~/models/consultation.server";
import { ConsultationNotOpenError, getLatestSurveyVersion, RECORDING_CHANNELS, recordResponse } from "~/models/response.server";
import { OBSERVATION_NOTE_MAX } from "~/responses/observation-note";
import { STAFF_WHO_RECORD } from "~/responses/recording.server";
import { takesRecords } from "~/consultations/taking-answers";
import { validateAnswersCached } from "~/survey/validation-cache.server";
import { requireMember } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";

const RecordingSchema = z.object({
  surveyVersionId: z.string().min(1).max(100),
  answers: z.string().max(512 * 1024),
  channel: z.enum(RECORDING_CHANNELS),
  note: z.string().max(OBSERVATION_NOTE_MAX).optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_RECORD });
  const t = await getFixedT(request);
  const fail = (status: number, message: string, errors: unknown[] = []) => Response.json({ ok: false, message, errors }, { status });
  const parsed = RecordingSchema.safeParse(formFields(await readVerifiedForm(request)));
  if (!parsed.success) return fail(400, t("answering:recording.malformed"));
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) return fail(404, t("answer.errors.closed"));
  const version = takesRecords(consultation.status) ? await getLatestSurveyVersion(scope) : undefined;
  if (!version || version.id !== parsed.data.surveyVersionId) return fail(409, t("answer.errors.closed"));
  let answers: unknown;
  try {
    answers = JSON.parse(parsed.data.answers);
  } catch {
    return fail(400, t("answer.errors.malformed"));
  }
  const locale = await getLocale(request);
  const result = validateAnswersCached(version.definition, answers, { locale, cacheKey: version.id });
  if (!result.ok) return fail(400, t("answer.errors.invalid"), result.errors);
  try {
    const { referenceCode } = await recordResponse({
      ...scope,
      memberId: member.id,
      surveyVersionId: version.id,
      channel: parsed.data.channel,
      locale,
      answers: result.answers,
      observationNote: parsed.data.note,
    });
    return Response.json({ ok: true, referenceCode }, { status: 201 });
  } catch (error) {
    if (error instanceof ConsultationNotOpenError) return fail(409, t("answer.errors.closed"));
    throw error;
  }
}

export function loader() {
  throw new Response(null, { status: 405 });
}
