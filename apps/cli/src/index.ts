export { runCli } from './run-cli.js';
export type { CliIo } from './io/cli-io.js';
export { BUILTIN_PLUGINS, type BuiltinPlugin } from './plugins/builtin-plugins.js';
