import { createHash } from "node:crypto";

/** JSON with object keys sorted, so the same definition always hashes the same however it was saved. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Identifies a survey definition's content: what an advisor signed off, compared with what children answer. */
export function definitionHash(definition: Record<string, unknown>): string {
  return createHash("sha256").update(canonicalJson(definition)).digest("base64url");
}
