import type { RowDifference } from './reconcile-report.js';

/** `id=17` or `(tenant_id=3, id=17)`; NULL spelled out. */
export function keyText(key: RowDifference['key'] | null): string {
  if (!key) return '…';
  const parts = Object.entries(key).map(([name, value]) => `${name}=${value === null ? 'NULL' : value}`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(', ')})`;
}

export function valueText(value: string | null): string {
  return value === null ? 'NULL' : JSON.stringify(value);
}

export const grouped = (n: number | null): string => (n === null ? '–' : n.toLocaleString('en-US'));

export function bytesText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
