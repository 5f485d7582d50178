/** `-- migration-architect-ignore DB302, DB601: reason`: findings of the next statement to leave out. */
export interface Suppression {
  codes: string[];
  reason: string;
  line: number;
}

const DIRECTIVE = /--\s*migration-architect-ignore\s+((?:DB\d{3}\s*,?\s*)+)(?::\s*(.*))?$/i;

/**
 * Suppressions written in the comments between the previous statement and this one (the
 * statement's leading trivia), with their lines. A directive without a reason still counts;
 * the reason is kept for the report.
 */
export function suppressionsIn(trivia: string, firstLine: number): Suppression[] {
  return trivia.split('\n').flatMap((text, i) => {
    const match = DIRECTIVE.exec(text.trim());
    if (!match) return [];
    const codes = match[1]!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((c) => c.toUpperCase());
    return [{ codes, reason: (match[2] ?? '').trim(), line: firstLine + i }];
  });
}
