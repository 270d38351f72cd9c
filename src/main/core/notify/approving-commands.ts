import { CommandClient, type CommandReply, type CommandRequest } from '../commands/command-client';
import type { FrameChannel } from '../connection/connection';

/**
 * The command client every surface sends through (the windows' API, the CLI's approve, a
 * notification's Approve), telling the core of each approval the server accepted: what a
 * follow-up waits on. Only an `ok` counts: a refused or lost approval decided nothing.
 */
export class ApprovingCommands extends CommandClient {
  constructor(
    connection: FrameChannel,
    private readonly onApproved: (sessionId: string, checkpointId: string) => void,
  ) {
    super(connection);
  }

  override async run(request: CommandRequest, timeoutMs?: number): Promise<CommandReply> {
    const reply = await super.run(request, timeoutMs);
    // The protocol requires checkpointId on an approve (PROTOCOL.md 3.6); without it nothing was approved here.
    if (reply.ok && request.action === 'approve' && request.checkpointId) {
      try {
        this.onApproved(request.sessionId, request.checkpointId);
      } catch {
        // Bookkeeping for a later follow-up must never turn an approval that happened into an error.
      }
    }
    return reply;
  }
}
