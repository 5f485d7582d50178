import type { CompatibilityReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { idParam, ok, openApi } from '../src/api/rules/example-documents.js';
import { parseSunset } from '../src/api/lifecycle/sunset-date.js';
import { checkDocumentsAt } from './fixtures.js';

/** The deprecation policy judged at a given "now": every verdict below flips when the clock does. */

const findings = (report: CompatibilityReport) => report.issues.map((i) => `${i.severity} ${i.rule.replace('service/', '')}`);
const pets = (getExtra: Record<string, unknown> = {}, extraPaths: Record<string, unknown> = {}) =>
  openApi({ '/pets': { get: { responses: ok, ...getExtra } }, ...extraPaths });
const withDelete = (extra: Record<string, unknown>) =>
  openApi({ '/pets/{id}': { get: { parameters: [idParam], responses: ok }, delete: { parameters: [idParam], responses: ok, deprecated: true, ...extra } } });
const withoutDelete = openApi({ '/pets/{id}': { get: { parameters: [idParam], responses: ok } } });

describe('removal and the sunset date', () => {
  it('an operation removed before its sunset is breaking, after it is not', async () => {
    const before = withDelete({ 'x-sunset': '2026-12-31' });
    expect(findings(await checkDocumentsAt(before, withoutDelete, '2026-12-01'))).toEqual(['breaking api-removed-before-sunset']);
    expect(findings(await checkDocumentsAt(before, withoutDelete, '2027-01-01'))).toEqual(['non_breaking api-removed-with-deprecation']);
  });

  it('a whole path removed before its sunset names the sunset and the clock', async () => {
    const before = pets({}, { '/logout': { post: { deprecated: true, 'x-sunset': '2026-12-31', responses: ok } } });
    const report = await checkDocumentsAt(before, pets(), '2026-06-01');
    expect(findings(report)).toEqual(['breaking api-path-removed-before-sunset']);
    expect(report.issues[0]!.description).toBe('Endpoint POST /logout removed with its path before its sunset 2026-12-31 (now 2026-06-01)');
    expect(report.issues[0]!.field_path).toBe('/paths/~1logout/post');
  });

  it('x-sunset-date and HTTP-dates (RFC 8594) are read too', async () => {
    expect(findings(await checkDocumentsAt(withDelete({ 'x-sunset-date': '2026-12-31' }), withoutDelete, '2026-12-01'))).toEqual([
      'breaking api-removed-before-sunset',
    ]);
    expect(findings(await checkDocumentsAt(withDelete({ 'x-sunset': 'Thu, 31 Dec 2026 23:59:59 GMT' }), withoutDelete, '2026-12-31'))).toEqual([
      'breaking api-removed-before-sunset',
    ]);
  });

  it('a deprecated parameter removed before its sunset is breaking', async () => {
    const param = { name: 'owner', in: 'query', deprecated: true, 'x-sunset': '2026-12-31', schema: { type: 'string' } };
    const before = openApi({ '/pets': { get: { parameters: [param], responses: ok } } });
    expect(findings(await checkDocumentsAt(before, pets(), '2026-11-01'))).toEqual(['breaking request-parameter-removed-before-sunset']);
    expect(findings(await checkDocumentsAt(before, pets(), '2027-01-02'))).toEqual(['non_breaking request-parameter-removed-with-deprecation']);
  });
});

describe('deprecating under the policy', () => {
  it('a deprecation without a sunset is flagged where the level has a notice period', async () => {
    expect(findings(await checkDocumentsAt(pets(), pets({ deprecated: true }), '2026-12-01'))).toEqual(['potentially_breaking api-deprecated-sunset-missing']);
    // Alpha operations are owed no notice by default.
    const alpha = { 'x-stability-level': 'alpha' };
    expect(findings(await checkDocumentsAt(pets(alpha), pets({ ...alpha, deprecated: true }), '2026-12-01'))).toEqual(['non_breaking endpoint-deprecated']);
    // A team without the rule turns it off in the plugin's options.
    const relaxed = { deprecation: { requireSunset: false } };
    expect(findings(await checkDocumentsAt(pets(), pets({ deprecated: true }), '2026-12-01', relaxed))).toEqual(['non_breaking endpoint-deprecated']);
  });

  it("a sunset closer than the level's notice period is breaking; the period is configurable", async () => {
    const deprecated = (level: string) => pets({ deprecated: true, 'x-sunset': '2027-01-15', 'x-stability-level': level });
    const report = await checkDocumentsAt(pets({ 'x-stability-level': 'stable' }), deprecated('stable'), '2026-12-01');
    expect(findings(report)).toEqual(['breaking api-sunset-date-too-small']);
    expect(report.issues[0]!.description).toBe('Endpoint GET /pets deprecated with sunset 2027-01-15: 45 days ahead, the policy asks for 180');
    // Beta is owed 31 days by default: 45 is enough.
    expect(findings(await checkDocumentsAt(pets({ 'x-stability-level': 'beta' }), deprecated('beta'), '2026-12-01'))).toEqual([
      'non_breaking endpoint-deprecated',
    ]);
    const policy = { deprecation: { noticeDays: { stable: 30 } } };
    expect(findings(await checkDocumentsAt(pets({ 'x-stability-level': 'stable' }), deprecated('stable'), '2026-12-01', policy))).toEqual([
      'non_breaking endpoint-deprecated',
    ]);
  });

  it('a sunset moved earlier: breaking inside the notice period, potentially breaking outside it, fine when later', async () => {
    const at = (sunset: string) => pets({ deprecated: true, 'x-sunset': sunset });
    expect(findings(await checkDocumentsAt(at('2027-12-01'), at('2027-01-01'), '2026-12-01'))).toEqual(['breaking api-sunset-date-changed-too-small']);
    expect(findings(await checkDocumentsAt(at('2028-12-01'), at('2027-12-01'), '2026-12-01'))).toEqual(['potentially_breaking api-sunset-date-changed']);
    expect(findings(await checkDocumentsAt(at('2027-12-01'), at('2028-12-01'), '2026-12-01'))).toEqual(['non_breaking api-sunset-date-changed']);
  });

  it('a sunset deleted from a deprecated operation is breaking', async () => {
    expect(findings(await checkDocumentsAt(pets({ deprecated: true, 'x-sunset': '2027-12-01' }), pets({ deprecated: true }), '2026-12-01'))).toEqual([
      'breaking api-sunset-deleted',
    ]);
  });

  it('a sunset that is no date and a stability level that is no level are reported once, when they appear', async () => {
    const bad = pets({ deprecated: true, 'x-sunset': '31/12/2027' });
    const report = await checkDocumentsAt(pets(), bad, '2026-12-01');
    // The sunset is there, only unreadable: the deprecation itself is not "without a sunset".
    expect(findings(report)).toEqual(['non_breaking endpoint-deprecated', 'potentially_breaking api-sunset-parse']);
    expect(findings(await checkDocumentsAt(bad, bad, '2026-12-01'))).toEqual([]);
    expect(findings(await checkDocumentsAt(pets(), pets({ 'x-stability-level': 'GA' }), '2026-12-01'))).toEqual([
      'potentially_breaking api-invalid-stability-level',
    ]);
  });
});

describe('sunset dates', () => {
  it.each([
    ['2026-12-31', '2026-12-31T00:00:00.000Z'],
    ['2026-12-31T12:00:00+02:00', '2026-12-31T10:00:00.000Z'],
    ['Thu, 31 Dec 2026 23:59:59 GMT', '2026-12-31T23:59:59.000Z'],
  ])('%s reads as %s', (text, iso) => {
    const read = parseSunset(text);
    expect(read?.ok && read.date.toISOString()).toBe(iso);
  });

  it.each(['2026-02-30', 'next spring', '2026/12/31', '20261231'])('%s is not a date', (text) => {
    expect(parseSunset(text)?.ok).toBe(false);
  });
});
