export { messaging as default, messaging as createMessagingPlugin } from './plugin.js';
export { messagingOptionsSchema, type MessagingOptions } from './options.js';
