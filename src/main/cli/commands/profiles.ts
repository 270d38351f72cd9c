import fs from 'node:fs';
import path from 'node:path';
import { CACHE_FILE } from '../../core/cache/open';
import type { StoredProfile } from '../../core/profiles/profile';
import { ProfileError, type ProfileStore } from '../../core/profiles/profile-store';
import { CliError, parse, UsageError } from '../args';
import { dataFlag } from '../backend-flags';
import type { CliIo, Command } from '../command';
import { ExitCode } from '../exit-codes';
import { openProfiles } from '../profile-flags';

const USAGE = `Usage: parrot-tray profiles --data DIR [--json]
       parrot-tray profiles add NAME --backend URL --token-file F --data DIR
       parrot-tray profiles remove NAME --data DIR [--yes]

Profiles are the backends one person belongs to (their company's, a client's, a personal one),
each with its own sign-in and its own cache under DIR/profiles/<id>/. "sync", "sessions" and
"web" cover every profile of DIR unless --profile NAME picks one.

  (no subcommand)     lists the profiles: name, id, backend, token file, cached sessions
  add NAME            adds one; the token FILE's path is kept, never the token
  remove NAME         removes one and deletes its cache; asks first on a terminal, and
                      refuses without --yes when there is no terminal to ask on

Options:
  --data DIR          where the profiles are kept (created by "add" if missing)
  --backend URL       add: the Disco Parrot stream, wss://… (ws:// only to localhost)
  --token-file F      add: the file holding the sign-in token
  --color #RRGGBB     add: the label's colour (default: one picked from the id)
  --yes               remove: do not ask
  --json              list: one JSON object per line
  -h, --help          show this help`;

export const profilesCommand: Command = {
  name: 'profiles',
  summary: 'list, add or remove the backends (profiles) of a data directory',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { data: { type: 'string' }, backend: { type: 'string' }, 'token-file': { type: 'string' }, color: { type: 'string' }, yes: { type: 'boolean' }, json: { type: 'boolean' } },
      true,
    );
    if (values.help) {
      io.out(USAGE);
      return ExitCode.ok;
    }
    const [sub, name, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected ${JSON.stringify(extra[0])}; a name with spaces goes in quotes`);
    const store = openProfiles(dataFlag(values));
    try {
      switch (sub) {
        case undefined:
          return list(store, values.json === true, io);
        case 'add':
          return add(store, name, values, io);
        case 'remove':
          return await remove(store, name, values.yes === true, io);
        default:
          throw new UsageError(`unknown subcommand ${JSON.stringify(sub)}: use add or remove, or nothing to list`);
      }
    } catch (error) {
      if (error instanceof ProfileError) throw new CliError(error.message);
      // The file system refused (a read-only profiles.json or folder, a full disk): a sentence, not an internal error.
      if (typeof (error as NodeJS.ErrnoException).syscall === 'string') throw new CliError(`could not change the profiles in ${store.dataDir}: ${(error as Error).message}`);
      throw error;
    }
  },
};

function list(store: ProfileStore, json: boolean, io: CliIo): number {
  const rows = store.list().map((p) => ({ ...p, ...state(store, p) }));
  if (json) {
    for (const r of rows) io.out(JSON.stringify({ id: r.id, name: r.name, backendUrl: r.backendUrl, tokenFile: r.tokenFile, color: r.color, cache: r.cache, token: r.token }));
    return ExitCode.ok;
  }
  if (rows.length === 0) {
    io.out(`No profiles in ${store.dataDir}. Add one with: parrot-tray profiles add NAME --backend URL --token-file F --data ${store.dataDir}`);
    return ExitCode.ok;
  }
  const cells = rows.map((r) => [r.name, r.id, r.backendUrl, r.token === 'ok' ? r.tokenFile ?? '' : `${r.tokenFile ?? ''} (${r.token})`, r.cache === 'none' ? 'not synced yet' : 'cached']);
  const header = ['NAME', 'ID', 'BACKEND', 'TOKEN FILE', 'CACHE'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  io.out([line(header), ...cells.map(line)].join('\n'));
  return ExitCode.ok;
}

/** What can be said of a profile without a network: is its token file there, has it synced. */
function state(store: ProfileStore, p: StoredProfile): { token: 'ok' | 'missing' | 'none'; cache: 'present' | 'none' } {
  const token = p.tokenFile === null ? 'none' : fs.existsSync(p.tokenFile) ? 'ok' : 'missing';
  const cache = fs.existsSync(path.join(store.cacheDir(p), CACHE_FILE)) ? 'present' : 'none';
  return { token, cache };
}

function add(store: ProfileStore, name: string | undefined, values: { backend?: string; 'token-file'?: string; color?: string }, io: CliIo): number {
  if (!name) throw new UsageError('profiles add needs a NAME');
  if (!values.backend) throw new UsageError('profiles add needs --backend URL');
  if (!values['token-file']) throw new UsageError('profiles add needs --token-file F (the token itself is never stored)');
  if (values.color !== undefined && !/^#[0-9a-fA-F]{6}$/.test(values.color)) throw new UsageError('--color must look like #3a7bd5');
  // Kept as an absolute path: the profile is used from other working directories later.
  const tokenFile = path.resolve(values['token-file']);
  if (!fs.existsSync(tokenFile)) throw new CliError(`cannot read the token file ${tokenFile}: no such file`);
  const profile = store.add({ name, backendUrl: values.backend, tokenFile, color: values.color ?? null });
  io.out(`Added profile ${profile.name} (${profile.id}): ${profile.backendUrl}`);
  return ExitCode.ok;
}

async function remove(store: ProfileStore, name: string | undefined, yes: boolean, io: CliIo): Promise<number> {
  if (!name) throw new UsageError('profiles remove needs a NAME');
  const profile = store.find(name);
  if (!profile) throw new CliError(`no profile named ${JSON.stringify(name)} in ${store.dataDir}`);
  if (!yes) {
    const answer = (await io.confirm?.(`Remove profile ${profile.name} and delete its cache (${store.cacheDir(profile)})?`)) ?? null;
    if (answer === null) throw new UsageError('not removed: there is no terminal to ask on; add --yes to remove it and its cache');
    if (!answer) {
      io.out('Not removed.');
      return ExitCode.failed;
    }
  }
  store.remove(profile.id);
  io.out(`Removed profile ${profile.name} and its cache.`);
  return ExitCode.ok;
}
