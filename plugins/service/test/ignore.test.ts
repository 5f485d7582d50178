import { checkCompatibility, createRegistry } from '@migration-architect/core';
import { describe, expect, it, vi } from 'vitest';
import service, { type IgnoreEntry } from '../src/index.js';
import { clock, fixturePath } from './fixtures.js';

async function check(ignore: IgnoreEntry[], before = 'petstore/before.yaml', after = 'petstore/after.yaml') {
  const registry = createRegistry([service({ ignore })]);
  const report = await checkCompatibility(registry, { before: fixturePath(before), after: fixturePath(after), clock });
  return report.issues.map((i) => `${i.rule.replace('service/', '')} ${i.affected_operations.join(',')}`);
}

describe('accepted changes (service({ ignore }))', async () => {
  const all = await check([]);

  it('is deprecated: the first use warns once, saying what to write instead', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    await check([{ rule: 'request-parameter-max-decreased', reason: 'no client pages beyond 50' }]);
    await check([{ rule: 'field-argument-added', reason: 'every client sends owner' }], 'graphql/before.graphql', 'graphql/after.graphql');
    expect(warn.mock.calls.map(([message, options]) => [String(message).split(':')[0], (options as { type: string; code: string }).code])).toEqual([
      ['service({ ignore }) is deprecated and will be removed in the next major release', 'MIGRATION_ARCHITECT_SERVICE_IGNORE'],
    ]);
    expect(String(warn.mock.calls[0]![0])).toContain('migration-architect.accepted.yaml');
    warn.mockRestore();
  });

  it('drops a rule for every operation when no operation is named', async () => {
    const rows = await check([{ rule: 'service/response-property-type-changed', reason: 'clients parse ids as strings either way' }]);
    expect(all.filter((r) => r.startsWith('response-property-type-changed'))).toHaveLength(1);
    expect(rows).toEqual(all.filter((r) => !r.startsWith('response-property-type-changed')));
  });

  it('accepts a finding for one operation, whatever its path parameters are called; a finding that reaches others too stays whole', async () => {
    // response-property-became-optional reaches GET /pets, POST /pets and GET /pets/{id}: accepting one operation is not enough.
    const one = await check([{ rule: 'response-property-became-optional', operation: 'get /pets/{id}', reason: 'the detail view always had a name' }]);
    expect(one).toEqual(all);
    const every = await check(
      ['GET /pets', 'POST /pets', 'get /pets/{id}'].map((operation) => ({
        rule: 'response-property-became-optional',
        operation,
        reason: 'every client copes',
      })),
    );
    expect(every).toEqual(all.filter((r) => !r.startsWith('response-property-became-optional')));
    const operationOnly = await check([{ rule: 'request-parameter-max-decreased', operation: 'GET /pets', reason: 'no client pages beyond 50' }]);
    expect(operationOnly).toHaveLength(all.length - 1);
    expect(operationOnly.some((r) => r.startsWith('request-parameter-max-decreased'))).toBe(false);
  });

  it('feeds core: the report lists what each entry accepted and where it is written, and entries that matched nothing', async () => {
    const registry = createRegistry([
      service({
        ignore: [
          { rule: 'service/response-property-type-changed', reason: 'clients parse ids as strings either way' },
          { rule: 'request-parameter-max-decreased', operation: 'DELETE /pets', reason: 'no such call' },
        ],
      }),
    ]);
    const report = await checkCompatibility(registry, { before: fixturePath('petstore/before.yaml'), after: fixturePath('petstore/after.yaml'), clock });
    expect(report.acceptance?.accepted.map((a) => [a.entry.rule, a.entry.reason, a.issue.rule])).toEqual([
      ['response-property-type-changed', 'clients parse ids as strings either way', 'service/response-property-type-changed'],
    ]);
    expect(report.acceptance?.accepted[0]?.entry.written_in).toBe('service({ ignore }) (deprecated: write it in migration-architect.accepted.yaml)');
    expect(report.acceptance?.unmatched.map((e) => e.rule)).toEqual(['request-parameter-max-decreased']);
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
