import { formatPath } from '@migration-architect/core';
import { change, type DatabaseChange } from './changes.js';
import type { Table, View } from './model.js';
import { objectIdentity } from './qualified-name.js';

type Relation = { relation: Table | View; kind: 'table' | 'view' | 'materialized view'; section: 'tables' | 'views' };

function relations(tables: readonly Table[], views: readonly View[]): Relation[] {
  return [
    ...tables.map((relation): Relation => ({ relation, kind: 'table', section: 'tables' })),
    ...views.map((relation): Relation => ({ relation, kind: relation.materialized ? 'materialized view' : 'view', section: 'views' })),
  ];
}

/**
 * COMMENT ON TABLE / VIEW / MATERIALIZED VIEW, for relations on both sides and new ones that
 * have a comment (their CREATE does not carry it). No comment and an empty one are the same.
 */
export function diffRelationComments(
  before: { tables: readonly Table[]; views: readonly View[] },
  after: { tables: readonly Table[]; views: readonly View[] },
): DatabaseChange[] {
  const old = new Map(relations(before.tables, before.views).map((r) => [`${r.section}:${objectIdentity(r.relation)}`, r.relation]));
  return relations(after.tables, after.views).flatMap(({ relation, kind, section }) => {
    const was = old.get(`${section}:${objectIdentity(relation)}`)?.comment ?? null;
    const now = relation.comment ?? null;
    if ((was ?? '') === (now ?? '')) return [];
    return [
      change(
        'relation.comment_changed',
        formatPath([section, relation.key, 'comment']),
        relation.key,
        { before: was, after: now },
        { relation, kind, before: was, after: now },
      ),
    ];
  });
}
