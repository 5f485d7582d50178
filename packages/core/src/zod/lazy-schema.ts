import { z } from 'zod';

/*
 * zod 4 builds a schema eagerly and not cheaply (each `.optional()` and `.meta()` clones): core's
 * document schemas cost ~40 ms of CPU at every import, though a `plan` validates only the spec.
 * A lazy schema is a stand-in, under the same exported name and with the same type, that builds
 * the real schema the first time anything is asked of it (`parse`, `shape`, `_zod`, ...) and
 * forwards everything to it from then on. Methods of zod schemas are closures over the real
 * schema, so `X.optional()` or `X.extend()` wrap the real one. What a stand-in cannot forward is
 * its own identity: zod's registry of metadata is keyed by the object, so the built schema's
 * metadata (title, description) is registered for the stand-in as well, and `z.toJSONSchema` of
 * either gives the same document.
 */
export function lazySchema<S extends z.ZodType>(build: () => S): S {
  let built: S | undefined;
  const real = (): S => {
    if (built === undefined) {
      built = build();
      const meta = z.globalRegistry.get(built);
      if (meta) z.globalRegistry.add(stand, meta);
    }
    return built;
  };
  // The target is only a placeholder: every trap answers from the real schema.
  const stand: S = new Proxy(Object.create(null) as S, {
    get: (_target, key) => Reflect.get(real(), key, real()),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may not report a property as non-configurable unless its target has it so.
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
  realOf.set(stand, real);
  return stand;
}

const realOf = new WeakMap<object, () => z.ZodType>();

/**
 * The real schema behind a stand-in (built now if it was not), or the schema itself. Schemas built
 * from other schemas hold this, not the stand-in: zod reads a nested schema at every value it
 * parses, and through a proxy each read costs a trap (validating the database plugin's planning
 * part took ~27 ms of CPU through stand-ins, ~15 ms without).
 */
export function builtSchema<S extends z.ZodType>(schema: S): S {
  return (realOf.get(schema)?.() as S | undefined) ?? schema;
}
