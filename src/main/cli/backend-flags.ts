import fs from 'node:fs';
import { checkBackendUrl } from '../../shared/backend-url';
import { CliError, UsageError } from './args';
import { resolveToken } from './token';

/** The flags every command that talks to a backend shares. */
export const BACKEND_OPTIONS = {
  backend: { type: 'string' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
} as const;

export const BACKEND_USAGE = `  --backend URL       the Disco Parrot stream: wss://… (ws:// only to localhost)
  --token-file F      read the sign-in token from file F (preferred)
                      without it, the PARROT_TOKEN environment variable is used`;

/** Checks the URL before anything connects, and finds the token without ever echoing it. */
export function backendFlags(values: { backend?: string; token?: string; 'token-file'?: string }, env: NodeJS.ProcessEnv): { url: string; token: string } {
  if (!values.backend) throw new UsageError('--backend URL is required');
  const check = checkBackendUrl(values.backend);
  if (!check.ok) throw new UsageError(check.message);
  const token = resolveToken(values, env);
  if (!token) throw new CliError('no token: give --token-file F or set PARROT_TOKEN', 2);
  return { url: check.url, token };
}

/** --data: a folder (created when missing), never a file; said in words before anything opens it. */
export function dataFlag(values: { data?: string }): string {
  if (!values.data) throw new UsageError('--data DIR is required');
  let isFile = false;
  try {
    isFile = !fs.statSync(values.data).isDirectory();
  } catch {
    // Missing: created where it is needed. Unreadable: the command that opens it says why.
  }
  if (isFile) throw new CliError(`${values.data} is a file, not a directory: --data needs a folder (one that does not exist yet is created)`);
  return values.data;
}
