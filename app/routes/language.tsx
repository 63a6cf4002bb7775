import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isSupportedLocale } from "~/i18n/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { safeRedirect } from "~/utils/redirect";
import { readVerifiedForm } from "~/utils/form-data.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const lng = form.get("lng");
  if (!isSupportedLocale(lng)) throw new Response("That language is not available.", { status: 400 });
  return redirect(safeRedirect(form.get("redirectTo"), "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(lng) },
  });
}

export function loader() {
  throw new Response(null, { status: 404 });
}
