// The "add to calendar" file for one event: text/calendar, made with `ics`.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFileFor } from "~/events/calendar.server";
import { normaliseShortCode } from "~/events/short-code";
import { getFixedT } from "~/i18n/locale.server";
import { getPublicEventByCode } from "~/models/event.server";
import { publicAddress } from "~/utils/public-url.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const shortCode = normaliseShortCode(params.code);
  const event = shortCode ? await getPublicEventByCode({ shortCode }) : undefined;
  if (!event || event.slug !== params.slug) throw new Response(null, { status: 404 });
  const t = await getFixedT(request);
  const file = calendarFileFor({
    ...event,
    url: publicAddress(request, `/c/${event.slug}/events/${event.shortCode}`),
    description: [...event.accessArrangements.map((arrangement) => t(`events:access.${arrangement}`)), event.accessNotes].filter(Boolean).join("\n"),
  });
  return new Response(file, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.shortCode}.ics"`,
    },
  });
}
