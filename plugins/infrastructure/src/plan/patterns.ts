import type { PatternInput } from '@migration-architect/core';

/** Infrastructure migration patterns, with the seed's phases, base hours and multipliers. */
export const infrastructurePatterns: PatternInput[] = [
  {
    id: 'cloud_migration',
    type: 'infrastructure',
    title: 'Cloud migration',
    description:
      'Move an estate to (or between) clouds through a designed landing zone: assess, design, prove it on a pilot, migrate in waves, optimise the result, then decommission the source.',
    phases: ['assessment', 'design', 'pilot', 'migration', 'optimization', 'decommission'],
    baseDurationHours: 720,
    complexityMultiplier: { low: 0.6, medium: 1.0, high: 1.5, critical: 2.5 },
    whenToUse: [
      'Cloud-to-cloud moves, or cloud adoption where the target architecture differs from the source',
      'The estate needs a landing zone (accounts, networks, guardrails) designed before anything moves',
      'Cost and right-sizing are part of the goal, not an afterthought',
    ],
    recommendedWhen: [
      {
        complexity: ['medium', 'high', 'critical'],
        downtime: ['zero', 'some'],
        reason: 'A designed landing zone, a pilot and wave-by-wave moves keep large estates under control, and the optimization phase pays the cost back',
      },
    ],
    // Optimising the new estate and retiring the old one both only need the migration done.
    dependencies: { decommission: ['migration'] },
    favouredBy: [{ fact: 'cloud-source', reason: 'the estate already runs in a cloud: a cloud-to-cloud move through a designed landing zone' }],
  },
  {
    id: 'on_prem_to_cloud',
    type: 'infrastructure',
    title: 'On-premises to cloud',
    description:
      'Discover what runs in the data centre, plan waves and hybrid connectivity, prove the move on a pilot, migrate, validate, and cut traffic over last, keeping the data centre as the fallback.',
    phases: ['discovery', 'planning', 'pilot', 'migration', 'validation', 'cutover'],
    contradictedBy: [{ fact: 'cloud-source', reason: 'the source already runs in a cloud: there is no data centre to leave (cloud_migration)' }],
    favouredBy: [{ fact: 'on-premises-source', reason: 'leaving a data centre, with it as the fallback until cutover' }],
    baseDurationHours: 480,
    complexityMultiplier: { low: 0.8, medium: 1.2, high: 2.0, critical: 3.0 },
    whenToUse: [
      'Leaving a data centre (lease end, hardware refresh) with mostly rehost or replatform moves',
      'Hybrid connectivity (VPN or Direct Connect) can carry replication during the coexistence period',
      'The data centre stays available as the fallback until cutover is proven',
    ],
    recommendedWhen: [
      {
        complexity: ['low', 'medium'],
        downtime: ['some'],
        reason: 'Lift and shift with a cutover window (selection matrix: infrastructure, low complexity, some downtime)',
      },
      {
        complexity: ['high', 'critical'],
        downtime: ['zero'],
        reason:
          'A hybrid period with replication lets workloads move wave by wave with a final DNS cutover (selection matrix: infrastructure, high complexity, zero downtime)',
      },
    ],
  },
];
