/**
 * The picture symbols bundled with Heard (public/symbols/, drawn for Heard and released under
 * CC0), offered for picture-choice answers. Words for each are in locales/<lng>/builder.json,
 * "symbols.<id>"; the answer's own text is what screen readers read.
 */
export const SYMBOLS = [
  { id: "thumbsUp", path: "/symbols/thumbs-up.svg" },
  { id: "thumbsDown", path: "/symbols/thumbs-down.svg" },
  { id: "happy", path: "/symbols/happy.svg" },
  { id: "sad", path: "/symbols/sad.svg" },
  { id: "home", path: "/symbols/home.svg" },
  { id: "school", path: "/symbols/school.svg" },
] as const;
