import { describe, expect, it } from 'vitest';
import {
  createPlan,
  createRegistry,
  createRunbook,
  fixedClock,
  markdownToHtml,
  renderDocument,
  renderPlanMarkdown,
  renderPlanText,
  renderRunbookMarkdown,
  type MigrationSpec,
} from '../src/index.js';
import { planningPlugin } from './fixtures/planning-plugin.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

const clock = fixedClock(new Date('2026-01-02T03:04:05Z'));
const registry = createRegistry([planningPlugin()]);
const spec = {
  type: 'crate',
  pattern: 'fork',
  source: 'Old yard',
  target: 'New yard',
  items: 60,
  feature_flags: [
    {
      name: 'new_doors',
      rollout_schedule: [
        { percentage: 10, duration_hours: 4 },
        { percentage: 100, duration_hours: 0 },
      ],
    },
  ],
  rollback_triggers: [{ metric: 'error_rate', threshold: 0.05, duration_minutes: 3, action: 'automatic_rollback' }],
  business_continuity: { preferred_migration_window: { start: '01:00', end: '03:00' } },
} as MigrationSpec;
const onCalendar = createPlan(registry, spec, { clock, start: new Date('2026-12-07T06:00Z') });
const relative = createPlan(registry, spec, { clock });

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}

describe('plan Markdown', () => {
  const markdown = renderPlanMarkdown(onCalendar);
  const [gantt, flow, quadrant] = mermaidBlocks(markdown);

  it('draws the schedule on the calendar: phases (critical path marked), the outage, and the rollout stages', () => {
    expect(gantt!.split('\n').slice(0, 5)).toEqual([
      'gantt',
      '    title Schedule from 2026-12-07 06h00 UTC',
      '    dateFormat YYYY-MM-DD HH:mm',
      '    axisFormat %m-%d %H:%M',
      '    section Phases',
    ]);
    expect(gantt).toContain('    prepare (10 h) :crit, p0, 2026-12-07 06:00, 2026-12-07 16:00');
    expect(gantt).toContain('    section Traffic stopped\n    Close the doors :crit, d0, 2026-12-08 01:00, 2026-12-08 01:30');
    expect(gantt).toContain('    section new_doors\n    10% :f0s0, 2026-12-07 17:30, 2026-12-07 21:30\n    100% :milestone, f0s1, 2026-12-07 21:30, 0d');
  });

  it('draws days from the start without --start', () => {
    const [relativeGantt] = mermaidBlocks(renderPlanMarkdown(relative));
    expect(relativeGantt).toContain('axisFormat day %j');
    expect(relativeGantt).toContain('    prepare (10 h) :crit, p0, 2000-01-01 00:00, 2000-01-01 10:00');
  });

  it('draws the phase flow with gates, the critical path, and a rollback path from every phase', () => {
    expect(flow).toContain('    p1 -->|"gate: 1 check(s)"| p2');
    expect(flow).toContain('    p1 -->|"gate: 1 check(s)"| p3');
    expect(flow).toContain('    p2 -.->|"error_rate > 0.05 for 3 min"| r2');
    expect(flow).toContain('    r2 -.-> r1');
    expect(flow).toContain('    r0 -.-> origin');
    expect(flow).toContain('    class p0,p1,p2 crit');
  });

  it('draws the risk matrix and names what raised each risk', () => {
    expect(quadrant!.split('\n')[0]).toBe('quadrantChart');
    expect(markdown).toContain('| Probability \\ impact | low | medium | high | critical |');
    const risky = createPlan(registry, { ...spec, target: 'Yard abroad' }, { clock });
    const text = renderPlanMarkdown(risky);
    expect(mermaidBlocks(text)[2]).toContain('    R1: [0.570, 0.320]');
    expect(text).toContain('| R1 | high | Customs | `target`: the crates leave the country |');
  });

  it('lists warnings, steps with their estimates, rollouts and assumptions', () => {
    expect(markdown).toContain('| 1 | Copy 60 crates | 60 min | 60 crates × 1 min | outside business hours | 2026-12-07 16:00 → 2026-12-07 17:00 |');
    expect(markdown).toContain('## Feature flag rollouts');
    expect(markdown).toContain('| crates_per_minute | 1 crates/min | default | Copy speed |');
    expect(renderPlanText(onCalendar)).toContain('     - Close the doors: 30 min [STOPS TRAFFIC] [2026-12-08 01:00 → 2026-12-08 01:30 UTC]');
  });
});

describe('runbook Markdown', () => {
  it('shows the triggers with their source and action, a rollback timeline, and the placeholders left to fill', () => {
    const markdown = renderRunbookMarkdown(createRunbook(registry, onCalendar, { clock }));
    expect(markdown).toContain('| error_rate > 0.05 | error_rate > 0.05 for 3 minutes → automatic_rollback | 3 | automatic_rollback | yes | spec |');
    expect(mermaidBlocks(markdown)[0]).toMatch(/^gantt\n {4}title Rollback, elapsed time from the decision/);
    expect(markdown).toContain('## Placeholders to fill');
    expect(markdown).toContain('| `{rollback_reason}` |');
  });
});

describe('HTML', () => {
  it("converts our Markdown: headings, tables, task lists, folded scripts, and Mermaid blocks for the page's Mermaid", () => {
    const html = markdownToHtml(
      [
        '# Plan `x1`',
        '',
        '| a | b |',
        '| --- | --- |',
        '| 1 \\| 2 | <script> |',
        '',
        '- [ ] do **this**',
        '- done',
        '',
        '```mermaid',
        'flowchart LR',
        '  a --> b',
        '```',
        '',
        '<details>',
        '<summary>SQL</summary>',
        '',
        '```sql',
        "SELECT '<b>';",
        '```',
        '',
        '</details>',
      ].join('\n'),
    );
    expect(html).toBe(
      [
        '<h1 id="plan-x1">Plan <code>x1</code></h1>',
        '<div class="table"><table>',
        '<thead><tr><th>a</th><th>b</th></tr></thead>',
        '<tbody><tr><td>1 | 2</td><td>&lt;script&gt;</td></tr></tbody>',
        '</table></div>',
        '<ul>',
        '<li><input type="checkbox" disabled> do <strong>this</strong>',
        '</li>',
        '<li>done',
        '</li>',
        '</ul>',
        '<pre class="mermaid">flowchart LR\n  a --&gt; b</pre>',
        '<details>',
        '<summary>SQL</summary>',
        '<pre><code class="language-sql">SELECT \'&lt;b&gt;\';</code></pre>',
        '</details>',
      ].join('\n'),
    );
  });

  it('writes a self-contained page: Mermaid inlined, nothing to fetch, diagrams as Mermaid blocks', () => {
    const page = renderDocument({ kind: 'plan', document: onCalendar }, 'html', { mermaidScript: 'window.mermaid = {}; // </script> inside' });
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(page).toContain('window.mermaid = {}; // <\\/script> inside');
    expect(page.match(/<pre class="mermaid">/g)).toHaveLength(3);
    expect(page).not.toMatch(/(src|href)="https?:/);
    const bare = renderDocument({ kind: 'runbook', document: createRunbook(registry, onCalendar, { clock }) }, 'html');
    expect(bare).toContain("document.body.dataset.rendered = 'no-mermaid'");
  });
});

describe('risks in the markdown plan', () => {
  it('shows a conditional risk answered with true by its condition, and only an unconditional one as every plan of the type', () => {
    const plan = createPlan(createRegistry([toyPlugin()]), { type: 'toy', source: 'a', target: 'b', constraints: { data_volume_gb: 50 } }, { clock });
    const rows = renderPlanMarkdown(plan)
      .split('\n')
      .filter((line) => line.includes('Toys get lost') || line.includes('Many toys'));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.includes('Many toys'))).toContain('| when constraints.data_volume_gb > 10 |');
    expect(rows.find((r) => r.includes('Toys get lost'))).toContain('| every plan of this type |');
  });
});
