// Invitation codes for young advisors: short enough to read out or copy from a screen, with no
// letters that look alike (no 0/O, 1/I/L, 5/S, 2/Z). Eight characters from 26 give about 38 bits;
// joining is rate limited and codes expire, so guessing one is out of reach.
const ALPHABET = "346789ABCDEFGHJKMNPQRTUVWXY";
const LENGTH = 8;

/** A fresh code, shown as two groups of four: "K7MP-XW4Q". */
export function newInvitationCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH * 2));
  let code = "";
  // Rejection sampling keeps every character equally likely.
  for (const byte of bytes) {
    if (code.length === LENGTH) break;
    if (byte < 256 - (256 % ALPHABET.length)) code += ALPHABET[byte % ALPHABET.length];
  }
  if (code.length < LENGTH) return newInvitationCode();
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code as typed (any case, with spaces or dashes) in the form codes are stored; "" when it cannot be a code. */
export function normaliseInvitationCode(typed: string): string {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, "");
  if (cleaned.length !== LENGTH) return "";
  return [...cleaned].every((character) => ALPHABET.includes(character)) ? cleaned : "";
}
