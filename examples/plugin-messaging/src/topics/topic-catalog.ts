import { describeZodError, InputDataError, type SchemaChange } from '@migration-architect/core';
import { z } from 'zod';

/** A topic catalog: what producers and consumers agree on, per topic. */
const TopicSchema = z.object({
  partitions: z.number().int().positive(),
  retention_hours: z.number().positive().optional(),
  fields: z.record(z.string(), z.string()).default({}),
});
const CatalogSchema = z.object({ topics: z.record(z.string(), TopicSchema) });

export type TopicCatalog = z.infer<typeof CatalogSchema>;
type Topic = z.infer<typeof TopicSchema>;

export function isTopicCatalog(document: unknown): boolean {
  return typeof document === 'object' && document !== null && 'topics' in document;
}

export function loadTopicCatalog(document: unknown, source: { file: string }): TopicCatalog {
  const parsed = CatalogSchema.safeParse(document);
  if (!parsed.success) {
    const { path, message } = describeZodError(parsed.error);
    throw new InputDataError(message, { file: source.file, path });
  }
  return parsed.data;
}

/** Every change kind `diffTopicCatalogs` reports; the checker declares them so the registry and the kit can check the rules cover them. */
export const TOPIC_CHANGE_KINDS = [
  'topic.removed',
  'topic.added',
  'topic.partitions_changed',
  'topic.retention_reduced',
  'field.removed',
  'field.retyped',
  'field.added',
] as const;

/** A change between catalogs: values are partition counts, hours, field types or whole topics. */
export type TopicChange = SchemaChange<number | string | Topic>;

function topicChanges(name: string, before: Topic, after: Topic): TopicChange[] {
  const at = `topics.${name}`;
  const changes: TopicChange[] = [];
  if (after.partitions !== before.partitions) {
    changes.push({ kind: 'topic.partitions_changed', path: `${at}.partitions`, subject: name, before: before.partitions, after: after.partitions });
  }
  if (before.retention_hours !== undefined && (after.retention_hours ?? Infinity) < before.retention_hours) {
    changes.push({
      kind: 'topic.retention_reduced',
      path: `${at}.retention_hours`,
      subject: name,
      before: before.retention_hours,
      after: after.retention_hours,
    });
  }
  for (const [field, type] of Object.entries(before.fields)) {
    const now = after.fields[field];
    if (now === undefined) changes.push({ kind: 'field.removed', path: `${at}.fields.${field}`, subject: `${name}.${field}`, before: type });
    else if (now !== type) changes.push({ kind: 'field.retyped', path: `${at}.fields.${field}`, subject: `${name}.${field}`, before: type, after: now });
  }
  for (const [field, type] of Object.entries(after.fields)) {
    if (!(field in before.fields)) changes.push({ kind: 'field.added', path: `${at}.fields.${field}`, subject: `${name}.${field}`, after: type });
  }
  return changes;
}

export function diffTopicCatalogs(before: TopicCatalog, after: TopicCatalog): TopicChange[] {
  const changes: TopicChange[] = [];
  for (const [name, topic] of Object.entries(before.topics)) {
    const next = after.topics[name];
    if (!next) changes.push({ kind: 'topic.removed', path: `topics.${name}`, subject: name, before: topic });
    else changes.push(...topicChanges(name, topic, next));
  }
  for (const [name, topic] of Object.entries(after.topics)) {
    if (!(name in before.topics)) changes.push({ kind: 'topic.added', path: `topics.${name}`, subject: name, after: topic });
  }
  return changes;
}
