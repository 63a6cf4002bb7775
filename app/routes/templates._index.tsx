// The organisation's own survey templates: what each is for, and a link to rename or delete it.
// Templates are made from a consultation's survey ("Save as a template" in the builder).
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SuccessBanner } from "~/components/success-banner";
import { TypedText } from "~/components/typed-text";
import { getLocale } from "~/i18n/locale.server";
import { listSurveyTemplates } from "~/models/survey-template.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { formatDay } from "~/utils/date-time.server";
import { takeFlash } from "~/utils/flash.server";
import { metaT, pageTitle } from "~/utils/meta";
import templatesStyles from "~/builder/templates.css";


export const links: LinksFunction = () => [{ rel: "stylesheet", href: templatesStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("templates:list.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const [templates, locale, { flash, headers }] = await Promise.all([
    listSurveyTemplates({ organisationId: member.organisationId }),
    getLocale(request),
    takeFlash(request),
  ]);
  return data(
    {
      templates: templates.map((template) => ({
        id: template.id,
        name: template.name,
        description: template.description,
        hasEasyRead: template.hasEasyRead,
        savedOn: formatDay(template.createdAt, locale),
      })),
      flash,
    },
    { headers },
  );
}

export default function OrganisationTemplates() {
  const { templates, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation("templates");
  return (
    <div className="page">
      {flash ? <SuccessBanner>{t(`flash.${flash}`)}</SuccessBanner> : null}
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.intro")}</p>
      {templates.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <ul className="template-list">
          {templates.map((template) => (
            <li key={template.id} className="template-list__item">
              <h2 className="heading-s">
                <TypedText>{template.name}</TypedText>
              </h2>
              {template.description ? <TypedText as="p">{template.description}</TypedText> : null}
              <p className="hint">
                {t("list.savedOn", { date: template.savedOn })}
                {template.hasEasyRead ? ` ${t("list.hasEasyRead")}` : null}
              </p>
              <p>
                <Link to={template.id}>
                  {t("list.change")}
                  <span className="visually-hidden">
                    {" "}
                    <TypedText>{template.name}</TypedText>
                  </span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/consultations">{t("list.back")}</Link>
      </p>
    </div>
  );
}
