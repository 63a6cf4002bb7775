// Signing in ends with a redirect: it must stay on the site, and it must never fail after a session
// was made (that session would be orphaned, with no cookie pointing to it).
import type { SignedInMember } from "~/models/member.server";

const sessions = vi.hoisted(() => ({
  createSession: vi.fn((_: { memberId: string; organisationId: string }) => "new-session-token"),
  deleteSession: vi.fn((_: { token: string }) => {}),
  getSessionMember: vi.fn(() => null),
}));
vi.mock("~/models/session.server", () => sessions);

const { sessionCookie, signInAndRedirect } = await import("~/utils/auth.server");

const member = { id: "member-1", organisationId: "org-1", name: "Officer", role: "officer" } as SignedInMember;
const request = new Request("http://localhost/sign-in", { method: "POST" });

beforeEach(() => {
  sessions.createSession.mockClear();
  sessions.deleteSession.mockClear();
});

async function sessionCookieIn(response: Response) {
  const header = response.headers.getSetCookie().find((value) => value.startsWith("heard_session="));
  return header ? sessionCookie.parse(header.split(";")[0]!) : undefined;
}

test("a target hidden behind a tab goes to the fallback, with the one session it made", async () => {
  const response = await signInAndRedirect(request, member, "/\t/evil.example/phish");
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/consultations");
  expect(sessions.createSession).toHaveBeenCalledTimes(1);
  expect(await sessionCookieIn(response)).toBe("new-session-token");
});

test("a newline in the target cannot break the response after the session was made", async () => {
  for (const target of ["/consul\ntations", "/consultations\r\nSet-Cookie: heard_session=planted", "/\r\n/evil.example"]) {
    sessions.createSession.mockClear();
    const response = await signInAndRedirect(request, member, target);
    expect(response.status, JSON.stringify(target)).toBe(302);
    expect(response.headers.get("Location"), JSON.stringify(target)).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
    expect(sessions.createSession).toHaveBeenCalledTimes(1);
    expect(response.headers.getSetCookie()).toHaveLength(1);
    expect(await sessionCookieIn(response)).toBe("new-session-token");
  }
});

test("a legitimate target is kept, and an old session carried in is ended", async () => {
  const withOld = new Request("http://localhost/sign-in", {
    method: "POST",
    headers: { Cookie: await sessionCookie.serialize("old-session-token") },
  });
  const response = await signInAndRedirect(withOld, member, "/consultations/abc?tab=1");
  expect(response.headers.get("Location")).toBe("/consultations/abc?tab=1");
  expect(sessions.deleteSession).toHaveBeenCalledWith({ token: "old-session-token" });
  expect(sessions.createSession).toHaveBeenCalledWith({ memberId: "member-1", organisationId: "org-1" });
});
