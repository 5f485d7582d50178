import { createRegistry, pluginContractSchema } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import infrastructure from '../../infrastructure/src/index.js';
import packageJson from '../package.json' with { type: 'json' };
import service, { createServicePlugin, serviceOptionsSchema } from '../src/index.js';

describe('service plugin', () => {
  it('is accepted by the registry and contributes the service type and the api checker', () => {
    const registry = createRegistry([service()]);
    expect(registry.migrationType('service')?.plugin).toBe('@migration-architect/plugin-service');
    expect(registry.patterns('service').map((p) => p.id)).toEqual(['strangler_fig', 'parallel_run', 'blue_green', 'canary']);
    expect(registry.checker('api')?.rules.length).toBeGreaterThan(20);
  });

  it('declares the contract version, its namespace and the package version', () => {
    const plugin = pluginContractSchema().parse(service());
    expect(plugin.apiVersion).toBe(2);
    expect(plugin.meta).toMatchObject({ name: '@migration-architect/plugin-service', namespace: 'service', version: packageJson.version });
  });

  it('exports the factory under both names', () => {
    expect(createServicePlugin).toBe(service);
    expect(serviceOptionsSchema.parse({})).toEqual({
      remoteRefs: false,
      ignore: [],
      deprecation: { noticeDays: { stable: 180, beta: 31, alpha: 0, draft: 0 }, requireSunset: true },
    });
  });

  it('rejects unknown options, naming the option', () => {
    expect(() => service({ strict: true } as never)).toThrow(/invalid option "strict"/);
    expect(() => service('yes' as never)).toThrow(/plugin-service": invalid options/);
  });

  it('loads next to the infrastructure plugin in one registry', () => {
    const registry = createRegistry([service(), infrastructure()]);
    expect(
      registry
        .migrationTypes()
        .map((t) => t.id)
        .sort(),
    ).toEqual(['infrastructure', 'service']);
    expect(registry.checkers().map((c) => c.id)).toEqual(['api', 'graphql', 'terraform', 'kubernetes']);
  });

  it('gives every phase a real template, not the seed\'s "Execute <x> phase" placeholder', () => {
    const plugin = pluginContractSchema().parse(service());
    for (const phase of plugin.phases) {
      expect(phase.description, phase.id).not.toMatch(/^Execute \w+ phase$/);
      expect(phase.tasks.length, phase.id).toBeGreaterThanOrEqual(3);
      expect(phase.validationCriteria.length, phase.id).toBeGreaterThanOrEqual(2);
    }
  });
});
