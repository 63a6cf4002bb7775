// The submission endpoint: form-encoded answers in, JSON out. Called with fetch by the survey page
// so a network failure never throws away what the child typed.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getFixedT, getLocale } from "~/i18n/locale.server";
import { getOpenSurveyVersion } from "~/models/consultation.server";
import { ConsultationNotOpenError, submitResponse } from "~/models/response.server";
import { normaliseShortCode } from "~/events/short-code";
import { eventIdForTag } from "~/models/event.server";
import { validateAnswersCached } from "~/survey/validation-cache.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { hitRateLimit } from "~/utils/rate-limit.server";

const MAX_BODY_BYTES = 512 * 1024;

const SubmissionSchema = z.object({
  surveyVersionId: z.string().min(1).max(100),
  answers: z.string().max(MAX_BODY_BYTES),
  // The event whose QR code or short link the child came through (its short code), if any.
  event: z.string().max(20).optional(),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = await getFixedT(request);
  const fail = (status: number, message: string, errors: unknown[] = []) =>
    Response.json({ ok: false, message, errors }, { status });

  if (request.method !== "POST") return fail(405, t("answer.errors.method"));
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) return fail(413, t("answer.errors.tooLarge"));
  // A whole class may share one school address, so the limit is generous; it stops floods, not children.
  const limited = await hitRateLimit(`submit:${context.clientKey}`, { limit: 240, windowMs: 60_000 });
  if (!limited.ok) return fail(429, t("answer.errors.tooMany"));

  const parsed = SubmissionSchema.safeParse(formFields(await readVerifiedForm(request)));
  if (!parsed.success) return fail(400, t("answer.errors.malformed"));
  const version = await getOpenSurveyVersion({ slug: params.slug ?? "", surveyVersionId: parsed.data.surveyVersionId });
  if (!version) return fail(409, t("answer.errors.closed"));

  let answers: unknown;
  try {
    answers = JSON.parse(parsed.data.answers);
  } catch {
    return fail(400, t("answer.errors.malformed"));
  }
  const locale = await getLocale(request);
  // Survey versions are immutable, so the survey-core model is built once per version and reused.
  const result = validateAnswersCached(version.definition, answers, { locale, cacheKey: version.surveyVersionId });
  if (!result.ok) return fail(400, t("answer.errors.invalid"), result.errors);

  // An unknown or foreign event code is dropped, never an error: the answer matters more than the tag.
  const eventCode = normaliseShortCode(parsed.data.event);
  const eventId = eventCode ? await eventIdForTag({ ...version, shortCode: eventCode }) : undefined;
  try {
    const { referenceCode, help } = await submitResponse({
      eventId,
      organisationId: version.organisationId,
      consultationId: version.consultationId,
      surveyVersionId: version.surveyVersionId,
      variant: version.variant,
      locale,
      channel: "online",
      answers: result.answers,
    });
    // help: the answers raised a safeguarding flag, so the completion page puts help first.
    return Response.json({ ok: true, referenceCode, ...(help ? { help: true } : {}) }, { status: 201 });
  } catch (error) {
    if (error instanceof ConsultationNotOpenError) return fail(409, t("answer.errors.closed"));
    throw error;
  }
}

export function loader() {
  throw new Response(null, { status: 405 });
}
