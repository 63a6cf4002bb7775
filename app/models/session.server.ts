import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, or } from "drizzle-orm";
import { db } from "~/db.server";
import { members, sessions } from "../../db/schema";
import { memberFields, type SignedInMember } from "./member.server";

export const SESSION_IDLE_MS = 60 * 60 * 1000; // signed out after an hour without activity
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000; // and after twelve hours whatever happens
const TOUCH_EVERY_MS = 60 * 1000;

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("base64url");
}

/** Starts a session and returns the token for the cookie (256 random bits; only its hash is stored). */
export function createSession({ memberId, organisationId }: { memberId: string; organisationId: string }) {
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  db.insert(sessions)
    .values({
      id: hashToken(token),
      memberId,
      organisationId,
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + SESSION_ABSOLUTE_MS),
    })
    .run();
  return token;
}

/** The member behind a live session token; expired sessions are deleted on sight. */
export function getSessionMember({ token, now = Date.now() }: { token: string; now?: number }): SignedInMember | null {
  const id = hashToken(token);
  const row = db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      member: memberFields,
    })
    .from(sessions)
    .innerJoin(members, and(eq(members.id, sessions.memberId), eq(members.organisationId, sessions.organisationId)))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) {
    deleteSession({ token });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id)).run();
  }
  return row.member;
}

export function deleteSession({ token }: { token: string }) {
  db.delete(sessions).where(eq(sessions.id, hashToken(token))).run();
}

export function deleteExpiredSessions(now = Date.now()) {
  return db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date(now)), lt(sessions.lastSeenAt, new Date(now - SESSION_IDLE_MS))))
    .run().changes;
}
