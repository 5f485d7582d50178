export * from './errors.js';
export { describeZodError, formatPath } from './zod-issue-path.js';
