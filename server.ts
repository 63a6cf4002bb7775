// The HTTP server: security headers, CSRF cookie, static files, then the Remix request handler.
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { CSRF_COOKIE, createCsrfToken, readCsrfCookie } from "./app/utils/csrf.server";
import { getEnv } from "./app/utils/env.server";
import { readWritesFromOtherOrigins } from "./app/utils/origin-check.server";
import { deleteExpiredSessions } from "./app/models/session.server";

const env = getEnv();
// Rate limits key on a salted hash of the address, held in memory only and never written down.
const addressSalt = randomBytes(16);

export async function createServer() {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.use(compression());

  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        // survey-core sets style attributes and inline <style> elements, which cannot carry a nonce.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (env.SECURE_COOKIES) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");

    let csrfToken = readCsrfCookie(req.headers.cookie);
    if (!csrfToken) {
      csrfToken = createCsrfToken();
      res.append(
        "Set-Cookie",
        `${CSRF_COOKIE}=${csrfToken}; Path=/; HttpOnly; SameSite=Lax${env.SECURE_COOKIES ? "; Secure" : ""}`,
      );
    }
    res.locals.csrfToken = csrfToken;
    res.locals.clientKey = createHash("sha256")
      .update(addressSalt)
      .update(req.socket.remoteAddress ?? "unknown")
      .digest("base64url")
      .slice(0, 16);
    next();
  });

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  app.use(readWritesFromOtherOrigins);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (_req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        csrfToken: res.locals.csrfToken as string,
        clientKey: res.locals.clientKey as string,
      }),
    }),
  );
  return app;
}

export async function startServer() {
  const app = await createServer();
  // Expired sessions are refused on sight; this also clears the ones nobody comes back for.
  deleteExpiredSessions();
  setInterval(() => deleteExpiredSessions(), 60 * 60 * 1000).unref();
  return new Promise<void>((resolve, reject) => {
    const server = app.listen(env.PORT, () => {
      console.log(`Heard is listening on http://localhost:${env.PORT}`);
      resolve();
    });
    server.once("error", reject);
  });
}
