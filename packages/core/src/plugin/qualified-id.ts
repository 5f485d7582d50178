/** How every contribution is named across plugins: `namespace/id` (`database/column-removed`). */
export function qualifiedId(namespace: string, id: string): string {
  return `${namespace}/${id}`;
}
