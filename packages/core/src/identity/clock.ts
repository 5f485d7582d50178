import { UsageError } from '../errors/errors.js';

/** Where engines get "now" from; never the system clock directly, so output can be reproduced. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function fixedClock(at: Date): Clock {
  return () => new Date(at.getTime());
}

/**
 * The reproducible-builds convention: SOURCE_DATE_EPOCH (seconds since 1970) fixes every
 * timestamp. Unset or empty means the system clock.
 */
export function clockFromSourceDateEpoch(value: string | undefined): Clock {
  if (value === undefined || value.trim() === '') return systemClock;
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${value}"`);
  }
  return fixedClock(new Date(Number(value.trim()) * 1000));
}
