/**
 * The plugins this project publishes, and what each provides, so that a missing type or checker
 * can be answered with the package to install.
 */
export interface BuiltinPlugin {
  packageName: string;
  migrationTypes: string[];
  checkers: string[];
  /** A literal import, so that a bundler sees the plugin (the single-file build carries them all). */
  load: () => Promise<unknown>;
}

export const BUILTIN_PLUGINS: BuiltinPlugin[] = [
  {
    packageName: '@migration-architect/plugin-database',
    migrationTypes: ['database'],
    checkers: ['database'],
    load: () => import('@migration-architect/plugin-database'),
  },
  {
    packageName: '@migration-architect/plugin-service',
    migrationTypes: ['service'],
    checkers: ['api'],
    load: () => import('@migration-architect/plugin-service'),
  },
  {
    packageName: '@migration-architect/plugin-infrastructure',
    migrationTypes: ['infrastructure'],
    checkers: [],
    load: () => import('@migration-architect/plugin-infrastructure'),
  },
];

export function packageProvidingType(type: string): string | undefined {
  return BUILTIN_PLUGINS.find((p) => p.migrationTypes.includes(type))?.packageName;
}

export function packageProvidingChecker(kind: string): string | undefined {
  return BUILTIN_PLUGINS.find((p) => p.checkers.includes(kind))?.packageName;
}
