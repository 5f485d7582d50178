const encoder = new TextEncoder();

/**
 * SQL text with the byte offsets libpg-query reports (`stmt_location`, `stmt_len`, each node's
 * `location`): the parser works on UTF-8 bytes, so after the first non-ASCII character (a comment
 * in French, an `é` in a default) they are not JavaScript string indexes. Slicing by them as if they
 * were cut statements in the wrong place (a stray `AL;` in a view body). A `shifted` view reads
 * offsets relative to a statement parsed on its own.
 */
export class SqlText {
  /** Character index of every byte offset; null while the text is ASCII (they are the same). */
  private readonly charIndex: Uint32Array | null;
  /** Added to every offset given: where the parsed piece starts in the text, in bytes. */
  private readonly base: number;

  constructor(
    readonly text: string,
    shared?: { charIndex: Uint32Array | null; base: number },
  ) {
    if (shared) {
      this.charIndex = shared.charIndex;
      this.base = shared.base;
      return;
    }
    this.base = 0;
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(text)) {
      this.charIndex = null;
      return;
    }
    const bytes = encoder.encode(text).length;
    const index = new Uint32Array(bytes + 1);
    let byte = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      for (let k = 0; k < size; k++) index[byte + k] = i;
      byte += size;
      // A surrogate pair is one code point of 4 bytes but two string indexes.
      if (code >= 0x10000) i++;
    }
    index[bytes] = text.length;
    this.charIndex = index;
  }

  /** True when byte offsets and string indexes are the same. */
  get ascii(): boolean {
    return this.charIndex === null;
  }

  /** The string index of a byte offset. */
  char(byteOffset: number): number {
    const offset = byteOffset + this.base;
    if (this.charIndex === null) return offset;
    return this.charIndex[Math.max(0, Math.min(offset, this.charIndex.length - 1))]!;
  }

  /** The text between two byte offsets (to the end without `byteEnd`). */
  slice(byteStart: number, byteEnd?: number): string {
    return this.text.slice(this.char(byteStart), byteEnd === undefined ? undefined : this.char(byteEnd));
  }

  /** The same text, with offsets counted from `byteBase` (a statement parsed on its own). */
  shifted(byteBase: number): SqlText {
    return new SqlText(this.text, { charIndex: this.charIndex, base: this.base + byteBase });
  }
}
