import type { LinksFunction } from "@remix-run/node";
import membersStyles from "./members.css";

/** The stylesheet of the members and settings pages. */
export const membersLinks: LinksFunction = () => [{ rel: "stylesheet", href: membersStyles }];
