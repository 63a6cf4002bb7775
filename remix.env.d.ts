/// <reference types="@remix-run/dev" />
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request CSP nonce for scripts. */
    cspNonce: string;
    /** The visitor's CSRF token (also in an HttpOnly cookie), for forms to echo back. */
    csrfToken: string;
    /** A salted hash of the client address, for in-memory rate limits only. */
    clientKey: string;
  }
}

declare module "@remix-run/node" {
  // Tells Remix's types that loaders and actions use single fetch (see remix.config.js).
  interface Future {
    v3_singleFetch: true;
  }
}
