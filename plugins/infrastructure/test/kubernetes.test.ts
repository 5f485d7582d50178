import { fileURLToPath } from 'node:url';
import {
  checkCompatibility,
  createRegistry,
  exitCodeForReport,
  InputDataError,
  type MigrationArchitectError,
  renderDocument,
  renderReportGithub,
  renderReportSarif,
  ruleCatalog,
} from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import infrastructure from '../src/index.js';
import { clock } from './fixtures.js';

const registry = createRegistry([infrastructure()]);
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/kubernetes/${name}`, import.meta.url));
const check = (targetVersion?: string) =>
  checkCompatibility(registry, { before: fixture('before'), after: fixture('after'), targetVersion, cwd: fixture('.'), clock });

describe('check before/ after/ (Kubernetes manifest folders)', () => {
  it('reads folders of multi-document YAML by content and classifies every change', async () => {
    const report = await check('1.32');
    expect(report.schema_type).toBe('kubernetes');
    expect(report.issues.map((i) => `${i.severity} ${i.rule.replace('infrastructure/', '')} ${i.field_path}`).sort()).toEqual(
      [
        'breaking persistent-volume-claim-deleted PersistentVolumeClaim.shop.uploads',
        'potentially_breaking pod-disruption-budget-removed PodDisruptionBudget.shop.web',
        'breaking immutable-field-changed StatefulSet.shop.db.spec.volumeClaimTemplates',
        'non_breaking pods-rolled Deployment.shop.web.spec.template',
        'breaking service-port-removed Service.shop.web.spec.ports[9090/TCP]',
        'breaking api-version-removed CronJob.shop.vacuum.apiVersion',
        'additive object-added CronJob.shop.vacuum',
        'non_breaking object-changed Secret.shop.db-credentials',
      ].sort(),
    );
    expect(exitCodeForReport(report)).toBe(2);
  });

  it('skips files of a folder that are not manifests (kustomization.yaml), naming them in the warnings', async () => {
    const report = await check('1.32');
    expect(report.warnings).toEqual([
      expect.stringMatching(/after[\\/]kustomization\.yaml: skipped, not a Kubernetes object: expected a document with apiVersion, kind and metadata$/),
    ]);
  });

  it('says what a rollout restarts, and how to undo it', async () => {
    const report = await check('1.32');
    const rolled = report.issues.find((i) => i.rule === 'infrastructure/pods-rolled')!;
    expect(rolled.description).toContain('spec.template.spec.containers[web].image');
    expect(rolled.description).toContain('spec.template.spec.containers[web].readinessProbe.httpGet.path');
    expect(report.migration_scripts[rolled.migration_script_index!]!.rollback_script).toBe('kubectl rollout undo deployment/web -n shop');
  });

  it('judges API removals against --target-version, naming the replacement and the source', async () => {
    const old = await check('1.24');
    const cron = old.issues.find((i) => i.field_path === 'CronJob.shop.vacuum.apiVersion')!;
    expect(cron.rule).toBe('infrastructure/api-version-deprecated');
    expect(cron.description).toContain('removed in Kubernetes 1.25; use batch/v1');
    const current = await check('1.32');
    expect(current.issues.find((i) => i.field_path === 'CronJob.shop.vacuum.apiVersion')!.rule).toBe('infrastructure/api-version-removed');
  });

  it('places findings at the file and line of the object, in SARIF and annotations too', async () => {
    const report = await check('1.32');
    const pvc = report.issues.find((i) => i.rule === 'infrastructure/persistent-volume-claim-deleted')!;
    expect(pvc.location).toEqual({ file: expect.stringMatching(/before[\\/]storage\.yaml$/), line: 1 });
    const sts = report.issues.find((i) => i.rule === 'infrastructure/immutable-field-changed')!;
    expect(sts.location).toEqual({ file: expect.stringMatching(/after[\\/]app\.yaml$/), line: 7 });
    const sarif = JSON.parse(renderReportSarif(report, { rules: ruleCatalog(registry, 'kubernetes'), toolVersion: '0.0.0' }));
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'KUB121');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(7);
    expect(renderReportGithub(report)).toMatch(/::error file=.*after[\\/]app\.yaml,line=7/);
  });

  it('never prints Secret values, in any format; only that they changed', async () => {
    const report = await check('1.32');
    const rules = ruleCatalog(registry, 'kubernetes');
    for (const output of [
      renderDocument({ kind: 'report', document: report }, 'json'),
      renderDocument({ kind: 'report', document: report }, 'markdown'),
      renderDocument({ kind: 'report', document: report }, 'text'),
      renderReportSarif(report, { rules, toolVersion: '0.0.0' }),
      renderReportGithub(report),
    ]) {
      expect(output).toContain('db-credentials');
      expect(output).not.toContain('password-value');
    }
  });

  it('with --type kubernetes, YAML that is not Kubernetes is refused naming the file and line (65)', async () => {
    const error = (await checkCompatibility(registry, { before: fixture('not-kubernetes.yaml'), after: fixture('after'), type: 'kubernetes', clock }).catch(
      (e) => e,
    )) as MigrationArchitectError;
    expect(error).toBeInstanceOf(InputDataError);
    expect(error.exitCode).toBe(65);
    expect(error.describe()).toMatch(/not-kubernetes\.yaml.*line 1|not-kubernetes\.yaml:1/);
    expect(error.describe()).toContain('expected a document with apiVersion, kind and metadata');
  });

  it('a Job with generateName (a sync hook) is created anew, so its template is not an immutable-field change', async () => {
    const job = (seconds: number) =>
      `apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n  annotations: { argocd.argoproj.io/hook: PreSync }\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{ name: m, image: app:1, command: [sleep, "${seconds}"] }]\n`;
    const report = await checkCompatibility(registry, {
      before: { name: 'before.yaml', document: job(30) },
      after: { name: 'after.yaml', document: job(20) },
      type: 'kubernetes',
      clock,
    });
    expect(report.issues.map((i) => `${i.severity} ${i.rule}`)).toEqual(['non_breaking infrastructure/object-changed']);
  });

  it('an object that stops naming its namespace is the same object, not a delete and an add', async () => {
    const service = (namespace: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: user\n${namespace}spec:\n  ports: [{ port: 80 }]\n`;
    const report = await checkCompatibility(registry, {
      before: { name: 'before.yaml', document: service('  namespace: sock-shop\n') },
      after: { name: 'after.yaml', document: service('') },
      type: 'kubernetes',
      clock,
    });
    expect(report.issues.map((i) => `${i.severity} ${i.rule} ${i.description}`)).toEqual([
      'non_breaking infrastructure/object-changed Service user: metadata.namespace changed',
    ]);
  });

  it('an object whose API group moved (extensions → apps) is the same object, not a delete and an add', async () => {
    const deployment = (apiVersion: string) =>
      `apiVersion: ${apiVersion}\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: { app: web }\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers: [{ name: web, image: web:1 }]\n`;
    const report = await checkCompatibility(registry, {
      before: { name: 'before.yaml', document: deployment('extensions/v1beta1') },
      after: { name: 'after.yaml', document: deployment('apps/v1') },
      type: 'kubernetes',
      clock,
    });
    expect(report.issues.map((i) => i.rule)).toEqual([]);
  });
});
