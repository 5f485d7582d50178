export * from './levels.js';
export * from './spec.js';
export * from './plan.js';
export * from './compatibility-report.js';
export * from './runbook.js';
export * from './config.js';
export { parseDocument } from './parse-document.js';
export { validateDocument } from './validate-document.js';
export { asRecord, specConstraints, specExtraList, type SpecConstraints } from './spec-readers.js';
