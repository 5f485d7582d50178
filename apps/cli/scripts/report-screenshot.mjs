#!/usr/bin/env node
// Regenerates docs/images/plan-report.png: the HTML plan of examples/cross_region_database_move.json, in Debian's
// headless Chromium. Run after `pnpm build`: node apps/cli/scripts/report-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'ma-shot-'));
const html = join(dir, 'plan.html');
execFileSync(
  process.execPath,
  [
    join(root, 'apps/cli/dist/bin.js'),
    'plan',
    join(root, 'examples/cross_region_database_move.json'),
    '--start',
    '2026-12-05T09:00Z',
    '--format',
    'html',
    '-o',
    html,
  ],
  {
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
    stdio: 'inherit',
  },
);
const executablePath = execFileSync('bash', [join(root, 'scripts/chromium/ensure-chromium.sh')], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(`file://${html}`);
  await page.waitForFunction(() => document.body.dataset.rendered === 'true', null, { timeout: 60_000 });
  const out = join(root, 'docs/images/plan-report.png');
  mkdirSync(dirname(out), { recursive: true });
  // The summary, the Gantt chart and the phase flow.
  const flowBottom = await page.evaluate(() => {
    const flow = document.querySelectorAll('pre.mermaid')[1];
    return Math.ceil(flow.getBoundingClientRect().bottom + window.scrollY + 16);
  });
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1280, height: Math.min(flowBottom, 2400) }, fullPage: true });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
