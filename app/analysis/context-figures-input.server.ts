// What the context figure routes' actions use from context-figures.ts. A .server module, so the
// CSV parser (which needs Node's Buffer) never reaches the browser bundle.
export { ContextFigureSchema, MAX_IMPORT_BYTES, parseContextFigureCsv } from "./context-figures";
