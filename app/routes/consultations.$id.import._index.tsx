// Importing responses from a CSV file, step 1: the officer uploads the file. It is read at once (a
// file that is not CSV text, or is malformed, is refused here with the reason) and kept for the
// next step, where columns are matched to questions and every row is checked.
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import { getFixedT } from "~/i18n/locale.server";
import { BusyButton } from "~/imports/busy-button";
import importStyles from "~/imports/imports.css";
import { readCsvUpload } from "~/imports/review-import.server";
import { getConsultation } from "~/models/consultation.server";
import { createPendingImport } from "~/models/response-import.server";
import { STAFF_WHO_IMPORT } from "~/responses/recording.server";
import { takesRecords } from "~/consultations/taking-answers";
import { requireMember } from "~/utils/auth.server";
import { readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("imports:upload.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_IMPORT });
  const consultation = await getConsultation({ organisationId: member.organisationId, consultationId: params.id ?? "" });
  if (!consultation) throw new Response(null, { status: 404 });
  return { consultation: { id: consultation.id, title: consultation.title }, taking: takesRecords(consultation.status) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_IMPORT });
  const formData = await readVerifiedForm(request);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const t = await getFixedT(request);
  if (!takesRecords(consultation.status)) return data({ error: t("imports:upload.notTaking") }, { status: 409 });
  const upload = await readCsvUpload(formData.get("file"));
  if (!upload.ok) return data({ error: t(`imports:errors.${upload.problem}`, upload.values ?? {}) }, { status: upload.status });
  const importId = await createPendingImport({ ...scope, fileName: upload.fileName, csv: upload.csv });
  if (!importId) throw new Response(null, { status: 404 });
  return redirect(`/consultations/${scope.consultationId}/import/${importId}`);
}

export default function UploadResponses() {
  const { consultation, taking } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("imports");
  const error = actionData?.error;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={error ? [{ field: "file", message: error }] : []} />
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("upload.title")}</h1>
      <p className="lead">{t("upload.intro")}</p>
      {taking ? (
        <>
          <h2>{t("upload.howTitle")}</h2>
          <ul className="bullets">
            <li>{t("upload.how.format")}</li>
            <li>{t("upload.how.headings")}</li>
            <li>{t("upload.how.rows")}</li>
            <li>{t("upload.how.date")}</li>
          </ul>
          <Form method="post" encType="multipart/form-data" noValidate>
            <CsrfInput />
            <div className={`field${error ? " field--error" : ""}`}>
              <label className="field__label" htmlFor="file">
                {t("upload.fileLabel")}
              </label>
              <p className="field__hint" id="file-hint">
                {t("upload.fileHint")}
              </p>
              {error ? (
                <p className="field__error" id="file-error">
                  {error}
                </p>
              ) : null}
              <input
                id="file"
                name="file"
                type="file"
                accept=".csv,text/csv"
               
                aria-describedby={error ? "file-hint file-error" : "file-hint"}
                aria-invalid={error ? true : undefined}
              />
            </div>
            <BusyButton intent="upload" label={t("upload.submit")} busyLabel={t("upload.busy")} />
          </Form>
        </>
      ) : (
        <p>{t("upload.notTaking")}</p>
      )}
    </div>
  );
}
