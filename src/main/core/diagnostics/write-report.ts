import { writeWhole } from '../files/write-whole';
import { buildDiagnostics, type DiagnosticsInput } from './diagnostics';

/**
 * Writes a problem report where the person chose: whole or not at all (writeWhole), readable by
 * them alone (0600), since it names their backends.
 */
export function writeReport(file: string, input: DiagnosticsInput): void {
  try {
    writeWhole(file, `${JSON.stringify(buildDiagnostics(input), null, 2)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`the report could not be written to ${file} (${code ?? (error as Error).message})`);
  }
}
