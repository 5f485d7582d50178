import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const pluginRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const guide = join(pluginRoot, '../../docs/plugin-authoring.md');
// Inside this package, so the snippets resolve @migration-architect/core and zod as a plugin would.
const work = join(pluginRoot, '.docs-snippets');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The guide's TypeScript blocks that import core (not the config or testkit ones), as one module. */
function authoringSnippets(): string[] {
  const blocks = [...readFileSync(guide, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.filter((block) => block.includes("from '@migration-architect/core'") && !block.includes('defineConfig') && !block.includes('testkit'));
}

describe('docs/plugin-authoring.md', () => {
  it('has code that compiles against the published types (factory, typed checker and rules, source)', { timeout: 120_000 }, () => {
    const snippets = authoringSnippets();
    expect(snippets.length).toBeGreaterThanOrEqual(3);
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'snippets.ts'), snippets.join('\n'));
    // The one module the guide imports that is the reader's own: a client for their registry.
    writeFileSync(
      join(work, 'registry-client.ts'),
      'export async function readRegistry(url: string) {\n  return { topics: { [url]: { partitions: 1 } } };\n}\n',
    );
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ extends: '../../../tsconfig.base.json', include: ['snippets.ts', 'registry-client.ts'] }));
    const tsc = spawnSync(process.execPath, [join(pluginRoot, 'node_modules/typescript/bin/tsc'), '-p', work], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
