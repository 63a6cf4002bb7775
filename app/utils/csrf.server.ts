// Double-submit CSRF protection: server.ts gives every visitor a random token in an HttpOnly
// cookie; each form carries the same token; every state-changing action checks they match.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "./env.server";

// Over HTTPS the __Host- prefix stops a sibling subdomain planting a token of its own.
export const CSRF_COOKIE = getEnv().SECURE_COOKIES ? "__Host-heard_csrf" : "heard_csrf";
export const CSRF_FIELD = "csrf";

export function createCsrfToken(): string {
  return randomBytes(32).toString("base64url");
}

export function readCsrfCookie(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === CSRF_COOKIE) return rest.join("=") || undefined;
  }
  return undefined;
}

/** Throws a 403 unless the form's token matches the cookie's. */
export function verifyCsrf(request: Request, formData: FormData): void {
  const cookie = readCsrfCookie(request.headers.get("Cookie"));
  const field = formData.get(CSRF_FIELD);
  if (!cookie || typeof field !== "string" || !sameToken(cookie, field)) {
    throw new Response("The form had expired. Go back, reload the page and try again.", { status: 403 });
  }
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
