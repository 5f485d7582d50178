import { z } from 'zod';
import type { ResolvedPlugin } from '../../plugin/contract-types.js';
import { qualifiedId } from '../../plugin/qualified-id.js';

/** What one plugin contributes, by kind, with namespaced ids: `plugins --json` and `plugins show --json`. */
export function pluginContributions(plugin: ResolvedPlugin) {
  const ns = plugin.meta.namespace;
  const id = (local: string) => qualifiedId(ns, local);
  return {
    name: plugin.meta.name,
    version: plugin.meta.version,
    namespace: ns,
    description: plugin.meta.description ?? '',
    docs_url: plugin.meta.docsUrl ?? null,
    options: plugin.options ? { values: plugin.options.values, schema: z.toJSONSchema(plugin.options.schema, { io: 'input', unrepresentable: 'any' }) } : null,
    migration_types: plugin.migrationTypes.map((t) => t.id),
    spec_fields: plugin.migrationTypes.flatMap((t) => [
      ...Object.keys(t.specFields).map((field) => `${t.id}: ${field}`),
      ...Object.keys(t.constraintFields).map((field) => `${t.id}: constraints.${field}`),
    ]),
    patterns: plugin.patterns.map((p) => `${p.type}/${p.id}`),
    phase_templates: plugin.phases.map((p) => `${p.type}/${p.id}`),
    risks: plugin.risks.map((r) => id(r.id)),
    rollback_templates: plugin.rollbacks.map((r) => id(r.id)),
    triggers: plugin.triggers.map((t) => id(t.id)),
    communications: plugin.communications.map((c) => id(c.id)),
    checkers: plugin.checkers.map((c) => ({ id: c.id, rules: c.rules.map((r) => id(r.id)) })),
    sources: plugin.sources.map((s) => ({ id: id(s.id), checker: s.checker, title: s.title, order: s.order })),
    migration_layouts: plugin.migrationLayouts.map((l) => ({ id: id(l.id), checker: l.checker, title: l.title, order: l.order })),
  };
}

/** A few lines per plugin for `plugins`. */
export function renderPluginSummary(plugin: ResolvedPlugin): string[] {
  const c = pluginContributions(plugin);
  const lines = [`  ${c.name} ${c.version}  (namespace ${c.namespace})`];
  if (c.description) lines.push(`    ${c.description}`);
  if (c.migration_types.length) lines.push(`    migration types: ${c.migration_types.join(', ')}`);
  if (c.patterns.length) lines.push(`    patterns: ${c.patterns.join(', ')}`);
  lines.push(
    `    phase templates: ${c.phase_templates.length}, risks: ${c.risks.length}, rollback templates: ${c.rollback_templates.length}, triggers: ${c.triggers.length}, messages: ${c.communications.length}`,
  );
  for (const checker of c.checkers) lines.push(`    checker "${checker.id}": ${checker.rules.length} rules`);
  if (c.sources.length) lines.push(`    sources: ${c.sources.map((s) => `${s.title} (${s.checker})`).join(', ')}`);
  if (c.migration_layouts.length) lines.push(`    migration layouts: ${c.migration_layouts.map((l) => l.title).join(', ')}`);
  return lines;
}

/** Everything one plugin contributes, for `plugins show`. */
export function renderPluginDetails(plugin: ResolvedPlugin): string[] {
  const ns = plugin.meta.namespace;
  const out = [...renderPluginSummary(plugin), ''];
  if (plugin.meta.docsUrl) out.push(`  docs: ${plugin.meta.docsUrl}`);
  if (plugin.options) {
    const shape = (plugin.options.schema as { shape?: Record<string, unknown> }).shape;
    const names = shape ? Object.keys(shape) : [];
    out.push(`  options: ${names.length ? JSON.stringify(plugin.options.values) : 'none'}`);
  }
  for (const type of plugin.migrationTypes) {
    const fields = [...Object.keys(type.specFields), ...Object.keys(type.constraintFields).map((f) => `constraints.${f}`)];
    if (fields.length) out.push(`  spec fields of ${type.id}: ${fields.join(', ')}`);
    const off = Object.entries(type.genericAdditions)
      .filter(([, on]) => !on)
      .map(([name]) => name);
    if (off.length) out.push(`  ${type.id} turns off core's generic ${off.join(', ')}`);
  }
  for (const p of plugin.patterns) {
    out.push(
      `  pattern ${p.type}/${p.id}: ${p.title}`,
      `    phases: ${p.phases.join(' → ')}`,
      `    base ${p.baseDurationHours} h × ${Object.entries(p.complexityMultiplier)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
  for (const r of plugin.risks) out.push(`  risk ${qualifiedId(ns, r.id)} [${r.severity}]: ${r.description}${r.condition ? ` — when ${r.condition}` : ''}`);
  for (const r of plugin.rollbacks) out.push(`  rollback ${qualifiedId(ns, r.id)}: ${r.steps.length} steps for phases ${r.phases.join(', ')}`);
  for (const t of plugin.triggers) out.push(`  trigger ${qualifiedId(ns, t.id)}: ${t.condition}${t.autoExecute ? ' (automatic)' : ''}`);
  for (const s of plugin.sources) out.push(`  source ${qualifiedId(ns, s.id)} for "${s.checker}" (${s.order}): ${s.description}`);
  for (const checker of plugin.checkers) {
    out.push(`  checker "${checker.id}": ${checker.title}`);
    for (const rule of checker.rules) out.push(`    ${qualifiedId(ns, rule.id)} [${rule.severity}] ${rule.title}`);
  }
  return out;
}
