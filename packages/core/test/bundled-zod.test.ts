import { describe, expect, it } from 'vitest';
import { z as packageZod } from 'zod';
// The built core, as the CLI and plugins load it: it carries its own zod (see tsup.config.ts).
import * as built from '../dist/index.js';
import { toyPlugin } from './fixtures/toy-plugin.js';

const spec = { type: 'toy', source: 'a', target: 'b' };
const clock = built.fixedClock(new Date(0));

describe('core carries its own zod', () => {
  it('is a copy apart from the zod package, and re-exports it as z', () => {
    expect(built.z).not.toBe(packageZod);
    expect(built.z.string().safeParse('x').success).toBe(true);
  });

  // A third-party plugin that depends on zod itself hands core schemas from another copy: core
  // must parse with them, apply their defaults and transforms, and name the failing path.
  it.each([
    ['the zod package', packageZod],
    ["core's z", built.z],
  ] as const)('plans with spec fields declared with %s, and names a field of the wrong shape', (_name, z) => {
    const plugin = toyPlugin();
    const type = plugin.migrationTypes![0]!;
    type.specFields = { crates: z.array(z.string()).transform((names) => names.map((n) => n.toUpperCase())) };
    type.constraintFields = { max_trucks: z.number().int().default(3) };
    const seen: unknown[] = [];
    type.facts = (received) => {
      seen.push({ crates: received['crates'], trucks: received.constraints?.['max_trucks'] });
      return [];
    };
    const registry = built.createRegistry([plugin]);
    built.createPlan(registry, { ...spec, crates: ['bear'], constraints: {} } as never, { clock });
    expect(seen).toEqual([{ crates: ['BEAR'], trucks: 3 }]);
    try {
      built.reviewSpec(registry, { ...spec, crates: [7] } as never, { file: 'spec.yaml' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(built.InputDataError);
      expect((error as InstanceType<typeof built.InputDataError>).describe()).toMatch(
        /^spec\.yaml: crates\[0\]: Invalid input: expected string, received number/,
      );
    }
  });

  it("validates plugin options declared with another zod copy through core's factory", () => {
    const factory = built.definePluginFactory({
      name: '@acme/toys',
      optionsSchema: packageZod.strictObject({ trucks: packageZod.number().int().positive().default(2) }),
      create: ({ trucks }) => toyPlugin({ meta: { name: '@acme/toys', version: '1.0.0', namespace: 'toy', description: `${trucks} trucks` } }),
    });
    expect(built.createRegistry([factory()]).plugins[0]!.meta.description).toBe('2 trucks');
    expect(() => factory({ truks: 3 } as never)).toThrowError('plugin "@acme/toys": invalid option "truks": unknown option');
  });
});
