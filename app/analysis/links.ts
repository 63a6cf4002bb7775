import type { LinksFunction } from "@remix-run/node";
import analysisStyles from "./analysis.css";
import contextStyles from "./context.css";

/** The stylesheet of the results, coding and export pages. */
export const analysisLinks: LinksFunction = () => [{ rel: "stylesheet", href: analysisStyles }];

/** The results page's stylesheets with the context figures' own (the context pages use both too). */
export const contextLinks: LinksFunction = () => [
  { rel: "stylesheet", href: analysisStyles },
  { rel: "stylesheet", href: contextStyles },
];
