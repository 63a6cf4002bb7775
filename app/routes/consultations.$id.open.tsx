// Opening asks first, saying what will change for children: from when, until when, and where they answer.
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { SurveyProblemsError } from "~/builder/publish.server";
import { EasyReadMismatchError } from "~/models/survey-version.server";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { getLocale } from "~/i18n/locale.server";
import { ConsultationStateError, getConsultation, openConsultation } from "~/models/consultation.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { formatDate, londonToday } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";
import { publicAddress } from "~/utils/public-url.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("openConsultation.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const consultation = await getConsultation({ organisationId: member.organisationId, consultationId: params.id ?? "" });
  if (!consultation) throw new Response(null, { status: 404 });
  // Nothing to confirm: already open (or closed), or no survey yet.
  if ((consultation.status !== "draft" && consultation.status !== "in_review") || !consultation.draftDefinition) {
    throw redirect(`/consultations/${consultation.id}`);
  }
  const locale = await getLocale(request);
  const today = londonToday();
  return {
    consultation: {
      id: consultation.id,
      title: consultation.title,
      opensOn: formatDate(consultation.opensOn, locale),
      closesOn: formatDate(consultation.closesOn, locale),
    },
    // When children can answer once it is open: from today, from a later opening date, or not at all.
    when: consultation.closesOn < today ? ("pastClosing" as const) : consultation.opensOn > today ? ("later" as const) : ("now" as const),
    shareAddress: publicAddress(request, `/c/${consultation.slug}`),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  await readVerifiedForm(request);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  try {
    if (!(await openConsultation(scope))) throw new Response(null, { status: 404 });
  } catch (error) {
    if (error instanceof ConsultationStateError) return data({ error: "cannotOpen" as const }, { status: 409 });
    if (error instanceof SurveyProblemsError) return data({ error: "surveyProblems" as const }, { status: 409 });
    if (error instanceof EasyReadMismatchError) {
      return data({ error: "easyReadMismatch" as const, questions: error.questions.join(", ") }, { status: 409 });
    }
    throw error;
  }
  return redirectWithFlash(`/consultations/${scope.consultationId}`, "opened");
}

export default function ConfirmOpen() {
  const { consultation, when, shareAddress } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const back = `/consultations/${consultation.id}`;
  return (
    <div className="page page--narrow">
      <ErrorSummary
        errors={
          actionData?.error === "surveyProblems"
            ? [{ field: "confirm", message: t("builder:errors.surveyProblems") }]
            : actionData?.error === "easyReadMismatch"
              ? [{ field: "confirm", message: t("builder:errors.easyReadMismatch", { questions: actionData.questions }) }]
              : actionData?.error
              ? [{ field: "confirm", message: t(`consultation.errors.${actionData.error}`) }]
              : []
        }
      />
      {actionData?.error === "surveyProblems" ? (
        <p>
          <Link to={`${back}/survey`}>{t("builder:link")}</Link>
        </p>
      ) : null}
      <p className="caption">
        <TypedText>{consultation.title}</TypedText>
      </p>
      <h1>{t("openConsultation.title")}</h1>
      {when === "pastClosing" ? (
        <>
          <p>{t("openConsultation.pastClosing", { date: consultation.closesOn })}</p>
          <p>
            <Link to={`${back}/edit`}>{t("openConsultation.changeDates")}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">
            {when === "later"
              ? t("openConsultation.childrenCanAnswerFrom", { opens: consultation.opensOn, closes: consultation.closesOn })
              : t("openConsultation.childrenCanAnswer", { closes: consultation.closesOn })}
          </p>
          <p className="share-address__link">
            <a href={shareAddress}>{shareAddress}</a>
          </p>
          <p>{t("openConsultation.frozen")}</p>
          <Form method="post" id="confirm" className="button-group">
            <CsrfInput />
            <Button type="submit" className="button">
              {t("openConsultation.confirm")}
            </Button>
            <Link to={back}>{t("confirm.cancel")}</Link>
          </Form>
        </>
      )}
      {when === "pastClosing" ? (
        <p>
          <Link to={back}>{t("confirm.back")}</Link>
        </p>
      ) : null}
    </div>
  );
}
