import { boundedJson } from './bounded-json.js';

const PREVIEW_LIMIT = 500;

/** The first 500 characters of a document, as the original report kept them: JSON/YAML sources' `summary`. */
export function documentPreview(document: unknown): string {
  const { text, truncated } = boundedJson(document, PREVIEW_LIMIT);
  return truncated ? `${text}...` : text;
}
