/** What people hand to a background agent: small, concrete, repo-scoped jobs. */
export const TASK_TITLES: readonly string[] = [
  'Fix the N+1 query in GET /invoices',
  'Add retry with backoff to the webhook sender',
  'Migrate auth middleware to the new session API',
  'Write tests for the currency rounding helpers',
  'Remove the legacy v1 export endpoint',
  'Investigate memory growth in the ingest worker',
  'Convert the settings page to React Server Components',
  'Add pagination to the audit log API',
  'Port the billing cron jobs to the scheduler',
  'Replace moment with date-fns in acme/web',
  'Tighten the CSP on the marketing site',
  'Add structured logging to the payments service',
  'Speed up the Docker build for acme/api',
  'Fix timezone bug in the weekly digest email',
  'Backfill missing tax IDs for EU customers',
  'Document the feature-flag rollout process',
  'Split the 2,000-line OrderService into modules',
  'Upgrade the Postgres driver and fix the deprecations',
];

/** Questions an agent pauses on: each names the concrete, hard-to-undo thing it is about to do. */
export const TASK_CHECKPOINT_PROMPTS: readonly string[] = [
  'Push 3 commits to ada/retry-webhooks?',
  'Run the migration against the staging database?',
  'Delete 41 stale feature branches?',
  'Force-push the rebased branch over origin/feature/audit-pagination?',
  'Install 3 new dependencies (p-retry, undici, zod)?',
  'Send the test digest email to 12 internal recipients?',
  'Open a draft PR with 27 changed files?',
];
