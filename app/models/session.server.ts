import { and, eq, isNull, lt, or } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import { memberFields, type SignedInMember } from "./member.server";

const { members, sessions } = schema;

export const SESSION_IDLE_MS = 60 * 60 * 1000; // signed out after an hour without activity
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000; // and after twelve hours whatever happens
const TOUCH_EVERY_MS = 60 * 1000;

/** Starts a session and returns the token for the cookie (256 random bits; only its hash is stored). */
export async function createSession({ memberId, organisationId }: { memberId: string; organisationId: string }) {
  const token = newToken();
  const now = Date.now();
  await db.insert(sessions).values({
    id: hashToken(token),
    memberId,
    organisationId,
    lastSeenAt: new Date(now),
    expiresAt: new Date(now + SESSION_ABSOLUTE_MS),
  });
  return token;
}

/** The member behind a live session token; expired sessions are deleted on sight. */
export async function getSessionMember({ token, now = Date.now() }: { token: string; now?: number }): Promise<SignedInMember | null> {
  const id = hashToken(token);
  const [row] = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      member: memberFields,
    })
    .from(sessions)
    .innerJoin(members, and(eq(members.id, sessions.memberId), eq(members.organisationId, sessions.organisationId)))
    .where(and(eq(sessions.id, id), isNull(members.deactivatedAt)));
  if (!row) return null;
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) {
    await deleteSession({ token });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id));
  }
  return row.member;
}

export async function deleteSession({ token }: { token: string }) {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function deleteExpiredSessions(now = Date.now()) {
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date(now)), lt(sessions.lastSeenAt, new Date(now - SESSION_IDLE_MS))))
    .returning({ id: sessions.id });
  return deleted.length;
}
