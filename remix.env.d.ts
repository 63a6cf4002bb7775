/// <reference types="@remix-run/dev" />
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request CSP nonce for scripts. */
    cspNonce: string;
    /** The visitor's CSRF token (also in an HttpOnly cookie), for forms to echo back. */
    csrfToken: string;
    /** A hash of the client address (the real one behind TRUST_PROXY), for rate limits only. */
    clientKey: string;
    /** Random id of this request, in the X-Request-Id header and in any error logged for it. */
    requestId: string;
  }
}

declare module "@remix-run/node" {
  // Tells Remix's types that loaders and actions use single fetch (see remix.config.js).
  interface Future {
    v3_singleFetch: true;
  }
}
