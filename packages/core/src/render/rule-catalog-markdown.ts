import type { RuleSummary } from '../rule-catalog/rule-catalog.js';
import { codeBlock, table } from './markdown-layout.js';

const SEVERITY_LABEL: Record<string, string> = {
  breaking: 'breaking',
  potentially_breaking: 'potentially breaking',
  non_breaking: 'non-breaking',
  additive: 'additive',
};

function example(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** The rule catalog of one checker as a docs page: a table, then one section per rule. */
export function renderRuleCatalogMarkdown(checker: { id: string; title: string; description: string }, rules: RuleSummary[]): string {
  const heading = (r: RuleSummary) => (r.code ? `${r.code} ${r.slug}` : r.slug);
  const out: string[] = [
    `# ${checker.title}: rules (\`check --type ${checker.id}\`)`,
    '',
    '<!-- Generated from the rules themselves: `migration-architect rules --type ' + checker.id + ' --format markdown`. Do not edit by hand. -->',
    '',
    checker.description,
    '',
    `${rules.length} rules. Severity is the default; a config file can change it per rule or turn a rule off (\`rules: { "${rules[0]?.id ?? 'namespace/rule'}": "off" }\`).`,
    '',
    ...table(
      ['Code', 'Rule', 'Severity', 'What it catches'],
      rules.map((r) => [
        r.code ?? '',
        `[${r.slug}](#${heading(r)
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-')})`,
        SEVERITY_LABEL[r.severity],
        r.title,
      ]),
    ),
    '',
  ];
  for (const r of rules) {
    out.push(
      `## ${heading(r)}`,
      '',
      `**${r.title}** — ${SEVERITY_LABEL[r.severity]} by default; reported as \`${r.id}\`, issue type \`${r.issueType}\`.`,
      '',
      r.description,
      '',
      `**Safe alternative:** ${r.safeAlternative}`,
      '',
      ...(r.rollback ? [`**Rollback:** ${r.rollback}`, ''] : []),
    );
    const [first] = r.examples;
    // Examples are shown when they are short enough to read; whole-schema examples are not.
    if (first && first.after === undefined && example(first.before).length < 1600) {
      // One input read as a change set (a Terraform plan).
      out.push(
        `<details><summary>Example${first.name ? `: ${first.name}` : ''}</summary>`,
        '',
        'Input (one change set: `check <file>`):',
        '',
        ...codeBlock(example(first.before), 'json'),
        '',
        '</details>',
        '',
      );
    } else if (first && first.after !== undefined && example(first.before).length + example(first.after).length < 1600) {
      const lang = typeof first.before !== 'string' ? 'json' : /\.ya?ml$/i.test(first.fileName ?? '') ? 'yaml' : 'sql';
      out.push(
        `<details><summary>Example${first.name ? `: ${first.name}` : ''}</summary>`,
        '',
        'Before:',
        '',
        ...codeBlock(example(first.before), lang),
        '',
        first.migration ? 'Migration file (`check --before … --migration …`):' : 'After:',
        '',
        ...codeBlock(example(first.after), lang),
        '',
        '</details>',
        '',
      );
    }
  }
  return out.join('\n');
}
