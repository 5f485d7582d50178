import { UsageError } from '../../errors/index.js';
import type { DocumentRenderer, FormatContribution, RenderOptions, ReportFormat } from './report-format.js';

/**
 * The formats documents can be written in and who renders each kind in each: one registry the CLI
 * and reconcile both read, so that help texts, accepted values and renderers cannot drift apart.
 * Immutable: `with` returns a registry with more renderers.
 */
export class FormatRegistry {
  readonly #formats: readonly ReportFormat[];
  readonly #renderers: ReadonlyMap<string, ReadonlyMap<string, DocumentRenderer<never>>>;

  constructor(formats: readonly ReportFormat[], contributions: readonly FormatContribution<never>[] = []) {
    const names = new Set<string>();
    for (const format of formats) {
      if (names.has(format.name)) throw new Error(`format "${format.name}" is defined twice`);
      names.add(format.name);
    }
    this.#formats = formats;
    const renderers = new Map<string, Map<string, DocumentRenderer<never>>>();
    for (const { kind, format, render } of contributions) {
      const definition = formats.find((f) => f.name === format);
      if (!definition) throw new Error(`a renderer for ${kind} names the format "${format}", which is not defined`);
      if (definition.parts) throw new Error(`"${format}" is written as its parts (${definition.parts.join(', ')}); contribute those instead`);
      const byFormat = renderers.get(kind) ?? new Map<string, DocumentRenderer<never>>();
      if (byFormat.has(format)) throw new Error(`two renderers for ${kind} in ${format}`);
      byFormat.set(format, render);
      renderers.set(kind, byFormat);
    }
    this.#renderers = renderers;
  }

  /** This registry with more renderers (a package contributing its own kind of document). */
  with(contributions: readonly FormatContribution<never>[]): FormatRegistry {
    const existing: FormatContribution<never>[] = [];
    for (const [kind, byFormat] of this.#renderers) for (const [format, render] of byFormat) existing.push({ kind, format, render });
    return new FormatRegistry(this.#formats, [...existing, ...contributions]);
  }

  /** Every format defined, in definition order. */
  get formats(): readonly ReportFormat[] {
    return this.#formats;
  }

  format(name: string): ReportFormat | undefined {
    return this.#formats.find((f) => f.name === name);
  }

  /** The kinds of documents with at least one renderer. */
  get kinds(): string[] {
    return [...this.#renderers.keys()];
  }

  /** The formats a kind of document can be written in, composites included, in definition order. */
  formatsFor(kind: string): ReportFormat[] {
    const own = this.#renderers.get(kind);
    if (!own) return [];
    return this.#formats.filter((f) => (f.parts ? f.parts.every((part) => own.has(part)) : own.has(f.name)));
  }

  /** The document in one (non-composite) format; a format the kind lacks is a usage error naming the ones it has. */
  render<D>(kind: string, format: string, document: D, options: RenderOptions = {}): string {
    const render = this.#renderers.get(kind)?.get(format) as DocumentRenderer<D> | undefined;
    if (render) return render(document, options);
    const parts = this.format(format)?.parts;
    if (parts) throw new Error(`"${format}" is written as its parts (${parts.join(', ')}); render each`);
    const available = this.formatsFor(kind)
      .filter((f) => !f.parts)
      .map((f) => f.name);
    throw new UsageError(`a ${kind} cannot be written as ${format}; it can be: ${available.join(', ') || 'nothing'}`);
  }
}
