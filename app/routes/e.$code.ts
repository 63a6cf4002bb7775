// The short link printed on posters (/e/K7MPQ2): easy to type, it opens the event's public page.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { normaliseShortCode } from "~/events/short-code";
import { getPublicEventByCode } from "~/models/event.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const shortCode = normaliseShortCode(params.code);
  const event = shortCode ? await getPublicEventByCode({ shortCode }) : undefined;
  if (!event) throw new Response(null, { status: 404 });
  return redirect(`/c/${event.slug}/events/${event.shortCode}`);
}
