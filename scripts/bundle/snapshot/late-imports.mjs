// The packages the workspace imports lazily by name (`import("pg")`), per workspace package. A
// deserialized snapshot has no `import()`, so the snapshot's build asks the ES-module bundle for
// them: the bundle gains an entry (snapshot/late.mjs) whose loaders make the same imports, from the
// same importing package, so the module is the very chunk the bundle itself would load.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A dynamic import of a CommonJS package gets only `default` from esbuild; Node also gives its
 * named exports (`const { LineCounter } = await import('yaml')`), so the bundle does too: every
 * lazy import of a package is followed by `.then(__maNamedExports)`.
 */
export const NAMED_EXPORTS =
  'function __maNamedExports(m) { const d = m.default; return d && typeof d === "object" && Object.keys(m).length === 1 ? { ...d, default: d } : m; }';

const WORKSPACE_DIRS = ['apps', 'packages', 'plugins'];
const BARE_IMPORT = /\bimport\("((?:@[^"/.][^"/]*\/)?[^"./][^"]*)"\)/g;

/** The workspace package folder (relative to root, `plugins/database`) that holds `file`, if any. */
export function workspaceOwner(root, file) {
  const match = /^((?:apps|packages|plugins)\/[^/]+)\/dist\/[^/]+\.js$/.exec(relative(root, file).split('\\').join('/'));
  return match?.[1];
}

export const isWorkspaceSpecifier = (specifier) => specifier.startsWith('@migration-architect/');

/** `{ 'plugins/database': ['pg', 'libpg-query', ...], ... }` from the built workspace files. */
export function lateImports(root) {
  const owners = {};
  for (const group of WORKSPACE_DIRS) {
    for (const name of readdirSync(join(root, group))) {
      const dist = join(root, group, name, 'dist');
      let files;
      try {
        files = readdirSync(dist).filter((f) => f.endsWith('.js'));
      } catch {
        continue;
      }
      for (const file of files) {
        for (const [, specifier] of readFileSync(join(dist, file), 'utf8').matchAll(BARE_IMPORT)) {
          if (isWorkspaceSpecifier(specifier)) continue;
          (owners[`${group}/${name}`] ??= new Set()).add(specifier);
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(owners).map(([owner, set]) => [owner, [...set].sort()]));
}

/**
 * An esbuild plugin for the ES-module build: the virtual entry `ma-snapshot-late` exports
 * `owners[owner](specifier)`, one module per owner resolved from that owner's dist folder.
 */
export function lateEntryPlugin(root, owners) {
  return {
    name: 'snapshot-late-entry',
    setup(b) {
      b.onResolve({ filter: /^ma-snapshot-late(:|$)/ }, (args) => ({ path: args.path, namespace: 'ma-snapshot-late' }));
      b.onLoad({ filter: /.*/, namespace: 'ma-snapshot-late' }, (args) => {
        const owner = args.path.slice('ma-snapshot-late:'.length);
        if (!owner) {
          const names = Object.keys(owners);
          return {
            contents: `${names.map((o, i) => `import { load as load${i} } from ${JSON.stringify(`ma-snapshot-late:${o}`)};`).join('\n')}
export const owners = { ${names.map((o, i) => `${JSON.stringify(o)}: load${i}`).join(', ')} };
`,
            loader: 'js',
          };
        }
        const cases = owners[owner].map((s) => `    case ${JSON.stringify(s)}: return import(${JSON.stringify(s)}).then(__maNamedExports);`).join('\n');
        return {
          contents: `export function load(specifier) {
  switch (specifier) {
${cases}
  }
  return Promise.reject(new Error("not a late import: " + specifier));
}
${NAMED_EXPORTS}
`,
          loader: 'js',
          resolveDir: join(root, owner, 'dist'),
        };
      });
    },
  };
}
