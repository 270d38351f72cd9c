export interface FlowStepTemplate {
  name: string;
  /** The approval prompt shown while the run is paused here, e.g. "Open a PR touching 14 files?". */
  checkpoint?: string;
  /** A clear human error for when the demo decides this step fails. */
  failure?: { code: string; message: string };
}

export interface FlowTemplate {
  flowId: string;
  flowName: string;
  titles: readonly string[];
  steps: readonly FlowStepTemplate[];
}

/**
 * The flows a platform team actually schedules. Every flow has a step that can fail with a
 * message a person can act on, so the "problem" colour and error text always have material;
 * about half pause at a checkpoint, so approvals show up without dominating the tray.
 */
export const FLOW_TEMPLATES: readonly FlowTemplate[] = [
  {
    flowId: 'fl_1',
    flowName: 'Dependency upgrade',
    titles: ['Nightly dependency upgrade', 'Upgrade React to 19.2 in acme/web', 'Weekly Go module bump'],
    steps: [
      { name: 'Scan lockfiles' },
      {
        name: 'Resolve upgrades',
        failure: { code: 'peer_conflict', message: 'react-dom@19.2.0 needs react@^19.2.0, but packages/ui pins 18.3.1' },
      },
      {
        name: 'Run test suite',
        failure: { code: 'tests_failed', message: '3 tests failed in packages/api after the upgrade' },
      },
      { name: 'Open pull request', checkpoint: 'Open a PR touching 14 files?' },
      { name: 'Request review' },
    ],
  },
  {
    flowId: 'fl_2',
    flowName: 'Release notes',
    titles: ['Release notes for v2.14.0', 'Draft notes for the November release'],
    steps: [
      {
        name: 'Collect merged PRs',
        failure: { code: 'rate_limited', message: 'GitHub API rate limit reached after 4,812 requests; it resets in 11 minutes' },
      },
      { name: 'Group changes by area' },
      { name: 'Draft notes' },
      { name: 'Publish to changelog', checkpoint: 'Publish the v2.14.0 notes to the public changelog?' },
    ],
  },
  {
    flowId: 'fl_3',
    flowName: 'Flaky test triage',
    titles: ['Flaky test triage', 'Triage flakes in the checkout e2e suite'],
    steps: [
      { name: 'Collect CI history' },
      {
        name: 'Rerun suspects',
        failure: { code: 'ci_timeout', message: 'CI runner timed out after 30 minutes on shard 3 of 8' },
      },
      { name: 'Bisect' },
      { name: 'Quarantine tests' },
      { name: 'File issues' },
    ],
  },
  {
    flowId: 'fl_4',
    flowName: 'Security patch rollout',
    titles: ['Roll out the Go 1.23.4 security patch', 'Patch CVE-2025-22871 across services'],
    steps: [
      { name: 'Read advisory' },
      { name: 'Find affected services' },
      {
        name: 'Patch and build',
        failure: { code: 'build_failed', message: 'go build failed in services/ledger: undefined: tls.CipherSuiteName' },
      },
      { name: 'Canary deploy', checkpoint: 'Deploy the patched image to 5% of production traffic?' },
      { name: 'Full rollout', checkpoint: 'Roll out the patch to all 14 services?' },
      { name: 'Verify' },
    ],
  },
  {
    flowId: 'fl_5',
    flowName: 'Docs sync',
    titles: ['Sync API reference with openapi.yaml', 'Docs sync after the billing API change'],
    steps: [
      { name: 'Diff API schema' },
      {
        name: 'Update reference pages',
        failure: { code: 'schema_invalid', message: "openapi.yaml line 812: duplicate operationId 'listInvoices'" },
      },
      { name: 'Build site' },
      { name: 'Open pull request' },
    ],
  },
  {
    flowId: 'fl_6',
    flowName: 'DB migration review',
    titles: ['Review migration 0142_add_invoice_currency', 'Review migration 0143_backfill_tax_ids'],
    steps: [
      { name: 'Load migration' },
      {
        name: 'Dry run on a snapshot',
        failure: {
          code: 'lock_timeout',
          message: 'ALTER TABLE invoices held an exclusive lock for 41 s on the snapshot (limit 5 s)',
        },
      },
      { name: 'Check rollback' },
      { name: 'Estimate impact' },
      { name: 'Apply to staging', checkpoint: 'Apply 0142_add_invoice_currency to staging?' },
    ],
  },
  {
    flowId: 'fl_7',
    flowName: 'Incident summary',
    titles: ['Summarise INC-2291 (checkout latency)', 'Post-incident summary for INC-2304'],
    steps: [
      {
        name: 'Gather timeline',
        failure: { code: 'upstream_unavailable', message: 'PagerDuty API returned 503 for incident PD-4821' },
      },
      { name: 'Pull metrics' },
      { name: 'Draft summary' },
      { name: 'Post to #incidents', checkpoint: 'Post the INC-2291 summary to #incidents?' },
    ],
  },
  {
    flowId: 'fl_8',
    flowName: 'Onboarding checklist',
    titles: ['Onboard Grace Hopper', 'Onboarding checklist for the new SRE'],
    steps: [
      {
        name: 'Create accounts',
        failure: { code: 'provisioning_failed', message: 'Okta refused to create grace@acme.dev: the username already exists' },
      },
      { name: 'Grant repository access' },
      { name: 'Set up dev environment' },
      { name: 'Assign starter issue' },
    ],
  },
  {
    flowId: 'fl_9',
    flowName: 'Cloud cost report',
    titles: ['Monthly cloud cost report', 'Cost report for the data platform'],
    steps: [
      { name: 'Export billing data' },
      {
        name: 'Attribute spend to teams',
        failure: { code: 'missing_tags', message: '212 resources have no team tag; 18% of spend is unattributed' },
      },
      { name: 'Draft report' },
    ],
  },
];
