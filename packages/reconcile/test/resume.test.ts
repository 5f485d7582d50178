import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile, type ProgressSink } from './engine.js';
import { sourceItems, targetItems, tempDir, writeSqliteItems } from './planted-data.js';

const tmp = tempDir();
const source = join(tmp.dir, 'source.db');
const target = join(tmp.dir, 'target.db');
const state = join(tmp.dir, 'state.json');

beforeAll(() => {
  writeSqliteItems(source, sourceItems());
  writeSqliteItems(target, sourceItems());
});
afterAll(() => tmp.cleanup());

const run = (extra: Partial<Parameters<typeof reconcile>[0]> = {}) => reconcile({ source, target, cwd: tmp.dir, tables: ['items'], resume: state, ...extra });

describe('--resume', () => {
  it('records the layout and every compared slab, and skips them when resumed', async () => {
    const first = await run();
    expect(first.report.summary.equal).toBe(true);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved).toMatchObject({ format: 'migration-architect-reconcile-state', complete: true });
    expect(Object.keys(saved.tables.items.slabs).length).toBeGreaterThan(0);

    // An interrupted run leaves the state incomplete; the target changes meanwhile.
    writeFileSync(state, JSON.stringify({ ...saved, complete: false }));
    const db = new Database(target);
    db.prepare('DELETE FROM items WHERE id = 4321').run();
    db.close();

    // Resumed: the slabs already compared are not hashed again, so the change there goes unseen...
    const resumed = await run();
    expect(resumed.report.tables[0]!.performance.source.queries).toBeLessThan(first.report.tables[0]!.performance.source.queries);
    expect(resumed.report.summary.equal).toBe(true);
    // ...while a complete state (or no state) starts afresh and sees it.
    const fresh = await run();
    expect(fresh.report.tables[0]!.differences.missing.map((d) => d.key.id)).toEqual(['4321']);
  });

  it('refuses a state file written for another comparison (64)', async () => {
    await run();
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    writeFileSync(state, JSON.stringify({ ...saved, complete: false }));
    await expect(run({ where: 'id > 10' })).rejects.toMatchObject({ exitCode: 64, message: expect.stringMatching(/another comparison/) });
    writeFileSync(state, '{"format": "something else"}');
    await expect(run()).rejects.toMatchObject({ exitCode: 65 });
  });

  it('reports progress as slabs complete', async () => {
    writeSqliteItems(join(tmp.dir, 'other.db'), targetItems());
    const events: number[] = [];
    const progress: ProgressSink = { start: (_table, total) => events.push(-total), advance: (rows) => events.push(rows), stop: () => {} };
    await reconcile({ source, target: join(tmp.dir, 'other.db'), cwd: tmp.dir, tables: ['items'], progress });
    expect(events[0]).toBe(-(5000 + 4999));
    expect(events.slice(1).reduce((a, b) => a + b, 0)).toBe(5000 + 4999);
  });
});
