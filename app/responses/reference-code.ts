// Reference codes as children type them back: any case, with spaces or dashes anywhere. The
// alphabet matches generateReferenceCode (app/models/response.server.ts): no 0/O, 1/I/L.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** "abcd efgh" → "ABCD-EFGH"; undefined when it cannot be a reference code at all. */
export function normaliseReferenceCode(input: string): string | undefined {
  const chars = input.toUpperCase().replace(/[\s\-–—_.]/g, "");
  if (chars.length !== 8) return undefined;
  for (const char of chars) if (!CODE_ALPHABET.includes(char)) return undefined;
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}
