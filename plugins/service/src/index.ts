export { createServicePlugin } from './plugin.js';
export { serviceOptionsSchema, type ServiceOptions } from './options.js';
export { apiRules } from './api/rules/index.js';
export { loadOpenApi } from './api/openapi-loader.js';
export { openApiSource } from './api/openapi-source.js';
export { diffApi } from './api/diff.js';
export type { ApiModel } from './api/api-model.js';

import { createServicePlugin } from './plugin.js';

/** `service(options?)`: the plugin factory the CLI and config files call. */
export default createServicePlugin;
