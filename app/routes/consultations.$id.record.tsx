// Staff record a response: with or for a child (assisted, with an observation note) or typed in from a
// paper form. The same survey form and the same server validation as a child's; stored with its
// channel, audited, and the note checked for concerning phrases like free text. Never advisors.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useCallback, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import surveyCoreStyles from "survey-core/survey-core.fontless.min.css";
import { TypedText } from "~/components/typed-text";
import { getLocale } from "~/i18n/locale.server";
import { getConsultation } from "~/models/consultation.server";
import { getLatestSurveyVersion, RECORDING_CHANNELS } from "~/models/response.server";
import { STAFF_WHO_RECORD } from "~/responses/recording.server";
import { takesRecords } from "~/consultations/taking-answers";
import { SurveyForm, type Recording } from "~/survey/survey-form";
import surveyStyles from "~/survey/survey.css";
import { requireMember } from "~/utils/auth.server";
import { metaT, pageTitle } from "~/utils/meta";
import { OBSERVATION_NOTE_MAX } from "~/responses/observation-note";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/survey/theme.css" },
  { rel: "stylesheet", href: surveyCoreStyles },
  { rel: "stylesheet", href: surveyStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(metaT(matches)(data?.channel === "paper" ? "answering:paper.title" : "answering:assisted.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_RECORD });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const asked = new URL(request.url).searchParams.get("channel");
  const channel = RECORDING_CHANNELS.find((known) => known === asked) ?? "assisted";
  const version = takesRecords(consultation.status) ? await getLatestSurveyVersion(scope) : undefined;
  return {
    consultation: { id: consultation.id, title: consultation.title, slug: consultation.slug },
    channel,
    survey: version ? { surveyVersionId: version.id, definition: version.definition } : null,
    locale: await getLocale(request),
  };
}

export default function RecordResponse() {
  const { consultation, channel, survey, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("answering");
  const note = useRef<HTMLTextAreaElement>(null);
  const fields = useCallback(() => ({ channel, note: note.current?.value ?? "" }), [channel]);
  const recording = useMemo<Recording>(
    () => ({
      url: `/consultations/${consultation.id}/record-response`,
      fields,
      done: (referenceCode) => <Recorded consultationId={consultation.id} channel={channel} referenceCode={referenceCode} />,
    }),
    [consultation.id, channel, fields],
  );
  return (
    <div className="page">
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t(`${channel}.title`)}</h1>
      <p className="lead">{t(`${channel}.intro`)}</p>
      {survey ? (
        <>
          {channel === "assisted" ? (
            <div className="field">
              <label className="field__label" htmlFor="observation-note">
                {t("assisted.noteTitle")}
              </label>
              <p id="observation-note-hint" className="field__hint">
                {t("assisted.noteHint")}
              </p>
              <textarea
                ref={note}
                id="observation-note"
                name="note"
                className="input input--textarea"
                rows={4}
                maxLength={OBSERVATION_NOTE_MAX}
                aria-describedby="observation-note-hint"
              />
            </div>
          ) : null}
          <SurveyForm
            slug={consultation.slug}
            title={consultation.title}
            surveyVersionId={survey.surveyVersionId}
            definition={survey.definition}
            locale={locale}
            feedbackBy=""
            recording={recording}
          />
        </>
      ) : (
        <p>{t("recording.notTaking")}</p>
      )}
    </div>
  );
}

function Recorded({ consultationId, channel, referenceCode }: { consultationId: string; channel: string; referenceCode: string }) {
  const { t } = useTranslation("answering");
  return (
    <div className="page page--narrow">
      <div className="panel-confirmation">
        <h1 tabIndex={-1}>{t("recording.done")}</h1>
        <p>{t("recording.codeLabel")}</p>
        <p className="reference-code">{referenceCode}</p>
      </div>
      <p>{t(`${channel}.codeHelp`)}</p>
      <ul className="link-list">
        <li>
          <a href={`/consultations/${consultationId}/record?channel=${channel}`}>{t("recording.another")}</a>
        </li>
        <li>
          <Link to={`/consultations/${consultationId}`}>{t("recording.back")}</Link>
        </li>
      </ul>
    </div>
  );
}
