import type { Ref } from '../../../../shared/protocol/session';

/** The signed-in user: most sessions are hers, so "my" filters have something to show. */
export const DEMO_USER: Ref = { id: 'u_ada', name: 'Ada Lovelace' };

/** Session owners, DEMO_USER first so a caller can weight towards index 0. */
export const OWNERS: readonly Ref[] = [
  DEMO_USER,
  { id: 'u_grace', name: 'Grace Hopper' },
  { id: 'u_margaret', name: 'Margaret Hamilton' },
  { id: 'u_alan', name: 'Alan Turing' },
  { id: 'u_barbara', name: 'Barbara Liskov' },
  { id: 'u_edsger', name: 'Edsger Dijkstra' },
];

/**
 * Initiatives and their plans. Ids are not sequential per initiative because plans were
 * created over time, as in a real tenant; `in_4`/`pl_2` match the example in PROTOCOL.md.
 */
export const INITIATIVES: readonly { initiative: Ref; plans: readonly Ref[] }[] = [
  {
    initiative: { id: 'in_1', name: 'Billing v2' },
    plans: [{ id: 'pl_1', name: 'Multi-currency invoices' }],
  },
  {
    initiative: { id: 'in_2', name: 'Security posture' },
    plans: [
      { id: 'pl_3', name: 'Patch SLAs' },
      { id: 'pl_4', name: 'Secrets rotation' },
    ],
  },
  {
    initiative: { id: 'in_3', name: 'Developer experience' },
    plans: [
      { id: 'pl_5', name: 'Docs overhaul' },
      { id: 'pl_6', name: 'New-hire onboarding' },
      { id: 'pl_7', name: 'Faster CI' },
    ],
  },
  {
    initiative: { id: 'in_4', name: 'Platform hygiene' },
    plans: [
      { id: 'pl_2', name: 'Q4 upgrades' },
      { id: 'pl_8', name: 'Flaky test burn-down' },
    ],
  },
];
