import { defineRule, type ChangeSeverity, type RuleContext, type RuleOutcome } from '@migration-architect/core';
import type { ChangeKind, ConstraintChangeDetails, DatabaseChange } from '../schema/changes.js';
import type { ConstraintType, DatabaseSchema } from '../schema/model.js';
import { routineDependencies } from './routine-dependencies.js';

export type DatabaseRuleContext = RuleContext<DatabaseSchema>;

interface RuleText {
  id: string;
  /** Stable code, grouped as in the README: DB1xx drops and renames, DB2xx data-dependent, DB3xx locks and rewrites, DB4xx additive, DB5xx behaviour. */
  code: string;
  issueType: string;
  severity: ChangeSeverity;
  title: string;
  description: string;
  safeAlternative: string;
}

export interface DatabaseRuleDefinition<K extends ChangeKind> extends RuleText {
  change: K;
  when?: (change: DatabaseChange<K>, context: DatabaseRuleContext) => boolean;
  classify: (change: DatabaseChange<K>, context: DatabaseRuleContext) => RuleOutcome;
}

export type DatabaseRule = ReturnType<typeof defineRule<DatabaseSchema>>;

/** A rule typed by the change kind it classifies; the checker's diff guarantees the details match. */
export function defineDatabaseRule<K extends ChangeKind>(rule: DatabaseRuleDefinition<K>): DatabaseRule {
  return defineRule<DatabaseSchema>({
    ...rule,
    // Every rule's script waits for the routines it calls and, for a dropped routine, for what calls it.
    classify: (change: DatabaseChange<K>, context: DatabaseRuleContext) => {
      const outcome = rule.classify(change, context);
      const script = outcome.script;
      if (!script) return outcome;
      return { ...outcome, script: { ...script, dependencies: [...script.dependencies, ...routineDependencies(change, context, script)] } };
    },
  } as unknown as DatabaseRule);
}

type ConstraintAction = 'added' | 'removed' | 'modified';

export interface ConstraintRuleDefinition<T extends ConstraintType, A extends ConstraintAction> extends RuleText {
  classify: (details: ConstraintChangeDetails<T>, change: DatabaseChange<`constraint.${A}`>, context: DatabaseRuleContext) => RuleOutcome;
}

/**
 * A rule for one constraint type and one action: `constraint.added` of a `check`, ... With
 * `last`, the rule has no `when`: it is the last rule of its kind in the list, and the types
 * before it plus its own cover every ConstraintType, so every change of the kind is classified.
 */
export function defineConstraintRule<T extends ConstraintType, A extends ConstraintAction>(
  constraintType: T,
  action: A,
  rule: ConstraintRuleDefinition<T, A>,
  placement: { last?: boolean } = {},
): DatabaseRule {
  return defineDatabaseRule<`constraint.${A}`>({
    ...rule,
    change: `constraint.${action}`,
    ...(placement.last ? {} : { when: (change: DatabaseChange<`constraint.${A}`>) => change.details.constraintType === constraintType }),
    classify: (change, context) => rule.classify(change.details as ConstraintChangeDetails<T>, change, context),
  });
}
