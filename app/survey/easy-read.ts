// Easy read is its own survey definition whose questions share names with the standard one, so
// answers pool into one dataset. Pictures are named in the definition's own `heardPictures` map
// (question name, or "question=value" for a choice) and drawn from /easy-read/<name>.svg.

// Elements that show something but take no answer: an easy-read survey adds pictures freely.
const TAKES_NO_ANSWER = new Set(["panel", "html", "image", "expression", "empty"]);

/** Every question name in a definition that takes an answer (survey-core's `name`, or `valueName` where set). */
export function questionNames(definition: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== "object") return;
    const element = value as Record<string, unknown>;
    if (typeof element.type === "string" && !TAKES_NO_ANSWER.has(element.type) && typeof element.name === "string") {
      names.add(typeof element.valueName === "string" ? element.valueName : element.name);
    }
    for (const key of ["pages", "elements", "templateElements"]) visit(element[key]);
  };
  visit(definition);
  return names;
}

/** Easy-read questions whose names the standard survey does not have: their answers would not pool. */
export function unmatchedEasyReadQuestions(standard: Record<string, unknown>, easyRead: Record<string, unknown>): string[] {
  const known = questionNames(standard);
  return [...questionNames(easyRead)].filter((name) => !known.has(name));
}

const PICTURE_NAME = /^[a-z0-9-]{1,40}$/;

/** The picture for a question ("feelSafe") or a choice ("familyTime=more"), if the definition names a safe one. */
export function pictureFor(definition: Record<string, unknown>, key: string): string | undefined {
  const pictures = definition.heardPictures;
  if (pictures === null || typeof pictures !== "object") return undefined;
  const name = (pictures as Record<string, unknown>)[key];
  return typeof name === "string" && PICTURE_NAME.test(name) ? `/easy-read/${name}.svg` : undefined;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** The text as HTML with its picture before it (decorative: the words say it all). */
export function withPicture(text: string, picture: string): string {
  const escaped = text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
  return `<img src="${picture}" alt="" class="easy-read-picture" width="48" height="48">${escaped}`;
}
