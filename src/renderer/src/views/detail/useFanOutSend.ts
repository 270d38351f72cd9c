import { useCallback, useRef, useState } from 'react';
import type { CommandReply } from '../../../../shared/api';
import { fanOutCommands, type FanOutDecision, type FanOutOutcome, type WaitingChild } from '../../../../shared/sessions/fan-out';
import { useApi } from '../../api/api-context';

/** One press and what came of it: the outcomes, and the children as they were when pressed. */
export interface FanOutResult {
  outcomes: FanOutOutcome[];
  /** Titles by session id: a decided child leaves the waiting list, its line in the summary stays. */
  titles: ReadonlyMap<string, string>;
}

export interface FanOutSend {
  /** How many commands are in flight (0: none). */
  sending: number;
  result: FanOutResult | null;
  send: (children: readonly WaitingChild[], press: FanOutDecision, vetoed: ReadonlySet<string>, comment?: string) => Promise<void>;
}

/**
 * Sends one command per child, all at once, each with the checkpoint id the person saw, and
 * gathers every reply, whatever each says. Nothing here changes a child: the list moves when the
 * stream says so. One press at a time: a second while the first is out sends nothing.
 */
export function useFanOutSend(): FanOutSend {
  const api = useApi();
  const inFlight = useRef(false);
  const [sending, setSending] = useState(0);
  const [result, setResult] = useState<FanOutResult | null>(null);

  const send = useCallback<FanOutSend['send']>(
    async (children, press, vetoed, comment) => {
      if (inFlight.current || children.length === 0) return;
      inFlight.current = true;
      const commands = fanOutCommands(children, press, vetoed, comment);
      setSending(commands.length);
      setResult(null);
      const outcomes = await Promise.all(
        commands.map(async (command): Promise<FanOutOutcome> => {
          let reply: CommandReply;
          try {
            reply = await api.call('command', command);
          } catch (error) {
            // The bridge itself failed (the preview's server went away): said like any other failure.
            reply = { ok: false, code: 'error', message: error instanceof Error ? error.message : String(error) };
          }
          return { sessionId: command.sessionId, checkpointId: command.checkpointId!, action: command.action as FanOutDecision, reply };
        }),
      );
      inFlight.current = false;
      setSending(0);
      setResult({ outcomes, titles: new Map(children.map((c) => [c.session.id, c.session.title])) });
    },
    [api],
  );

  return { sending, result, send };
}
