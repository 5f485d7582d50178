import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { InputDataError, InputMissingError, type SchemaInputHandle } from '@migration-architect/core';
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { objectKey, type KubernetesManifests, type KubernetesObject } from './kubernetes-model.js';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** Text of one manifest file (or of one file inside a folder input), with the name messages use. */
interface ManifestText {
  file: string;
  text: string;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (MANIFEST_FILE.test(entry.name)) out.push(path);
  }
  return out;
}

/** The texts an input holds: the file itself, or every .yaml/.yml/.json file under a folder, in name order. */
export async function manifestTexts(input: SchemaInputHandle): Promise<{ texts: ManifestText[]; folder: boolean } | undefined> {
  if (input.inMemory) return { texts: [{ file: input.name, text: await input.text() }], folder: false };
  if (!input.path) return undefined;
  const info = await stat(input.path).catch(() => undefined);
  if (info?.isDirectory()) {
    const files = await filesUnder(input.path);
    const texts = await Promise.all(
      files.map(async (path) => {
        const file = join(input.name, relative(input.path!, path));
        try {
          return { file, text: (await readFile(path, 'utf8')).replace(/^\uFEFF/, '') };
        } catch (error) {
          throw new InputMissingError(`cannot read input: ${(error as Error).message}`, { file });
        }
      }),
    );
    return { texts, folder: true };
  }
  if (!MANIFEST_FILE.test(input.fileName ?? '') && !input.explicit) return undefined;
  // A JSON file is parsed as JSON first (fast, and most JSON inputs are someone else's: plans, OpenAPI).
  if (/\.json$/i.test(input.fileName ?? '') && !input.explicit) {
    const document = await input.document();
    const items = isRecord(document) && Array.isArray(document['items']) ? document['items'] : [document];
    if (!items.every(isKubernetesObject)) return undefined;
  }
  return { texts: [{ file: input.name, text: await input.text() }], folder: false };
}

/**
 * The documents of a multi-document YAML text, split at `---` lines: each with the line its text
 * starts on and the line of its first content, for findings.
 */
function documentChunks(text: string): { text: string; firstLine: number; line: number }[] {
  const lines = text.split('\n');
  const chunks: { text: string; firstLine: number; line: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    const body = lines.slice(start, end);
    const offset = body.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    if (offset >= 0) chunks.push({ text: body.join('\n'), firstLine: start + 1, line: start + offset + 1 });
  };
  lines.forEach((line, i) => {
    if (/^---(\s|$)/.test(line) || /^\.\.\.\s*$/.test(line)) {
      push(i);
      start = i + 1;
      // `--- {inline}` or `--- key: value` keeps content on the separator line.
      if (/^---\s+\S/.test(line) && !/^---\s+#/.test(line)) {
        lines[i] = line.replace(/^---\s+/, '');
        start = i;
      }
    }
  });
  push(lines.length);
  return chunks;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when a parsed document is a Kubernetes object: an apiVersion, a kind and metadata. */
export function isKubernetesObject(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value['apiVersion'] === 'string' && typeof value['kind'] === 'string' && isRecord(value['metadata']);
}

function redactSecret(body: Record<string, unknown>): { body: Record<string, unknown>; digest: string } {
  const digest = createHash('sha256')
    .update(JSON.stringify([body['data'] ?? null, body['stringData'] ?? null]))
    .digest('hex');
  const mask = (values: unknown) => (isRecord(values) ? Object.fromEntries(Object.keys(values).map((k) => [k, '(sensitive)'])) : values);
  return {
    body: { ...body, ...('data' in body ? { data: mask(body['data']) } : {}), ...('stringData' in body ? { stringData: mask(body['stringData']) } : {}) },
    digest,
  };
}

/**
 * Every Kubernetes object of the texts (multi-document YAML, `List` kinds unwrapped), by identity.
 * Returns undefined when `strict` is off and a document is not a Kubernetes object (the input is
 * someone else's); with `strict`, that is an error naming the file and line.
 */
export function readManifests(
  texts: ManifestText[],
  options: { strict: boolean; folder: boolean; name?: string | undefined },
): { model: KubernetesManifests; skipped: string[] } | undefined {
  const objects: Record<string, KubernetesObject> = {};
  const skipped: string[] = [];
  let seen = 0;
  for (const { file, text } of texts) {
    // In a folder, files that are not manifests (kustomization.yaml, Chart.yaml, values.yaml, Helm templates) are skipped and named.
    if (options.folder) {
      try {
        const one = readManifests([{ file, text }], { strict: true, folder: false })!;
        Object.assign(objects, one.model.objects);
        seen += Object.keys(one.model.objects).length;
      } catch (error) {
        if (!(error instanceof InputDataError)) throw error;
        skipped.push(`${file}: skipped, ${error.message}`);
      }
      continue;
    }
    const strict = options.strict;
    for (const chunk of documentChunks(text)) {
      let value: unknown;
      try {
        // js-yaml: several times faster than `yaml` on thousands of objects (pnpm bench); `json` lets a repeated key win as kubectl does.
        value = load(chunk.text, { schema: CORE_SCHEMA, json: true });
      } catch (error) {
        if (!strict && seen === 0) return undefined;
        const at = error instanceof YAMLException ? error.mark.line + 1 : undefined;
        throw new InputDataError(`invalid YAML: ${error instanceof YAMLException ? error.reason : (error as Error).message.split('\n')[0]}`, {
          file,
          line: at === undefined ? chunk.line : chunk.firstLine + at - 1,
        });
      }
      if (value === null || value === undefined) continue;
      const line = chunk.line;
      const items =
        isRecord(value) && typeof value['kind'] === 'string' && String(value['kind']).endsWith('List') && Array.isArray(value['items'])
          ? value['items']
          : [value];
      for (const item of items) {
        if (!isKubernetesObject(item)) {
          if (!strict) return undefined;
          throw new InputDataError('not a Kubernetes object: expected a document with apiVersion, kind and metadata', { file, line });
        }
        const metadata = item['metadata'] as Record<string, unknown>;
        const name =
          typeof metadata['name'] === 'string'
            ? metadata['name']
            : typeof metadata['generateName'] === 'string'
              ? `${metadata['generateName']}*`
              : `(unnamed at line ${line})`;
        const secret = item['kind'] === 'Secret' ? redactSecret(item) : undefined;
        const object: KubernetesObject = {
          apiVersion: item['apiVersion'] as string,
          kind: item['kind'] as string,
          name,
          namespace: typeof metadata['namespace'] === 'string' ? metadata['namespace'] : null,
          body: secret?.body ?? item,
          file,
          line,
          ...(secret ? { secretDigest: secret.digest } : {}),
        };
        objects[objectKey(object)] = object;
        seen++;
      }
    }
  }
  if (seen === 0 && !options.strict) return undefined;
  if (seen === 0 && options.folder)
    throw new InputDataError(`no Kubernetes objects in the folder (${skipped.length} files skipped: render Helm charts or kustomizations first)`, {
      file: options.name,
    });
  return { model: { objects }, skipped };
}
