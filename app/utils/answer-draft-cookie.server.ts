// The low-data pages' two cookies. `heard_draft` holds the random token of the answers in progress
// (the database keeps only its hash); it lives as long as the browser session, and the draft itself
// expires an hour after its last page. `heard_answered` carries the reference code from the final
// POST to the page that shows it, once. Both HttpOnly and SameSite=Lax, like the session cookie.
import { createCookie } from "@remix-run/node";
import { normaliseReferenceCode } from "~/responses/reference-code";
import { getEnv } from "./env.server";

const secure = getEnv().SECURE_COOKIES;
const options = { path: "/", httpOnly: true, sameSite: "lax" as const, secure };

const draftCookie = createCookie(secure ? "__Host-heard_draft" : "heard_draft", options);
const answeredCookie = createCookie(secure ? "__Host-heard_answered" : "heard_answered", { ...options, maxAge: 10 * 60 });

export async function readDraftToken(request: Request): Promise<string | null> {
  const value: unknown = await draftCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

export function setDraftToken(token: string) {
  return draftCookie.serialize(token);
}

export function clearDraftToken() {
  return draftCookie.serialize("", { maxAge: 0 });
}

type Answered = { referenceCode: string; help: boolean };

export function setAnswered(answered: Answered) {
  return answeredCookie.serialize(answered);
}

/** The reference code just given, if any, and the header that clears it (it is shown once). */
export async function takeAnswered(request: Request): Promise<{ answered: Answered | null; headers: Headers }> {
  const headers = new Headers();
  const value = (await answeredCookie.parse(request.headers.get("Cookie"))) as Partial<Answered> | null;
  if (!value) return { answered: null, headers };
  headers.append("Set-Cookie", await answeredCookie.serialize("", { maxAge: 0 }));
  // A forged cookie can only show a well-formed code to the person who forged it.
  const referenceCode = normaliseReferenceCode(String(value.referenceCode ?? ""));
  return { answered: referenceCode ? { referenceCode, help: value.help === true } : null, headers };
}
