export { documentFormats, renderJson, REPORT_FORMAT_DEFINITIONS } from './document-formats.js';
export { FormatRegistry } from './format-registry.js';
export {
  defineFormatContribution,
  formatWords,
  type DocumentRenderer,
  type FormatContribution,
  type RenderOptions,
  type ReportFormat,
} from './report-format.js';
