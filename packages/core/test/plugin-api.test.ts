import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createPlan,
  createRegistry,
  createRunbook,
  definePluginFactory,
  documentJsonSchema,
  fixedClock,
  PluginCodeError,
  PluginError,
  redactSecrets,
  parseSpecFields,
  reviewSpec,
  ruleCatalog,
  secretsFromEnvironment,
  type MigrationArchitectPlugin,
} from '../src/index.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

const clock = fixedClock(new Date(0));
const spec = { type: 'toy', source: 'a', target: 'b' };

describe('definePluginFactory', () => {
  const factory = definePluginFactory({
    name: '@acme/toys',
    optionsSchema: z.strictObject({ trucks: z.number().int().positive().default(2) }),
    create: ({ trucks }) => toyPlugin({ meta: { name: '@acme/toys', version: '1.0.0', namespace: 'toy', description: `${trucks} trucks` } }),
  });

  it('validates options, fills defaults and attaches the schema and values for `plugins show`', () => {
    const plugin = factory();
    expect(plugin.meta.description).toBe('2 trucks');
    expect(plugin.options?.values).toEqual({ trucks: 2 });
    expect(factory.optionsSchema).toBeDefined();
    expect(createRegistry([factory({ trucks: 5 })]).plugins[0]!.options?.values).toEqual({ trucks: 5 });
  });

  it('names the plugin and the option at fault', () => {
    expect(() => factory({ truks: 3 } as never)).toThrowError(new PluginError('plugin "@acme/toys": invalid option "truks": unknown option'));
    expect(() => factory({ trucks: -1 })).toThrowError(/plugin "@acme\/toys": invalid option "trucks": Too small/);
  });

  it('puts the options schema of loaded plugins into the config JSON Schema', () => {
    const schema = JSON.stringify(documentJsonSchema('config', createRegistry([factory()])));
    expect(schema).toContain('"const":"@acme/toys"');
    expect(schema).toContain('"trucks"');
  });
});

describe('spec fields declared by plugins', () => {
  const withFields = (): MigrationArchitectPlugin => {
    const plugin = toyPlugin();
    plugin.migrationTypes![0]!.specFields = { toys: z.array(z.object({ name: z.string(), weight_kg: z.number().positive() })) };
    plugin.migrationTypes![0]!.constraintFields = { max_trucks: z.number().int() };
    return plugin;
  };
  const registry = createRegistry([withFields()]);

  it('warns on fields nobody reads, with the known field a typo most resembles', () => {
    const warnings = reviewSpec(registry, { ...spec, toy: [], constraints: { max_downtime_minute: 5, max_trucks: 2 } }, { file: 'spec.yaml' });
    expect(warnings.map((w) => w.message)).toEqual([
      'unknown field "toy" (did you mean "toys"?); no loaded plugin reads it',
      'unknown field "constraints.max_downtime_minute" (did you mean "max_downtime_minutes"?); no loaded plugin reads it',
    ]);
  });

  it('fails on unknown fields with strict, and on declared fields of the wrong shape, naming the path', () => {
    expect(() => reviewSpec(registry, { ...spec, toy: [] }, { file: 'spec.yaml', strict: true })).toThrowError(/unknown field "toy"/);
    try {
      reviewSpec(registry, { ...spec, toys: [{ name: 'bear', weight_kg: -1 }] }, { file: 'spec.yaml' });
      expect.unreachable();
    } catch (error) {
      expect((error as PluginError).describe()).toMatch(/^spec\.yaml: toys\[0\]\.weight_kg: Too small/);
    }
  });

  it("hands the type's facts, work and risk conditions its fields parsed (defaults filled, transforms applied), not the raw spec", () => {
    const plugin = toyPlugin();
    const type = plugin.migrationTypes![0]!;
    type.specFields = { crates: z.array(z.string()).transform((names) => names.map((n) => n.toUpperCase())) };
    type.constraintFields = { max_trucks: z.number().int().default(3) };
    const seen: unknown[] = [];
    type.facts = (received) => {
      seen.push({ crates: received['crates'], trucks: received.constraints?.['max_trucks'] });
      return [];
    };
    const parsedRegistry = createRegistry([plugin]);
    createPlan(parsedRegistry, { ...spec, crates: ['bear', 'doll'], constraints: {} } as never, { clock: fixedClock(new Date(0)) });
    expect(seen).toEqual([{ crates: ['BEAR', 'DOLL'], trucks: 3 }]);
    expect(parseSpecFields(parsedRegistry, { ...spec, crates: ['x'] } as never, 'spec.yaml')).toMatchObject({ crates: ['X'], type: 'toy' });
  });

  it("refuses a type's fact that reuses one of core's fact ids, naming the plugin, the id and core's ids (70)", () => {
    const plugin = toyPlugin();
    plugin.migrationTypes![0]!.facts = () => [{ id: 'zero-downtime', path: 'target', statement: 'mine too' }];
    const clashing = createRegistry([plugin]);
    try {
      createPlan(clashing, spec as never, { clock });
      expect.unreachable();
    } catch (error) {
      expect((error as PluginError).exitCode).toBe(70);
      expect((error as Error).message).toBe(
        'plugin "toy-plugin": migration type toy: facts() returned a fact with id "zero-downtime", which core reserves for its own facts (zero-downtime, large-data-volume, compliance, many-dependents, migration-window, business-hours, feature-flags); give the fact an id of your own',
      );
    }
  });

  it('lists declared fields in the spec JSON Schema', () => {
    const schema = documentJsonSchema('spec', registry) as { properties: Record<string, { description?: string; properties?: Record<string, unknown> }> };
    expect(Object.keys(schema.properties)).toContain('toys');
    expect(schema.properties['toys']!.description).toBe('type: toy');
    expect(Object.keys(schema.properties['constraints']!.properties!)).toContain('max_trucks');
  });
});

describe('phase weights and generic additions', () => {
  it("splits a plan's hours by the phase templates' weights", () => {
    const plugin = toyPlugin();
    plugin.phases!.find((p) => p.id === 'copy')!.durationWeight = 2;
    const plan = createPlan(createRegistry([plugin]), { ...spec, pattern: 'careful' }, { clock });
    expect(plan.phases.map((p) => p.duration_hours)).toEqual([6, 12, 6]);
  });

  it("drops core's generic triggers, resources, messages and checklist when a type turns them off", () => {
    const plugin = toyPlugin();
    plugin.migrationTypes![0]!.genericAdditions = { triggers: false, resources: false, communications: false, checklist: false };
    const registry = createRegistry([plugin]);
    const plan = createPlan(registry, spec, { clock });
    expect(plan.phases[0]!.resources_required).toEqual([]);
    expect(plan.phases[0]!.rollback_triggers).toEqual([]);
    const runbook = createRunbook(registry, plan, { clock });
    expect(runbook.trigger_conditions.map((t) => t.trigger_id)).toEqual(['toy-missing']);
    expect(runbook.validation_checklist).toEqual(['Toys are where they were']);
    expect(runbook.communication_templates).toEqual([]);

    const generic = createPlan(createRegistry([toyPlugin()]), spec, { clock });
    expect(generic.phases[0]!.resources_required.length).toBeGreaterThan(0);
  });

  it('reports a throw in a risk condition as one line naming the plugin and the risk', () => {
    const plugin = toyPlugin();
    plugin.risks![1]!.when = () => {
      throw new TypeError('spec.tables is not iterable');
    };
    expect(() => createPlan(createRegistry([plugin]), spec, { clock })).toThrowError(
      new PluginCodeError('toy-plugin', 'risk toy/big-volume: when()', new TypeError('spec.tables is not iterable')),
    );
  });
});

describe('checker contract', () => {
  it('refuses a rule for a change kind the checker does not declare', () => {
    const plugin = toyPlugin();
    plugin.checkers![0]!.rules[0]!.change = 'field.renamed';
    expect(() => createRegistry([plugin])).toThrowError(
      /checkers\.kv\.rules\[0\]\.change: rule "field-removed" classifies "field\.renamed", which is not among the checker's changeKinds/,
    );
  });

  it("links rules to their docs: the rule's own URL, else the plugin's with the rule's anchor, else none", () => {
    const plugin = toyPlugin();
    plugin.meta.docsUrl = 'https://example.com/toys';
    plugin.checkers![0]!.rules[0]!.code = 'TOY101';
    plugin.checkers![0]!.rules[1]!.docsUrl = 'https://example.com/widened';
    const urls = ruleCatalog(createRegistry([plugin])).map((r) => r.docsUrl);
    expect(urls).toEqual([
      'https://example.com/toys#toy101-field-removed',
      'https://example.com/widened',
      'https://example.com/toys#field-retyped',
      'https://example.com/toys#field-added',
    ]);
    expect(ruleCatalog(createRegistry([toyPlugin()])).every((r) => r.docsUrl === null)).toBe(true);
  });

  it('refuses a source for a checker no loaded plugin provides', () => {
    const plugin = toyPlugin();
    plugin.sources![0]!.checker = 'mysql';
    expect(() => createRegistry([plugin])).toThrowError(/source "kv-document" reads schemas for checker "mysql", which no loaded plugin provides/);
  });
});

describe('secret redactor', () => {
  it('masks passwords in URLs, query parameters, libpq keyword strings and known environment secrets', () => {
    expect(redactSecrets('postgres://app:pa%40ss@db:5432/prod?sslmode=require')).toBe('postgres://app:***@db:5432/prod?sslmode=require');
    expect(redactSecrets('mysql://db/prod?user=a&password=x1&x=2')).toBe('mysql://db/prod?user=a&password=***&x=2');
    expect(redactSecrets('host=db password=hunter22 dbname=prod')).toBe('host=db password=*** dbname=prod');
    expect(redactSecrets("host=db password = 'two words' user=x")).toBe('host=db password = *** user=x');
    const secrets = secretsFromEnvironment({ PGPASSWORD: 'topsecret', HOME: '/root', DEPLOY_TOKEN: 'tok-123456' });
    expect(secrets).toEqual(['topsecret', 'tok-123456']);
    expect(redactSecrets('auth failed for topsecret with tok-123456', secrets)).toBe('auth failed for *** with ***');
  });

  it.each([
    ['schema.sql', 'schema.sql'],
    ['postgres://app:s3cret@db.internal:5432/app', 'postgres://app:***@db.internal:5432/app'],
    ['postgresql://app@db/app', 'postgresql://app@db/app'],
    ['postgres://db/app?user=app&password=s3cret&sslmode=require', 'postgres://db/app?user=app&password=***&sslmode=require'],
    ['sqlite:data/app.db', 'sqlite:data/app.db'],
  ])('names the input %s as %s', (input, shown) => {
    expect(redactSecrets(input)).toBe(shown);
  });

  it('keeps text without secrets as it is', () => {
    expect(redactSecrets('db/schema.sql: line 3')).toBe('db/schema.sql: line 3');
    expect(redactSecrets('postgres://app@db/prod')).toBe('postgres://app@db/prod');
  });
});
