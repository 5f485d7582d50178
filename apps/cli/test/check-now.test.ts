import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './harness.js';

/** `check --now`: the moment API sunset dates are judged at, so a CI run repeated later says the same. */

const ok = { '200': { description: 'OK' } };
const doc = (withDelete: boolean) => ({
  openapi: '3.1.0',
  info: { title: 'Pets', version: '1' },
  paths: {
    '/pets/{id}': {
      get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok },
      ...(withDelete ? { delete: { deprecated: true, 'x-sunset': '2026-12-31', responses: ok } } : {}),
    },
  },
});

function pair(): [string, string] {
  const dir = tempDir();
  const before = join(dir, 'before.json');
  const after = join(dir, 'after.json');
  writeFileSync(before, JSON.stringify(doc(true)));
  writeFileSync(after, JSON.stringify(doc(false)));
  return [before, after];
}

describe('check --now', () => {
  it('a removal before the sunset fails (2), after it passes (0); the report is dated --now', async () => {
    const [before, after] = pair();
    const early = await cli(['check', before, after, '--now', '2026-12-01']);
    expect(early.code).toBe(2);
    const report = JSON.parse(early.stdout);
    expect(report.analysis_date).toBe('2026-12-01T00:00:00.000Z');
    expect(report.issues.map((i: { rule: string }) => i.rule)).toEqual(['service/api-removed-before-sunset']);
    const late = await cli(['check', before, after, '--now', '2027-01-01T09:00:00Z']);
    expect(late.code).toBe(0);
    expect(JSON.parse(late.stdout).issues.map((i: { rule: string }) => i.rule)).toEqual(['service/api-removed-with-deprecation']);
  });

  it('without --now, SOURCE_DATE_EPOCH is the clock', async () => {
    const [before, after] = pair();
    // 2027-01-01T00:00:00Z: after the sunset.
    expect((await cli(['check', before, after], { env: { SOURCE_DATE_EPOCH: '1798761600' } })).code).toBe(0);
    // 2026-12-01T00:00:00Z: before it.
    expect((await cli(['check', before, after], { env: { SOURCE_DATE_EPOCH: '1796083200' } })).code).toBe(2);
  });

  it('a --now that is no date is a usage error (64) naming the flag', async () => {
    const [before, after] = pair();
    const result = await cli(['check', before, after, '--now', 'tomorrow']);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/--now expects a date \(YYYY-MM-DD\).*got "tomorrow"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
