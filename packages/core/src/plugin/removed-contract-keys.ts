/**
 * Keys earlier contracts had and this one does not, with what replaced them. A plugin that still
 * has one is refused naming the key and its replacement, rather than loaded with the key ignored.
 * Paths use `[]` for "any element": `checkers[].load`.
 */
export interface RemovedContractKey {
  path: string;
  /** The contract version that removed it. */
  removedIn: number;
  /** What to write instead, as a plugin author would. */
  replacement: string;
}

export const REMOVED_CONTRACT_KEYS: readonly RemovedContractKey[] = [
  {
    path: 'checkers[].load',
    removedIn: 2,
    replacement: 'contribute a source: sources: [defineSource({ checker, read })]',
  },
  {
    path: 'checkers[].detect',
    removedIn: 2,
    replacement: 'a plugin-level source recognizes its own inputs: sources: [defineDocumentSource({ checker, recognizes, load })]',
  },
  {
    path: 'checkers[].sources',
    removedIn: 2,
    replacement: 'sources moved to the plugin: sources: [defineSource({ id, checker, title, description, read })]',
  },
  {
    path: 'sources[].matches',
    removedIn: 2,
    replacement: 'read(input) returns undefined for an input that is not its own (input.scheme, input.fileName)',
  },
];
