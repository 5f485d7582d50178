import { escapeHtml } from './inline-markdown.js';
import { markdownToHtml } from './markdown-to-html.js';

export interface HtmlOptions {
  /** The page title. */
  title: string;
  /**
   * Mermaid's browser bundle (mermaid.min.js), inlined so the page needs no network. Without it,
   * diagrams stay as their Mermaid source.
   */
  mermaidScript?: string | undefined;
}

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0969da; --bad: #c0392b; }
body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.8em; border-bottom: 1px solid var(--line); padding-bottom: .3em; }
h2 { font-size: 1.4em; border-bottom: 1px solid var(--line); padding-bottom: .2em; margin-top: 2em; }
h3 { font-size: 1.15em; margin-top: 1.6em; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f6f8fa; padding: .1em .3em; border-radius: 4px; }
pre { background: #f6f8fa; padding: 12px; border-radius: 6px; overflow: auto; }
pre code { background: none; padding: 0; }
pre.mermaid { background: #fff; border: 1px solid var(--line); text-align: center; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: 12px 0; font-size: 13.5px; }
th, td { border: 1px solid var(--line); padding: 5px 9px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
details { margin: 6px 0; }
summary { cursor: pointer; color: var(--accent); }
li { margin: 2px 0; }
`;

/** Mermaid's bundle inside a <script> element: nothing in it may close the element early. */
function inlineScript(script: string): string {
  return script.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * A self-contained HTML page from our Markdown: styles and Mermaid are inlined and the content
 * security policy forbids every network request, so the page renders the same offline. `data-rendered`
 * on <body> becomes `true` once the diagrams are drawn (`error` if one fails), for tests and tools.
 */
export function renderHtmlDocument(markdown: string, options: HtmlOptions): string {
  const body = markdownToHtml(markdown);
  const mermaid = options.mermaidScript
    ? [
        `<script>${inlineScript(options.mermaidScript)}</script>`,
        '<script>',
        "mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', gantt: { useWidth: 1100 } });",
        "mermaid.run({ querySelector: 'pre.mermaid' }).then(() => { document.body.dataset.rendered = 'true'; }, (error) => { document.body.dataset.rendered = 'error'; document.body.dataset.renderError = String(error && error.message || error); });",
        '</script>',
      ].join('\n')
    : "<script>document.body.dataset.rendered = 'no-mermaid';</script>";
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may be fetched: the report must look the same offline and leak nothing when opened.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    mermaid,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
