/** Generic advice for any checker, used where the checker contributes none. */
export const DEFAULT_RECOMMENDATIONS = {
  breaking: [
    'Keep the old and new shapes side by side (expand/contract) so clients can move over before anything is removed',
    'Plan a coordinated deployment with every client of this schema',
    'Rehearse the rollback scripts before the change reaches production',
  ],
  potentiallyBreaking: ['Test the change against a copy of production data volumes', 'Monitor the migration and the affected operations while it runs'],
  withScripts: ['Run every migration and rollback script in staging first', 'Track migration progress and lock waits while scripts run'],
  always: ['Tell the teams that own dependent systems what changes and when', 'Ship behind feature flags and roll out gradually'],
};
