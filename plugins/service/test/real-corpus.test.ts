import type { CompatibilityReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { apiRules } from '../src/index.js';
import { join } from 'node:path';
import { corpusDir } from '../../../tooling/corpora/corpora-root.js';
import { checkFiles } from './fixtures.js';

/**
 * Real API histories (the `api-histories` corpus; docs/testing.md says where it lives): every pair is read without error, the
 * counts are pinned, and every breaking finding is listed and was checked by hand against the
 * two files as a real break of the published contract.
 */

const root = corpusDir('api-histories');
const known = new Set(apiRules.map((r) => `service/${r.id}`));

function counts(report: CompatibilityReport) {
  return { b: report.breaking_changes_count, p: report.potentially_breaking_count, n: report.non_breaking_changes_count, a: report.additive_changes_count };
}

function breaking(report: CompatibilityReport): [string, string][] {
  return report.issues.filter((i) => i.severity === 'breaking').map((i) => [i.rule.replace('service/', ''), i.field_path]);
}

async function pair(before: string, after: string) {
  const report = await checkFiles(join(root!, before), join(root!, after), 'api');
  for (const issue of report.issues) {
    expect(known.has(issue.rule), issue.rule).toBe(true);
    expect(issue.field_path).toMatch(/^\//);
  }
  return report;
}

const meta = (path: string) => `/paths/${path}/get/responses/200/content/application~1json/schema/properties/meta/properties`;

describe.skipIf(!root)('api-histories corpus', () => {
  describe('Docker Engine API (Swagger 2.0)', () => {
    it('v1.41 → v1.44', async () => {
      const report = await pair('docker-engine/v1.41.yaml', 'docker-engine/v1.44.yaml');
      expect(report.inputs?.before.dialect).toBe('swagger-2.0');
      // p was 9: KernelMemory's removal from requests was reported twice at the same pointer
      // (reached through HostConfig for create and through the update body); it is now one finding
      // listing both operations.
      expect(counts(report)).toEqual({ b: 10, p: 8, n: 48, a: 47 });
      expect(breaking(report)).toEqual([
        // The log endpoints now produce Docker's raw or multiplexed stream instead of the document-wide JSON / text.
        ['response-media-type-removed', '/paths/~1containers~1{id}~1logs/get/responses/200'],
        ['response-media-type-removed', '/paths/~1containers~1{id}~1logs/get/responses/200'],
        ['response-media-type-removed', '/paths/~1services~1{id}~1logs/get/responses/200'],
        ['response-media-type-removed', '/paths/~1services~1{id}~1logs/get/responses/200'],
        ['response-media-type-removed', '/paths/~1tasks~1{id}~1logs/get/responses/200'],
        ['response-media-type-removed', '/paths/~1tasks~1{id}~1logs/get/responses/200'],
        // x-nullable: true added: clients that read these fields may now meet null.
        ['response-property-became-nullable', '/definitions/HostConfig/allOf/1/properties/ConsoleSize'],
        // VirtualSize left ImageSummary's required list (deprecated in 1.43, omitted from 1.44).
        ['response-property-became-optional', '/definitions/ImageSummary/properties/VirtualSize'],
        ['response-property-became-nullable', '/definitions/ImageInspect/properties/Created'],
        ['response-property-became-nullable', '/definitions/BuildCache/properties/Parent'],
      ]);
      // KernelMemory, removed in 1.42, is reported on both sides: ignored if sent, gone from responses.
      expect(report.issues.filter((i) => i.description.includes('KernelMemory')).map((i) => i.rule)).toEqual(
        expect.arrayContaining(['service/request-property-removed', 'service/response-optional-property-removed']),
      );
    });

    it('v1.44 → v1.47', async () => {
      const report = await pair('docker-engine/v1.44.yaml', 'docker-engine/v1.47.yaml');
      expect(counts(report)).toEqual({ b: 0, p: 3, n: 3, a: 17 });
      // ImageInspect lost the deprecated Container and ContainerConfig fields; CheckDuplicate left network creation.
      expect(report.issues.filter((i) => i.severity === 'potentially_breaking').map((i) => i.field_path)).toEqual([
        '/definitions/ImageInspect/properties/Container',
        '/definitions/ImageInspect/properties/ContainerConfig',
        '/paths/~1networks~1create/post/parameters/0/schema/properties/CheckDuplicate',
      ]);
    });
  });

  describe('Adyen Payment API (OpenAPI 3.1)', () => {
    it('v64 → v67', async () => {
      const report = await pair('adyen-payment/v64.json', 'adyen-payment/v67.json');
      expect(report.inputs?.before.dialect).toBe('openapi-3.1');
      expect(counts(report)).toEqual({ b: 0, p: 3, n: 0, a: 9 });
      // enableRealTimeUpdate is no longer accepted by the three authorise requests.
      expect(report.issues.filter((i) => i.severity === 'potentially_breaking').map((i) => [i.rule, i.affected_operations])).toEqual([
        ['service/request-property-removed', ['POST /authorise']],
        ['service/request-property-removed', ['POST /authorise3d']],
        ['service/request-property-removed', ['POST /authorise3ds2']],
      ]);
    });

    it('v67 → v68', async () => {
      const report = await pair('adyen-payment/v67.json', 'adyen-payment/v68.json');
      expect(counts(report)).toEqual({ b: 0, p: 0, n: 5, a: 45 });
    });
  });

  describe('Twilio Studio v2 (OpenAPI 3.0)', () => {
    it('2021-06-02 → 2023-06-01', async () => {
      const report = await pair('twilio-studio/2021-06-02.json', 'twilio-studio/2023-06-01.json');
      expect(counts(report)).toEqual({ b: 17, p: 2, n: 10, a: 12 });
      expect(breaking(report)).toEqual([
        // Paging links became nullable (the last page has no next page): readers must handle null.
        ['response-property-became-nullable', `${meta('~1v2~1Flows')}/next_page_url`],
        ['response-property-became-nullable', `${meta('~1v2~1Flows')}/previous_page_url`],
        // Flow definitions, errors, warnings and contexts lost `type: object`: any JSON value may come back.
        ['response-property-type-generalized', '/components/schemas/studio.v2.flow/properties/definition'],
        ['response-property-type-generalized', '/components/schemas/studio.v2.flow/properties/errors/items'],
        ['response-property-type-generalized', '/components/schemas/studio.v2.flow/properties/warnings/items'],
        ['response-property-became-nullable', `${meta('~1v2~1Flows~1{FlowSid}~1Executions')}/next_page_url`],
        ['response-property-became-nullable', `${meta('~1v2~1Flows~1{FlowSid}~1Executions')}/previous_page_url`],
        ['response-property-type-generalized', '/components/schemas/studio.v2.flow.execution/properties/context'],
        ['response-property-type-generalized', '/components/schemas/studio.v2.flow.execution.execution_context/properties/context'],
        ['response-property-became-nullable', `${meta('~1v2~1Flows~1{FlowSid}~1Executions~1{ExecutionSid}~1Steps')}/next_page_url`],
        ['response-property-became-nullable', `${meta('~1v2~1Flows~1{FlowSid}~1Executions~1{ExecutionSid}~1Steps')}/previous_page_url`],
        ['response-property-type-generalized', '/components/schemas/studio.v2.flow.execution.execution_step/properties/context'],
        ['response-property-type-generalized', '/components/schemas/studio.v2.flow.execution.execution_step.execution_step_context/properties/context'],
        ['response-property-became-nullable', `${meta('~1v2~1Flows~1{Sid}~1Revisions')}/next_page_url`],
        ['response-property-became-nullable', `${meta('~1v2~1Flows~1{Sid}~1Revisions')}/previous_page_url`],
        ['response-property-type-generalized', '/components/schemas/studio.v2.flow.flow_revision/properties/definition'],
        ['response-property-type-generalized', '/components/schemas/studio.v2.flow.flow_revision/properties/errors/items'],
      ]);
      // From and To gained `format: phone-number`: a format only, so potentially breaking, not breaking.
      expect(report.issues.filter((i) => i.severity === 'potentially_breaking').map((i) => i.rule)).toEqual([
        'service/request-property-type-specialized',
        'service/request-property-type-specialized',
      ]);
    });

    it('2023-06-01 → 2026-04-14', async () => {
      const report = await pair('twilio-studio/2023-06-01.json', 'twilio-studio/2026-04-14.json');
      expect(counts(report)).toEqual({ b: 0, p: 4, n: 23, a: 93 });
    });
  });
});
