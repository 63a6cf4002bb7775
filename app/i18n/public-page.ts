// Public pages (what children and families see) are shown in any of the five UI languages; every
// other page is a staff page, in English or Welsh. A route says it is public with
// `export const handle = publicPageHandle;`.
export const publicPageHandle = { publicPage: true } as const;

export function isPublicPage(matches: readonly { handle?: unknown }[]): boolean {
  const leaf = matches[matches.length - 1];
  return Boolean(leaf && (leaf.handle as { publicPage?: boolean } | undefined)?.publicPage);
}
