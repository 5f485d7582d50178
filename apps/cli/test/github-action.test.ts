import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
// @ts-expect-error: a plain ES module shared with the bench script (no types).
import { commit, GRAPHQL_BASE, initRepo, OPENAPI_BASE, write } from '../../../tooling/gate/history-repo.mjs';
import { runCompositeAction } from './composite-action-runner.js';
import { fixtures, repoRoot, tempDir } from './harness.js';

const TOKEN = 'ghs_testtoken0123456789abcdefABCDEF';

interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** A stand-in for api.github.com that records every request and answers with the comments it holds. */
async function fakeGithub(existing: { id: number; body: string }[]) {
  const requests: Recorded[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => resolve(data));
    });
  const server = createServer(async (req, res) => {
    const text = await read(req);
    requests.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body: text ? JSON.parse(text) : undefined });
    res.setHeader('content-type', 'application/json');
    if (!req.url!.startsWith('/repos/acme/accounts/')) return res.writeHead(404).end('{"message":"Not Found"}');
    if (req.method === 'GET') return res.end(JSON.stringify([{ id: 1, body: 'Looks good to me', user: { login: 'bob' } }, ...existing]));
    if (req.method === 'POST') return res.writeHead(201).end(JSON.stringify({ id: 99 }));
    if (req.method === 'PATCH') return res.end(JSON.stringify({ id: Number(req.url!.split('/').pop()) }));
    res.writeHead(404).end('{"message":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => void server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

function apiBranch(): string {
  const dir = tempDir();
  initRepo(dir);
  write(dir, 'api/openapi.yaml', OPENAPI_BASE);
  write(dir, 'api/schema.graphql', GRAPHQL_BASE);
  commit(dir, 'api');
  execFileSync('git', ['checkout', '-q', '-b', 'feature'], { cwd: dir });
  write(dir, 'api/schema.graphql', GRAPHQL_BASE.replace('plan: String', 'plan: Int'));
  commit(dir, 'plan is a number');
  return dir;
}

function runAction(workspace: string, api: string, event: string, inputs: Record<string, string> = {}) {
  const temp = tempDir();
  const eventPath = join(temp, 'event.json');
  copyFileSync(join(fixtures, 'action', event), eventPath);
  return runCompositeAction({
    actionPath: repoRoot,
    workspace,
    temp,
    inputs,
    github: { action_path: repoRoot, token: TOKEN },
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_EVENT_NAME: event.startsWith('pull') ? 'pull_request' : 'push',
      GITHUB_REPOSITORY: 'acme/accounts',
      GITHUB_API_URL: api,
      GITHUB_BASE_REF: event.startsWith('pull') ? 'main' : '',
      NO_COLOR: '1',
    },
  });
}

describe('the GitHub Action, run as a runner runs its steps', () => {
  it('creates the comment once, annotates, writes SARIF, and fails the job with the gate’s code', async () => {
    const github = await fakeGithub([]);
    const workspace = apiBranch();
    const run = await runAction(workspace, github.url, 'pull-request-synchronize.json');
    expect(run.code).toBe(2);
    expect(run.outputs.gate).toEqual({ 'exit-code': '2', sarif: 'migration-architect.sarif' });
    expect(run.log).toContain(
      "::error file=api/schema.graphql,line=9,title=service/field-type-changed::Field 'Account.plan' changed type from 'String' to 'Int'.",
    );
    expect(run.log).toContain('migration-architect action: created comment 99 on #42');
    expect(run.log).not.toContain(TOKEN);
    expect(JSON.parse(readFileSync(join(workspace, 'migration-architect.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(github.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /repos/acme/accounts/issues/42/comments?per_page=100&page=1',
      'POST /repos/acme/accounts/issues/42/comments',
    ]);
    expect(github.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const body = (github.requests[1]!.body as { body: string }).body;
    expect(body.startsWith('<!-- migration-architect-gate -->\n## ❌ Migration Architect gate: breaking changes')).toBe(true);
    expect(body).toContain('| `api/schema.graphql` | schema | graphql | ❌ breaking | 1 | 0 | 0 |');
  });

  it('updates its own comment in place on the next run', async () => {
    const github = await fakeGithub([{ id: 7, body: '<!-- migration-architect-gate -->\n## old report' }]);
    const run = await runAction(apiBranch(), github.url, 'pull-request-synchronize.json', { 'fail-on': 'none' });
    expect(run.code).toBe(0);
    expect(run.log).toContain('migration-architect action: updated comment 7 on #42');
    expect(github.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /repos/acme/accounts/issues/42/comments?per_page=100&page=1',
      'PATCH /repos/acme/accounts/issues/comments/7',
    ]);
  });

  it('posts nothing outside pull requests, and never prints the token when the API refuses it', async () => {
    const github = await fakeGithub([]);
    const push = await runAction(apiBranch(), github.url, 'push.json', { base: 'main', 'fail-on': 'none' });
    expect(push.code).toBe(0);
    expect(push.log).toContain('not a pull request event; no comment posted');
    expect(github.requests).toEqual([]);

    // The API answers 404 (wrong URL, or a token without access): the message, never the token.
    const refused = await runAction(apiBranch(), `${github.url}/nowhere`, 'pull-request-synchronize.json');
    expect(refused.code).toBe(1);
    expect(refused.log).toContain('answered 404: Not Found');
    expect(refused.log).not.toContain(TOKEN);
    expect(existsSync(join(repoRoot, 'migration-architect.sarif'))).toBe(false);
  });
});
