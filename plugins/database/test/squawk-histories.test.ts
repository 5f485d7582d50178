import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkCompatibility, createRegistry } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { createDatabasePlugin, dbmateSections, migrationSeries } from '../src/index.js';
import { compareWithSquawk, squawkFindings } from './squawk-differential.js';
import { tempDir } from './temp-dir.js';

/**
 * Squawk agreement measured on real migration histories, a longer run outside `pnpm test`
 * (docs/testing.md): SQUAWK_HISTORIES names a folder of projects laid out as
 * scripts/corpus/measure-migration-histories.mjs reads them (`<project>/migrations/…`). For each
 * project's last SQUAWK_LAST (8) migrations, the file is linted against the schema its earlier
 * migrations make, and each of Squawk's findings is sorted as squawk-differential.ts sorts them.
 * SQUAWK_DETAILS writes every finding, one line each.
 */
const root = process.env['SQUAWK_HISTORIES'];
const last = Number(process.env['SQUAWK_LAST'] ?? 8);
const registry = createRegistry([createDatabasePlugin()]);

const upSection = (text: string) => {
  if (/^--\s*migrate:up\b/m.test(text)) return dbmateSections(text).up;
  const down = /^--\s*\+(?:goose|migrate)\s+down\b/im.exec(text);
  return down ? text.slice(0, down.index) : text;
};

describe.runIf(root)('Squawk agreement on real migration histories', () => {
  it('sorts every Squawk finding: matched, explained, left to Squawk, or a gap', { timeout: 3_600_000 }, async () => {
    const scratch = tempDir();
    const rows: string[] = [];
    const details: string[] = [];
    const totals = { files: 0, findings: 0, matched: 0, explained: 0, notOurs: 0, unmatched: 0 };
    for (const project of readdirSync(root!).sort()) {
      const folder = join(root!, project, 'migrations');
      if (!existsSync(folder)) continue;
      const paths = readdirSync(folder, { recursive: true })
        .map((f) => join(folder, String(f)))
        .filter((f) => statSync(f).isFile())
        .map((f) => relative(folder, f));
      const series = migrationSeries(paths, (p) => readFileSync(join(folder, p), 'utf8')).sort((a, b) => b.migrations.length - a.migrations.length)[0];
      if (!series) continue;
      const row = { files: 0, findings: 0, matched: 0, explained: 0, notOurs: 0, unmatched: 0 };
      let before = '';
      for (const [index, migration] of series.migrations.entries()) {
        const up = upSection(readFileSync(join(folder, migration.up), 'utf8'));
        if (index >= series.migrations.length - last) {
          const file = join(scratch, `${project}-${index}.sql`);
          writeFileSync(file, up);
          const report = await checkCompatibility(registry, {
            type: 'database',
            before: { name: 'before.sql', document: before },
            migration: { name: file, document: up },
          }).catch(() => null);
          const theirs = squawkFindings(file);
          if (report) {
            const sorted = await compareWithSquawk(registry, up, theirs, report);
            row.files++;
            row.findings += theirs.length;
            for (const key of ['matched', 'explained', 'notOurs', 'unmatched'] as const) {
              row[key] += sorted[key].length;
              for (const entry of sorted[key]) details.push(`${project} ${migration.up} ${key}: ${entry}`);
            }
          } else details.push(`${project} ${migration.up}: not read`);
        }
        before += `${up}\n;\n`;
      }
      rows.push(`| ${project} | ${row.files} | ${row.findings} | ${row.matched} | ${row.explained} | ${row.notOurs} | ${row.unmatched} |`);
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
    }
    const table = [
      '| project | files | Squawk findings | matched | explained | type preferences | gaps |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      `| total | ${totals.files} | ${totals.findings} | ${totals.matched} | ${totals.explained} | ${totals.notOurs} | ${totals.unmatched} |`,
    ];
    console.log(table.join('\n'));
    if (process.env['SQUAWK_DETAILS']) writeFileSync(process.env['SQUAWK_DETAILS'], `${details.join('\n')}\n`);
    expect(totals.files).toBeGreaterThan(0);
  });
});
