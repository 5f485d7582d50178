/**
 * The plugins this project publishes, and what each provides, so that a missing type or checker
 * can be answered with the package to install.
 */
export interface BuiltinPlugin {
  packageName: string;
  migrationTypes: string[];
  checkers: string[];
}

export const BUILTIN_PLUGINS: BuiltinPlugin[] = [
  { packageName: '@migration-architect/plugin-database', migrationTypes: ['database'], checkers: ['database'] },
  { packageName: '@migration-architect/plugin-service', migrationTypes: ['service'], checkers: ['api'] },
  { packageName: '@migration-architect/plugin-infrastructure', migrationTypes: ['infrastructure'], checkers: [] },
];

export function packageProvidingType(type: string): string | undefined {
  return BUILTIN_PLUGINS.find((p) => p.migrationTypes.includes(type))?.packageName;
}

export function packageProvidingChecker(kind: string): string | undefined {
  return BUILTIN_PLUGINS.find((p) => p.checkers.includes(kind))?.packageName;
}
