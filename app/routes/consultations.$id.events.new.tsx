import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import { requireEventPlanner } from "~/events/event-access.server";
import { EventFormFields } from "~/events/event-form-fields";
import { EVENT_FIELDS } from "~/events/event-fields";
import { EventDetailsSchema, eventFormInput } from "~/events/event-schema.server";
import eventStyles from "~/events/events.css";
import { getFixedT } from "~/i18n/locale.server";
import { getConsultation } from "~/models/consultation.server";
import { createEvent, listPossibleFacilitators } from "~/models/event.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("events:new.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireEventPlanner(request);
  const consultation = await getConsultation({ organisationId: member.organisationId, consultationId: params.id ?? "" });
  if (!consultation) throw new Response(null, { status: 404 });
  return {
    consultation: { id: consultation.id, title: consultation.title },
    members: (await listPossibleFacilitators(member)).map(({ id, name }) => ({ id, name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireEventPlanner(request);
  const input = eventFormInput(await readVerifiedForm(request));
  const parsed = EventDetailsSchema.safeParse(input);
  if (!parsed.success) {
    return data({ errors: fieldErrorMessages(parsed.error, await getFixedT(request)), values: input as Record<string, string | string[]> }, { status: 400 });
  }
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  const created = await createEvent({ ...scope, details: parsed.data });
  if (!created) throw new Response(null, { status: 404 });
  return redirectWithFlash(`/consultations/${scope.consultationId}/events/${created.id}`, "detailsSaved");
}

export default function PlanEvent() {
  const { consultation, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("events");
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(actionData?.errors, EVENT_FIELDS)} />
      <p className="caption">
        <Link to={`/consultations/${consultation.id}/events`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("new.title")}</h1>
      <Form method="post" noValidate>
        <CsrfInput />
        <EventFormFields errors={actionData?.errors} values={actionData?.values} members={members} />
        <Button type="submit" className="button">
          {t("new.submit")}
        </Button>
      </Form>
    </div>
  );
}
