export { checkPluginConformance, type ConformanceOptions, type ConformanceProblem } from './conformance.js';
