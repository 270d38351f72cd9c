import { useMemo, useState } from 'react';
import type { Session, TaskSession } from '../../../../shared/protocol';
import { isStalled, progressLabel, rollUp, rollUpLabel } from '../../../../shared/sessions';
import { kindLabel } from '../../components/KindIcon';
import { takeFanOutRequest } from '../../components/openFanOut';
import { StatusChip } from '../../components/StatusChip';
import { FanOutApprovals } from './FanOutApprovals';
import { SessionLink } from './SessionLink';

/**
 * A background task: its state and effort, where it came from, and its fan-out children, those
 * waiting at a checkpoint first, to be decided together (FanOutApprovals). The sessions it links
 * to come with it (SessionResult.related, a live query): those the cache holds.
 */
export function TaskDetail({ session, related, now }: { session: TaskSession; related: readonly Session[]; now: number }) {
  const byId = useMemo(() => new Map(related.map((s) => [s.id, s])), [related]);
  const { task } = session;
  const summary = useMemo(() => rollUp(session, (id) => byId.get(id)), [session, byId]);
  const from = task.backgroundedFrom;
  // Taken once, on the view's first render: only the row's "N subtasks waiting" asks for it.
  const [fanOutAsked] = useState(() => takeFanOutRequest(session.id));

  return (
    <section className="detail-section" aria-labelledby="task-heading">
      <h2 id="task-heading">Task</h2>
      <dl className="detail-facts">
        <dt>State</dt>
        <dd>
          <StatusChip session={session} />
          {isStalled(session, now) && <span className="detail-stalled"> No progress for 30 minutes — possibly stalled</span>}
        </dd>
        <dt>Effort</dt>
        <dd>{progressLabel(session)}</dd>
        {from && (
          <>
            <dt>Backgrounded from</dt>
            <dd>
              <span className="muted">{kindLabel(from.kind)}: </span>
              <SessionLink id={from.id} target={byId.get(from.id)} />
            </dd>
          </>
        )}
        {task.parentId && (
          <>
            <dt>Parent task</dt>
            <dd>
              <SessionLink id={task.parentId} target={byId.get(task.parentId)} />
            </dd>
          </>
        )}
      </dl>
      {task.childIds.length > 0 && <FanOutApprovals parent={session} related={related} now={now} focusOnMount={fanOutAsked} />}
      {task.childIds.length > 0 && (
        <>
          <h3>
            Fan-out <span className="muted">· {rollUpLabel(summary)}</span>
          </h3>
          <ul className="task-children" aria-label="Child tasks">
            {task.childIds.map((id) => {
              const child = byId.get(id);
              return (
                <li key={id} className="task-child">
                  {child ? <StatusChip session={child} /> : <span className="chip chip-neutral">Unknown</span>}
                  <SessionLink id={id} target={child} />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
