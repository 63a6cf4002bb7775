// The survey builder for one consultation. The page saves as you go through
// consultations.$id.survey.save.ts; this route's own action publishes the next version of an open
// consultation's survey. survey-core loads only here (and on the answering page), never on other staff pages.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import surveyCoreStyles from "survey-core/survey-core.fontless.min.css";
import { useTranslation } from "react-i18next";
import builderStyles from "~/builder/builder.css";
import { BuilderPage } from "~/builder/builder-page";
import { picturePath } from "~/builder/pictures";
import { UploadedPicturesProvider } from "~/builder/uploaded-pictures";
import { BuilderIntentSchema } from "~/builder/builder-schema.server";
import { loadBuilderFeedback } from "~/codesign/builder-feedback.server";
import codesignStyles from "~/codesign/codesign.css";
import { OpenFeedbackProvider, SurveyComments } from "~/codesign/question-comments";
import { newDefinition } from "~/builder/definition";
import { SurveyProblemsError } from "~/builder/publish.server";
import { EasyReadMismatchError } from "~/models/survey-version.server";
import { startingTexts } from "~/builder/starting-texts.server";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/form";
import { SuccessBanner } from "~/components/success-banner";
import { TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import membersStyles from "~/members/members.css";
import { getLocale } from "~/i18n/locale.server";
import { canEditSurvey, DraftLockedError, getSurveyDraft, listDraftSaves, NothingToPublishError, publishSurveyDraft } from "~/models/survey-draft.server";
import { listSurveyPictures } from "~/models/survey-picture.server";
import surveyStyles from "~/survey/survey.css";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/date-time.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";
import { useRootData } from "~/root";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/survey/theme.css" },
  { rel: "stylesheet", href: surveyCoreStyles },
  { rel: "stylesheet", href: surveyStyles },
  { rel: "stylesheet", href: consultationStyles },
  // The shared checkbox style lives there for now (see its comment).
  { rel: "stylesheet", href: membersStyles },
  { rel: "stylesheet", href: builderStyles },
  { rel: "stylesheet", href: codesignStyles },
];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("builder:title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const draft = await getSurveyDraft(scope);
  if (!draft) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  const [saves, pictures, feedback] = await Promise.all([
    listDraftSaves({ ...scope, limit: 10 }),
    listSurveyPictures({ organisationId: member.organisationId }),
    loadBuilderFeedback(scope, locale),
  ]);
  const texts = startingTexts();
  return {
    consultation: { id: draft.id, title: draft.title, status: draft.status },
    definition: draft.definition ?? newDefinition(),
    revision: draft.revision,
    locked: !canEditSurvey(draft.status),
    latestVersion: draft.latestVersion?.version ?? null,
    hasUnpublishedChanges: draft.hasUnpublishedChanges,
    history: saves.map((save) => ({ revision: save.revision, savedAt: formatDateTime(save.savedAt, locale), savedBy: save.savedBy })),
    startingTexts: texts.texts,
    specialTexts: { refuse: texts.refuse, dontKnow: texts.dontKnow },
    locale,
    pictures: pictures.map((picture) => ({ src: picturePath(picture.id), altText: picture.altText })),
    feedback,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const parsed = BuilderIntentSchema.safeParse(formFields(await readVerifiedForm(request)));
  if (!parsed.success) return data({ error: "badRequest" as const }, { status: 400 });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  try {
    const version = await publishSurveyDraft(scope);
    if (!version) throw new Response(null, { status: 404 });
    return data({ published: version.version });
  } catch (error) {
    if (error instanceof SurveyProblemsError) return data({ error: "surveyProblems" as const }, { status: 409 });
    if (error instanceof EasyReadMismatchError) {
      return data({ error: "easyReadMismatch" as const, questions: error.questions.join(", ") }, { status: 409 });
    }
    if (error instanceof NothingToPublishError) return data({ error: "nothingToPublish" as const }, { status: 409 });
    if (error instanceof DraftLockedError) return data({ error: "badRequest" as const }, { status: 409 });
    throw error;
  }
}

export default function SurveyBuilder() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("builder");
  const csrfToken = useRootData()?.csrfToken ?? "";
  const { consultation } = loaded;
  const isDraft = consultation.status === "draft" || consultation.status === "in_review";
  const error = actionData && "error" in actionData ? actionData.error : null;
  const errorMessage =
    error === "nothingToPublish"
      ? t("versions.nothingToPublish")
      : error === "surveyProblems"
        ? t("errors.surveyProblems")
        : error === "easyReadMismatch" && actionData && "questions" in actionData
          ? t("errors.easyReadMismatch", { questions: actionData.questions })
          : error
            ? t("errors.badRequest")
            : null;
  return (
    <div className="page page--wide">
      <ErrorSummary errors={errorMessage ? [{ field: "problems-heading", message: errorMessage }] : []} />
      {actionData && "published" in actionData ? (
        <SuccessBanner>{t("versions.publishedNotice", { version: actionData.published })}</SuccessBanner>
      ) : null}
      <p className="caption">
        <TypedText>{consultation.title}</TypedText>
      </p>
      <h1>{t("title")}</h1>
      <p>
        <Link to={`/consultations/${consultation.id}`}>{t("backToConsultation")}</Link>
      </p>
      <p>
        {/* A full page load, so the builder's "changes not saved yet" warning still protects the last edit. */}
        <a href={`/consultations/${consultation.id}/save-as-template`}>{t("templates.saveLink")}</a>
      </p>
      <section aria-labelledby="versions-heading" className="builder-section">
        <h2 id="versions-heading" className="visually-hidden">
          {t("versions.open")}
        </h2>
        {isDraft ? (
          <p>
            {t("versions.draft")} <Link to={`/consultations/${consultation.id}/open`}>{t("versions.open")}</Link>
          </p>
        ) : loaded.latestVersion ? (
          <p>{t("versions.published", { version: loaded.latestVersion })}</p>
        ) : null}
        {!isDraft && !loaded.locked && loaded.hasUnpublishedChanges && loaded.latestVersion ? (
          <Form method="post" className="stack">
            <CsrfInput />
            <input type="hidden" name="intent" value="publish" />
            <p>{t("versions.unpublished")}</p>
            <p className="hint">{t("versions.publishHint")}</p>
            <Button type="submit" className="button">
              {t("versions.publish", { version: loaded.latestVersion + 1 })}
            </Button>
          </Form>
        ) : null}
      </section>
      <UploadedPicturesProvider pictures={loaded.pictures} uploadHref={loaded.locked ? null : `/pictures?from=${consultation.id}`}>
        <OpenFeedbackProvider consultationId={consultation.id} feedback={loaded.feedback}>
          <SurveyComments />
        <BuilderPage
          consultationId={consultation.id}
          initialDefinition={loaded.definition}
          revision={loaded.revision}
          csrfToken={csrfToken}
          startingTexts={loaded.startingTexts}
          specialTexts={loaded.specialTexts}
          uiLocale={loaded.locale}
          locked={loaded.locked}
        />
        </OpenFeedbackProvider>
      </UploadedPicturesProvider>
      <section aria-labelledby="history-heading" className="builder-section">
        <h2 id="history-heading" className="heading-m">
          {t("history.heading")}
        </h2>
        {loaded.history.length === 0 ? (
          <p>{t("history.none")}</p>
        ) : (
          <ul className="link-list">
            {loaded.history.map((save) => (
              <li key={save.revision}>{t("history.entry", { date: save.savedAt, name: save.savedBy ?? t("history.someone") })}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
