import { z } from 'zod';

/**
 * For processes that validate each document once (a CLI run): zod then skips compiling a fast
 * path per schema, which costs more than it saves on a single parse (plugin validation at start-up:
 * ~45 ms → ~19 ms). Long-running hosts that parse the same schemas many times should not call it.
 */
export function preferOneShotValidation(): void {
  z.config({ jitless: true });
}
