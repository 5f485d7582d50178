import { describe, expect, it } from 'vitest';
import { checkCompatibility, createRegistry, fixedClock, renderReportGithub, renderReportSarif, renderRuleCatalogMarkdown, ruleCatalog } from '../src/index.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

const plugin = toyPlugin();
plugin.checkers![0]!.rules[0]!.code = 'TOY101';
plugin.checkers![0]!.diff = (before: Map<string, string>, after: Map<string, string>) => [
  ...[...before.keys()]
    .filter((k) => !after.has(k))
    .map((k) => ({ kind: 'field.removed', path: `fields.${k}`, subject: k, before: before.get(k), location: { side: 'before' as const, line: 7 } })),
  ...[...after.keys()].filter((k) => !before.has(k)).map((k) => ({ kind: 'field.added', path: `fields.${k}`, subject: k, after: after.get(k) })),
];
plugin.meta.docsUrl = 'https://example.com/rules/kv.md';
const registry = createRegistry([plugin]);
const report = await checkCompatibility(registry, {
  type: 'kv',
  before: { document: { fields: { a: 'int' } }, name: 'db/before.sql' },
  after: { document: { fields: { b: 'int' } }, name: 'db/after.sql' },
  clock: fixedClock(new Date(0)),
});

describe('report locations', () => {
  it('carry the file of the side the object is on, and the line when the checker knows it', () => {
    expect(report.issues.map((i) => [i.rule, i.code, i.location])).toEqual([
      ['toy/field-removed', 'TOY101', { file: 'db/before.sql', line: 7 }],
      ['toy/field-added', null, { file: 'db/after.sql' }],
    ]);
  });
});

describe('SARIF 2.1.0', () => {
  const sarif = JSON.parse(renderReportSarif(report, { rules: ruleCatalog(registry), toolVersion: '1.2.3' }));

  it('has one run with the tool, the rules that fired, and one result per change', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const [run] = sarif.runs;
    expect(run.tool.driver).toMatchObject({ name: 'migration-architect', version: '1.2.3' });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['TOY101', 'toy/field-added']);
    expect(run.tool.driver.rules[0]).toMatchObject({
      name: 'field-removed',
      shortDescription: { text: 'Field removed' },
      defaultConfiguration: { level: 'error' },
      helpUri: 'https://example.com/rules/kv.md#toy101-field-removed',
    });
    expect(run.results).toHaveLength(2);
  });

  it('maps severities to levels and places results at file and line', () => {
    const [removed, added] = sarif.runs[0].results;
    expect(removed).toMatchObject({ ruleId: 'TOY101', ruleIndex: 0, level: 'error' });
    expect(removed.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'db/before.sql' }, region: { startLine: 7 } });
    expect(added.level).toBe('note');
    expect(added.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'db/after.sql' } });
  });
});

describe('GitHub workflow annotations', () => {
  it('prints one escaped command per change and a summary', () => {
    const lines = renderReportGithub(report).trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=db/before.sql,line=7,title=TOY101 toy/field-removed::Field a removed. Deprecate first');
    expect(lines[1]).toBe('::notice file=db/after.sql,title=toy/field-added::Field b added. None');
    expect(lines[2]).toMatch(/^migration-architect: breaking_changes \(1 breaking/);
  });
});

describe('rule catalog docs', () => {
  it('lists every rule with code, severity, description and safe alternative', () => {
    const checker = registry.checker('kv')!;
    const page = renderRuleCatalogMarkdown(checker, ruleCatalog(registry, 'kv'));
    expect(page).toContain('| TOY101 | [field-removed](#toy101-field-removed) | breaking | Field removed |');
    expect(page).toContain('## TOY101 field-removed');
    expect(page).toContain('**Safe alternative:** Deprecate first.');
  });
});
