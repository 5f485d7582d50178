import { checkPluginConformance } from '@migration-architect/testkit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

describe('conformance', () => {
  // A generous timeout: the kit checks every rule's example, slow on a shared 2-core machine under load.
  it('passes the plugin conformance kit (contract, rule examples, placeholders, rollback coverage)', { timeout: 60_000 }, async () => {
    expect(await checkPluginConformance(plugin())).toEqual([]);
  });
});
