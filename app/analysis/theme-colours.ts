/** The codebook's colours: a theme picks one by name (never free CSS), each dark enough for white text and a 3:1 swatch edge. */
export const THEME_COLOURS = {
  teal: "#0f766e",
  blue: "#1d4ed8",
  purple: "#6d28d9",
  red: "#b91c1c",
  orange: "#b45309",
  green: "#15803d",
  grey: "#4b5563",
} as const;
export type ThemeColour = keyof typeof THEME_COLOURS;
export const THEME_COLOUR_NAMES = Object.keys(THEME_COLOURS) as ThemeColour[];
