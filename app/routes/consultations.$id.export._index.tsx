import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { analysisLinks } from "~/analysis/links";
import { CsrfInput } from "~/components/csrf-input";
import { TypedText } from "~/components/typed-text";
import { getConsultation } from "~/models/consultation.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("analysis:export.title"));
export const links = analysisLinks;

const FILES = ["aggregates.csv", "aggregates.xlsx", "responses.csv", "responses.xlsx"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const consultation = await getConsultation({ organisationId: member.organisationId, consultationId: params.id ?? "" });
  if (!consultation) throw new Response(null, { status: 404 });
  return { consultation: { id: consultation.id, title: consultation.title } };
}

export default function Export() {
  const { consultation } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["analysis", "qda"]);
  return (
    <div className="page">
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("export.title")}</h1>
      <p className="lead">{t("export.intro")}</p>
      {FILES.map((file) => (
        // A document download: reloadDocument so the browser saves the file instead of Remix fetching it.
        <Form method="post" action={file} reloadDocument key={file} className="export-form">
          <CsrfInput />
          <h2 className="heading-s">{t(`export.${file.replace(".", "_")}.title`)}</h2>
          <p className="hint">{t(`export.${file.replace(".", "_")}.hint`)}</p>
          <button type="submit" className="button button--secondary">
            {t(`export.${file.replace(".", "_")}.button`)}
          </button>
        </Form>
      ))}
      <Form method="post" action="coded-text.qdpx" reloadDocument className="export-form">
        <CsrfInput />
        <h2 className="heading-s">{t("qda:export.title")}</h2>
        <p className="hint">{t("qda:export.hint")}</p>
        <button type="submit" className="button button--secondary">
          {t("qda:export.button")}
        </button>
      </Form>
    </div>
  );
}
