import { readFileSync } from 'node:fs';
import { CliError, UsageError } from './args';

/**
 * Where a token may come from: a file (preferred, it stays out of the process list), the
 * PARROT_TOKEN environment variable, or --token. The value itself is never printed.
 */
export function resolveToken(flags: { token?: string; 'token-file'?: string }, env: NodeJS.ProcessEnv): string | undefined {
  if (flags.token !== undefined && flags['token-file'] !== undefined) throw new UsageError('give --token or --token-file, not both');
  if (flags['token-file'] !== undefined) return readTokenFile(flags['token-file']);
  if (flags.token !== undefined) {
    if (flags.token.trim() === '') throw new UsageError('--token is empty');
    return flags.token.trim();
  }
  const fromEnv = env.PARROT_TOKEN?.trim();
  return fromEnv ? fromEnv : undefined;
}

function readTokenFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read the token file ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`);
  }
  const token = text.trim();
  if (!token) throw new CliError(`the token file ${path} is empty`);
  if (/\s/.test(token)) throw new CliError(`the token file ${path} holds more than one word; it should hold the token alone`);
  return token;
}
