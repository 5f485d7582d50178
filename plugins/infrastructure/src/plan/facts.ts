import type { MigrationSpec, SpecFact } from '@migration-architect/core';

const CLOUD = /\b(aws|amazon|azure|gcp|google cloud|oci|oracle cloud)\b|\b(?:us|eu|ap|sa|ca|me|af)-(?:north|south|east|west|central|northeast|southeast)-\d\b/i;
const ON_PREMISES = /on[- ]?prem|data ?cent(?:er|re)|\bdc\d?\b|colocation|vmware|vsphere|bare metal/i;

/** What the infrastructure type reads from a spec: where the estate runs now. */
export function infrastructureFacts(spec: MigrationSpec): SpecFact[] {
  const facts: SpecFact[] = [];
  if (CLOUD.test(spec.source) && !ON_PREMISES.test(spec.source)) {
    facts.push({ id: 'cloud-source', path: 'source', value: spec.source, statement: 'the estate already runs in a cloud' });
  }
  if (ON_PREMISES.test(spec.source)) {
    facts.push({ id: 'on-premises-source', path: 'source', value: spec.source, statement: 'the estate runs on premises' });
  }
  return facts;
}
