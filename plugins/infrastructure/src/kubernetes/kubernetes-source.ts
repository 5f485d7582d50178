import { defineSource } from '@migration-architect/core';
import type { KubernetesManifests } from './manifests/kubernetes-model.js';
import { manifestTexts, readManifests } from './manifests/read-manifests.js';

/**
 * Kubernetes manifests: a YAML/JSON file of one or more documents, or a folder of them (two
 * `helm template` or `kustomize build` outputs, two commits of a manifests folder). Read when
 * every document is a Kubernetes object; with `--type kubernetes`, a document that is not is an
 * error naming its file and line.
 */
export const kubernetesManifestSource = defineSource<KubernetesManifests>({
  id: 'kubernetes-manifests',
  checker: 'kubernetes',
  title: 'Kubernetes manifests',
  description: 'Kubernetes objects in multi-document YAML or JSON: a file, or a folder read recursively (.yaml, .yml, .json).',
  // Asked first: other sources would fail on a folder (or on multi-document YAML) instead of passing it on.
  order: 'pre',
  read: async (input) => {
    if (input.scheme) return undefined;
    const found = await manifestTexts(input);
    if (!found) return undefined;
    const read = readManifests(found.texts, { strict: input.explicit, folder: found.folder, name: input.name });
    if (!read) return undefined;
    const count = Object.keys(read.model.objects).length;
    return {
      model: read.model,
      dialect: 'kubernetes',
      summary: `${input.name} (${count} Kubernetes objects${found.texts.length > 1 ? ` in ${found.texts.length} files` : ''})`,
      warnings: read.skipped,
    };
  },
});
