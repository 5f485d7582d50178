export { createInfrastructurePlugin } from './plugin.js';
export { infrastructureOptionsSchema, type InfrastructureOptions } from './options.js';

import { createInfrastructurePlugin } from './plugin.js';

/** `infrastructure(options?)`: the plugin factory the CLI and config files call. */
export default createInfrastructurePlugin;
