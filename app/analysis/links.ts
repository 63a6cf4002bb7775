import type { LinksFunction } from "@remix-run/node";
import analysisStyles from "./analysis.css";

/** The stylesheet of the results, coding and export pages. */
export const analysisLinks: LinksFunction = () => [{ rel: "stylesheet", href: analysisStyles }];
