// Closing asks first, saying what will change for children: they will no longer be able to answer.
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { answeringState } from "~/consultations/taking-answers";
import { closeConsultation, getConsultation } from "~/models/consultation.server";
import { countResponses } from "~/models/response.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { londonToday } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";
import { publicAddress } from "~/utils/public-url.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("closeConsultation.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  if (consultation.status !== "open") throw redirect(`/consultations/${consultation.id}`);
  return {
    consultation: { id: consultation.id, title: consultation.title },
    // Past its closing date children already cannot answer; closing records that it has finished.
    stillAnswering: answeringState(consultation, londonToday()) !== "after-closing",
    responseCount: await countResponses(scope),
    shareAddress: publicAddress(request, `/c/${consultation.slug}`),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  await readVerifiedForm(request);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  if (!(await getConsultation(scope))) throw new Response(null, { status: 404 });
  if (!(await closeConsultation(scope))) return data({ error: "cannotClose" as const }, { status: 409 });
  return redirectWithFlash(`/consultations/${scope.consultationId}`, "closed");
}

export default function ConfirmClose() {
  const { consultation, stillAnswering, responseCount, shareAddress } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const back = `/consultations/${consultation.id}`;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.error ? [{ field: "confirm", message: t(`consultation.errors.${actionData.error}`) }] : []} />
      <p className="caption">
        <TypedText>{consultation.title}</TypedText>
      </p>
      <h1>{t("closeConsultation.title")}</h1>
      <p className="lead">{stillAnswering ? t("closeConsultation.noLonger") : t("closeConsultation.alreadyPastDate")}</p>
      <p>{t("closeConsultation.publicPage")}</p>
      <p className="share-address__link">
        <a href={shareAddress}>{shareAddress}</a>
      </p>
      <p>{t("closeConsultation.responsesKept", { count: responseCount })}</p>
      <p>{t("closeConsultation.cannotReopen")}</p>
      <Form method="post" id="confirm" className="button-group">
        <CsrfInput />
        <Button type="submit" className="button">
          {t("closeConsultation.confirm")}
        </Button>
        <Link to={back}>{t("confirm.cancel")}</Link>
      </Form>
    </div>
  );
}
