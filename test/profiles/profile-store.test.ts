import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freeId, slugOf } from '../../src/shared/profiles/profile-fields';
import { ProfileError, ProfileStore } from '../../src/main/core/profiles/profile-store';
import { Frozen } from '../support/frozen';
import { tempDir } from '../support/temp-dir';

const WSS = 'wss://stream.acme.example/v1';

describe('profiles of a data directory', () => {
  it('gives each a stable id from its name, unique, and keeps them across opens', () => {
    const dir = tempDir();
    const store = ProfileStore.open(dir);
    expect(store.list()).toEqual([]);
    const a = store.add({ name: '  Acme Corp. ', backendUrl: WSS, tokenFile: '/t/a' });
    const b = store.add({ name: 'ACME corp!', backendUrl: WSS, tokenFile: '/t/b' });
    expect([a.id, a.name, b.id]).toEqual(['acme-corp', 'Acme Corp.', 'acme-corp-2']);
    const renamed = store.rename('acme-corp', 'Acme (old)');
    expect(renamed.id).toBe('acme-corp');
    const again = ProfileStore.open(dir);
    expect(again.list().map((p) => [p.id, p.name])).toEqual([['acme-corp', 'Acme (old)'], ['acme-corp-2', 'ACME corp!']]);
    expect(again.find('acme (OLD)')?.id).toBe('acme-corp');
    expect(again.cacheDir(renamed)).toBe(join(dir, 'profiles', 'acme-corp'));
    expect(statSync(join(dir, 'profiles.json')).mode & 0o777).toBe(0o600);
    expect(slugOf('日本')).toBe('profile');
    expect(freeId('x', new Set(['x', 'x-2']))).toBe('x-3');
  });

  it('refuses in words: a clash, a blank or control-character name, a bad URL, an unknown profile', () => {
    const store = ProfileStore.open(tempDir());
    store.add({ name: 'Acme', backendUrl: WSS, tokenFile: null });
    expect(() => store.add({ name: 'acme', backendUrl: WSS, tokenFile: null })).toThrow('there is already a profile named "Acme"');
    expect(() => store.add({ name: '   ', backendUrl: WSS, tokenFile: null })).toThrow('a profile needs a name');
    expect(() => store.add({ name: 'a\nb', backendUrl: WSS, tokenFile: null })).toThrow('control characters');
    expect(() => store.add({ name: 'Far', backendUrl: 'ws://example.com', tokenFile: null })).toThrow(ProfileError);
    expect(() => store.remove('Globex')).toThrow('no profile named "Globex" (there are: Acme)');
    expect(store.list()).toHaveLength(1);
  });

  it('removes a profile with its cache folder, and leaves the others', () => {
    const dir = tempDir();
    const store = ProfileStore.open(dir);
    const a = store.add({ name: 'A', backendUrl: WSS, tokenFile: null });
    const b = store.add({ name: 'B', backendUrl: WSS, tokenFile: null });
    for (const p of [a, b]) {
      mkdirSync(store.cacheDir(p), { recursive: true });
      writeFileSync(join(store.cacheDir(p), 'cache.sqlite'), 'x');
    }
    store.remove('A');
    expect(() => statSync(store.cacheDir(a))).toThrow();
    expect(readFileSync(join(store.cacheDir(b), 'cache.sqlite'), 'utf8')).toBe('x');
    expect(ProfileStore.open(dir).list().map((p) => p.id)).toEqual(['b']);
  });

  it('reports a damaged or newer file and leaves it as it is', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'profiles.json'), '{"version": 2, "profiles": []}');
    expect(() => ProfileStore.open(dir)).toThrow(/cannot be read \(version: .*\); it was left as it is/);
    writeFileSync(join(dir, 'profiles.json'), '[');
    expect(() => ProfileStore.open(dir)).toThrow('is not valid JSON; fix or remove it');
    expect(readFileSync(join(dir, 'profiles.json'), 'utf8')).toBe('[');
    const file = join(tempDir(), 'plain-file');
    writeFileSync(file, '');
    expect(() => ProfileStore.open(file)).toThrow(`${file} is not a directory`);
  });
});

describe('profiles.json when the file system refuses the write', () => {
  const frozen = new Frozen();
  afterEach(() => frozen.thaw());
  /** What a refused save could leave beside the file: its temporary file. */
  const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('profiles.json.'));
  const thrown = (fn: () => unknown): NodeJS.ErrnoException => {
    try {
      fn();
    } catch (error) {
      return error as NodeJS.ErrnoException;
    }
    throw new Error('it did not throw');
  };

  it('a folder where profiles.json goes: the rename fails, the error comes as it was, and no temporary file stays', () => {
    const dir = tempDir();
    const store = ProfileStore.open(dir);
    store.add({ name: 'Acme', backendUrl: WSS, tokenFile: null });
    rmSync(join(dir, 'profiles.json'));
    mkdirSync(join(dir, 'profiles.json'));
    writeFileSync(join(dir, 'profiles.json', 'theirs'), 'kept');
    const error = thrown(() => store.add({ name: 'Globex', backendUrl: WSS, tokenFile: null }));
    // The CLI words any error with a syscall ("could not change the profiles in …"): it must stay one.
    expect([error.syscall, error.code]).toEqual(['rename', 'EISDIR']);
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'profiles.json', 'theirs'), 'utf8')).toBe('kept');
    expect(store.list().map((p) => p.id)).toEqual(['acme']);
  });

  it.runIf(process.getuid?.() === 0 && frozen.enforced)('an immutable profiles.json (root): the rename fails, the file and every cache stay as they were, no temporary file stays', () => {
    const dir = tempDir();
    const store = ProfileStore.open(dir);
    const acme = store.add({ name: 'Acme', backendUrl: WSS, tokenFile: null });
    mkdirSync(store.cacheDir(acme), { recursive: true });
    writeFileSync(join(store.cacheDir(acme), 'cache.sqlite'), 'x');
    const before = readFileSync(join(dir, 'profiles.json'), 'utf8');
    frozen.freeze(join(dir, 'profiles.json'));
    expect([thrown(() => store.add({ name: 'Globex', backendUrl: WSS, tokenFile: null })).syscall, leftovers(dir)]).toEqual(['rename', []]);
    expect([thrown(() => store.rename('acme', 'Acme Corp')).syscall, leftovers(dir)]).toEqual(['rename', []]);
    // Removing writes the list first: refused, the profile's cache is not deleted either.
    expect([thrown(() => store.remove('acme')).syscall, leftovers(dir)]).toEqual(['rename', []]);
    expect(readFileSync(join(store.cacheDir(acme), 'cache.sqlite'), 'utf8')).toBe('x');
    expect(readFileSync(join(dir, 'profiles.json'), 'utf8')).toBe(before);
    expect(store.list()).toEqual([acme]);
  });
});
