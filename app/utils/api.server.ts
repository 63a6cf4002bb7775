// Bearer-token authentication and rate limiting for /api/*. These are GET-only JSON endpoints with
// no cookies involved, so CSRF does not apply; every read is audited by the route.
import type { ApiTokenScope } from "../../db/schema";
import { findLiveApiToken } from "~/models/api-token.server";
import { hitRateLimit } from "./rate-limit.server";

const API_LIMIT = { limit: 120, windowMs: 60_000 };

function problem(status: number, title: string, headers: Record<string, string> = {}) {
  return Response.json({ status, title }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * The token's organisation and scope, or a thrown 401 (no or unknown, expired or revoked token),
 * 403 (an aggregates token asking for responses) or 429 (over the limit).
 */
export async function requireApiToken(request: Request, { scope }: { scope: ApiTokenScope }) {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw problem(401, "A bearer token is needed.", { "WWW-Authenticate": 'Bearer realm="heard"' });
  const token = await findLiveApiToken(match[1]!);
  if (!token) throw problem(401, "This token is not valid, has expired or was revoked.", { "WWW-Authenticate": 'Bearer error="invalid_token"' });
  const limited = await hitRateLimit(`api:${token.id}`, API_LIMIT);
  if (!limited.ok) throw problem(429, "Too many requests.", { "Retry-After": String(limited.retryAfterSeconds) });
  if (scope === "responses" && token.scope !== "responses") throw problem(403, "This token may read aggregates only.");
  return token;
}

/** A JSON answer that no cache keeps. */
export function apiJson(data: unknown) {
  return Response.json(data, { headers: { "Cache-Control": "no-store" } });
}
