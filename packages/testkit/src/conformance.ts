import {
  checkCompatibility,
  createPlan,
  createRegistry,
  createRunbook,
  fixedClock,
  MigrationArchitectError,
  qualifiedId,
  MigrationSpecSchema,
  reviewSpec,
  type Checker,
  renderDocument,
  type MigrationSpec,
  type PluginRegistry,
  type ResolvedPlugin,
} from '@migration-architect/core';

export interface ConformanceProblem {
  /** Which check failed: `contract`, `rule-example`, `rule-coverage`, `rollback-coverage`, `placeholders`, `risk-condition`, `probe`. */
  check: string;
  /** The contribution it is about, with namespaced ids: `rule database/column-removed`, `pattern database/schema_change`, `checker topics`. */
  subject: string;
  message: string;
}

export interface ConformanceOptions {
  /** Plugins the one under test builds on (e.g. the plugin providing the type it adds patterns to). */
  with?: unknown[];
  /** Require rollback steps for every phase of every pattern (default true). */
  requireRollbackCoverage?: boolean;
}

const clock = fixedClock(new Date(0));
const PLACEHOLDER = /\{[^{}\s]*\}/g;
const WELL_FORMED = /^\{[a-z][a-z0-9_]*\}$/;
/** Filled by the rollback generator from the plan; left over means a template typo. */
const PLAN_FILLED = new Set(['{migration_name}', '{migration_id}', '{rollback_id}', '{system_name}', '{estimated_duration}']);

interface Probe {
  name: string;
  spec: Record<string, unknown>;
}

/**
 * Specs that exercise every condition a risk might read, including odd shapes. Every probe is a
 * valid spec to core. A field the migration type declares is validated before planning (the user
 * gets an error with its path), so where a probe's value for such a field is refused, the kit
 * drops that field and plans the rest: undeclared fields can hold anything and must not break a
 * plan. A probe refused for any other reason is a problem, never a silent skip.
 */
function probeSpecs(type: string): Probe[] {
  const base = { type, source: 'conformance source', target: 'conformance target' };
  return [
    { name: 'minimal', spec: base },
    { name: 'empty constraints', spec: { ...base, constraints: {} } },
    {
      name: 'every constraint',
      spec: {
        ...base,
        constraints: {
          max_downtime_minutes: 0,
          data_volume_gb: 50000,
          dependencies: Array.from({ length: 12 }, (_, i) => `dep${i}`),
          compliance_requirements: ['GDPR'],
          special_requirements: ['a', 'b', 'c'],
        },
      },
    },
    {
      name: 'odd shapes',
      spec: { ...base, tables_to_migrate: 'not-a-list', schema_changes: [null, 1, 'x'], services: { a: 1 }, resources: 7 },
    },
    {
      name: 'huge volumes',
      spec: {
        ...base,
        tables_to_migrate: [{ name: 'huge', row_count: 1e10, size_mb: 1e7 }],
        schema_changes: [{ table: 't', changes: [{ type: 'modify_column' }] }],
        feature_flags: [{ name: 'f' }],
      },
    },
  ];
}

/** The top-level (or `constraints.x`) field an error path starts in, when the type declares it. */
function declaredField(path: string | undefined, type: ResolvedPlugin['migrationTypes'][number] | undefined): string[] | undefined {
  const [first, second] = (path ?? '').split(/[.[]/);
  if (!type || !first) return undefined;
  if (first === 'constraints' && second && second in type.constraintFields) return ['constraints', second];
  return first in type.specFields ? [first] : undefined;
}

/**
 * The probe as the type's validation lets it through: refused values of declared fields removed
 * (with what was dropped), or the reason it cannot plan at all.
 */
function admitProbe(registry: PluginRegistry, probe: Probe): { spec: MigrationSpec; dropped: string[] } | { refused: string } {
  const core = MigrationSpecSchema.safeParse(probe.spec);
  if (!core.success) return { refused: `core refuses it: ${core.error.issues[0]?.path.join('.')}: ${core.error.issues[0]?.message}` };
  const spec: Record<string, unknown> = structuredClone(probe.spec);
  const dropped: string[] = [];
  const type = registry.migrationType(String(spec.type));
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      reviewSpec(registry, spec as MigrationSpec, { file: 'probe' });
      return { spec: spec as MigrationSpec, dropped };
    } catch (error) {
      const message = error instanceof MigrationArchitectError ? error.describe() : (error as Error).message;
      const field = error instanceof MigrationArchitectError ? declaredField(error.location.path, type) : undefined;
      if (!field) return { refused: message };
      if (field.length === 2) delete (spec.constraints as Record<string, unknown>)[field[1]!];
      else delete spec[field[0]!];
      dropped.push(field.join('.'));
    }
  }
  return { refused: 'validation kept refusing it' };
}

/** Change kinds a user could hit with no rule to classify them (exit 70 at run time). */
function coverageProblems(checker: Checker): ConformanceProblem[] {
  const subject = `checker ${checker.id}`;
  if (!checker.changeKinds) {
    return [{ check: 'rule-coverage', subject, message: 'declares no changeKinds, so nothing shows every change diff() reports has a rule' }];
  }
  return checker.changeKinds.flatMap((kind) => {
    const rules = checker.rules.filter((rule) => rule.change === kind);
    if (rules.length === 0)
      return [{ check: 'rule-coverage', subject, message: `change kind "${kind}" has no rule: such a change ends the check with exit 70` }];
    if (rules.every((rule) => rule.when)) {
      return [
        {
          check: 'rule-coverage',
          subject,
          message: `change kind "${kind}" has only rules with a "when": a change none of them matches ends the check with exit 70 (add a rule without "when" last)`,
        },
      ];
    }
    return [];
  });
}

async function ruleProblems(registry: PluginRegistry, plugin: ResolvedPlugin): Promise<ConformanceProblem[]> {
  const problems: ConformanceProblem[] = [];
  const ns = plugin.meta.namespace;
  for (const checker of plugin.checkers) {
    problems.push(...coverageProblems(checker));
    for (const rule of checker.rules) {
      const id = qualifiedId(ns, rule.id);
      const subject = `rule ${id}`;
      if (rule.examples.length === 0) {
        problems.push({ check: 'rule-example', subject, message: 'has no example (rules document themselves with at least one before/after example)' });
      }
      for (const [i, example] of rule.examples.entries()) {
        const label = example.name ? `example "${example.name}"` : `example ${i + 1}`;
        const side = (which: 'before' | 'after') => ({
          name: `${id} ${label} (${which})`,
          document: example[which],
          ...(example.fileName ? { fileName: example.fileName } : {}),
        });
        try {
          // An example without `after` is one input read as a change set (`check plan.json`).
          const sides = example.migration
            ? { before: side('before'), migration: side('after') }
            : example.after === undefined
              ? { before: side('before') }
              : { before: side('before'), after: side('after') };
          const report = await checkCompatibility(registry, {
            type: checker.id,
            ...sides,
            renames: example.renames,
            targetVersion: example.targetVersion,
            clock,
          });
          if (!report.issues.some((issue) => issue.rule === id)) {
            const got = report.issues.map((issue) => issue.rule).join(', ') || 'no finding';
            problems.push({ check: 'rule-example', subject, message: `${label} does not trigger the rule (got ${got})` });
          }
        } catch (error) {
          const message = error instanceof MigrationArchitectError ? error.describe() : (error as Error).message;
          problems.push({ check: 'rule-example', subject, message: `${label} fails: ${message}` });
        }
      }
    }
  }
  return problems;
}

/** Placeholders left in any string of a document (or in a rendered text). */
function leftoverPlaceholders(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.match(PLACEHOLDER) ?? []) found.add(m);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return [...found];
}

function planProblems(registry: PluginRegistry, plugin: ResolvedPlugin, requireCoverage: boolean): ConformanceProblem[] {
  const problems: ConformanceProblem[] = [];
  const plans: { subject: string; pattern?: string; type: string }[] = [
    ...plugin.migrationTypes.map((t) => ({ subject: `default plan of ${t.id}`, type: t.id })),
    ...plugin.patterns.map((p) => ({ subject: `pattern ${p.type}/${p.id}`, type: p.type, pattern: p.id })),
  ];
  for (const { subject, type, pattern } of plans) {
    // Every probe must plan; the one with every constraint set (most risks on) is also rendered.
    for (const probe of probeSpecs(type)) {
      const admitted = admitProbe(registry, probe);
      if ('refused' in admitted) {
        problems.push({
          check: 'probe',
          subject,
          message: `probe "${probe.name}" was refused before planning (${admitted.refused}), so nothing was checked on it: a spec the type can plan must not need more than core's fields`,
        });
        continue;
      }
      const spec = admitted.spec;
      let plan;
      try {
        plan = createPlan(registry, pattern ? { ...spec, pattern } : spec, { clock });
      } catch (error) {
        const message = error instanceof MigrationArchitectError ? error.describe() : (error as Error).message;
        problems.push({ check: 'risk-condition', subject, message: `planning a valid spec failed: ${message}` });
        continue;
      }
      if (probe.name !== 'every constraint') continue;
      for (const p of leftoverPlaceholders([plan, renderDocument({ kind: 'plan', document: plan }, 'text')]))
        problems.push({ check: 'placeholders', subject, message: `plan contains unfilled placeholder ${p}` });
      const runbook = createRunbook(registry, plan, { clock });
      for (const p of leftoverPlaceholders(runbook)) {
        if (!WELL_FORMED.test(p)) problems.push({ check: 'placeholders', subject, message: `runbook contains malformed placeholder ${p}` });
        else if (PLAN_FILLED.has(p)) problems.push({ check: 'placeholders', subject, message: `runbook left ${p} unfilled although the plan answers it` });
      }
      if (requireCoverage) {
        for (const phase of plan.phases) {
          if (registry.rollbacksFor(type, phase.name).length === 0) {
            problems.push({ check: 'rollback-coverage', subject, message: `phase "${phase.name}" has no rollback template` });
          }
        }
      }
    }
  }
  return problems;
}

/**
 * Runs every conformance check on a plugin and returns the problems (empty means it conforms).
 * Framework-agnostic: `expect(await checkPluginConformance(myPlugin())).toEqual([])` in any runner.
 */
export async function checkPluginConformance(plugin: unknown, options: ConformanceOptions = {}): Promise<ConformanceProblem[]> {
  let registry: PluginRegistry;
  try {
    registry = createRegistry([...(options.with ?? []), plugin]);
  } catch (error) {
    return [{ check: 'contract', subject: 'plugin', message: (error as Error).message }];
  }
  const resolved = registry.plugins.at(-1)!;
  return [...(await ruleProblems(registry, resolved)), ...planProblems(registry, resolved, options.requireRollbackCoverage ?? true)];
}
