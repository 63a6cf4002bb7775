// The HTTP server: security headers, CSRF cookie, request ids, body limits, static files, then Remix.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import { startScheduler } from "./app/jobs/scheduler.server";
import { BodyTooLargeError, bodyLimitFor, readBodyWithLimit } from "./app/utils/body-limit.server";
import { CSRF_COOKIE, createCsrfToken, readCsrfCookie } from "./app/utils/csrf.server";
import { getEnv } from "./app/utils/env.server";
import { logError } from "./app/utils/log.server";
import { trustProxySetting } from "./app/utils/trust-proxy.server";
import { readWritesFromOtherOrigins } from "./app/utils/origin-check.server";

const env = getEnv();

function requestHeaders(req: ExpressRequest) {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

async function sendResponse(res: ExpressResponse, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

function plainPage(res: ExpressResponse, status: number, title: string, message: string) {
  const wantsJson = (res.req.get("Accept") ?? "").includes("application/json") || res.req.path.endsWith("/responses");
  res.status(status).set("Cache-Control", "no-store");
  if (wantsJson) {
    res.json({ ok: false, message, errors: [] });
    return;
  }
  res
    .type("html")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Error: ${title} – Heard</title></head><body><main><h1>${title}</h1><p>${message}</p>` +
        `<p><a href="/">Go to the home page</a></p></main></body></html>`,
    );
}

export async function createServer() {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const handleRequest = createRequestHandler(build, env.NODE_ENV);
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, req.ip is the real client only if we trust exactly the proxies in front.
  app.set("trust proxy", trustProxySetting(env.TRUST_PROXY));
  app.use(compression());

  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
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
      res.append("Set-Cookie", `${CSRF_COOKIE}=${csrfToken}; Path=/; HttpOnly; SameSite=Lax${env.SECURE_COOKIES ? "; Secure" : ""}`);
    }
    res.locals.csrfToken = csrfToken;
    // Rate limits key on a hash of the address, the same in every process (and hashed again, with a
    // secret, before it is stored: app/utils/rate-limit.server.ts). The address is never written down.
    res.locals.clientKey = createHash("sha256").update(`client:${req.ip ?? "unknown"}`).digest("base64url").slice(0, 22);
    next();
  });

  // Remix gets a Request whose body was read with this endpoint's limit (see body-limit.server.ts).
  async function serveWithRemix(req: ExpressRequest, res: ExpressResponse) {
    let body: Buffer | undefined;
    if (req.method !== "GET" && req.method !== "HEAD") {
      try {
        body = await readBodyWithLimit(req, bodyLimitFor(req.path));
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        plainPage(res, 413, "Too much to send", "What you tried to send is too big. Make it shorter and try again.");
        return;
      }
    }
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
    const request = new Request(url.href, {
      method: req.method,
      headers: requestHeaders(req),
      body: body ? new Uint8Array(body) : undefined,
      signal: controller.signal,
    });
    const response = await handleRequest(request, {
      cspNonce: res.locals.cspNonce as string,
      csrfToken: res.locals.csrfToken as string,
      clientKey: res.locals.clientKey as string,
      requestId: res.locals.requestId as string,
    });
    await sendResponse(res, response);
  }

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  app.use(readWritesFromOtherOrigins);
  app.all("*", (req, res, next) => {
    serveWithRemix(req, res).catch(next);
  });

  // Anything that escaped Remix (it handles its own errors): logged without its message, answered plainly.
  app.use((error: unknown, _req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    logError(error, { requestId: res.locals.requestId as string | undefined, where: "express" });
    if (res.headersSent) {
      next(error);
      return;
    }
    plainPage(res, 500, "Sorry, something went wrong", "Please try again in a few minutes.");
  });
  return app;
}

export async function startServer() {
  const app = await createServer();
  startScheduler();
  return new Promise<void>((resolve, reject) => {
    const server = app.listen(env.PORT, () => {
      console.log(`Heard is listening on http://localhost:${env.PORT}`);
      resolve();
    });
    server.once("error", reject);
  });
}
