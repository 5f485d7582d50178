import { SENSITIVE, SENSITIVE_CHANGED, UNKNOWN } from './terraform-model.js';

type Mask = unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function childMask(mask: Mask, key: string | number): Mask {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask[key as number];
  if (isRecord(mask)) return mask[key as string];
  return undefined;
}

/**
 * Both sides of a resource with every value a `*_sensitive` mask covers replaced (the change,
 * not the value, stays visible: `(sensitive, changed)`), and every value `after_unknown` covers
 * replaced by `(known after apply)`. Nothing sensitive leaves this function.
 */
export function redactPair(before: unknown, after: unknown, masks: { before: Mask; after: Mask; unknown: Mask }): { before: unknown; after: unknown } {
  if (masks.unknown === true) return { before: redactOne(before, masks.before), after: UNKNOWN };
  if (masks.before === true || masks.after === true) {
    return {
      before: before === undefined || before === null ? before : SENSITIVE,
      after: after === undefined || after === null ? after : sameValue(before, after) ? SENSITIVE : SENSITIVE_CHANGED,
    };
  }
  if (Array.isArray(before) || Array.isArray(after)) {
    const b = Array.isArray(before) ? before : [];
    const a = Array.isArray(after) ? after : [];
    const out = { before: [] as unknown[], after: [] as unknown[] };
    for (let i = 0; i < Math.max(b.length, a.length, Array.isArray(masks.unknown) ? masks.unknown.length : 0); i++) {
      const pair = redactPair(b[i], a[i], { before: childMask(masks.before, i), after: childMask(masks.after, i), unknown: childMask(masks.unknown, i) });
      if (i < b.length) out.before.push(pair.before);
      if (i < a.length || pair.after === UNKNOWN) out.after.push(pair.after);
    }
    return { before: Array.isArray(before) ? out.before : before, after: Array.isArray(after) || out.after.length ? out.after : after };
  }
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = new Set([...Object.keys(b), ...Object.keys(a), ...(isRecord(masks.unknown) ? Object.keys(masks.unknown) : [])]);
    const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
    for (const key of keys) {
      const pair = redactPair(b[key], a[key], {
        before: childMask(masks.before, key),
        after: childMask(masks.after, key),
        unknown: childMask(masks.unknown, key),
      });
      if (key in b) out.before[key] = pair.before;
      if (key in a || pair.after !== undefined) out.after[key] = pair.after;
    }
    return { before: isRecord(before) ? out.before : before, after: isRecord(after) || Object.keys(out.after).length ? out.after : after };
  }
  return { before, after };
}

function redactOne(value: unknown, mask: Mask): unknown {
  return redactPair(value, undefined, { before: mask, after: undefined, unknown: undefined }).before;
}

/** Dotted paths where a mask is true: `settings.0.tier`. */
export function maskedPaths(mask: Mask, prefix = ''): string[] {
  if (mask === true) return [prefix || '(whole resource)'];
  const join = (key: string | number) => (prefix ? `${prefix}.${key}` : String(key));
  if (Array.isArray(mask)) return mask.flatMap((m, i) => maskedPaths(m, join(i)));
  if (isRecord(mask)) return Object.entries(mask).flatMap(([k, m]) => maskedPaths(m, join(k)));
  return [];
}

/** Dotted paths of the leaves that differ between two (already redacted) values. */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (sameValue(before, after)) return [];
  const join = (key: string | number) => (prefix ? `${prefix}.${key}` : String(key));
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((k) => changedPaths(before[k], after[k], join(k)));
  }
  return [prefix || '(whole resource)'];
}
