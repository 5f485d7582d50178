/** Text inside a quoted Mermaid label: no double quotes, no line breaks, no Markdown. */
export function label(text: string): string {
  return text
    .replace(/"/g, "'")
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, '');
}

/** A Gantt task name: Mermaid reads `:` as the start of the task's data and `#`/`;` as comments. */
export function taskName(text: string): string {
  return text.replace(/[:#;]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A node id Mermaid accepts whatever the name. */
export function nodeId(prefix: string, index: number): string {
  return `${prefix}${index}`;
}
