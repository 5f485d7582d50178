import type { InlineAcceptance, LintFinding } from './contract-checker-types.js';
import type { ContributionOrder } from './contract-types.js';

/* The plugin contract, inputs: how sources see an input and what they return for it. */

/**
 * One schema input as sources see it: a file path, a URL, or a document already in memory (rule
 * examples). Reading is lazy and memoized, and failures name the input: a source never maps
 * file errors itself.
 */
export interface SchemaInputHandle {
  /** As the user wrote it: `db/schema.sql`, `postgres://app:secret@db/prod`. Never print it: use `name`. */
  readonly input: string;
  /** How messages and reports name it: paths as given, URLs with the password masked. */
  readonly name: string;
  /** The URL scheme in lowercase (`postgres`, `sqlite`); null for file paths and documents. */
  readonly scheme: string | null;
  /** Absolute path of a file input; null for URLs and documents. */
  readonly path: string | null;
  /**
   * The file name, for sources that recognize formats by extension: the last segment of a path,
   * or the name an in-memory example is given (`schema.sql`); null for URLs.
   */
  readonly fileName: string | null;
  /** Folder relative paths are resolved from. */
  readonly cwd: string;
  /** True for an in-memory document (rule examples, library callers). */
  readonly inMemory: boolean;
  /**
   * True when the user named the checker (`--type`): a source that reads this input's format
   * should read it and fail with a path on what is wrong, rather than answer "not mine".
   */
  readonly explicit: boolean;
  /** The file's text (UTF-8, BOM removed). */
  text(): Promise<string>;
  /** The file's bytes. */
  bytes(): Promise<Uint8Array>;
  /** The input parsed as JSON or YAML; errors carry the file and line. */
  document(): Promise<unknown>;
  /** True when the input is a JSON/YAML document: an in-memory value, or a `.json`, `.yaml`, `.yml` or extension-less file. */
  isDocumentFile(): boolean;
}

/** What a source returns for an input it reads. */
export interface SchemaRead<Model = unknown> {
  /** The checker's model. */
  model: Model;
  /**
   * The engine the schema came from (`postgresql`, `sqlite`, `openapi-3.0`): scripts are written
   * for it. Null when the format does not say.
   */
  dialect: string | null;
  /**
   * What the report shows for this input (`schema_before` / `schema_after`). Default: the input's
   * name and the source's title. JSON sources keep the first 500 characters of the document.
   */
  summary?: string | undefined;
  /**
   * What the source tolerated or could not read (a null `responses:`, an object it does not
   * compare), one sentence each. The report keeps them in `warnings`; the CLI prints them on stderr.
   */
  warnings?: string[] | undefined;
  /**
   * Set when the input is a change set in itself (a Terraform plan): the models before and after
   * the change it describes. `check` given this one input compares them, exactly as if two
   * inputs had been read into these models; `model` is then what the input reads as when it is
   * given as one side of a pair (usually `after`).
   */
  changeSet?: { before: Model; after: Model } | undefined;
  /**
   * The lint hook: findings on the input's own statements (a migration file read by
   * `applyMigration`, or a source reading a file of statements). Core classifies each with the rule
   * it names, applies acceptances and rule overrides to it like to any finding. Read from the after
   * side only.
   */
  lints?: LintFinding[] | undefined;
  /** Acceptances written in the input (inline comments); core applies them to the findings of this comparison. Read from the after side only. */
  acceptances?: InlineAcceptance[] | undefined;
}

export interface SchemaSourceInput<Model = any> {
  /** Unique within the plugin; reported as `namespace/id`. */
  id: string;
  /** The checker whose model this source builds. It may belong to another plugin. */
  checker: string;
  /** Short name of the format: "PostgreSQL SQL". */
  title: string;
  /** One sentence for `plugins show`: what inputs it reads and how. */
  description: string;
  /** Sources are asked in order (`pre`, `normal`, `post`, then plugin and list order); the first that answers wins. */
  order?: ContributionOrder | undefined;
  /**
   * Reads the input when it recognizes it (by scheme, extension or content), otherwise returns
   * undefined so the next source is asked. Failures are core errors: InputMissingError (66),
   * InputDataError with file and line (65), ServiceUnavailableError (69, never a password).
   */
  read: (input: SchemaInputHandle) => Promise<SchemaRead<Model> | undefined> | SchemaRead<Model> | undefined;
}

export interface SchemaSource<Model = any> extends SchemaSourceInput<Model> {
  order: ContributionOrder;
}
