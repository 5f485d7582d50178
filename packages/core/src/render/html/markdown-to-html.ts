import { escapeHtml, inlineMarkdown } from './inline-markdown.js';

const FENCE = /^(\s*)(`{3,})([\w-]*)\s*$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^(\s*)[-*]\s+(?:\[( |x)\]\s+)?(.*)$/;
const NUMBERED = /^(\s*)(\d+)\.\s+(.*)$/;
const RAW_HTML = /^<\/?(details|summary)\b[^>]*>.*$/;
const TABLE_SEPARATOR = /^\|(\s*:?-+:?\s*\|)+\s*$/;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/**
 * The Markdown our renderers write, as HTML: headings, paragraphs, tables, bullet, task and
 * numbered lists, fenced code (```mermaid becomes a diagram for the page's Mermaid), and the
 * <details>/<summary> lines that fold long scripts. Not a general Markdown implementation.
 */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  let nested = false;

  const closeParagraph = () => {
    if (paragraph.length) out.push(`<p>${inlineMarkdown(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const closeList = () => {
    if (nested) out.push('</ul></li>');
    else if (list) out.push('</li>');
    if (list) out.push(`</${list}>`);
    list = null;
    nested = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      closeParagraph();
      const [, indent, ticks, lang] = fence;
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const close = /^\s*(`{3,})\s*$/.exec(lines[j]!);
        if (close && close[1]!.length >= ticks!.length) break;
        body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!.trimStart());
      }
      i = j;
      const code = escapeHtml(body.join('\n'));
      const block = lang === 'mermaid' ? `<pre class="mermaid">${code}</pre>` : `<pre><code${lang ? ` class="language-${lang}"` : ''}>${code}</code></pre>`;
      // A code block indented under a numbered step belongs to that step.
      if (list && indent) out.push(block);
      else {
        closeList();
        out.push(block);
      }
      continue;
    }
    if (!line.trim()) {
      closeParagraph();
      continue;
    }
    if (RAW_HTML.test(line)) {
      closeParagraph();
      closeList();
      out.push(line);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      closeParagraph();
      closeList();
      const level = heading[1]!.length;
      out.push(`<h${level} id="${slug(heading[2]!)}">${inlineMarkdown(heading[2]!)}</h${level}>`);
      continue;
    }
    if (line.trim().startsWith('|') && TABLE_SEPARATOR.test((lines[i + 1] ?? '').trim())) {
      closeParagraph();
      closeList();
      const header = cells(line);
      const rows: string[][] = [];
      let j = i + 2;
      for (; j < lines.length && lines[j]!.trim().startsWith('|'); j++) rows.push(cells(lines[j]!));
      i = j - 1;
      out.push(
        '<div class="table"><table>',
        `<thead><tr>${header.map((h) => `<th>${inlineMarkdown(h)}</th>`).join('')}</tr></thead>`,
        `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${inlineMarkdown(c)}</td>`).join('')}</tr>`).join('')}</tbody>`,
        '</table></div>',
      );
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet && bullet[1]!.length >= 2 && list === 'ol') {
      // "   - Success: ..." under a numbered step.
      if (!nested) out.push('<ul>');
      nested = true;
      out.push(`<li>${inlineMarkdown(bullet[3]!)}</li>`);
      continue;
    }
    if (bullet || numbered) {
      closeParagraph();
      const kind = bullet ? 'ul' : 'ol';
      if (nested) {
        out.push('</ul>');
        nested = false;
      }
      if (list !== kind) {
        closeList();
        out.push(kind === 'ol' ? `<ol start="${numbered![2]}">` : '<ul>');
        list = kind;
      } else {
        out.push('</li>');
      }
      const checkbox = bullet?.[2] !== undefined ? `<input type="checkbox" disabled${bullet[2] === 'x' ? ' checked' : ''}> ` : '';
      out.push(`<li>${checkbox}${inlineMarkdown(bullet ? bullet[3]! : numbered![3]!)}`);
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {
      out.push(` ${inlineMarkdown(line.trim())}`);
      continue;
    }
    closeList();
    paragraph.push(line.trim());
  }
  closeParagraph();
  closeList();
  return out.join('\n');
}
