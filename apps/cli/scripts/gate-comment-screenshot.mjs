#!/usr/bin/env node
// Regenerates docs/images/gate-comment.png: the gate's pull-request comment from the end-to-end
// test (apps/cli/test/golden/gate/comment.md), laid out with GitHub's comment styles (approximated:
// its font stack, table borders, code and details), in Debian's headless Chromium.
// Run after `pnpm build`: node apps/cli/scripts/gate-comment-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownToHtml } from '@migration-architect/core';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// GitHub hides the HTML comment (the marker) and renders _emphasis_ and <sub>: done by hand here,
// since markdownToHtml only knows the Markdown our other renderers write.
const markdown = readFileSync(join(root, 'apps/cli/test/golden/gate/comment.md'), 'utf8')
  .replace('<version>', '0.1.0')
  .replace(/^<!--.*-->\n/, '');
const github = (html) => html.replace(/&lt;sub&gt;(.*?)&lt;\/sub&gt;/g, '<sub>$1</sub>').replace(/(^|[\s>])_([^_<][^<]*?)_(?=[\s<])/g, '$1<em>$2</em>');
const css = `
  body { margin: 0; padding: 24px; background: #f6f8fa; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
  .comment { max-width: 980px; border: 1px solid #d1d9e0; border-radius: 6px; background: #fff; }
  .head { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; color: #59636e; }
  .head b { color: #1f2328; }
  .body { padding: 16px; }
  h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin-top: 0; }
  table { border-collapse: collapse; margin: 0 0 16px; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  tr:nth-child(2n) { background: #f6f8fa; }
  code { background: rgba(129,139,152,.12); border-radius: 6px; padding: .2em .4em; font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; }
  details { margin: 0 0 16px; } summary { cursor: pointer; }
  sub { color: #59636e; }
`;
const html = `<!doctype html><meta charset="utf-8"><style>${css}</style><div class="comment"><div class="head"><b>github-actions</b> bot commented</div><div class="body">${github(markdownToHtml(markdown))}</div></div>`;
const dir = mkdtempSync(join(tmpdir(), 'ma-shot-'));
const file = join(dir, 'comment.html');
writeFileSync(file, html);
const executablePath = execFileSync('bash', [join(root, 'scripts/chromium/ensure-chromium.sh')], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1030, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(`file://${file}`);
  // The first input's findings open, as a reviewer would click them.
  await page.evaluate(() => document.querySelectorAll('details')[2]?.setAttribute('open', ''));
  const out = join(root, 'docs/images/gate-comment.png');
  const box = await page.evaluate(() => {
    const r = document.querySelector('.comment').getBoundingClientRect();
    return { height: Math.ceil(r.bottom + 24) };
  });
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1030, height: Math.min(box.height, 2000) }, fullPage: true });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
