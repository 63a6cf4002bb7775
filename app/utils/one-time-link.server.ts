import { getEnv } from "./env.server";

/**
 * The address of a one-time link (invitation or password reset). Built from PUBLIC_URL when it is
 * set, so a link made behind a proxy points where people reach Heard; else from this request.
 */
export function oneTimeLinkUrl(request: Request, token: string): string {
  const base = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
  return new URL(`/set-password/${encodeURIComponent(token)}`, base).href;
}
