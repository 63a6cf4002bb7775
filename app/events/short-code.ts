// An event's short code: six characters a child can type from a poster (/e/K7MPQ2). The alphabet
// leaves out look-alikes (0/O, 1/I/L), so a code read off a wall cannot be mistyped into another.
export const SHORT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const SHORT_CODE_LENGTH = 6;

const SHORT_CODE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/**
 * The code someone typed, as stored (upper case, spaces and dashes dropped), or undefined when it
 * cannot be a code. Typed look-alikes are read as the letter or digit the alphabet keeps.
 */
export function normaliseShortCode(typed: string | null | undefined): string | undefined {
  if (!typed) return undefined;
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  // 0 and 1 are not in the alphabet: a code with them was never issued.
  return SHORT_CODE.test(code) ? code : undefined;
}

/** A new short code from a source of random indexes (node:crypto's randomInt on the server). */
export function makeShortCode(randomIndex: (size: number) => number): string {
  return Array.from({ length: SHORT_CODE_LENGTH }, () => SHORT_CODE_ALPHABET[randomIndex(SHORT_CODE_ALPHABET.length)]).join("");
}
