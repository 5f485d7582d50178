export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Bold, italics and line breaks in text outside code spans (already HTML-escaped). */
function emphasis(text: string): string {
  return text
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=$|[\s).,;:])/g, '$1<em>$2</em>')
    .replace(/&lt;br\/?&gt;/g, '<br>');
}

/** Inline Markdown of the subset our renderers write: code spans, bold, italics, <br> in table cells. */
export function inlineMarkdown(text: string): string {
  const out: string[] = [];
  let rest = text;
  for (;;) {
    const open = /`+/.exec(rest);
    if (!open) break;
    const close = rest.indexOf(open[0], open.index + open[0].length);
    if (close < 0) break;
    out.push(emphasis(escapeHtml(rest.slice(0, open.index))));
    out.push(`<code>${escapeHtml(rest.slice(open.index + open[0].length, close).trim())}</code>`);
    rest = rest.slice(close + open[0].length);
  }
  out.push(emphasis(escapeHtml(rest)));
  return out.join('');
}
