import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkCompatibility,
  createRegistry,
  defineSource,
  fixedClock,
  InputDataError,
  PluginCodeError,
  UsageError,
  type MigrationArchitectPlugin,
  type RuleContext,
} from '../src/index.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

const clock = fixedClock(new Date(0));
const dir = mkdtempSync(join(tmpdir(), 'ma-core-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

/** A third-party plugin that reads `.kv` text files (`name: type` lines) for the toy's checker. */
function kvTextPlugin(order: 'pre' | 'normal' | 'post' = 'normal'): MigrationArchitectPlugin {
  return {
    apiVersion: 2,
    meta: { name: 'kv-text', version: '1.0.0', namespace: 'kvtext' },
    sources: [
      defineSource({
        id: 'kv-text',
        checker: 'kv',
        title: 'kv text',
        description: 'name: type lines',
        order,
        read: async (input) => {
          if (!input.fileName?.endsWith('.kv') && order !== 'pre') return undefined;
          const text = input.inMemory ? '' : await input.text();
          const fields = new Map(
            text
              .split('\n')
              .filter(Boolean)
              .map((line) => line.split(':').map((s) => s.trim()) as [string, string]),
          );
          return { model: fields, dialect: 'kv-1' };
        },
      }),
    ],
  };
}

describe('one seam for inputs', () => {
  it('infers the checker from the inputs and names the inputs and their source in the report, without internal wrappers', async () => {
    const report = await checkCompatibility(createRegistry([toyPlugin()]), {
      before: file('a.json', '{"fields":{"x":"int"}}'),
      after: file('b.yaml', 'fields:\n  x: int\n  y: int\n'),
      cwd: dir,
      clock,
    });
    expect(report.schema_type).toBe('kv');
    expect(report.inputs).toEqual({
      before: { name: 'a.json', source: 'toy/kv-document', dialect: null },
      after: { name: 'b.yaml', source: 'toy/kv-document', dialect: null },
    });
    expect(report.schema_before).toBe('a.json (key-value document)');
    expect(report.issues.map((i) => [i.rule, i.location])).toEqual([['toy/field-added', { file: 'b.yaml' }]]);
  });

  it('lets another plugin add a source to a checker it does not own, and passes its dialect to the rules', async () => {
    const seen: (string | null)[] = [];
    const toy = toyPlugin();
    const added = toy.checkers![0]!.rules.find((r) => r.id === 'field-added')!;
    const classify = added.classify;
    added.classify = (change, context: RuleContext) => {
      seen.push(context.dialect);
      return classify(change, context);
    };
    const report = await checkCompatibility(createRegistry([toy, kvTextPlugin()]), {
      before: file('a.kv', 'x: int\n'),
      after: file('b.kv', 'x: int\ny: text\n'),
      cwd: dir,
      clock,
    });
    expect(report.inputs?.after).toEqual({ name: 'b.kv', source: 'kvtext/kv-text', dialect: 'kv-1' });
    expect(report.issues.map((i) => i.rule)).toEqual(['toy/field-added']);
    expect(seen).toEqual(['kv-1']);
  });

  it('asks sources in explicit order: a "pre" source of a later plugin answers before the owner\'s', async () => {
    const report = await checkCompatibility(createRegistry([toyPlugin(), kvTextPlugin('pre')]), {
      before: { name: 'a.json', document: { fields: { x: 'int' } } },
      after: { name: 'b.json', document: { fields: {} } },
      clock,
    });
    expect(report.inputs?.before.source).toBe('kvtext/kv-text');
    expect(report.issues).toEqual([]);
  });

  it('refuses to compare inputs that read as different kinds of schema', async () => {
    const other = toyPlugin({ meta: { name: 'other', version: '1', namespace: 'other' } });
    other.migrationTypes = [];
    other.patterns = [];
    other.phases = [];
    other.risks = [];
    other.rollbacks = [];
    other.triggers = [];
    other.checkers![0]!.id = 'kv2';
    other.sources![0]!.checker = 'kv2';
    other.sources![0]!.read = async (input) => (input.fileName?.endsWith('.kv2') ? { model: new Map(), dialect: null } : undefined);
    const registry = createRegistry([toyPlugin(), other]);
    const error = await checkCompatibility(registry, { before: file('a.json', '{"fields":{}}'), after: file('b.kv2', ''), cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputDataError);
    expect((error as Error).message).toMatch(/a\.json reads as a kv schema .* but b\.kv2 as a kv2 schema/);
  });

  it('says which input nobody reads, and never prints a password of a URL it cannot read', async () => {
    const registry = createRegistry([toyPlugin()]);
    const unknown = await checkCompatibility(registry, { before: file('n.json', '{"other":1}'), after: file('m.json', '{"fields":{}}'), cwd: dir }).catch(
      (e: unknown) => e,
    );
    expect((unknown as InputDataError).describe()).toBe('n.json: cannot tell which kind of schema this is; name the type (one of kv)');
    const url = await checkCompatibility(registry, { before: 'mysql://app:s3cret@db/prod', after: file('m.json', '{"fields":{}}'), cwd: dir }).catch(
      (e: unknown) => e,
    );
    expect(url).toBeInstanceOf(UsageError);
    expect((url as UsageError).describe()).toBe('mysql://app:***@db/prod: no loaded plugin reads "mysql:" inputs');
  });

  it('names the missing file with exit 66', async () => {
    const error = await checkCompatibility(createRegistry([toyPlugin()]), { before: 'nope.json', after: 'nope2.json', cwd: dir }).catch((e: unknown) => e);
    expect((error as InputDataError).exitCode).toBe(66);
    expect((error as InputDataError).describe()).toMatch(/^nope2?\.json: cannot read input: no such file$/);
  });

  it("turns a throw inside a plugin's source or rule into one line naming the plugin and the contribution (exit 70)", async () => {
    const broken = kvTextPlugin();
    broken.sources![0]!.read = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    };
    const sourceError = await checkCompatibility(createRegistry([toyPlugin(), broken]), { before: file('c.kv', ''), after: file('d.kv', ''), cwd: dir }).catch(
      (e: unknown) => e,
    );
    expect(sourceError).toBeInstanceOf(PluginCodeError);
    expect((sourceError as PluginCodeError).exitCode).toBe(70);
    expect((sourceError as PluginCodeError).describe()).toBe(
      `c.kv: plugin "kv-text": source kvtext/kv-text: read() threw: Cannot read properties of undefined (reading 'x')`,
    );

    const toy = toyPlugin();
    toy.checkers![0]!.rules.find((r) => r.id === 'field-added')!.classify = () => {
      throw new Error('boom');
    };
    const ruleError = await checkCompatibility(createRegistry([toy]), {
      type: 'kv',
      before: { name: 'a', document: { fields: {} } },
      after: { name: 'b', document: { fields: { y: 'int' } } },
    }).catch((e: unknown) => e);
    expect((ruleError as PluginCodeError).message).toBe('plugin "toy-plugin": rule toy/field-added: classify() threw: boom');
  });
});
