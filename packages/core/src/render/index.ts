export { renderDocument, renderJson, type RenderableDocument, type RenderFormat } from './render-document.js';
export { renderPlanText } from './plan-text.js';
export { renderPlanMarkdown } from './plan-markdown.js';
export { renderReportText } from './report-text.js';
export { renderReportMarkdown } from './report-markdown.js';
export { renderRunbookText } from './runbook-text.js';
export { renderRunbookMarkdown } from './runbook-markdown.js';
