/**
 * Errors users can act on. Each carries the exit code the CLI maps it to (sysexits.h, as DESIGN.md
 * documents) and, where known, the file and the path inside it.
 */
export type ExitCode = 64 | 65 | 66 | 69 | 70 | 73;

export interface ErrorLocation {
  file?: string | undefined;
  /** Path inside the document, e.g. `constraints.max_downtime_minutes` or `phases[2].name`. */
  path?: string | undefined;
  line?: number | undefined;
}

export class MigrationArchitectError extends Error {
  readonly exitCode: ExitCode;
  readonly location: ErrorLocation;

  constructor(message: string, exitCode: ExitCode, location: ErrorLocation = {}) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.location = location;
  }

  /** The whole error on one line: `file:line: path: message`. */
  describe(): string {
    const where: string[] = [];
    if (this.location.file) where.push(this.location.line ? `${this.location.file}:${this.location.line}` : this.location.file);
    if (this.location.path) where.push(this.location.path);
    return [...where, this.message].join(': ');
  }

  withFile(file: string | undefined): this {
    if (file && !this.location.file) (this.location as ErrorLocation).file = file;
    return this;
  }
}

/** Bad command line (64). */
export class UsageError extends MigrationArchitectError {
  constructor(message: string, location?: ErrorLocation) {
    super(message, 64, location);
  }
}

/** Input that was read but is not valid (65): bad JSON/YAML, a field of the wrong shape, an unknown type. */
export class InputDataError extends MigrationArchitectError {
  constructor(message: string, location?: ErrorLocation) {
    super(message, 65, location);
  }
}

/** Input that cannot be read (66). */
export class InputMissingError extends MigrationArchitectError {
  constructor(message: string, location?: ErrorLocation) {
    super(message, 66, location);
  }
}

/** A service the command needs (a database) cannot be reached (69). */
export class ServiceUnavailableError extends MigrationArchitectError {
  constructor(message: string, location?: ErrorLocation) {
    super(message, 69, location);
  }
}

/** A plugin that does not satisfy the contract, or a registry that cannot be built (65: the plugin is bad input). */
export class PluginError extends MigrationArchitectError {
  constructor(message: string, location?: ErrorLocation) {
    super(message, 65, location);
  }
}

/** The output file cannot be created (73, sysexits EX_CANTCREAT). Nothing is left half-written. */
export class OutputError extends MigrationArchitectError {
  constructor(message: string, location?: ErrorLocation) {
    super(message, 73, location);
  }
}
