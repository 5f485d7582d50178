import { checkAdded, checkModified, checkRemoved } from './check-rules.js';
import { commentChanged } from './column-comment-rules.js';
import { defaultChanged, requiredColumnDefaultRemoved } from './column-default-rules.js';
import { columnAdded, columnAddedWithTableRewrite, columnRemoved, requiredColumnAdded } from './column-existence-rules.js';
import { identityChanged, identityRemoved, identityRestricted } from './column-identity-rules.js';
import { nullabilityRelaxed, nullabilityRestriction } from './column-nullability-rules.js';
import { incompatibleTypeChange, lengthIncrease, lengthReduction, riskyTypeChange, typeWidened } from './column-type-rules.js';
import type { DatabaseRule } from './database-rule.js';
import { forDialect } from './dialect-scripts.js';
import { modelRuleExample } from './examples/model-rule-examples.js';
import { ruleExample } from './examples/rule-examples.js';
import { foreignKeyAdded, foreignKeyModified, foreignKeyRemoved } from './foreign-key-rules.js';
import { indexAdded, indexChanged, indexMadeUnique, indexRemoved, uniqueIndexAdded } from './index-rules.js';
import { primaryKeyAdded, primaryKeyModified, primaryKeyRemoved } from './primary-key-rules.js';
import { routineAdded, routineDefinitionChanged, routineRemoved, routineSignatureChanged } from './routine-rules.js';
import { tableAdded, tableRemoved } from './table-rules.js';
import { enumAdded, enumRemoved, enumValueAdded, enumValueRemoved, enumValuesReordered } from './enum-rules.js';
import { exclusionAdded, exclusionRemoved } from './exclusion-rules.js';
import { columnPossiblyRenamed, columnRenamed, tablePossiblyRenamed, tableRenamed } from './rename-rules.js';
import { schemaAdded, schemaRemoved } from './schema-rules.js';
import { sequenceAdded, sequenceRemoved } from './sequence-rules.js';
import { triggerAdded, triggerChanged, triggerRemoved } from './trigger-rules.js';
import { uniqueAdded, uniqueModified, uniqueRemoved } from './unique-rules.js';
import { viewAdded, viewColumnsAdded, viewColumnsRemoved, viewColumnsReordered, viewDefinitionChanged, viewRemoved } from './view-rules.js';

/**
 * Every rule of the database checker. For one change kind the first rule whose `when` matches
 * classifies it, so narrower rules come before the catch-all of their kind (which has no `when`).
 */
const rulesWithoutExamples: DatabaseRule[] = [
  tableRemoved,
  tableAdded,
  columnRemoved,
  requiredColumnAdded,
  columnAddedWithTableRewrite,
  columnAdded,
  incompatibleTypeChange,
  riskyTypeChange,
  typeWidened,
  lengthReduction,
  lengthIncrease,
  nullabilityRestriction,
  nullabilityRelaxed,
  requiredColumnDefaultRemoved,
  defaultChanged,
  identityRemoved,
  identityRestricted,
  identityChanged,
  commentChanged,
  primaryKeyAdded,
  primaryKeyRemoved,
  primaryKeyModified,
  uniqueAdded,
  uniqueRemoved,
  uniqueModified,
  foreignKeyAdded,
  foreignKeyRemoved,
  foreignKeyModified,
  checkAdded,
  checkRemoved,
  checkModified,
  uniqueIndexAdded,
  indexAdded,
  indexRemoved,
  indexMadeUnique,
  indexChanged,
  viewRemoved,
  viewAdded,
  viewColumnsRemoved,
  viewColumnsReordered,
  viewColumnsAdded,
  viewDefinitionChanged,
  routineRemoved,
  routineAdded,
  routineSignatureChanged,
  routineDefinitionChanged,
  schemaRemoved,
  schemaAdded,
  tableRenamed,
  columnRenamed,
  tablePossiblyRenamed,
  columnPossiblyRenamed,
  enumRemoved,
  enumAdded,
  enumValueRemoved,
  enumValuesReordered,
  enumValueAdded,
  sequenceRemoved,
  sequenceAdded,
  triggerRemoved,
  triggerAdded,
  triggerChanged,
  exclusionAdded,
  exclusionRemoved,
];

/** Each rule carries its example (docs, `plugins show`, and the conformance kit's test case). */
export const databaseRules: DatabaseRule[] = rulesWithoutExamples.map((rule) => {
  const example = ruleExample(rule.id) ?? modelRuleExample(rule.id);
  const classify: DatabaseRule['classify'] = (change, context) => forDialect(rule.classify(change, context), context.dialect);
  return { ...rule, classify, ...(example ? { examples: [example] } : {}) };
});
