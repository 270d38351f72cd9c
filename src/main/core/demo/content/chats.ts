export interface ChatTopic {
  title: string;
  mode: 'ask' | 'chat';
  userLines: readonly string[];
  agentLines: readonly string[];
}

/**
 * Chats as people really use them: "ask" for a quick answer about the codebase, "chat" for
 * a longer back-and-forth. Lines are short so a transcript page stays a few hundred bytes.
 */
export const CHAT_TOPICS: readonly ChatTopic[] = [
  {
    title: 'Why is the checkout e2e test flaky?',
    mode: 'ask',
    userLines: ['Why does checkout.spec.ts fail about one run in ten?', 'Can we just raise the timeout?'],
    agentLines: [
      'It races the payment iframe: the test clicks Pay before the iframe posts its ready message.',
      'Raising the timeout hides it. Waiting for the ready event fixes it; I can make that change.',
    ],
  },
  {
    title: 'How do feature flags reach the web app?',
    mode: 'ask',
    userLines: ['Where does the web app read feature flags from?'],
    agentLines: [
      'From /api/flags at boot, cached in localStorage for 5 minutes; see src/flags/client.ts.',
      'Server-side rendering reads them from the request context instead, so both agree per request.',
    ],
  },
  {
    title: 'Plan the Postgres 16 upgrade',
    mode: 'chat',
    userLines: ['We need to get the main cluster onto Postgres 16 this quarter.', 'What breaks?', 'OK, draft the runbook.'],
    agentLines: [
      'Two extensions need new builds (pg_partman, pg_cron) and one query relies on removed implicit casts.',
      'Logical replication to a new cluster keeps downtime under a minute; pg_upgrade in place is simpler but longer.',
      'Draft runbook is in docs/runbooks/pg16.md: 9 steps, with a rollback after each.',
    ],
  },
  {
    title: 'Explain the retry policy in the webhook sender',
    mode: 'ask',
    userLines: ['What happens when a customer endpoint returns 500?'],
    agentLines: [
      'We retry 8 times with exponential backoff capped at 1 hour, then mark the delivery failed and email the owner.',
    ],
  },
  {
    title: 'Review my migration before I merge',
    mode: 'chat',
    userLines: ['Can you look at 0142_add_invoice_currency before I merge?', 'Good catch. Fix it?'],
    agentLines: [
      'The new column has a default, so Postgres 11+ adds it without a rewrite. The index is the problem: it is not CONCURRENTLY.',
      'Done: the index is in its own migration with CONCURRENTLY and no transaction.',
    ],
  },
  {
    title: 'What changed in the billing API last week?',
    mode: 'ask',
    userLines: ['Summarise last week’s changes to the billing API.'],
    agentLines: [
      'Four merged PRs: invoice currency field, a fix to proration on downgrades, a new /credits endpoint, and a docs fix.',
    ],
  },
  {
    title: 'Help me write the Q4 platform update',
    mode: 'chat',
    userLines: ['I need a one-page Q4 update for the platform team.', 'Shorter, and lead with the CI numbers.'],
    agentLines: [
      'Here is a draft with three sections: upgrades shipped, reliability, and what slips to Q1.',
      'Rewritten: median CI time went from 14 to 9 minutes first, then the rest in five bullets.',
    ],
  },
  {
    title: 'Is the ledger service safe to scale to 6 replicas?',
    mode: 'ask',
    userLines: ['Can ledger run with 6 replicas, or does something assume one?'],
    agentLines: [
      'The nightly reconciliation job takes no lock, so two replicas would both run it. Add an advisory lock first.',
    ],
  },
  {
    title: 'Debug the staging deploy failure',
    mode: 'chat',
    userLines: ['Staging deploy is red since this morning.', 'That was me, sorry. Can you revert it?'],
    agentLines: [
      'The health check fails because the new config expects REDIS_TLS=true, which staging does not set.',
      'Reverted in a PR; the deploy goes green once it merges.',
    ],
  },
  {
    title: 'Which services still use Node 18?',
    mode: 'ask',
    userLines: ['Which of our services are still on Node 18?'],
    agentLines: ['Three: acme/docs, the image resizer and the legacy admin. Node 18 reached end of life in April 2025.'],
  },
  {
    title: 'Draft the on-call handover notes',
    mode: 'chat',
    userLines: ['Draft my on-call handover for Grace.', 'Add the disk alert on db-replica-2.'],
    agentLines: [
      'Quiet week: two pages, both the queue-depth alert, both cleared on their own.',
      'Added: db-replica-2 is at 81% disk; the cleanup job is scheduled for Thursday.',
    ],
  },
  {
    title: 'How do I run the API locally against staging data?',
    mode: 'ask',
    userLines: ['How do I point my local API at the staging database?'],
    agentLines: ['Run `make tunnel-staging`, then start the API with `npm run dev -- --env staging`; it is read-only.'],
  },
  {
    title: 'Brainstorm names for the new tray app',
    mode: 'chat',
    userLines: ['We need a name for the desktop companion.', 'Something with a bird in it.'],
    agentLines: ['Some options: Lookout, Beacon, Perch.', 'Then Parrot Tray: short, and it says what it does.'],
  },
];
