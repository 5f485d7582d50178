import { checkCompatibility, createRegistry } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import service, { type IgnoreEntry } from '../src/index.js';
import { clock, fixturePath } from './fixtures.js';

async function check(ignore: IgnoreEntry[], before = 'petstore/before.yaml', after = 'petstore/after.yaml') {
  const registry = createRegistry([service({ ignore })]);
  const report = await checkCompatibility(registry, { before: fixturePath(before), after: fixturePath(after), clock });
  return report.issues.map((i) => `${i.rule.replace('service/', '')} ${i.affected_operations.join(',')}`);
}

describe('accepted changes (service({ ignore }))', async () => {
  const all = await check([]);

  it('drops a rule for every operation when no operation is named', async () => {
    const rows = await check([{ rule: 'service/response-property-type-changed', reason: 'clients parse ids as strings either way' }]);
    expect(all.filter((r) => r.startsWith('response-property-type-changed'))).toHaveLength(1);
    expect(rows).toEqual(all.filter((r) => !r.startsWith('response-property-type-changed')));
  });

  it('drops it for one operation, whatever its path parameters are called, keeping the others', async () => {
    const rows = await check([{ rule: 'response-property-became-optional', operation: 'get /pets/{id}', reason: 'the detail view always had a name' }]);
    expect(rows).toContain('response-property-became-optional GET /pets,POST /pets');
    expect(rows).toHaveLength(all.length);
    const operationOnly = await check([{ rule: 'request-parameter-max-decreased', operation: 'GET /pets', reason: 'no client pages beyond 50' }]);
    expect(operationOnly).toHaveLength(all.length - 1);
    expect(operationOnly.some((r) => r.startsWith('request-parameter-max-decreased'))).toBe(false);
  });

  it('works for GraphQL findings too', async () => {
    const rows = await check([{ rule: 'field-argument-added', reason: 'every client sends owner already' }], 'graphql/before.graphql', 'graphql/after.graphql');
    expect(rows.some((r) => r.startsWith('field-argument-added'))).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('requires a reason', () => {
    expect(() => service({ ignore: [{ rule: 'x' } as IgnoreEntry] })).toThrow(/invalid option "ignore\.0\.reason"|invalid option "ignore\[0\]\.reason"/);
  });
});
