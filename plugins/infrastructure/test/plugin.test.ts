import { createRegistry, pluginContractSchema } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import service from '../../service/src/index.js';
import packageJson from '../package.json' with { type: 'json' };
import infrastructure, { createInfrastructurePlugin, infrastructureOptionsSchema } from '../src/index.js';

describe('infrastructure plugin', () => {
  it('is accepted by the registry and contributes the infrastructure type and its checkers', () => {
    const registry = createRegistry([infrastructure()]);
    expect(registry.migrationType('infrastructure')?.plugin).toBe('@migration-architect/plugin-infrastructure');
    expect(registry.patterns('infrastructure').map((p) => p.id)).toEqual(['cloud_migration', 'on_prem_to_cloud']);
    expect(registry.checkers().map((c) => c.id)).toEqual(['terraform', 'kubernetes']);
    expect(registry.sources().map((s) => s.id)).toEqual(['kubernetes-manifests', 'terraform-plan-json']);
  });

  it('declares the contract version, its namespace and the package version', () => {
    const plugin = pluginContractSchema().parse(infrastructure());
    expect(plugin.apiVersion).toBe(2);
    expect(plugin.meta).toMatchObject({ name: '@migration-architect/plugin-infrastructure', namespace: 'infrastructure', version: packageJson.version });
  });

  it('exports the factory under both names', () => {
    expect(createInfrastructurePlugin).toBe(infrastructure);
    expect(infrastructureOptionsSchema.parse({})).toEqual({ terraform: { resources: [], attributes: [], snapshots: [] } });
  });

  it('rejects unknown options, naming the option', () => {
    expect(() => infrastructure({ provider: 'aws' } as never)).toThrow(/invalid option "provider"/);
    expect(() => infrastructure(42 as never)).toThrow(/plugin "@migration-architect\/plugin-infrastructure": invalid options: .*expected object/);
  });

  it('loads next to the service plugin in one registry', () => {
    const registry = createRegistry([infrastructure(), service()]);
    expect(registry.migrationTypes().map((t) => t.id)).toEqual(['infrastructure', 'service']);
  });

  it('gives every phase a real template, not the seed\'s "Execute <x> phase" placeholder', () => {
    for (const phase of pluginContractSchema().parse(infrastructure()).phases) {
      expect(phase.description, phase.id).not.toMatch(/^Execute \w+ phase$/);
      expect(phase.tasks.length, phase.id).toBeGreaterThanOrEqual(4);
      expect(phase.validationCriteria.length, phase.id).toBeGreaterThanOrEqual(3);
    }
  });
});
