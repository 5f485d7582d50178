/**
 * The plugins this project publishes, and what each provides, so that a missing type or checker
 * can be answered with the package to install, and a command that names a type or checker imports
 * only the plugin that provides it. A test compares this table with the real plugins.
 */
export interface BuiltinPlugin {
  packageName: string;
  /** The plugin's namespace: the prefix of its rule ids (`database/column-removed`). */
  namespace: string;
  migrationTypes: string[];
  checkers: string[];
  /** A literal import, so that a bundler sees the plugin (the single-file build carries them all). */
  load: () => Promise<unknown>;
}

export const BUILTIN_PLUGINS: BuiltinPlugin[] = [
  {
    packageName: '@migration-architect/plugin-database',
    namespace: 'database',
    migrationTypes: ['database'],
    checkers: ['database'],
    load: () => import('@migration-architect/plugin-database'),
  },
  {
    packageName: '@migration-architect/plugin-service',
    namespace: 'service',
    migrationTypes: ['service'],
    checkers: ['api', 'graphql'],
    load: () => import('@migration-architect/plugin-service'),
  },
  {
    packageName: '@migration-architect/plugin-infrastructure',
    namespace: 'infrastructure',
    migrationTypes: ['infrastructure'],
    checkers: ['terraform', 'kubernetes'],
    load: () => import('@migration-architect/plugin-infrastructure'),
  },
];

export function packageProvidingType(type: string): string | undefined {
  return BUILTIN_PLUGINS.find((p) => p.migrationTypes.includes(type))?.packageName;
}

export function packageProvidingChecker(kind: string): string | undefined {
  return BUILTIN_PLUGINS.find((p) => p.checkers.includes(kind))?.packageName;
}
