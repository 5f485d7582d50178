/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the page: they see the DOM.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openReport } from './browser.js';
import { examples, fixtures, spawnCli, tempDir } from './harness.js';

/**
 * `--format html` opened in a real headless Chromium (Debian's, installed by
 * scripts/chromium/ensure-chromium.sh when missing): the page must draw every diagram from the
 * Mermaid inlined in it, with every network request refused.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
});

function diagrams() {
  return [...document.querySelectorAll('pre.mermaid')].map((pre) => ({
    svg: pre.querySelector('svg') !== null,
    text: pre.textContent ?? '',
    type: pre.querySelector('svg')?.getAttribute('aria-roledescription') ?? null,
  }));
}

describe('HTML reports in a browser', () => {
  it('the plan draws its schedule, phase flow and risk matrix offline', async () => {
    const dir = tempDir();
    const file = join(dir, 'plan.html');
    const run = spawnCli(['plan', join(fixtures, 'specs', 'cross-region-database-move.json'), '--start', '2026-12-05T09:00Z', '--format', 'html', '-o', file]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/cdn/i);
    const { page, network, errors } = await openReport(browser, file);
    expect(await page.evaluate(() => document.body.dataset['rendered'])).toBe('true');
    const drawn = await page.evaluate(diagrams);
    expect(drawn.map((d) => [d.svg, d.type])).toEqual([
      [true, 'gantt'],
      [true, 'flowchart-v2'],
      [true, 'quadrantChart'],
    ]);
    for (const d of drawn) expect(d.text).not.toMatch(/Syntax error/i);
    expect(drawn[0]!.text).toContain('cutover (1.75 h)');
    expect(drawn[1]!.text).toContain('roll back bulk_copy');
    expect(drawn[2]!.text).toContain('R1');
    expect(await page.locator('h2#risks').count()).toBe(1);
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('the runbook draws its rollback timeline offline', async () => {
    const dir = tempDir();
    const planFile = join(dir, 'plan.json');
    expect(spawnCli(['plan', join(examples, 'sample_service_migration.json'), '-o', planFile]).code).toBe(0);
    const file = join(dir, 'runbook.html');
    const run = spawnCli(['rollback', planFile, '--format', 'html', '-o', file]);
    expect(run.code, run.stderr).toBe(0);
    const { page, network, errors } = await openReport(browser, file);
    const drawn = await page.evaluate(diagrams);
    expect(drawn.map((d) => [d.svg, d.type])).toEqual([[true, 'gantt']]);
    expect(drawn[0]!.text).toContain('rollback_gradual_migration');
    expect(await page.locator('text=error_rate > 0.1 for 5 minutes → automatic_rollback').count()).toBeGreaterThan(0);
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
