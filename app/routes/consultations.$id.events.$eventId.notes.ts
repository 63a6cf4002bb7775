// Where the capture page sends sticky notes by fetch (JSON out), including notes kept on the device
// while offline. The client id makes a resend harmless: the first copy stands.
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireEventCapturer } from "~/events/event-access.server";
import { EventNoteSchema } from "~/events/event-schema.server";
import { getFixedT } from "~/i18n/locale.server";
import { addEventNote, EventClosedError } from "~/models/event.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { firstErrorPerField } from "~/utils/form-errors.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireEventCapturer(request, params.eventId ?? "");
  const t = await getFixedT(request);
  const parsed = EventNoteSchema.safeParse(formFields(await readVerifiedForm(request)));
  if (!parsed.success) {
    const [key] = Object.values(firstErrorPerField(parsed.error));
    return Response.json({ ok: false, message: t(key ?? "events:errors.malformed") }, { status: 400 });
  }
  try {
    const stored = await addEventNote({
      organisationId: member.organisationId,
      consultationId: params.id ?? "",
      eventId: params.eventId ?? "",
      memberId: member.id,
      source: "facilitator",
      note: parsed.data,
    });
    if (!stored) return Response.json({ ok: false, message: t("events:errors.malformed") }, { status: 404 });
    return Response.json({ ok: true, created: stored.created }, { status: stored.created ? 201 : 200 });
  } catch (error) {
    if (error instanceof EventClosedError) return Response.json({ ok: false, message: t("events:errors.closed") }, { status: 409 });
    throw error;
  }
}

export function loader() {
  throw new Response(null, { status: 405 });
}
