import { verifyCsrf } from "./csrf.server";

/** Reads a urlencoded/multipart form, turning a malformed body into a 400 rather than a crash, and checks CSRF. */
export async function readVerifiedForm(request: Request): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw new Response("The form could not be read. Please try again.", { status: 400 });
  }
  verifyCsrf(request, formData);
  return formData;
}

/** Plain string fields only: files and repeated keys are ignored. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !(key in fields)) fields[key] = value;
  }
  return fields;
}
