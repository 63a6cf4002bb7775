// Tokens for the council's analysts' API: created and revoked by officers and admins (audited),
// stored as a SHA-256 hash and shown once, scoped to suppressed aggregates or to raw responses.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { ApiTokenScope } from "../../db/schema";
import { hashToken, newToken } from "~/utils/tokens.server";
import { recordAuditEvent } from "./audit.server";

const { apiTokens } = schema;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Every token starts so, so a leaked one is easy to recognise in a scanner or a log filter. */
export const API_TOKEN_PREFIX = "heard_";

export async function createApiToken({
  organisationId,
  memberId,
  name,
  scope,
  days,
}: {
  organisationId: string;
  memberId: string;
  name: string;
  scope: ApiTokenScope;
  days: number;
}) {
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({ organisationId, name, scope, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + days * DAY_MS), createdBy: memberId })
      .returning({ id: apiTokens.id });
    await recordAuditEvent(
      { organisationId, memberId, action: "api_token.created", subjectType: "api_token", subjectId: created!.id, detail: { scope, days } },
      tx,
    );
    // The only time the token itself exists outside the caller's hands.
    return { id: created!.id, token };
  });
}

export async function listApiTokens({ organisationId }: { organisationId: string }) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, scope: apiTokens.scope, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, lastUsedAt: apiTokens.lastUsedAt, createdAt: apiTokens.createdAt })
    .from(apiTokens)
    .where(eq(apiTokens.organisationId, organisationId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes a token at once; false when there is no live token with that id in the organisation. */
export async function revokeApiToken({ organisationId, memberId, tokenId }: { organisationId: string; memberId: string; tokenId: string }) {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.organisationId, organisationId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) return false;
    await recordAuditEvent({ organisationId, memberId, action: "api_token.revoked", subjectType: "api_token", subjectId: tokenId }, tx);
    return true;
  });
}

/** The live (not revoked, not expired) token with this value, if any; its last use is noted. */
export async function findLiveApiToken(token: string) {
  const now = new Date();
  const [found] = await db
    .select({ id: apiTokens.id, organisationId: apiTokens.organisationId, scope: apiTokens.scope })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
  if (!found) return undefined;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, found.id));
  return found;
}

/** Records one API read: which token read what, never the data. */
export async function recordApiRead({ organisationId, tokenId, path, rows }: { organisationId: string; tokenId: string; path: string; rows?: number }) {
  await recordAuditEvent({ organisationId, memberId: null, action: "api.read", subjectType: "api_token", subjectId: tokenId, detail: { path, rows } });
}
