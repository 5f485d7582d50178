import { defineDocumentSource } from '@migration-architect/core';
import { isTopicCatalog, loadTopicCatalog, type TopicCatalog } from './topic-catalog.js';

/** Topic catalogs as JSON or YAML documents: `{ topics: { orders: { partitions: 3, fields: {...} } } }`. */
export const topicCatalogSource = defineDocumentSource<TopicCatalog>({
  id: 'topic-catalog',
  checker: 'topics',
  title: 'topic catalog',
  description: 'A JSON or YAML topic catalog: topics with partitions, retention and message fields.',
  recognizes: isTopicCatalog,
  load: (document, input) => ({ model: loadTopicCatalog(document, { file: input.name }), dialect: null }),
});
