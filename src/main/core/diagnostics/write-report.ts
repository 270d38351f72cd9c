import fs from 'node:fs';
import { buildDiagnostics, type DiagnosticsInput } from './diagnostics';

/**
 * Writes a problem report where the person chose: whole or not at all (a temporary file renamed
 * into place), readable by them alone (0600), since it names their backends.
 */
export function writeReport(file: string, input: DiagnosticsInput): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, `${JSON.stringify(buildDiagnostics(input), null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`the report could not be written to ${file} (${code ?? (error as Error).message})`);
  }
}
