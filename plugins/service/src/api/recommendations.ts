/**
 * Advice the API report adds by what it found. Every key is given: a checker's missing key
 * would replace core's generic advice with nothing.
 */
export const apiRecommendations = {
  breaking: [
    'Implement API versioning (a /v2 path or a versioned media type) and keep the previous version serving until its traffic reaches zero',
    'Announce removals with `Deprecation` and `Sunset` response headers (RFC 9745, RFC 8594) and a link to the migration guide',
    'Release client SDKs that handle both versions before the server change ships',
    'Plan for coordinated deployment with all clients',
  ],
  potentiallyBreaking: [
    'Run consumer-driven contract tests (e.g. Pact) for every affected operation',
    'Compare old and new responses on mirrored traffic before switching clients',
  ],
  withScripts: ['Test all migration scripts in staging environment'],
  always: ['Publish a changelog of the API differences with the release', 'Keep this check in CI: exit code 2 blocks breaking changes, 1 asks for a review'],
};
