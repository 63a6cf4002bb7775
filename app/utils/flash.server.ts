// One-time messages after a change ("Consultation opened"), carried across the redirect that
// follows a POST in a short-lived cookie and cleared by the page that shows them. The page's URL
// stays clean (no "?done=opened" to bookmark, share or see again on reload), and it works without
// JavaScript. The cookie only names one of a fixed set of messages, so a forged one can say nothing new.
import { createCookie, redirect } from "@remix-run/node";
import { getEnv } from "./env.server";

export const FLASH_MESSAGES = [
  "opened",
  "closed",
  "detailsSaved",
  "templateChosen",
  "easyReadRemoved",
  "outcomeSaved",
  // Shown on the organisation-template and picture pages, in the "templates" namespace.
  "templateSaved",
  "templateRenamed",
  "templateDeleted",
  "pictureUploaded",
  "contextSaved",
] as const;
export type FlashMessage = (typeof FLASH_MESSAGES)[number];

const secure = getEnv().SECURE_COOKIES;
const flashCookie = createCookie(secure ? "__Host-heard_flash" : "heard_flash", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure,
  // Long enough to survive the redirect, short enough not to greet someone hours later.
  maxAge: 60,
});

function isFlashMessage(value: unknown): value is FlashMessage {
  return typeof value === "string" && (FLASH_MESSAGES as readonly string[]).includes(value);
}

/** Redirects (after a POST) to `to`, where `message` is shown once. */
export async function redirectWithFlash(to: string, message: FlashMessage) {
  return redirect(to, { headers: { "Set-Cookie": await flashCookie.serialize(message) } });
}

/** The message waiting for this page, if any, and the header that clears it (send it with the page). */
export async function takeFlash(request: Request): Promise<{ flash: FlashMessage | null; headers: Headers }> {
  const headers = new Headers();
  const value: unknown = await flashCookie.parse(request.headers.get("Cookie"));
  if (value === null || value === undefined) return { flash: null, headers };
  headers.append("Set-Cookie", await flashCookie.serialize("", { maxAge: 0 }));
  return { flash: isFlashMessage(value) ? value : null, headers };
}
