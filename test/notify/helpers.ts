/** The caller's side of the policy, for the tests: settings from the schema, a memory as a Map. */
import {
  decideNotifications,
  type NotifyDecision,
  type Remembered,
  type SessionChange,
} from '../../src/main/core/notify';
import { NotifySettings } from '../../src/shared/notify-settings';
import type { Session } from '../../src/shared/protocol';
import { checkpoint, flowRun, NOW } from '../shared/fixtures';

const ME = 'u_ada';
export const GRACE = { id: 'u_grace', name: 'Grace Hopper' };
const TEN_AM = 10 * 60;

export interface Options {
  memory?: Map<string, Remembered>;
  settings?: Partial<NotifySettings>;
  now?: number;
  minute?: number;
}

export function decide(changes: SessionChange[], opts: Options = {}): NotifyDecision {
  const memory = opts.memory ?? new Map<string, Remembered>();
  return decideNotifications({
    changes,
    userId: ME,
    settings: NotifySettings.parse(opts.settings ?? {}),
    now: opts.now ?? NOW,
    localMinuteOfDay: opts.minute ?? TEN_AM,
    recall: (id) => memory.get(id) ?? null,
  });
}

/** What the caller does with a decision: persist what it is told to remember. */
export function persist(memory: Map<string, Remembered>, decision: NotifyDecision): void {
  for (const r of decision.remember) memory.set(r.checkpointId, r.as);
}

/** A first sight: a first sync, or a restart with an empty cache. */
export const seen = (s: Session): SessionChange => ({ before: null, after: s });
/** A paused flow run of mine waiting on checkpoint `cp`; titled after its id. */
export const waiting = (id: string, cp: string, over: Parameters<typeof flowRun>[0] = {}): Session =>
  flowRun({ id, title: `Session ${id}`, status: 'paused', checkpoint: checkpoint(cp), ...over });
export const running = (id: string, over: Parameters<typeof flowRun>[0] = {}): Session =>
  flowRun({ id, title: `Session ${id}`, ...over });
/** `event:checkpointId`, or `event:sessionId` when there is no checkpoint, in order. */
export const kinds = (d: NotifyDecision): string[] =>
  d.events.map((e) => `${e.event}:${e.checkpointId ?? e.sessionId}`);
