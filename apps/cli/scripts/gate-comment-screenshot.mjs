#!/usr/bin/env node
// Regenerates docs/images/gate-comment.png: the gate's pull-request comment from the end-to-end
// test (apps/cli/test/golden/gate/comment.md), rendered to HTML by markdown-it (GitHub-flavoured:
// tables, raw <details>/<summary>/<sub>, autolinks) and styled with GitHub's own Markdown
// stylesheet (npm github-markdown-css, light theme), in the headless Chromium the HTML tests use.
// It is not captured from github.com (unreachable from here): the comment frame around the body is
// drawn to look like GitHub's, the body is GitHub's CSS.
// A dev script, not part of `pnpm test`. Run after `pnpm build`: node apps/cli/scripts/gate-comment-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);
const githubCss = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');

// GitHub renders comments with raw HTML allowed (details, summary, sub) and bare URLs linked.
const markdown = readFileSync(join(root, 'apps/cli/test/golden/gate/comment.md'), 'utf8').replaceAll('<version>', '0.1.0');
const body = new MarkdownIt({ html: true, linkify: true }).render(markdown);

// Only the frame of a GitHub comment (avatar row, border) is drawn here; the body is GitHub's stylesheet.
const frame = `
  body { margin: 0; padding: 24px; background: #fff; }
  .comment { max-width: 1100px; border: 1px solid #d1d9e0; border-radius: 6px; }
  .head { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0;
    font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #59636e; }
  .head b { color: #1f2328; }
  .markdown-body { padding: 16px; }
`;
const html = `<!doctype html><meta charset="utf-8"><style>${githubCss}</style><style>${frame}</style>
<div class="comment"><div class="head"><b>github-actions</b> bot commented</div><div class="markdown-body">${body}</div></div>`;

const dir = mkdtempSync(join(tmpdir(), 'ma-shot-'));
const file = join(dir, 'comment.html');
writeFileSync(file, html);
const executablePath = execFileSync('bash', [join(root, 'scripts/chromium/ensure-chromium.sh')], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1150, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(`file://${file}`);
  // Open the sections a reviewer would click: the findings of the Terraform plan and of the manifests.
  const opened = await page.evaluate(() => {
    const names = [];
    for (const details of document.querySelectorAll('details')) {
      const summary = details.querySelector('summary')?.textContent ?? '';
      if (/plan\.json|deploy\/k8s\/accounts\.yaml/.test(summary)) {
        details.setAttribute('open', '');
        names.push(summary.trim());
      }
    }
    return names;
  });
  const out = join(root, 'docs/images/gate-comment.png');
  const height = await page.evaluate(() => Math.ceil(document.querySelector('.comment').getBoundingClientRect().bottom + 24));
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1150, height: Math.min(height, 2400) }, fullPage: true });
  process.stdout.write(`wrote ${out} (opened: ${opened.join('; ') || 'none'})\n`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
