import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isolateText, TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { OutcomeList } from "~/consultations/outcome-list";
import { PublicContact } from "~/consultations/public-contact";
import { getLocale } from "~/i18n/locale.server";
import { getPublicConsultation } from "~/models/consultation.server";
import { listPublishedOutcomes } from "~/models/outcome.server";
import { formatDayOf } from "~/utils/dates";
import { metaT, pageTitle } from "~/utils/meta";
import { publicPageHandle } from "~/i18n/public-page";

export const handle = publicPageHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(`${metaT(matches)("outcomes.publicTitle")}: ${isolateText(data?.consultation.title ?? "")}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const consultation = await getPublicConsultation({ slug: params.slug ?? "" });
  if (!consultation?.outcomesPublishedAt) throw new Response(null, { status: 404 });
  const [locale, outcomes] = await Promise.all([getLocale(request), listPublishedOutcomes({ consultationId: consultation.id })]);
  return {
    consultation: { title: consultation.title, audience: consultation.audience, slug: consultation.slug },
    outcomes: outcomes.map(({ correctedAt, ...outcome }) => ({
      ...outcome,
      updatedOn: correctedAt ? formatDayOf(correctedAt, locale) : null,
    })),
    organisation: consultation.organisationName,
    contact: consultation.contact || consultation.organisationContact,
  };
}

export default function PublicOutcomes() {
  const { consultation, outcomes, organisation, contact } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="caption">
        <TypedText>{organisation}</TypedText>
        {" · "}
        <Link to={`/c/${consultation.slug}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("outcomes.publicTitle")}</h1>
      <p className="lead">{t("outcomes.publicThanks")}</p>
      <p>
        {t("outcomes.heardByLabel")} <TypedText>{consultation.audience}</TypedText>
      </p>
      <OutcomeList outcomes={outcomes} />
      <PublicContact organisation={organisation} contact={contact} />
    </div>
  );
}
