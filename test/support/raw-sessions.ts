import type { Session } from '../../src/shared/protocol';
import { chat, checkpoint, flowRun, task } from '../shared/fixtures';

/**
 * Sessions as an independent backend sends them: valid ones that leave out (or null) every
 * optional field in turn, and broken ones, each with one required part wrong.
 */

/** The optional fields of section 4 that the Done-when list names, left out or sent as null. */
const OPTIONAL_PATHS = ['initiative', 'plan', 'origin', 'error', 'webUrl', 'flow.steps', 'checkpoint.step', 'task.childIds'] as const;

const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

function unset(target: Record<string, unknown>, path: string, asNull: boolean): void {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) {
    if (asNull) target[head] = null;
    else delete target[head];
  } else if (typeof target[head] === 'object' && target[head] !== null) unset(target[head] as Record<string, unknown>, tail, asNull);
}

/** `n` valid sessions, ids `<prefix>_<i>`: flow runs, tasks (some at a checkpoint) and chats. */
export function validSessions(n: number, prefix = 's'): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `${prefix}_${i}`;
    const common = { id, title: `Session ${i}`, updatedAt: at(i * 97_000), createdAt: at(i * 97_000 + 60_000) };
    const extra = { initiative: { id: 'in_1', name: 'Hygiene' }, plan: { id: 'pl_1', name: 'Q4' }, origin: { surface: 'web', repo: 'acme/api' } };
    let s: Session;
    if (i % 3 === 0) s = flowRun({ ...common, ...extra, status: 'paused', checkpoint: { ...checkpoint(`cp_${i}`), step: 'Open PR' }, flow: { steps: [{ name: 'Scan', status: 'succeeded' }] } });
    else if (i % 3 === 1) s = task({ ...common, ...extra, status: i % 2 ? 'running' : 'mystery-status', checkpoint: { ...checkpoint(`cp_${i}`), step: 'Turn 3' }, task: { childIds: ['bt_x'] } });
    else s = chat({ ...common, ...extra, chat: { lastMessageAt: at(i * 97_000) } });
    const raw = structuredClone(s) as Record<string, unknown>;
    // Each session leaves out one optional field, or sends it as null, in turn.
    unset(raw, OPTIONAL_PATHS[i % OPTIONAL_PATHS.length]!, i % 2 === 0);
    return raw;
  });
}

/** Six broken sessions: one required part wrong in each (the last has no readable id at all). */
export function brokenSessions(): unknown[] {
  const base = () => structuredClone(flowRun({ updatedAt: at(1000), createdAt: at(2000) })) as Record<string, unknown>;
  const without = (id: string, key: string) => {
    const s: Record<string, unknown> = { ...base(), id };
    delete s[key];
    return s;
  };
  return [
    without('bad_title', 'title'),
    { ...base(), id: 'bad_kind', kind: 'meeting' },
    { ...base(), id: 'bad_steps', flow: { flowId: 'fl', flowName: 'F', stepIndex: 1 } },
    { ...base(), id: 'bad_owner', owner: { id: 'u_1' } },
    { ...base(), id: 'bad_checkpoint', checkpoint: { id: 'cp_9', requestedAt: at(1000) } },
    { ...base(), id: 42 },
  ];
}

export const BROKEN_READABLE_IDS = ['bad_checkpoint', 'bad_kind', 'bad_owner', 'bad_steps', 'bad_title'];

/** Junk that no optional field of section 4 accepts, put into one optional field of `session`. */
export function junkOptionalField(session: Record<string, unknown>, which: number): Record<string, unknown> {
  const s = structuredClone(session);
  const junk: Array<[string, unknown]> = [
    ['initiative', 'not an object'],
    ['plan', { id: 7 }],
    ['webUrl', 12345],
    ['error', ['no']],
    ['origin', 'vscode'],
  ];
  const [key, value] = junk[which % junk.length]!;
  s[key] = value;
  return s;
}
