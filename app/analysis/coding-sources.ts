// The kinds of text the reading and coding view shows: survey answers and event notes. Shared by
// the page's source filter (browser) and the model (server).
export const CODING_SOURCES = ["answers", "notes"] as const;
export type CodingSource = (typeof CODING_SOURCES)[number];
