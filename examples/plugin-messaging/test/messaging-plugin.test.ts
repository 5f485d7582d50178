import { createPlan, createRegistry, fixedClock } from '@migration-architect/core';
import { checkPluginConformance } from '@migration-architect/testkit';
import { describe, expect, it } from 'vitest';
import messaging from '../src/index.js';

describe('messaging plugin', () => {
  it('passes the conformance kit', async () => {
    expect(await checkPluginConformance(messaging())).toEqual([]);
  });

  it('validates its own options, naming the bad one', () => {
    expect(() => messaging({ dualPublishHours: -1 })).toThrowError(
      /^plugin "migration-architect-plugin-messaging": invalid option "dualPublishHours": Too small/,
    );
    expect(() => messaging({ retries: 3 } as never)).toThrowError('plugin "migration-architect-plugin-messaging": invalid option "retries": unknown option');
  });

  it('uses its options: the dual-publish window lengthens the plan', () => {
    const spec = { type: 'messaging', pattern: 'dual_publish', source: 'Kafka', target: 'Pulsar' };
    const clock = fixedClock(new Date(0));
    const short = createPlan(createRegistry([messaging({ dualPublishHours: 24 })]), spec, { clock });
    const long = createPlan(createRegistry([messaging({ dualPublishHours: 240 })]), spec, { clock });
    // 216 more base hours at the low-complexity multiplier (0.8).
    expect(long.estimated_duration_hours - short.estimated_duration_hours).toBe(Math.round(216 * 0.8));
  });
});
