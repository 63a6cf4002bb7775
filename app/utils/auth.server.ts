import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import type { MemberRole } from "../../db/schema";
import { createSession, deleteSession, getSessionMember } from "~/models/session.server";
import type { SignedInMember } from "~/models/member.server";
import { getEnv } from "./env.server";
import { safeRedirect } from "./redirect";

// A browser-session cookie: expiry is enforced on the server (idle and absolute), not by the browser.
// Over HTTPS it carries the __Host- prefix: Secure, whole-site, and no other (sub)domain can set it.
const secure = getEnv().SECURE_COOKIES;
export const sessionCookie = createCookie(secure ? "__Host-heard_session" : "heard_session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure,
});

async function readSessionToken(request: Request): Promise<string | null> {
  const token = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" && token.length > 0 ? token : null;
}

export async function getSignedInMember(request: Request): Promise<SignedInMember | null> {
  const token = await readSessionToken(request);
  return token ? getSessionMember({ token }) : null;
}

/** The signed-in member, or a redirect to sign in; a 403 if their role may not do this. */
export async function requireMember(request: Request, { roles }: { roles?: readonly MemberRole[] } = {}) {
  const member = await getSignedInMember(request);
  if (!member) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  if (roles && !roles.includes(member.role)) {
    throw new Response("Your role does not allow this.", { status: 403 });
  }
  return member;
}

export const STAFF_WHO_MANAGE = ["admin", "officer"] as const satisfies readonly MemberRole[];
export const STAFF_WHO_ANALYSE = ["admin", "officer", "analyst"] as const satisfies readonly MemberRole[];

/**
 * Starts a fresh session (any old one is ended, so a planted id is useless) and redirects to a
 * same-site path. The redirect is settled before the session exists, so a request that fails
 * cannot leave a session behind that no cookie points to.
 */
export async function signInAndRedirect(request: Request, member: SignedInMember, redirectTo: string | null | undefined) {
  const response = redirect(safeRedirect(redirectTo));
  const old = await readSessionToken(request);
  if (old) await deleteSession({ token: old });
  const token = await createSession({ memberId: member.id, organisationId: member.organisationId });
  response.headers.append("Set-Cookie", await sessionCookie.serialize(token));
  return response;
}

export async function signOutAndRedirect(request: Request, redirectTo = "/") {
  const token = await readSessionToken(request);
  if (token) await deleteSession({ token });
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}

export const SignInSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
  redirectTo: z.string().optional(),
});

/** Staff who may read single responses and their free text: never advisors (they see aggregates only). */
export const STAFF_WHO_READ_RESPONSES = ["admin", "officer", "analyst"] as const satisfies readonly MemberRole[];

/** The signed-in member if they hold the safeguarding-lead capability (whatever their role); otherwise 403. */
export async function requireSafeguardingLead(request: Request) {
  const member = await requireMember(request);
  if (!member.isSafeguardingLead) throw new Response("Only a safeguarding lead can open this.", { status: 403 });
  return member;
}

/** Whether a member may read single responses: staff who analyse, or a safeguarding lead. */
export function mayReadResponses(member: { role: MemberRole; isSafeguardingLead: boolean }) {
  return (STAFF_WHO_READ_RESPONSES as readonly string[]).includes(member.role) || member.isSafeguardingLead;
}

/** The signed-in member if they may read single responses (staff who analyse, or a safeguarding lead); otherwise 403. */
export async function requireResponseReader(request: Request) {
  const member = await requireMember(request);
  if (!mayReadResponses(member)) {
    throw new Response("Your role does not allow reading single responses.", { status: 403 });
  }
  return member;
}
