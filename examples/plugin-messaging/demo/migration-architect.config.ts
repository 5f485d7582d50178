import { defineConfig } from '@migration-architect/core';
import messaging from 'migration-architect-plugin-messaging';

// A TS config imports plugins as values, ESLint flat-config style; options are the plugin's own.
export default defineConfig({
  plugins: [messaging({ dualPublishHours: 48, maxConsumerLag: 5000 })],
  rules: { 'messaging/partitions-increased': 'breaking' },
});
