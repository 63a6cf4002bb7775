// Saves how a child likes to read (easy read or standard, display settings) in a cookie and goes
// back to the page they were on. A plain form post, so it works without JavaScript.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { applyReadingForm, getReadingPreferences, saveReadingPreferences } from "~/reading/preferences.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { safeRedirect } from "~/utils/redirect";

export async function action({ request }: ActionFunctionArgs) {
  const fields = formFields(await readVerifiedForm(request));
  const preferences = applyReadingForm(await getReadingPreferences(request), fields);
  if (!preferences) throw new Response("Those settings are not available.", { status: 400 });
  return redirect(safeRedirect(fields.redirectTo, "/"), {
    headers: { "Set-Cookie": await saveReadingPreferences(preferences) },
  });
}

export function loader() {
  throw new Response(null, { status: 404 });
}
