// Draws an easy-read survey's pictures at the start of each question title and choice, from the
// definition's `heardPictures` map (see easy-read.ts). Runs on the server and in the browser alike,
// so both render the same page.
import type { SurveyModel } from "survey-core";
import { pictureFor, withPicture } from "./easy-read";

export function addEasyReadPictures(model: SurveyModel, definition: Record<string, unknown>) {
  if (!definition.heardPictures) return;
  model.onTextMarkdown.add((_survey, options) => {
    const element = options.element as { name?: string; isQuestion?: boolean };
    if (!element.isQuestion || typeof element.name !== "string") return;
    const key =
      options.item !== undefined ? `${element.name}=${String(options.item.value)}` : options.name === "title" ? element.name : undefined;
    const picture = key ? pictureFor(definition, key) : undefined;
    if (picture) options.html = withPicture(options.text, picture);
  });
}
