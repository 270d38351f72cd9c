import type { TranscriptEntry } from '../../../shared/protocol';
import { openCache } from '../../core/cache/cache';
import { CliError, parse, UsageError } from '../args';
import { dataFlag } from '../backend-flags';
import { chosenProfiles, openProfiles, PROFILE_OPTION } from '../profile-flags';
import type { Command } from '../command';
import { openOrExplain } from '../open-cache';

export const transcriptCommand: Command = {
  name: 'transcript',
  summary: "print a session's cached, redacted transcript, offline",
  usage: `Usage: parrot-tray transcript ID --data DIR [--json]

Prints the transcript of session ID from the offline cache at DIR. Credentials were replaced
by [REDACTED:<kind>] before the transcript was written to disk.

Options:
  --data DIR          the cache directory
  --json              one JSON entry per line
  --profile NAME      the cache of this profile of --data (see "parrot-tray profiles")
  -h, --help          show this help`,
  async run(args, io) {
    const { values, positionals } = parse(args, { data: { type: 'string' }, json: { type: 'boolean' }, ...PROFILE_OPTION }, true);
    if (values.help) {
      io.out(this.usage);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one session ID');
    const id = positionals[0]!;
    const dataDir = dataFlag(values);
    const store = values.profile === undefined ? null : openProfiles(dataDir);
    const dir = store ? store.cacheDir(chosenProfiles(values, store)[0]!) : dataDir;
    const cache = openOrExplain(() => openCache(dir, { readonly: true }), io);
    try {
      if (!cache.getSession(id)) throw new CliError(`no session ${id} in the cache`);
      const entries = cache.transcript(id, 0, Number.MAX_SAFE_INTEGER);
      if (entries.length === 0 && !values.json) io.out(`No transcript cached for ${id} yet (run "parrot-tray sync" while online).`);
      for (const entry of entries) io.out(values.json ? JSON.stringify(entry) : describe(entry));
      return 0;
    } finally {
      cache.close();
    }
  },
};

function describe(e: TranscriptEntry): string {
  const head = `#${e.seq} ${e.at.slice(0, 19).replace('T', ' ')}`;
  switch (e.kind) {
    case 'message':
      return `${head} ${e.message.author ?? e.message.role}: ${e.message.text}`;
    case 'tool_call':
      return `${head} tool ${e.toolCall.name} (${e.toolCall.status}) ${JSON.stringify(e.toolCall.input)}${e.toolCall.output ? `\n    ${e.toolCall.output.replace(/\n/g, '\n    ')}` : ''}`;
    case 'file_edit':
      return `${head} edit ${e.fileEdit.path}${e.fileEdit.before === null ? ' (new file)' : ''}${e.fileEdit.after === null ? ' (deleted)' : ''}`;
    case 'step':
      return `${head} step ${e.step.index} ${e.step.name}: ${e.step.status}`;
    case 'checkpoint':
      return `${head} checkpoint ${e.checkpoint.id}: ${e.checkpoint.prompt}${e.checkpoint.decision ? ` → ${e.checkpoint.decision} by ${e.checkpoint.decidedBy ?? 'someone'}${e.checkpoint.comment ? ` ("${e.checkpoint.comment}")` : ''}` : ''}`;
    case 'status':
      return `${head} status ${e.status.from} → ${e.status.to}${e.status.reason ? ` (${e.status.reason})` : ''}`;
  }
}
