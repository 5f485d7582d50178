/// <reference lib="dom" />
// Functions passed to page.evaluate run in the page: they see the DOM.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './harness.js';

/** Flags for a quiet, offline-friendly headless Chromium in a container. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, installed by the script when missing. */
export function chromiumPath(): string {
  return execFileSync('bash', [join(repoRoot, 'scripts/chromium/ensure-chromium.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

export interface OpenedReport {
  page: Page;
  /** Every request that was not for the file itself: must stay empty. */
  network: string[];
  errors: string[];
}

/** Opens a report file with every network request refused and recorded, and waits for its diagrams. */
export async function openReport(browser: Browser, file: string): Promise<OpenedReport> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const network: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `file://${file}`) return route.continue();
    network.push(url);
    return route.abort();
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`file://${file}`);
  await page.waitForFunction(() => document.body.dataset['rendered'], null, { timeout: 60_000 });
  return { page, network, errors };
}
