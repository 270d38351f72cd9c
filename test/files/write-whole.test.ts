import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/main/core/diagnostics/write-report';
import { writeWhole } from '../../src/main/core/files/write-whole';
import { tempDir } from '../support/temp-dir';

const REPORT = { versions: { app: '1.0.0' }, settings: {}, caches: [], logs: [], now: 0 };

describe('a file written whole', () => {
  it('replaces the file, readable by its owner alone, with nothing left beside it', () => {
    const dir = tempDir();
    const file = join(dir, 'settings.json');
    writeFileSync(file, 'old');
    writeWhole(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('a problem report over a folder: refused in words, the folder untouched, no temporary file left', () => {
    const dir = tempDir();
    const file = join(dir, 'report.json');
    mkdirSync(file);
    writeFileSync(join(file, 'theirs'), 'kept');
    expect(() => writeReport(file, REPORT)).toThrow(`the report could not be written to ${file} (EISDIR)`);
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readFileSync(join(file, 'theirs'), 'utf8')).toBe('kept');
  });

  it('a folder by the temporary file’s name is not removed: the write’s own error is the one thrown', () => {
    const dir = tempDir();
    const file = join(dir, 'profiles.json');
    writeFileSync(file, 'old');
    mkdirSync(`${file}.${process.pid}.tmp`);
    expect(() => writeWhole(file, 'new')).toThrow(expect.objectContaining({ code: 'EISDIR', syscall: 'open' }));
    expect(statSync(`${file}.${process.pid}.tmp`).isDirectory()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});
