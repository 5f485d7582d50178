/** `/pets/{petId}` → `/pets/{}`: endpoints match whatever their path parameters are called. */
export function pathMatchKey(path: string): string {
  return path.replace(/\{[^}/]*\}/g, '{}');
}

/** The position of each path parameter in the template: `/orgs/{org}/repos/{repo}` → org 0, repo 1. */
export function pathParameterPositions(path: string): Map<string, number> {
  const positions = new Map<string, number>();
  for (const match of path.matchAll(/\{([^}/]*)\}/g)) positions.set(match[1]!, positions.size);
  return positions;
}

/** `application/JSON; charset=utf-8` → `application/json`. */
export function normalizeMediaType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}
