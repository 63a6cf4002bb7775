// What a response can be broken down by besides its answers. Its own module, with no imports, so
// the filters form can use it without pulling survey-core into the browser.
export const RESPONSE_FACETS = ["channel", "variant", "locale"] as const;
export type ResponseFacet = (typeof RESPONSE_FACETS)[number];
