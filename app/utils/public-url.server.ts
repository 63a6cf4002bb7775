import { getEnv } from "./env.server";

/**
 * The full web address of a path, to share with children and families: on PUBLIC_URL when it is
 * set (behind a proxy the request's own address may be an internal one), else the address the
 * request came to.
 */
export function publicAddress(request: Request, path: string): string {
  const base = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
  return `${base.replace(/\/+$/, "")}${path}`;
}
