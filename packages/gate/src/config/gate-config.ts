/** Globs (picomatch, matched against repository paths) the gate looks at when nothing is configured. */
export const DEFAULT_INCLUDE = [
  // Migration folders: any `.sql` file, claimed when it belongs to a series (Flyway, golang-migrate, dbmate, diesel, sqlx, Prisma, numbered).
  '**/*.sql',
  // OpenAPI / Swagger, Terraform plan JSON, Kubernetes manifests, JSON schema documents: whichever a loaded source reads.
  '**/*.{json,yaml,yml}',
  // GraphQL SDL.
  '**/*.{graphql,graphqls,gql}',
];

export const DEFAULT_EXCLUDE = [
  '**/node_modules/**',
  '**/.git/**',
  '**/vendor/**',
  '**/package.json',
  '**/package-lock.json',
  '**/pnpm-lock.yaml',
  '**/pnpm-workspace.yaml',
  '**/tsconfig*.json',
  '**/.github/**',
  '**/.gitlab-ci.yml',
  '**/.pre-commit-*.yaml',
  '**/*.lock',
];

/** Schema files that are not migrations: SQL only counts as a schema under these names. */
export const DEFAULT_SQL_SCHEMAS = ['**/structure.sql', '**/schema.sql', '**/*.schema.sql', '**/*schema*.sql', '**/*dump*.sql', '**/schema/**/*.sql'];

export { GateConfigSchema, type GateConfig } from '@migration-architect/core';
