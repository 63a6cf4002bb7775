// Pure helpers for the capture board and the summary (no I/O): browser and server both use them.

/** Notes grouped by theme, themes in alphabetical order and "no theme" last; notes keep their order. */
export function groupNotesByTheme<N extends { theme: string | null }>(notes: readonly N[]): { theme: string | null; notes: N[] }[] {
  const groups = new Map<string | null, N[]>();
  for (const note of notes) {
    // Themes typed by different facilitators ("transport", "Transport ") count as one.
    const key = note.theme?.trim() ? canonicalTheme(note.theme, groups) : null;
    groups.set(key, [...(groups.get(key) ?? []), note]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([theme, grouped]) => ({ theme, notes: grouped }));
}

function canonicalTheme(theme: string, groups: Map<string | null, unknown>) {
  const trimmed = theme.trim();
  for (const existing of groups.keys()) {
    if (existing !== null && existing.toLocaleLowerCase() === trimmed.toLocaleLowerCase()) return existing;
  }
  return trimmed;
}

/** The distinct themes already used, for the theme field's suggestions. */
export function themesUsed(notes: readonly { theme: string | null }[]): string[] {
  return groupNotesByTheme(notes).flatMap((group) => (group.theme === null ? [] : [group.theme]));
}

/** A note's id made on the device: random, and URL-safe. Works where crypto.randomUUID does not (plain http). */
export function newClientId(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export type QueuedNote = { clientId: string; text: string; ageBand: string; theme: string };

/** Notes waiting on this device, read defensively: storage is the browser's, and may hold anything. */
export function parseQueue(stored: string | null): QueuedNote[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (item): item is QueuedNote =>
        !!item && typeof item === "object" && ["clientId", "text", "ageBand", "theme"].every((key) => typeof (item as Record<string, unknown>)[key] === "string"),
    );
  } catch {
    return [];
  }
}
