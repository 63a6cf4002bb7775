// Server-only door to summarise.ts for route loaders, so survey-core stays out of the browser bundle.
export { freeTextQuestions } from "./summarise";
