import { requestBodyRules, responseRules } from './body-rules.js';
import { callbackAndLinkRules } from './callback-and-link-rules.js';
import { componentRules } from './component-rules.js';
import { lifecycleRules } from './lifecycle-rules.js';
import { operationRules } from './operation-rules.js';
import { parameterRules } from './parameter-rules.js';
import { propertyRules } from './property-rules.js';
import { schemaRules } from './schema-rules.js';
import { securityRules } from './security-rules.js';

/** Every rule of the API checker; for a change kind, the first rule whose `when` matches classifies it. */
export const apiRules = [
  ...lifecycleRules,
  ...operationRules,
  ...parameterRules,
  ...requestBodyRules,
  ...responseRules,
  ...propertyRules,
  ...schemaRules,
  ...securityRules,
  ...componentRules,
  ...callbackAndLinkRules,
];

/** Every change kind the diff reports: each has a rule without `when` (the conformance kit checks it). */
export const apiChangeKinds = [...new Set(apiRules.map((rule) => rule.change))];
