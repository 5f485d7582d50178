/**
 * The zod that core validates with, for plugins to build their spec fields and options with.
 * Core's build carries it inside (tree-shaken, `z.locales` trimmed to `en`: see tsup.config.ts),
 * so a start loads one module instead of zod's ~95; a plugin that imports `zod` itself loads its
 * own copy, which the contract accepts (any zod 4 schema), at that cost.
 */
export { z } from 'zod';
