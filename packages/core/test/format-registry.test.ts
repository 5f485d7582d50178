import { describe, expect, it } from 'vitest';
import {
  defineFormatContribution,
  documentFormats,
  FormatRegistry,
  formatWords,
  REPORT_FORMAT_DEFINITIONS,
  type FormatContribution,
  UsageError,
} from '../src/index.js';

describe('the format registry core owns', () => {
  it('defines each format once, with its media type and extension (pinned)', () => {
    expect(REPORT_FORMAT_DEFINITIONS.map((f) => [f.name, f.mediaType, f.extension, formatWords(f)])).toEqual([
      ['json', 'application/json', '.json', 'json'],
      ['text', 'text/plain', '.txt', 'text'],
      ['markdown', 'text/markdown', '.md', 'markdown (with Mermaid diagrams)'],
      ['html', 'text/html', '.html', 'html (self-contained page)'],
      ['both', 'application/json', '.json', 'both (JSON plus a .txt beside it)'],
      ['sarif', 'application/sarif+json', '.sarif', 'sarif (GitHub code scanning)'],
      ['github', 'text/plain', '.txt', 'github (workflow annotations)'],
    ]);
  });

  it("lists the formats each of core's documents has, composites when every part is there", () => {
    const names = (kind: string) => documentFormats.formatsFor(kind).map((f) => f.name);
    expect(names('plan')).toEqual(['json', 'text', 'markdown', 'html', 'both']);
    expect(names('runbook')).toEqual(['json', 'text', 'markdown', 'html', 'both']);
    expect(names('report')).toEqual(['json', 'text', 'markdown', 'html', 'both', 'sarif', 'github']);
    expect(names('reconcile')).toEqual([]);
  });

  it('takes contributions for a new kind without changing the registry it extends', () => {
    const shout: FormatContribution<{ word: string }>[] = [
      defineFormatContribution('shout', 'text', (d) => `${d.word.toUpperCase()}\n`),
      defineFormatContribution('shout', 'json', (d) => `{"word":"${d.word}"}\n`),
    ];
    const extended = documentFormats.with(shout as FormatContribution<never>[]);
    expect(extended.formatsFor('shout').map((f) => f.name)).toEqual(['json', 'text', 'both']);
    expect(extended.render('shout', 'text', { word: 'hi' })).toBe('HI\n');
    expect(extended.formatsFor('plan').map((f) => f.name)).toEqual(['json', 'text', 'markdown', 'html', 'both']);
    expect(documentFormats.kinds).toEqual(['plan', 'report', 'runbook']);
  });

  it('refuses a format a kind lacks with the ones it has, as a usage error', () => {
    const extended = documentFormats.with([defineFormatContribution('shout', 'text', () => 'x')] as FormatContribution<never>[]);
    expect(() => extended.render('shout', 'sarif', {})).toThrow(UsageError);
    expect(() => extended.render('shout', 'sarif', {})).toThrow('a shout cannot be written as sarif; it can be: text');
  });

  it('refuses renderers for undefined or composite formats and two renderers for one slot', () => {
    const formats = REPORT_FORMAT_DEFINITIONS;
    expect(() => new FormatRegistry(formats, [defineFormatContribution('k', 'yaml', () => '')] as FormatContribution<never>[])).toThrow(
      'a renderer for k names the format "yaml", which is not defined',
    );
    expect(() => new FormatRegistry(formats, [defineFormatContribution('k', 'both', () => '')] as FormatContribution<never>[])).toThrow(
      '"both" is written as its parts (json, text); contribute those instead',
    );
    const twice = [defineFormatContribution('k', 'text', () => ''), defineFormatContribution('k', 'text', () => '')] as FormatContribution<never>[];
    expect(() => new FormatRegistry(formats, twice)).toThrow('two renderers for k in text');
    expect(() => new FormatRegistry([...formats, { name: 'json', mediaType: 'x', extension: '.x' }])).toThrow('format "json" is defined twice');
  });
});
