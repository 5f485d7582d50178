import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { InputDataError, OutputError, UsageError } from '@migration-architect/core';
import type { BucketLayout } from '../algorithm/bucket-layout.js';
import type { SlabHashes } from '../algorithm/hash-pass.js';
import { decodeState, encodeState } from './state-codec.js';

const FORMAT = 'migration-architect-reconcile-state';
/** Write at most this often while hashing; always at the end of a table. */
const SAVE_EVERY_MS = 2_000;

/** How the rest of a table after the probe is compared: hashed, or streamed row by row. */
export type RestStrategy = 'hash' | 'stream';

interface TableState {
  layout: BucketLayout;
  slabs: Record<string, SlabHashes>;
  /** The slabs' [first, last] buckets; absent in files written before the probe ran with --resume (their slabs had no probe). */
  slab_bounds?: [number, number][];
  /** What the probe decided for the rest, once it has: a resumed run follows it instead of probing again. */
  rest?: RestStrategy;
}

interface StateFile {
  format: string;
  version: 1;
  fingerprint: string;
  complete: boolean;
  tables: Record<string, TableState>;
}

/**
 * `--resume state.json`: the bucket layout and the hashes of every slab compared so far, per
 * table. A run given the same file skips those slabs (row differences are always read again: they
 * are cheap next to hashing). The file is for one comparison only: its fingerprint covers both
 * databases, the tables, key, columns, filter, tolerance and level. A finished run marks it
 * complete; a complete state starts afresh.
 */
export class ResumeState {
  private state: StateFile;
  private lastSave = 0;

  private constructor(
    private readonly path: string,
    state: StateFile,
    readonly resumed: boolean,
  ) {
    this.state = state;
  }

  static fingerprint(parts: unknown): string {
    return createHash('sha256').update(encodeState(parts)).digest('hex').slice(0, 32);
  }

  static async open(path: string, fingerprint: string): Promise<ResumeState> {
    let text: string | null = null;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutputError(`--resume: cannot read ${path}: ${(error as Error).message}`);
    }
    const fresh: StateFile = { format: FORMAT, version: 1, fingerprint, complete: false, tables: {} };
    if (text === null || text.trim() === '') return new ResumeState(path, fresh, false);
    let parsed: StateFile;
    try {
      parsed = decodeState(text) as StateFile;
    } catch {
      throw new InputDataError(`--resume: ${path} is not a reconcile state file (invalid JSON)`);
    }
    if (parsed?.format !== FORMAT || parsed.version !== 1) throw new InputDataError(`--resume: ${path} is not a reconcile state file`);
    if (parsed.complete) return new ResumeState(path, fresh, false);
    if (parsed.fingerprint !== fingerprint) {
      throw new UsageError(
        `--resume: ${path} belongs to another comparison (other databases, tables, key, columns, --where, --level, --hash or tolerance); delete it or name another file`,
      );
    }
    return new ResumeState(path, parsed, true);
  }

  layout(table: string): BucketLayout | null {
    return this.state.tables[table]?.layout ?? null;
  }

  slabs(table: string): Map<number, SlabHashes> {
    return new Map(Object.entries(this.state.tables[table]?.slabs ?? {}).map(([k, v]) => [Number(k), v]));
  }

  /**
   * Starts (or resumes) a table: returns the slab bounds to use — the recorded ones when resumed,
   * `null` for a file written before slab bounds were recorded (its slabs were cut without a
   * probe), else `proposed`, which is recorded.
   */
  async begin(table: string, layout: BucketLayout, proposed: [number, number][]): Promise<[number, number][] | null> {
    const existing = this.state.tables[table];
    if (!existing) this.state.tables[table] = { layout, slabs: {}, slab_bounds: proposed };
    await this.save(true);
    if (!existing) return proposed;
    return existing.slab_bounds ?? null;
  }

  /** The probe's decision for the rest of the table, if a run made one. */
  rest(table: string): RestStrategy | null {
    return this.state.tables[table]?.rest ?? null;
  }

  async decide(table: string, rest: RestStrategy): Promise<void> {
    this.state.tables[table]!.rest = rest;
    await this.save(true);
  }

  async slabDone(table: string, slab: number, hashes: SlabHashes): Promise<void> {
    this.state.tables[table]!.slabs[String(slab)] = hashes;
    await this.save(false);
  }

  async finish(complete: boolean): Promise<void> {
    this.state.complete = complete;
    await this.save(true);
  }

  /** Atomic: a temporary file beside it, renamed into place. */
  async save(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastSave < SAVE_EVERY_MS) return;
    this.lastSave = now;
    const temp = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, encodeState(this.state), 'utf8');
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true });
      throw new OutputError(`--resume: cannot write ${this.path}: ${(error as Error).message}`);
    }
  }
}
