// The organisation's own pictures for picture-choice answers: upload one (PNG, JPEG or WebP, with
// alt text), and see those already uploaded. The builder's picture menus offer them beside the
// bundled symbols. Officers and admins, who edit surveys in the builder, may upload.
import { data, type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { MAX_ALT_TEXT_LENGTH, picturePath } from "~/builder/pictures";
import { PictureAltTextSchema, readPictureUpload } from "~/builder/template-schema.server";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList, TextInputField } from "~/components/form";
import { SuccessBanner } from "~/components/success-banner";
import { getFixedT } from "~/i18n/locale.server";
import { addSurveyPicture, listSurveyPictures } from "~/models/survey-picture.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { redirectWithFlash, takeFlash } from "~/utils/flash.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";
import templatesStyles from "~/builder/templates.css";


export const links: LinksFunction = () => [{ rel: "stylesheet", href: templatesStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("templates:pictures.title"));

/** The builder this page was opened from, to link back to it (only a consultation id, never an address). */
function builderFrom(request: Request): string | null {
  const from = new URL(request.url).searchParams.get("from") ?? "";
  return /^[0-9a-f-]{36}$/.test(from) ? from : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const [pictures, { flash, headers }] = await Promise.all([listSurveyPictures({ organisationId: member.organisationId }), takeFlash(request)]);
  return data(
    { pictures: pictures.map((picture) => ({ src: picturePath(picture.id), altText: picture.altText })), flash, from: builderFrom(request) },
    { headers },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const formData = await readVerifiedForm(request);
  const t = await getFixedT(request);
  const altText = PictureAltTextSchema.safeParse(formFields(formData));
  const picture = await readPictureUpload(formData.get("picture"));
  const errors = {
    ...(picture.ok ? {} : { picture: t(`templates:errors.${picture.error}`) }),
    ...(altText.success ? {} : fieldErrorMessages(altText.error, t)),
  };
  if (!picture.ok || !altText.success) {
    // The picture's own problem decides the status (413 too big, 415 wrong type); otherwise 400.
    return data({ errors, altText: String(formData.get("altText") ?? "") }, { status: picture.ok ? 400 : picture.status });
  }
  await addSurveyPicture({ organisationId: member.organisationId, memberId: member.id, altText: altText.data.altText, ...picture });
  const from = builderFrom(request);
  return redirectWithFlash(from ? `/pictures?from=${from}` : "/pictures", "pictureUploaded");
}

export default function Pictures() {
  const { pictures, flash, from } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("templates");
  const errors: Partial<Record<string, string>> | undefined = actionData?.errors;
  return (
    <div className="page">
      <ErrorSummary errors={fieldErrorList(errors, ["picture", "altText"])} />
      {flash ? <SuccessBanner>{t(`flash.${flash}`)}</SuccessBanner> : null}
      <h1>{t("pictures.title")}</h1>
      <p className="lead">{t("pictures.intro")}</p>
      <Form method="post" encType="multipart/form-data" noValidate className="stack">
        <CsrfInput />
        <div className={`field${errors?.picture ? " field--error" : ""}`}>
          <label className="field__label" htmlFor="picture">
            {t("pictures.file")}
          </label>
          <p className="field__hint" id="picture-hint">
            {t("pictures.fileHint")}
          </p>
          {errors?.picture ? (
            <p className="field__error" id="picture-error">
              {errors.picture}
            </p>
          ) : null}
          <input
            id="picture"
            name="picture"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={errors?.picture ? "picture-hint picture-error" : "picture-hint"}
            aria-invalid={errors?.picture ? true : undefined}
          />
        </div>
        <TextInputField
          name="altText"
          label={t("pictures.altText")}
          hint={t("pictures.altTextHint", { count: MAX_ALT_TEXT_LENGTH })}
          defaultValue={actionData?.altText}
          error={errors?.altText}
          isRequired
        />
        <Button type="submit" className="button">
          {t("pictures.upload")}
        </Button>
      </Form>
      <section aria-labelledby="uploaded-heading" className="section">
        <h2 id="uploaded-heading">{t("pictures.uploaded")}</h2>
        <p>{t("pictures.uploadedHint")}</p>
        {pictures.length === 0 ? (
          <p>{t("pictures.none")}</p>
        ) : (
          <ul className="uploaded-pictures">
            {pictures.map((picture) => (
              <li key={picture.src}>
                <img src={picture.src} alt="" width={96} height={96} loading="lazy" />
                <span dir="auto">{picture.altText}</span>
                <span className="hint">
                  {t("pictures.address")} <code>{picture.src}</code>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to={from ? `/consultations/${from}/survey` : "/consultations"}>{from ? t("pictures.backToBuilder") : t("pictures.backToConsultations")}</Link>
      </p>
    </div>
  );
}
