// What the low-data routes share: finding the child's draft for an open consultation, and picking a
// screen's errors out of the same validation the JSON endpoint runs on the whole answer set.
import { redirect } from "@remix-run/node";
import type { TFunction } from "i18next";
import { z } from "zod";
import type { Locale } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { getAnswerDraft } from "~/models/answer-draft.server";
import { getAnsweringSurvey } from "~/models/answering.server";
import { getPublicConsultation } from "~/models/consultation.server";
import { getReadingPreferences, variantForRequest } from "~/reading/preferences.server";
import { readDraftToken } from "~/utils/answer-draft-cookie.server";
import { keepAnswersToShownQuestions, type Answers } from "./answers-that-count";
import { answersByScreen, questionsOnScreen, screenOfQuestion, shownScreens } from "./plain-pages.server";
import { surveyLanguages } from "./survey-languages";
import { validateAnswersCached } from "./validation-cache.server";

// Parsed here, not in the routes: a schema built at a route's top level would ship zod to the browser.
export const StartSchema = z.object({ intent: z.enum(["start", "start-again"]) });
export const ScreenNumber = z.coerce.number().int().min(1).max(10_000);

export const lowDataPath = (slug: string, rest = "") => `/c/${encodeURIComponent(slug)}/low-data${rest}`;

/**
 * The survey a consultation takes answers on now, chosen as the rich form chooses it (easy read when
 * the child asked for it; a started draft keeps its version); a redirect to its page when it takes
 * no answers.
 */
export async function requireOpenSurvey(request: Request, slug: string, keepVersionId?: string) {
  const variant = variantForRequest(request, await getReadingPreferences(request));
  const survey = await getAnsweringSurvey({ slug, variant, keepVersionId });
  if (survey) return survey;
  if (await getPublicConsultation({ slug })) throw redirect(`/c/${encodeURIComponent(slug)}`);
  throw new Response(null, { status: 404 });
}

/** Whether the survey can be answered in `locale`: never two languages in one question. */
export function answerableIn(survey: { definition: Record<string, unknown> }, locale: Locale) {
  return surveyLanguages(survey.definition).includes(locale);
}

/**
 * The open survey and this browser's draft of answers to it. Without a live draft (never started,
 * an hour idle, already sent, or a newer version published since), or in a language the survey is
 * not written in, the child goes back to the start page, which says what to do.
 */
export async function requireDraft(request: Request, slug: string) {
  const token = await readDraftToken(request);
  const consultation = token ? await getPublicConsultation({ slug }) : undefined;
  const draft = token && consultation ? await getAnswerDraft({ token, consultationId: consultation.id }) : undefined;
  const survey = await requireOpenSurvey(request, slug, draft?.surveyVersionId);
  const locale = await getLocale(request);
  if (!token || !draft || draft.surveyVersionId !== survey.surveyVersionId || !answerableIn(survey, locale)) {
    throw redirect(lowDataPath(slug));
  }
  return { survey, token, answers: draft.answers, locale };
}

type Survey = { surveyVersionId: string; definition: Record<string, unknown> };

/** The whole answer set checked exactly as the JSON endpoint checks it. */
export function validateDraft(survey: Survey, answers: Answers, locale: string) {
  return validateAnswersCached(survey.definition, answers, { locale, cacheKey: survey.surveyVersionId });
}

/** The first screen shown after `number` (0: the first of all), or undefined when it was the last. */
export function nextScreen(survey: Survey, answers: Answers, locale: string, number = 0) {
  return shownScreens(survey.definition, locale, answers).find((shown) => shown > number);
}

export type ScreenError = { question: string; message: string };

/**
 * One screen's errors, by question: what validation of the whole answer set says about the
 * questions on it (later screens' required questions wait for their turn), and rankings that
 * could not be read.
 */
export function screenErrors(
  t: TFunction<"answering">,
  survey: Survey,
  answers: Answers,
  locale: string,
  number: number,
  unreadableRankings: readonly string[],
): ScreenError[] {
  const names = questionsOnScreen(survey.definition, locale, answers, number);
  const result = validateDraft(survey, answers, locale);
  const found = new Map<string, string>();
  for (const name of unreadableRankings) if (names.includes(name)) found.set(name, t("lowData.rankingProblem"));
  if (!result.ok) {
    for (const error of result.errors) {
      if (!names.includes(error.question) || found.has(error.question)) continue;
      found.set(error.question, error.message);
    }
  }
  // In screen order, like the fields.
  return names.flatMap((name) => (found.has(name) ? [{ question: name, message: found.get(name)! }] : []));
}

/** Errors of the whole set for the "check your answers" page, each linked to the field on its screen. */
export function errorsWithLinks(slug: string, survey: Survey, answers: Answers, locale: string, errors: { question: string; message: string }[]) {
  return errors.map((error) => {
    const where = error.question ? screenOfQuestion(survey.definition, locale, answers, error.question) : undefined;
    const first = nextScreen(survey, answers, locale) ?? 1;
    return { message: error.message, href: where ? lowDataPath(slug, `/page/${where.number}#${where.field}`) : lowDataPath(slug, `/page/${first}`) };
  });
}

/** "Check your answers": only the answers that count (hidden questions' go when sent), in the words shown. */
export function answersToCheck(slug: string, survey: Survey, answers: Answers, locale: string) {
  const counted = keepAnswersToShownQuestions(survey.definition, answers);
  return answersByScreen(survey.definition, locale, counted).map((row) => ({
    name: row.name,
    title: row.title,
    text: row.text,
    change: lowDataPath(slug, `/page/${row.screen}#${row.field}`),
  }));
}
