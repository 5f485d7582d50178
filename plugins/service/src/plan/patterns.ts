import type { PatternInput } from '@migration-architect/core';

/**
 * Service migration patterns. strangler_fig and parallel_run carry the seed's phases, base hours
 * and multipliers unchanged; blue_green and canary come from the patterns catalog and the skill
 * text, and their numbers are ours (see README).
 */
export const servicePatterns: PatternInput[] = [
  {
    id: 'strangler_fig',
    type: 'service',
    title: 'Strangler fig',
    description:
      'Put a routing facade in front of the legacy service, rebuild functionality slice by slice in the new service, move each slice over, and retire the legacy service once nothing calls it.',
    phases: ['intercept', 'implement', 'redirect', 'validate', 'retire'],
    baseDurationHours: 168,
    complexityMultiplier: { low: 0.8, medium: 1.0, high: 1.8, critical: 3.0 },
    whenToUse: [
      'Replacing a legacy service whose functionality can be split by route or operation',
      'Zero downtime is required and the replacement takes weeks or months',
      'Consumers cannot all move at once',
    ],
    recommendedWhen: [
      {
        complexity: ['medium', 'high', 'critical'],
        downtime: ['zero', 'some'],
        reason:
          'Replacing a service slice by slice keeps the legacy one serving throughout (selection matrix: service replace, medium complexity, zero downtime)',
      },
    ],
    favouredBy: [{ fact: 'splits-monolith', reason: 'a monolith is taken apart route by route behind a facade' }],
  },
  {
    id: 'parallel_run',
    type: 'service',
    title: 'Parallel run',
    description:
      'Run the old and new implementations side by side on mirrored production traffic, compare their responses, and switch only once the differences are explained.',
    phases: ['setup', 'deploy', 'shadow', 'compare', 'cutover', 'cleanup'],
    baseDurationHours: 72,
    complexityMultiplier: { low: 1.0, medium: 1.3, high: 2.0, critical: 3.5 },
    whenToUse: [
      'Correctness matters more than speed (billing, pricing, entitlement logic)',
      'The new implementation must reproduce the old behaviour exactly',
      'Side effects of the shadow copy can be isolated (no duplicate payments, e-mails, writes)',
    ],
    recommendedWhen: [
      {
        complexity: ['high', 'critical'],
        downtime: ['zero', 'some'],
        reason:
          'Comparing both implementations on real traffic before switching catches behaviour differences tests miss, which matters most for complex logic',
      },
    ],
  },
  {
    id: 'blue_green',
    type: 'service',
    title: 'Blue-green deployment',
    description:
      'Stand up a complete second environment (green) next to the live one (blue), verify it in isolation, then switch all traffic in one change and keep blue ready to switch back.',
    phases: ['preparation', 'provision_green', 'verify_green', 'switch_traffic', 'retire_blue'],
    baseDurationHours: 24,
    complexityMultiplier: { low: 0.75, medium: 1.0, high: 1.5, critical: 2.5 },
    whenToUse: [
      'A new version of the same service, with zero downtime and low complexity',
      'Instant switch-back matters more than the cost of running two environments',
      'Schema and API changes are backward compatible, so blue and green can share dependencies',
    ],
    recommendedWhen: [
      {
        complexity: ['low', 'medium'],
        downtime: ['zero'],
        reason: 'One atomic switch with an equally fast switch-back (selection matrix: service update, low complexity, zero downtime)',
      },
    ],
    contradictedBy: [
      { fact: 'splits-monolith', reason: 'blue-green switches a whole service at once; splitting a monolith moves one slice at a time (strangler_fig)' },
    ],
  },
  {
    id: 'canary',
    type: 'service',
    title: 'Canary release',
    description:
      'Send a small share of production traffic to the new version, compare it with the stable version, and raise its share in steps with an analysis gate at each step.',
    phases: ['preparation', 'canary_release', 'canary_analysis', 'progressive_rollout', 'promote'],
    baseDurationHours: 48,
    complexityMultiplier: { low: 0.75, medium: 1.0, high: 1.75, critical: 3.0 },
    whenToUse: [
      'A new version whose risk shows up only under real traffic (performance, edge-case inputs)',
      'Metrics can be split by version, so canary and stable can be compared',
      'Limiting the blast radius matters more than the speed of the rollout',
    ],
    recommendedWhen: [
      {
        complexity: ['medium', 'high'],
        downtime: ['zero', 'some'],
        reason: 'A small share of real traffic exposes problems of a new version while limiting how many users meet them',
      },
    ],
  },
];
