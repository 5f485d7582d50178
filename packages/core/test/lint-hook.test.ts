import { describe, expect, it } from 'vitest';
import {
  checkCompatibility,
  CompatibilityReportSchema,
  createRegistry,
  definePlugin,
  exitCodeForReport,
  fixedClock,
  UnknownLintRuleError,
  type AcceptanceEntry,
  type CheckerAcceptance,
  type InlineAcceptance,
  type LintFinding,
  type MigrationArchitectPlugin,
  type SchemaChange,
} from '../src/index.js';

/*
 * A third-party checker over "script" files: one `set NAME TYPE` or `drop NAME` per line, applied
 * to a before file of the same form. `drop` lines are linted (rule `drop-statement`), and a
 * `# accept CODE: reason` line accepts the findings of the line after it, as SQL's
 * `-- migration-architect-ignore` does. Everything about rules and acceptance is core's.
 */
type Model = Map<string, string>;

function readScript(text: string, file: string, base: Model = new Map()) {
  const model = new Map(base);
  const lints: LintFinding[] = [];
  const acceptances: InlineAcceptance[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const accept = /^# accept (\w+): (.*)$/.exec(raw);
    if (accept) {
      const writtenAt = { file, line };
      acceptances.push({
        rule: accept[1]!,
        reason: accept[2]!,
        location: { file, line: line + 1 },
        writtenAt,
        unmatched: { rule: 'stale-accept', path: `lines.${line}`, subject: raw, location: writtenAt },
      });
    }
    const [verb, name, type] = raw.split(' ');
    if (verb === 'set') model.set(name!, type!);
    if (verb === 'drop') {
      model.delete(name!);
      lints.push({ rule: 'drop-statement', path: `lines.${line}`, subject: raw, location: { line }, details: { name } });
    }
  });
  return { model, lints, acceptances };
}

function diff(before: Model, after: Model): SchemaChange[] {
  return [...after].filter(([name]) => !before.has(name)).map(([name, type]) => ({ kind: 'field.added', path: `fields.${name}`, subject: name, after: type }));
}

const outcome = (description: string) => ({ description, impact: '', suggestedMigration: '', affectedOperations: [] });

function scriptPlugin(options: { acceptances?: CheckerAcceptance[]; lintRule?: string } = {}): MigrationArchitectPlugin {
  return definePlugin({
    apiVersion: 2,
    meta: { name: 'acme-script-plugin', version: '1.0.0', namespace: 'script' },
    checkers: [
      {
        id: 'script',
        title: 'Script files',
        description: 'Fields set and dropped by script lines',
        changeKinds: ['field.added', 'line.drop', 'line.stale_accept'],
        diff,
        ...(options.acceptances ? { acceptances: options.acceptances } : {}),
        applyMigration: async (before, input) => {
          const read = readScript(await input.text(), input.name, before.model as Model);
          const lints = options.lintRule ? read.lints.map((lint) => ({ ...lint, rule: options.lintRule! })) : read.lints;
          return { model: read.model, dialect: null, lints, acceptances: read.acceptances };
        },
        rules: [
          {
            id: 'field-added',
            code: 'SC100',
            issueType: 'field_added',
            change: 'field.added',
            severity: 'additive',
            title: 'Field added',
            description: 'A new field.',
            safeAlternative: 'None needed.',
            classify: (change) => outcome(`field ${change.subject} added`),
          },
          {
            id: 'drop-statement',
            code: 'SC200',
            issueType: 'drop_statement',
            change: 'line.drop',
            severity: 'breaking',
            title: 'Field dropped',
            description: 'Readers of the field fail.',
            safeAlternative: 'Stop reading it first.',
            // A lint reaches its rule by id: core hands it over as a change of the rule's kind.
            classify: (change) => outcome(`${change.kind} at line ${change.location?.line}: drops ${String(change.details?.name)}`),
          },
          {
            id: 'stale-accept',
            code: 'SC299',
            issueType: 'stale_accept',
            change: 'line.stale_accept',
            severity: 'non_breaking',
            title: 'Acceptance that accepts nothing',
            description: 'A stale comment.',
            safeAlternative: 'Remove it.',
            classify: (change) => outcome(`stale: ${change.subject}`),
          },
        ],
      },
    ],
    sources: [
      {
        id: 'script',
        checker: 'script',
        title: 'Script',
        description: 'set/drop lines',
        read: async (input) => ({ model: readScript(await input.text(), input.name).model, dialect: null }),
      },
    ],
  });
}

const clock = fixedClock(new Date('2026-06-15T12:00:00Z'));
const before = { name: 'base.script', document: 'set a int\nset b int\nset c int' };
const migration = (text: string) => ({ name: '0002.script', document: text });
const ledger = (entries: Partial<AcceptanceEntry>[]) =>
  entries.map((entry, i) => ({
    entry: { reason: 'known', accepted_by: 'ada', expires: '2026-12-31', rule: 'SC200', ...entry } as AcceptanceEntry,
    writtenIn: `migration-architect.accepted.yaml, entry #${i + 1}`,
  }));

describe('the lint hook: findings on statements, classified by core with the rule they name', () => {
  const registry = createRegistry([scriptPlugin()]);
  const check = (text: string, accepted?: ReturnType<typeof ledger>) =>
    checkCompatibility(registry, { type: 'script', before, migration: migration(text), clock, ...(accepted ? { accepted } : {}) });

  it('places each lint at its file and line, beside the changes the diff reports', async () => {
    const report = await check('set d int\ndrop a');
    expect(CompatibilityReportSchema.parse(report)).toEqual(report);
    expect(report.issues.map((i) => [i.rule, i.code, i.severity, i.location, i.field_path, i.description])).toEqual([
      ['script/field-added', 'SC100', 'additive', { file: '0002.script' }, 'fields.d', 'field d added'],
      ['script/drop-statement', 'SC200', 'breaking', { file: '0002.script', line: 2 }, 'lines.2', 'line.drop at line 2: drops a'],
    ]);
    expect(report.acceptance).toBeUndefined();
    expect(exitCodeForReport(report)).toBe(2);
  });

  it('applies rule overrides to lints like to any finding', async () => {
    const report = await checkCompatibility(registry, {
      type: 'script',
      before,
      migration: migration('drop a'),
      clock,
      ruleOverrides: { 'script/drop-statement': 'non_breaking' },
    });
    expect(report.issues.map((i) => [i.rule, i.severity])).toEqual([['script/drop-statement', 'non_breaking']]);
  });

  it('applies inline acceptances as entries: what they accepted is reported, a stale one is a finding of its own rule', async () => {
    const report = await check('# accept SC200: b is read by nobody since 2024\ndrop b\n# accept SC200: meant for the drop below\nset e int\ndrop c');
    expect(report.issues.map((i) => [i.rule, i.location?.line])).toEqual([
      ['script/field-added', undefined],
      ['script/drop-statement', 5],
      ['script/stale-accept', 3],
    ]);
    expect(report.acceptance).toEqual({
      accepted: [
        {
          entry: { rule: 'SC200', location: '0002.script:2', reason: 'b is read by nobody since 2024', written_in: '0002.script:1' },
          issue: expect.objectContaining({ rule: 'script/drop-statement', field_path: 'lines.2' }),
        },
      ],
      expired: [],
      unmatched: [{ rule: 'SC200', location: '0002.script:4', reason: 'meant for the drop below', written_in: '0002.script:3' }],
    });
  });

  it('applies the ledger in the same pass: accepted, expired (exit 2, named) and unmatched entries', async () => {
    const report = await check(
      'drop a\ndrop b',
      ledger([
        { rule: 'script/drop-statement', location: '0002.script:1', reason: 'a was never read' },
        { rule: 'SC200', subject: 'lines.2', expires: '2026-06-14' },
        { rule: 'SC100' },
      ]),
    );
    expect(report.issues.map((i) => i.field_path)).toEqual(['lines.2']);
    expect(report.acceptance?.accepted.map((a) => [a.entry.written_in, a.entry.reason, a.issue.field_path])).toEqual([
      ['migration-architect.accepted.yaml, entry #1', 'a was never read', 'lines.1'],
    ]);
    expect(report.acceptance?.expired.map((e) => [e.written_in, e.expires, e.accepted_by])).toEqual([
      ['migration-architect.accepted.yaml, entry #2', '2026-06-14', 'ada'],
    ]);
    expect(report.acceptance?.unmatched.map((e) => e.written_in)).toEqual(['migration-architect.accepted.yaml, entry #3']);
    // The expired entry fails on its own, even once the finding it was for is gone.
    const clean = await check('set d int', ledger([{ rule: 'SC200', expires: '2026-06-14' }]));
    expect(clean.issues.map((i) => i.severity)).toEqual(['additive']);
    expect(exitCodeForReport(clean)).toBe(2);
    expect(exitCodeForReport(clean, 'none')).toBe(0);
  });

  it('an entry is valid through its expiry day', async () => {
    const report = await check('drop a', ledger([{ expires: '2026-06-15' }]));
    expect([report.issues.length, report.acceptance?.accepted.length, report.acceptance?.expired.length]).toEqual([0, 1, 0]);
  });

  it("applies a checker's own acceptances (a plugin option kept for compatibility) with the ledger", async () => {
    const withOption = createRegistry([
      scriptPlugin({
        acceptances: [
          { rule: 'drop-statement', reason: 'from the plugin option', writtenIn: 'script({ ignore })', accepts: ({ change }) => change.details?.name === 'b' },
        ],
      }),
    ]);
    const report = await checkCompatibility(withOption, { type: 'script', before, migration: migration('drop a\ndrop b'), clock });
    expect(report.issues.map((i) => i.field_path)).toEqual(['lines.1']);
    expect(report.acceptance?.accepted.map((a) => [a.entry.rule, a.entry.written_in, a.issue.field_path])).toEqual([
      ['drop-statement', 'script({ ignore })', 'lines.2'],
    ]);
  });

  it('a lint naming a rule its checker does not have is a bug in the plugin: exit 70, naming plugin, checker and rule', async () => {
    const broken = createRegistry([scriptPlugin({ lintRule: 'no-such-rule' })]);
    const error = await checkCompatibility(broken, { type: 'script', before, migration: migration('drop a'), clock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownLintRuleError);
    expect((error as UnknownLintRuleError).exitCode).toBe(70);
    expect((error as Error).message).toBe(
      'plugin "acme-script-plugin": checker "script" reported a lint at lines.1 for rule "no-such-rule", which is not one of its rules',
    );
  });
});
