import { defineChecker } from '@migration-architect/core';
import { diffTopicCatalogs, TOPIC_CHANGE_KINDS, type TopicCatalog, type TopicChange } from './topic-catalog.js';
import { topicRules } from './topic-rules.js';

/** `check --type topics`: typed by the catalog and its changes, so rules read `change.after` as numbers or strings. */
export const topicChecker = defineChecker<TopicCatalog, TopicChange>({
  id: 'topics',
  title: 'Topic catalog',
  description: 'Topics, partition counts, retention and message fields',
  changeKinds: [...TOPIC_CHANGE_KINDS],
  diff: diffTopicCatalogs,
  rules: topicRules,
});
