import { getEnv } from "./env.server";

/** The full address of `path` on PUBLIC_URL if set (keeping any path it has), else on the request's origin. */
export function publicAddressFor(path: string, { publicUrl, requestUrl }: { publicUrl: string | undefined; requestUrl: string }) {
  const base = publicUrl ?? new URL(requestUrl).origin;
  return `${base.replace(/\/+$/, "")}${path}`;
}

/**
 * The full web address of a path, to share with children and families: on PUBLIC_URL when it is
 * set (behind a proxy the request's own address may be an internal one), else the address the
 * request came to.
 */
export function publicAddress(request: Request, path: string): string {
  return publicAddressFor(path, { publicUrl: getEnv().PUBLIC_URL, requestUrl: request.url });
}
