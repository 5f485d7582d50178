import type { MigrationSpec, SpecFact, SpecOrigin } from '@migration-architect/core';
import type { TerraformCatalog } from '../terraform/catalog/terraform-catalog.js';
import { readSpecTerraformPlan } from './terraform-plan/read-spec-plan.js';
import { terraformPlanFacts } from './terraform-plan/terraform-plan-risks.js';

const CLOUD = /\b(aws|amazon|azure|gcp|google cloud|oci|oracle cloud)\b|\b(?:us|eu|ap|sa|ca|me|af)-(?:north|south|east|west|central|northeast|southeast)-\d\b/i;
const ON_PREMISES = /on[- ]?prem|data ?cent(?:er|re)|\bdc\d?\b|colocation|vmware|vsphere|bare metal/i;

/** What the infrastructure type reads from a spec: where the estate runs now, and the findings of the Terraform plan it names. */
export function infrastructureFacts(spec: MigrationSpec, origin: SpecOrigin, catalog: TerraformCatalog): SpecFact[] {
  const facts: SpecFact[] = [];
  if (CLOUD.test(spec.source) && !ON_PREMISES.test(spec.source)) {
    facts.push({ id: 'cloud-source', path: 'source', value: spec.source, statement: 'the estate already runs in a cloud' });
  }
  if (ON_PREMISES.test(spec.source)) {
    facts.push({ id: 'on-premises-source', path: 'source', value: spec.source, statement: 'the estate runs on premises' });
  }
  const plan = readSpecTerraformPlan(spec, origin, catalog);
  if (plan) facts.push(...terraformPlanFacts(plan));
  return facts;
}
