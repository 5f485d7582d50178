import { defineChecker } from '@migration-architect/core';
import { KUBERNETES_CHANGE_KINDS } from './diff/kubernetes-change-kinds.js';
import { diffManifests, type KubernetesChange } from './diff/kubernetes-diff.js';
import type { KubernetesManifests } from './manifests/kubernetes-model.js';
import { kubernetesRules } from './rules/kubernetes-rules.js';

/** `check --type kubernetes before/ after/`: two manifest sets, every object compared. */
export const kubernetesChecker = defineChecker<KubernetesManifests, KubernetesChange>({
  id: 'kubernetes',
  title: 'Kubernetes manifests',
  description:
    'Compares two sets of Kubernetes manifests (files or folders of multi-document YAML: helm template or kustomize build outputs, two commits): deleted claims, namespaces and CRDs, immutable field changes, removed API versions for --target-version, CRD versions, Service ports, Ingress routes, replicas to 0, PodDisruptionBudgets, and the rollouts a change starts.',
  changeKinds: [...KUBERNETES_CHANGE_KINDS],
  diff: (before, after, options) => diffManifests(before, after, options),
  rules: kubernetesRules,
  recommendations: {
    breaking: [
      'Do not sync these manifests as they are: data is deleted, an object must be recreated, or the API server refuses an apiVersion. Back up (Velero) and set volumes to Retain first.',
    ],
    potentiallyBreaking: ['Sync in an announced window and watch the rollouts (kubectl rollout status).'],
    withScripts: ['The scripts are kubectl commands to run before the sync, each with its undo.'],
    always: ['Keep this check in CI on the rendered manifests (helm template / kustomize build of the base and of the branch).'],
  },
});
