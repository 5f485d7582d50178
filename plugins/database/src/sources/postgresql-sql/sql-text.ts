const encoder = new TextEncoder();

/**
 * SQL text with the byte offsets libpg-query reports (`stmt_location`, `stmt_len`, each node's
 * `location`): the parser works on UTF-8 bytes, so after the first non-ASCII character (a comment
 * in French, an `é` in a default) they are not JavaScript string indexes. Slicing by them as if they
 * were cut statements in the wrong place (a stray `AL;` in a view body).
 */
export class SqlText {
  /** Character index of every byte offset; null while the text is ASCII (they are the same). */
  private readonly charIndex: Uint32Array | null;

  constructor(readonly text: string) {
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

  /** The string index of a byte offset. */
  char(byteOffset: number): number {
    if (this.charIndex === null) return byteOffset;
    return this.charIndex[Math.max(0, Math.min(byteOffset, this.charIndex.length - 1))]!;
  }

  /** The text between two byte offsets (to the end without `byteEnd`). */
  slice(byteStart: number, byteEnd?: number): string {
    return this.text.slice(this.char(byteStart), byteEnd === undefined ? undefined : this.char(byteEnd));
  }
}
