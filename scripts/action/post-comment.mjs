#!/usr/bin/env node
// The GitHub Action's comment step: creates the gate's pull-request comment once, then updates
// that same comment on every run (found by the marker the Markdown starts with). Reads the event
// payload the runner writes (GITHUB_EVENT_PATH); talks to GITHUB_API_URL with GITHUB_TOKEN.
// Prints what it did, never the token.
import { readFileSync } from 'node:fs';

const MARKER = '<!-- migration-architect-gate -->';

function fail(message) {
  console.error(`migration-architect action: ${message}`);
  process.exit(1);
}

const env = process.env;
const file = process.argv[2];
if (!file) fail('usage: post-comment.mjs <comment.md>');
const token = env.GITHUB_TOKEN;
const api = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, '');
const repository = env.GITHUB_REPOSITORY;
let event;
try {
  event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8'));
} catch {
  fail(`cannot read the event payload (GITHUB_EVENT_PATH=${env.GITHUB_EVENT_PATH ?? ''})`);
}
const number = event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
if (number === undefined) {
  console.log('migration-architect action: not a pull request event; no comment posted');
  process.exit(0);
}
if (!token) fail('no token: give the action a token (default: github.token) to post the comment');
if (!repository) fail('GITHUB_REPOSITORY is not set');
const body = readFileSync(file, 'utf8');

async function call(method, path, payload) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'migration-architect-action',
      ...(payload ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload ? { body: JSON.stringify(payload) } : {}),
  });
  const text = await response.text();
  if (!response.ok) {
    let message = text.slice(0, 200);
    try {
      message = JSON.parse(text).message ?? message;
    } catch {}
    fail(`${method} ${path} answered ${response.status}: ${message.replaceAll(token, '***')}`);
  }
  return text ? JSON.parse(text) : null;
}

/** The gate's earlier comment on this pull request, if any: pages through the comments. */
async function existingComment() {
  for (let page = 1; page <= 50; page++) {
    const comments = await call('GET', `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`);
    const found = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(MARKER));
    if (found) return found;
    if (comments.length < 100) return null;
  }
  return null;
}

const existing = await existingComment();
if (existing) {
  await call('PATCH', `/repos/${repository}/issues/comments/${existing.id}`, { body });
  console.log(`migration-architect action: updated comment ${existing.id} on #${number}`);
} else {
  const created = await call('POST', `/repos/${repository}/issues/${number}/comments`, { body });
  console.log(`migration-architect action: created comment ${created.id} on #${number}`);
}
