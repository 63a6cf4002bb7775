// A photo of a flipchart, for staff who may read the event's notes. Never cached, never public.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireEventCapturer } from "~/events/event-access.server";
import { getEventPhoto } from "~/models/event.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireEventCapturer(request, params.eventId ?? "");
  const photo = await getEventPhoto({
    organisationId: member.organisationId,
    consultationId: params.id ?? "",
    eventId: params.eventId ?? "",
    photoId: params.photoId ?? "",
  });
  if (!photo) throw new Response(null, { status: 404 });
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.bytes.length),
      "Cache-Control": "private, no-store",
      "Content-Disposition": "inline",
    },
  });
}
