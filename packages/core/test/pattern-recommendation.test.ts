import { describe, expect, it } from 'vitest';
import { createRegistry, downtimeToleranceOf, recommendPatterns } from '../src/index.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

const plugin = toyPlugin();
plugin.patterns = [
  {
    ...plugin.patterns![0]!,
    id: 'careful',
    recommendedWhen: [{ complexity: ['high', 'critical'], downtime: ['zero'], reason: 'Careful keeps toys available' }],
  },
  { ...plugin.patterns![0]!, id: 'quick', recommendedWhen: [{ complexity: ['low'], downtime: ['some'], reason: 'Quick is fine with a window' }] },
];
const registry = createRegistry([plugin]);

describe('pattern recommendation', () => {
  it('buckets downtime as the selection matrix does', () => {
    expect(downtimeToleranceOf(0)).toBe('zero');
    expect(downtimeToleranceOf(59)).toBe('zero');
    expect(downtimeToleranceOf(60)).toBe('some');
    expect(downtimeToleranceOf(undefined)).toBe('some');
  });

  it('returns the exact row with its reason', () => {
    const [first, ...rest] = recommendPatterns(registry, { type: 'toy', complexity: 'critical', downtime: 'zero' });
    expect(first).toMatchObject({ match: 'exact', reason: 'Careful keeps toys available' });
    expect(first!.pattern.id).toBe('careful');
    expect(rest).toEqual([]);
  });

  it('falls back to a row one complexity step away, and says so', () => {
    const [near] = recommendPatterns(registry, { type: 'toy', complexity: 'medium', downtime: 'some' });
    expect(near!.pattern.id).toBe('quick');
    expect(near!.match).toBe('near');
    expect(near!.reason).toContain('this migration is medium');
  });

  it('recommends nothing when no row is close', () => {
    expect(recommendPatterns(registry, { type: 'toy', complexity: 'critical', downtime: 'some' })).toEqual([]);
  });
});
