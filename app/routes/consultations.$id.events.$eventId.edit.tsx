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
import { londonDayAndTime } from "~/events/london-time";
import { getFixedT } from "~/i18n/locale.server";
import { getEvent, listPossibleFacilitators, updateEvent } from "~/models/event.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("events:edit.title"));

function scopeOf(member: { organisationId: string }, params: { id?: string; eventId?: string }) {
  return { organisationId: member.organisationId, consultationId: params.id ?? "", eventId: params.eventId ?? "" };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireEventPlanner(request);
  const event = await getEvent(scopeOf(member, params));
  if (!event) throw new Response(null, { status: 404 });
  const starts = londonDayAndTime(event.startsAt);
  return {
    event: { id: event.id, consultationId: event.consultationId, title: event.title },
    // The form's fields as the plan form sends them, so "change" starts from what is saved.
    values: {
      title: event.title,
      day: starts.day,
      startTime: starts.time,
      endTime: londonDayAndTime(event.endsAt).time,
      format: event.format,
      place: event.place,
      onlineLink: event.onlineLink,
      whoFor: event.whoFor,
      accessArrangements: event.accessArrangements,
      accessNotes: event.accessNotes,
      facilitators: event.facilitators.map((facilitator) => facilitator.id),
      expectedNumbers: event.expectedNumbers === null ? "" : String(event.expectedNumbers),
    } as Record<string, string | string[]>,
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
  const scope = scopeOf(member, params);
  if (!(await updateEvent({ ...scope, memberId: member.id, details: parsed.data }))) throw new Response(null, { status: 404 });
  return redirectWithFlash(`/consultations/${scope.consultationId}/events/${scope.eventId}`, "detailsSaved");
}

export default function ChangeEvent() {
  const { event, values, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("events");
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(actionData?.errors, EVENT_FIELDS)} />
      <p className="caption">
        <Link to={`/consultations/${event.consultationId}/events/${event.id}`}>
          <TypedText>{event.title}</TypedText>
        </Link>
      </p>
      <h1>{t("edit.title")}</h1>
      <Form method="post" noValidate>
        <CsrfInput />
        <EventFormFields errors={actionData?.errors} values={actionData?.values ?? values} members={members} />
        <Button type="submit" className="button">
          {t("edit.submit")}
        </Button>
      </Form>
    </div>
  );
}
