import fs from 'node:fs';

/**
 * Writes `text` to `file` whole or not at all: into a temporary file beside it, then renamed over
 * it, so a crash leaves the old file or the new one, never half of either. When the write or the
 * rename fails, the temporary file goes too (left, each failure would add one beside the person's
 * file), the file stays as it was, and the error is thrown as it came: the caller puts it in words.
 */
export function writeWhole(file: string, text: string, mode = 0o600): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, text, { mode });
    fs.renameSync(temp, file);
  } catch (error) {
    removeTemp(temp);
    throw error;
  }
}

function removeTemp(temp: string): void {
  try {
    fs.rmSync(temp, { force: true });
  } catch {
    // A folder of that name is not ours to delete, and the failure worth telling is the first one.
  }
}
