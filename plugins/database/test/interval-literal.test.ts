import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canonicalInterval } from '../src/schema/interval-literal.js';
import { PostgresServer, PostgresSession } from './postgres-server.js';

/**
 * PostgreSQL judges: random interval constants in the spellings migrations use, each printed
 * back by the server (`'…'::interval::text`, IntervalStyle postgres), must equal what
 * canonicalInterval gives; a constant it does not read gives null.
 */
const server = new PostgresServer(inject('postgresUrl'));
let db: PostgresSession;

beforeAll(async () => {
  db = await PostgresSession.connect(server.url);
  await db.run('SET IntervalStyle = postgres');
});
afterAll(async () => {
  await db.close();
  await server.close();
});

const printed = async (literal: string) => String(await db.value(`SELECT '${literal.replace(/'/g, "''")}'::interval::text`));

const units = ['year', 'years', 'yr', 'y', 'mon', 'months', 'week', 'w', 'day', 'days', 'd', 'hour', 'hrs', 'h', 'minute', 'mins', 'm', 'second', 'secs', 's'];
const field = fc.record({ value: fc.integer({ min: -400, max: 400 }), unit: fc.constantFrom(...units), space: fc.boolean() });
const clock = fc.record({
  negative: fc.boolean(),
  hours: fc.integer({ min: 0, max: 200 }),
  minutes: fc.integer({ min: 0, max: 59 }),
  seconds: fc.option(fc.integer({ min: 0, max: 59 })),
});
// One field per unit group, as PostgreSQL requires; the clock only without hour/minute/second fields.
const literal = fc
  .record({ fields: fc.uniqueArray(field, { maxLength: 4, selector: (f) => unitGroup(f.unit) }), clock: fc.option(clock), ago: fc.boolean(), at: fc.boolean() })
  .map(({ fields, clock: time, ago, at }) => {
    const timeless = fields.filter((f) => !['hour', 'minute', 'second'].includes(unitGroup(f.unit)));
    const parts = (time ? timeless : fields).map((f) => `${f.value}${f.space ? ' ' : ''}${f.unit}`);
    if (time) {
      const pad = (n: number) => String(n).padStart(2, '0');
      parts.push(`${time.negative ? '-' : ''}${pad(time.hours)}:${pad(time.minutes)}${time.seconds === null ? '' : `:${pad(time.seconds)}`}`);
    }
    if (parts.length === 0) parts.push('0 days');
    return `${at ? '@ ' : ''}${parts.join(' ')}${ago ? ' ago' : ''}`;
  });

function unitGroup(unit: string): string {
  if (/^(year|years|yr|y)$/.test(unit)) return 'year';
  if (/^(mon|months)$/.test(unit)) return 'month';
  if (/^(week|w)$/.test(unit)) return 'week';
  if (/^(day|days|d)$/.test(unit)) return 'day';
  if (/^(hour|hrs|h)$/.test(unit)) return 'hour';
  if (/^(minute|mins|m)$/.test(unit)) return 'minute';
  return 'second';
}

describe('interval constants as PostgreSQL prints them', () => {
  it('prints the spellings migrations use as the server does', async () => {
    for (const [text, expected] of [
      ['90 day', '90 days'],
      ['1 week', '7 days'],
      ['2 hours 30 minutes', '02:30:00'],
      ['1 year 14 months', '2 years 2 mons'],
      ['-1 year 2 months', '-10 mons'],
      ['-1 day 2 hours', '-1 days +02:00:00'],
      ['1 day ago', '-1 days'],
      ['0', null],
      ['1.5 days', null],
      ['P1D', null],
    ] as const) {
      expect(canonicalInterval(text), text).toBe(expected);
      if (expected !== null) expect(await printed(text)).toBe(expected);
    }
  });

  it('agrees with the server on random constants (seed in the failure)', async () => {
    await fc.assert(
      fc.asyncProperty(literal, async (text) => {
        const ours = canonicalInterval(text);
        expect(ours, `canonicalInterval(${JSON.stringify(text)})`).not.toBeNull();
        expect(ours, text).toBe(await printed(text));
      }),
      { numRuns: 300 },
    );
  });
});
