// Writes from other sites. Remix 2.17 refuses a write whose Origin names another host by throwing a
// plain Error, which the visitor sees as an empty 500. Heard makes the same judgement first, turns
// the write into a read of the same page (so no action can run and Remix's check never fires), and
// the root loader answers that read with Heard's own 403 page, in the reader's language.
import type { RequestHandler } from "express";

type OriginHeaders = {
  origin?: string | null;
  host?: string | null;
  forwardedHost?: string | null;
};

/**
 * True when the request's Origin is not this site: an opaque origin ("null"), one that cannot be
 * parsed, or a host other than the one Remix compares with (X-Forwarded-Host, else Host). Whenever
 * Remix's own check would throw, this is true; it is also true for origins with no host (file:).
 */
export function namesAnotherOrigin({ origin, host, forwardedHost }: OriginHeaders): boolean {
  if (!origin) return false;
  if (origin === "null") return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const expected = forwardedHost?.split(",")[0]?.trim() || host;
  return !expected || originHost !== expected;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

/** Reads the headers the way Remix's own check does. */
export function isFromAnotherOrigin(headers: Headers): boolean {
  return namesAnotherOrigin({
    origin: headers.get("Origin"),
    host: headers.get("Host"),
    forwardedHost: headers.get("X-Forwarded-Host"),
  });
}

/**
 * Express middleware, before the Remix handler: a write (any method but GET) from another origin
 * goes on as a GET of the same address, with its body left unread. The Origin header stays, so
 * the root loader can refuse it with a 403.
 */
export const readWritesFromOtherOrigins: RequestHandler = (req, _res, next) => {
  const fromAnotherOrigin = namesAnotherOrigin({
    origin: single(req.headers.origin),
    host: single(req.headers.host),
    forwardedHost: single(req.headers["x-forwarded-host"]),
  });
  if (req.method !== "GET" && fromAnotherOrigin) {
    req.method = "GET";
    for (const name of ["content-type", "content-length", "transfer-encoding"]) delete req.headers[name];
  }
  next();
};
