/**
 * Lines of statements in the source text. libpg-query reports where a statement starts as a
 * character offset that includes the comments and blank lines before it; the line shown to the
 * user is the one with its first keyword.
 */
export class StatementLines {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** Character offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length) - 1)]!;
  }

  /** 1-based line of a 0-based character offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Line of the statement's first token, after whitespace, `--` and `/* … *\/` comments. */
  statementLine(offset: number): number {
    return this.lineAt(this.skipTrivia(offset));
  }

  private skipTrivia(offset: number): number {
    const text = this.text;
    let i = offset;
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (text.startsWith('--', i)) {
        const end = text.indexOf('\n', i);
        i = end === -1 ? text.length : end + 1;
      } else if (text.startsWith('/*', i)) {
        const end = text.indexOf('*/', i + 2);
        i = end === -1 ? text.length : end + 2;
      } else return i;
    }
  }
}
