export { ruleCases, ruleExample, type RuleCase } from '../src/rules/examples/rule-examples.js';
