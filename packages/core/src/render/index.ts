export { renderDocument, renderJson, type RenderableDocument, type RenderFormat, type RenderOptions } from './render-document.js';
export {
  defineFormatContribution,
  documentFormats,
  FormatRegistry,
  formatWords,
  REPORT_FORMAT_DEFINITIONS,
  type DocumentRenderer,
  type FormatContribution,
  type ReportFormat,
} from './formats/index.js';
export { renderHtmlDocument, type HtmlOptions } from './html/html-document.js';
export { markdownToHtml } from './html/markdown-to-html.js';
export { renderPlanText } from './plan-text.js';
export { renderPlanMarkdown } from './plan-markdown.js';
export { renderReportText } from './report-text.js';
export { renderReportMarkdown } from './report-markdown.js';
export { renderRunbookText } from './runbook-text.js';
export { renderRunbookMarkdown } from './runbook-markdown.js';
export { renderReportSarif, type SarifOptions } from './report-sarif.js';
export { renderReportGithub } from './report-github.js';
export { renderRuleCatalogMarkdown } from './rule-catalog-markdown.js';
export { pluginContributions, renderPluginDetails, renderPluginSummary } from './listings/plugin-listing.js';
export { renderRuleListing, ruleListingJson } from './listings/rule-listing.js';
export { patternListingJson, recommendationJson, renderPatternListing, renderRecommendation } from './listings/pattern-listing.js';
export { acceptanceSuppressionKind, describeAcceptance } from './report-acceptance.js';
