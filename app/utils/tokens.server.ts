import { createHash, randomBytes } from "node:crypto";

/** A fresh secret for a cookie or a one-time link: 256 random bits. */
export function newToken() {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of a token, so a copy of it hands out nothing live. */
export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("base64url");
}
