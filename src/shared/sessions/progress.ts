import type { Session } from '../protocol/session';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "Step 2 of 5", "12 turns" / "1 turn", "8 messages" / "1 message". */
export function progressLabel(session: Session): string {
  switch (session.kind) {
    case 'flow_run':
      return `Step ${session.flow.stepIndex} of ${session.flow.stepCount}`;
    case 'background_task':
      return plural(session.task.turns, 'turn', 'turns');
    case 'chat':
      return plural(session.chat.messageCount, 'message', 'messages');
  }
}
