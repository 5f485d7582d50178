export { checkPluginConformance, type ConformanceOptions, type ConformanceProblem } from './conformance.js';
export {
  RuleTester,
  type ExpectedFinding,
  type InvalidRuleTestCase,
  type RuleTestCases,
  type RuleTestFailure,
  type RuleTesterOptions,
  type RuleTestInput,
} from './rule-tester.js';
