import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReadingQuerySchema, readCodingForm } from "~/analysis/coding-schema.server";
import { CODING_SOURCES } from "~/analysis/coding-sources";
import { analysisLinks } from "~/analysis/links";
import { THEME_COLOURS, type ThemeColour } from "~/analysis/theme-colours";
import { CsrfInput } from "~/components/csrf-input";
import { TypedText } from "~/components/typed-text";
import { getLocale } from "~/i18n/locale.server";
import { AnswerNotFoundError, codeAnswer, codeEventNote, EventNoteNotFoundError, listTextForCoding, listThemes } from "~/models/coding.server";
import { getConsultation } from "~/models/consultation.server";
import { requireMember, STAFF_WHO_ANALYSE } from "~/utils/auth.server";
import { readVerifiedForm } from "~/utils/form-data.server";
import { freeTextQuestions } from "~/analysis/free-text-questions.server";
import { getPooledDefinition } from "~/models/results.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("analysis:coding.title"));
export const links = analysisLinks;

// Reading free text and event notes: staff who analyse only (advisors see aggregates only); no-store, it holds children's words.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_ANALYSE });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const query = ReadingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = await getLocale(request);
  const [{ answers, notes }, themes, definition] = await Promise.all([
    listTextForCoding({ ...scope, memberId: member.id, locale, source: query.source, question: query.question, search: query.q }),
    listThemes(scope),
    getPooledDefinition(scope),
  ]);
  return data(
    {
      consultation: { id: consultation.id, title: consultation.title },
      answers,
      notes: notes.map(({ eventNoteId, eventTitle, text, coded, themeIds }) => ({ eventNoteId, eventTitle, text, coded, themeIds })),
      themes: themes.map(({ id, name, colour }) => ({ id, name, colour })),
      questions: definition ? freeTextQuestions(definition, locale) : [],
      query,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_ANALYSE });
  const parsed = readCodingForm(await readVerifiedForm(request));
  if (!parsed.success) throw new Response("That coding could not be read.", { status: 400 });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  try {
    if (parsed.data.kind === "note") {
      await codeEventNote({ ...scope, eventNoteId: parsed.data.eventNoteId, themeIds: parsed.data.themeIds });
      return { saved: `note ${parsed.data.eventNoteId}` };
    }
    await codeAnswer({ ...scope, ...parsed.data });
  } catch (error) {
    if (error instanceof AnswerNotFoundError || error instanceof EventNoteNotFoundError) throw new Response(null, { status: 404 });
    throw error;
  }
  return { saved: `${parsed.data.responseId} ${parsed.data.questionName}` };
}

type Theme = { id: string; name: string; colour: string };

/** The codebook's themes as boxes, ticked where this member has applied them. */
function ThemeBoxes({ themes, checked, legend, legendId }: { themes: Theme[]; checked: string[]; legend: string; legendId: string }) {
  if (themes.length === 0) return null;
  return (
    <fieldset aria-labelledby={legendId}>
      <legend id={legendId}>{legend}</legend>
      <div className="theme-choices">
        {themes.map((theme) => (
          <label key={theme.id}>
            <input type="checkbox" name="themeIds" value={theme.id} defaultChecked={checked.includes(theme.id)} />
            <span className="theme-swatch" style={{ background: THEME_COLOURS[theme.colour as ThemeColour] }} aria-hidden="true" />
            <TypedText>{theme.name}</TypedText>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export default function CodeAnswers() {
  const { consultation, answers, notes, themes, questions, query } = useLoaderData<typeof loader>();
  const { t } = useTranslation("analysis");
  const counts = [
    query.source === "notes" ? null : t("coding.count", { count: answers.length }),
    query.source === "answers" || query.question ? null : t("coding.noteCount", { count: notes.length }),
  ].filter((text) => text !== null);
  return (
    <div className="page">
      <p className="caption">
        <Link to={`/consultations/${consultation.id}/themes`}>{t("themes.title")}</Link>
      </p>
      <h1>{t("coding.title")}</h1>
      <p className="lead">
        <TypedText>{consultation.title}</TypedText>
      </p>
      <Form method="get" className="results-filters" aria-labelledby="reading-filters">
        <h2 id="reading-filters" className="heading-m">
          {t("coding.filtersHeading")}
        </h2>
        <div className="results-filters__grid">
          <div>
            <label htmlFor="reading-q">{t("coding.search")}</label>
            <input id="reading-q" type="search" name="q" defaultValue={query.q ?? ""} />
          </div>
          <div>
            <label htmlFor="reading-source">{t("coding.source")}</label>
            <select id="reading-source" name="source" defaultValue={query.source ?? ""}>
              <option value="">{t("any")}</option>
              {CODING_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {t(`coding.sources.${source}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="reading-question">{t("coding.question")}</label>
            <select id="reading-question" name="question" defaultValue={query.question ?? ""} aria-describedby="reading-question-hint">
              <option value="">{t("any")}</option>
              {questions.map((question) => (
                <option key={question.name} value={question.name}>
                  {question.title}
                </option>
              ))}
            </select>
            <p className="hint" id="reading-question-hint">
              {t("coding.questionHint")}
            </p>
          </div>
        </div>
        <button type="submit" className="button">
          {t("coding.searchButton")}
        </button>
      </Form>
      <p role="status">{counts.join(t("coding.countSeparator"))}</p>
      {themes.length === 0 ? <p>{t("coding.noThemes")}</p> : null}
      {answers.map((answer, index) => (
        <article className="answer-card" key={`${answer.responseId} ${answer.questionName}`} aria-labelledby={`answer-${index}`}>
          <h2 className="heading-s" id={`answer-${index}`}>
            {t("coding.answerHeading", { number: index + 1, question: answer.questionTitle })}
          </h2>
          <p className="answer-card__text">
            <TypedText lang={answer.locale}>{answer.text}</TypedText>
          </p>
          <p className="hint">{answer.coded ? t("coding.codedByYou") : t("coding.notCoded")}</p>
          <Form method="post" preventScrollReset>
            <CsrfInput />
            <input type="hidden" name="responseId" value={answer.responseId} />
            <input type="hidden" name="questionName" value={answer.questionName} />
            <ThemeBoxes themes={themes} checked={answer.themeIds} legend={t("coding.themesFor", { number: index + 1 })} legendId={`answer-${index}-themes`} />
            <p className="theme-choices">
              <label>
                <input type="checkbox" name="featured" defaultChecked={answer.featured} />
                {t("coding.featured", { number: index + 1 })}
              </label>
            </p>
            <button type="submit" className="button button--secondary">
              {t("coding.save", { number: index + 1 })}
            </button>
          </Form>
        </article>
      ))}
      {notes.map((note, index) => (
        <article className="answer-card" key={note.eventNoteId} aria-labelledby={`note-${index}`}>
          <h2 className="heading-s" id={`note-${index}`}>
            {t("coding.noteHeading", { number: index + 1 })} <TypedText>{note.eventTitle}</TypedText>
          </h2>
          <p className="answer-card__text">
            <TypedText>{note.text}</TypedText>
          </p>
          <p className="hint">{note.coded ? t("coding.noteCodedByYou") : t("coding.notCoded")}</p>
          <Form method="post" preventScrollReset>
            <CsrfInput />
            <input type="hidden" name="eventNoteId" value={note.eventNoteId} />
            <ThemeBoxes themes={themes} checked={note.themeIds} legend={t("coding.themesForNote", { number: index + 1 })} legendId={`note-${index}-themes`} />
            <button type="submit" className="button button--secondary">
              {t("coding.saveNote", { number: index + 1 })}
            </button>
          </Form>
        </article>
      ))}
    </div>
  );
}
