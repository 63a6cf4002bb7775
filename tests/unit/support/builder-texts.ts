import type { NewElementTexts } from "~/builder/question-kinds";

/** Starting texts for new questions, as the builder page gives them (both languages). */
export const STARTING_TEXTS: NewElementTexts = {
  title: { default: "New question", cy: "Cwestiwn newydd" },
  choices: [
    { value: "first", text: { default: "First answer", cy: "Ateb cyntaf" } },
    { value: "second", text: { default: "Second answer", cy: "Ail ateb" } },
  ],
  pictures: [
    { value: "thumbs-up", text: { default: "Thumbs up", cy: "Bawd i fyny" }, imageLink: "/symbols/thumbs-up.svg" },
    { value: "thumbs-down", text: { default: "Thumbs down", cy: "Bawd i lawr" }, imageLink: "/symbols/thumbs-down.svg" },
  ],
  rows: [
    { value: "row1", text: { default: "First row", cy: "Rhes gyntaf" } },
    { value: "row2", text: { default: "Second row", cy: "Ail res" } },
  ],
  columns: [
    { value: "agree", text: { default: "Agree", cy: "Cytuno" } },
    { value: "disagree", text: { default: "Disagree", cy: "Anghytuno" } },
  ],
  yes: { default: "Yes", cy: "Ie" },
  no: { default: "No", cy: "Na" },
  ratingLow: { default: "Not at all", cy: "Dim o gwbl" },
  ratingHigh: { default: "Very much", cy: "Yn fawr iawn" },
  information: { default: "<p>Some information.</p>", cy: "<p>Ychydig o wybodaeth.</p>" },
};
