export { createServicePlugin } from './plugin.js';
export { serviceOptionsSchema, type IgnoreEntry, type ServiceOptions } from './options.js';
export { apiRules } from './api/rules/index.js';
export { createOpenApiSource, readApiInput } from './api/openapi-source.js';
export { diffApi } from './api/diff/diff-api.js';
export type { ApiModel } from './api/model/api-model.js';
export { graphqlRules } from './graphql/graphql-rules.js';
export { graphqlSource } from './graphql/graphql-source.js';
export type { GraphqlModel } from './graphql/graphql-model.js';

import { createServicePlugin } from './plugin.js';

/** `service(options?)`: the plugin factory the CLI and config files call. */
export default createServicePlugin;
