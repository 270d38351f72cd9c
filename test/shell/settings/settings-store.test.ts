import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir';
import { ACME, FakeSafeStorage, file, fileText, GLOBEX, open, savedCipher, TOKEN, withAcme } from './settings-harness';

describe('SettingsStore: the file', () => {
  it('starts from the defaults and writes them with the schema version', () => {
    const dir = tempDir();
    const { settings, notice } = open(dir);
    expect(notice).toBeNull();
    expect(settings.all).toMatchObject({ schemaVersion: 2, profiles: [], theme: 'system' });
    expect(settings.profiles).toEqual([]);
    expect(file(dir)).toMatchObject({ schemaVersion: 2, profiles: [], notify: { scope: 'mine' }, shortcut: 'CommandOrControl+Shift+Space' });
  });

  it('migrates a v0 file on open and drops the old keys', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ notifyAll: true, backendUrl: 'wss://parrot.example/', theme: 'dark' }));
    const { settings } = open(dir);
    expect(settings.notify.scope).toBe('all');
    expect(settings.profiles).toEqual([{ id: 'parrot-example', name: null, backendUrl: 'wss://parrot.example/', color: null, notify: null }]);
    expect(file(dir)).toMatchObject({ schemaVersion: 2, notify: { scope: 'all' }, profiles: [{ id: 'parrot-example' }], theme: 'dark' });
    expect(file(dir)).not.toHaveProperty('notifyAll');
    expect(file(dir)).not.toHaveProperty('backendUrl');
  });

  it('migrates a v1 file with a token: the same ciphertext moves into the profile and still reads, so it is not asked again', async () => {
    const dir = tempDir();
    const cipher = (await new FakeSafeStorage().encryptStringAsync(TOKEN)).toString('base64');
    const v1 = { schemaVersion: 1, backendUrl: 'wss://acme.example/stream', encryptedToken: cipher, notify: { mutedFlows: [{ id: 'fl_1', name: 'Nightly' }] } };
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(v1));
    const { settings, notice } = open(dir);
    expect(notice).toBeNull();
    expect(savedCipher(dir, 'acme-example')).toBe(cipher);
    expect(file(dir)).not.toHaveProperty('encryptedToken');
    expect(settings.notify.mutedFlows).toEqual([{ id: 'acme-example/fl_1', name: 'Nightly' }]);
    expect(await settings.getToken('acme-example')).toBe(TOKEN);
    expect(await open(dir).settings.getToken('acme-example')).toBe(TOKEN);
  });

  it('resets invalid values and drops unreadable profiles, naming the keys and never the values', () => {
    const dir = tempDir();
    const profiles = [{ id: 'evil', backendUrl: 'ws://evil.example/?token=hunter2' }, { id: 'acme', backendUrl: 'wss://acme.example/' }];
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 2, profiles, theme: 'blue' }));
    const { settings, notice, log } = open(dir);
    expect(notice).toBe('invalid settings were reset to their defaults: theme; profile 1 was dropped: its backendUrl is not valid');
    expect(log).toHaveBeenCalledWith(notice);
    expect(settings.profiles.map((p) => p.id)).toEqual(['acme']);
    expect(fileText(dir)).not.toContain('hunter2');
  });

  it('starts over from the defaults when the file is not JSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    expect(open(dir).settings.all.theme).toBe('system');
  });

  it("leaves a newer release's file as it is, changing only what is set", () => {
    const dir = tempDir();
    const text = JSON.stringify({ schemaVersion: 9, theme: 'dark', addedLater: { x: 1 } });
    writeFileSync(join(dir, 'settings.json'), text);
    const { settings, notice } = open(dir);
    expect(notice).toMatch(/newer Parrot Tray/);
    expect(settings.all.theme).toBe('dark');
    settings.update({ openAtLogin: true });
    expect(file(dir)).toMatchObject({ schemaVersion: 9, theme: 'dark', addedLater: { x: 1 }, openAtLogin: true });
  });

  it('merges notify settings, validates every update and changes nothing on a bad one', () => {
    const dir = tempDir();
    const { settings } = open(dir);
    expect(settings.setNotify({ failures: true, quietHours: { start: '22:00', end: '07:00' } })).toMatchObject({ scope: 'mine', failures: true });
    expect(() => settings.setNotify({ quietHours: { start: '25:00', end: '07:00' } })).toThrow();
    expect(settings.update({ theme: 'light', shortcut: 'Alt+Space' })).toMatchObject({ theme: 'light', shortcut: 'Alt+Space' });
    expect(() => settings.update({ theme: 'blue' as never, openAtLogin: true })).toThrow();
    const reopened = open(dir).settings.all;
    expect(reopened).toMatchObject({ theme: 'light', shortcut: 'Alt+Space', openAtLogin: false, notify: { failures: true, quietHours: { start: '22:00', end: '07:00' } } });
  });

  it('hands out copies, not its own state', async () => {
    const { settings } = await withAcme(tempDir());
    settings.all.notify.scope = 'all';
    settings.notify.failures = true;
    settings.profiles[0]!.name = 'Changed';
    settings.all.profiles.pop();
    expect(settings.notify).toMatchObject({ scope: 'mine', failures: false });
    expect(settings.profiles).toEqual([{ id: 'acme', name: 'Acme', backendUrl: 'wss://acme.example/stream', color: null, notify: null }]);
  });
});

describe('SettingsStore: profiles', () => {
  it('adds profiles with ids from the name, else the host, normalized URLs, and keeps them across restarts', async () => {
    const dir = tempDir();
    const { settings } = open(dir);
    expect(await settings.addProfile({ name: ' Acme Corp. ', backendUrl: ' wss://Acme.Example/stream ', token: null, color: '#10b981' })).toEqual({
      id: 'acme-corp',
      name: 'Acme Corp.',
      backendUrl: 'wss://acme.example/stream',
      color: '#10b981',
      notify: null,
    });
    expect((await settings.addProfile({ backendUrl: 'wss://globex.example/', token: null })).id).toBe('globex-example');
    // The demo backend's id, and a taken one, get a number.
    expect((await settings.addProfile({ name: 'Demo', backendUrl: 'ws://localhost:8787/', token: null })).id).toBe('demo-2');
    expect((await settings.addProfile({ name: 'Acme-Corp', backendUrl: 'wss://acme2.example/', token: null })).id).toBe('acme-corp-2');
    expect(open(dir).settings.profiles.map((p) => p.id)).toEqual(['acme-corp', 'globex-example', 'demo-2', 'acme-corp-2']);
  });

  it('refuses an unsafe URL, a taken name or a bad colour in words, changing nothing', async () => {
    const dir = tempDir();
    const { settings } = await withAcme(dir);
    await expect(settings.addProfile({ name: 'Globex', backendUrl: 'ws://globex.example/', token: TOKEN })).rejects.toThrow(/unencrypted connection is allowed only to this computer/);
    await expect(settings.addProfile({ name: 'ACME', backendUrl: 'wss://other.example/', token: null })).rejects.toThrow('there is already a profile named "Acme"');
    await expect(settings.addProfile({ name: '  ', backendUrl: 'wss://other.example/', token: null })).rejects.toThrow('a profile needs a name');
    await expect(settings.addProfile({ name: 'Other', backendUrl: 'wss://other.example/', token: null, color: 'red' })).rejects.toThrow('a colour is #rrggbb');
    expect(open(dir).settings.profiles.map((p) => p.id)).toEqual(['acme']);
    expect(fileText(dir)).not.toContain(TOKEN);
  });

  it('renames without changing the id, and changes only the fields given', async () => {
    const dir = tempDir();
    const { settings } = await withAcme(dir);
    await settings.addProfile({ ...GLOBEX, token: null });
    expect(await settings.updateProfile({ id: 'acme', name: 'Acme Corp', notify: 'all' })).toEqual({ id: 'acme', name: 'Acme Corp', backendUrl: ACME.backendUrl, color: null, notify: 'all' });
    await expect(settings.updateProfile({ id: 'acme', name: 'globex' })).rejects.toThrow('there is already a profile named "Globex"');
    expect((await settings.updateProfile({ id: 'acme', name: 'ACME CORP' })).name).toBe('ACME CORP');
    expect(await settings.updateProfile({ id: 'acme', name: null, color: '#3b82f6', backendUrl: 'wss://acme.example/v2' })).toMatchObject({ name: null, color: '#3b82f6', backendUrl: 'wss://acme.example/v2', notify: 'all' });
    await expect(settings.updateProfile({ id: 'acme', backendUrl: 'http://acme.example/' })).rejects.toThrow(/unsupported scheme/);
    await expect(settings.updateProfile({ id: 'nope', name: 'x' })).rejects.toThrow('there is no profile "nope"');
    expect(open(dir).settings.profiles[0]).toMatchObject({ id: 'acme', name: null, backendUrl: 'wss://acme.example/v2' });
  });

  it('moves a profile to an index, clamped to the list', async () => {
    const dir = tempDir();
    const { settings } = open(dir);
    for (const name of ['A', 'B', 'C']) await settings.addProfile({ name, backendUrl: `wss://${name}.example/`, token: null });
    expect(settings.moveProfile('c', 0).map((p) => p.id)).toEqual(['c', 'a', 'b']);
    expect(settings.moveProfile('c', 99).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(settings.moveProfile('a', 1).map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(() => settings.moveProfile('zzz', 0)).toThrow(/no profile/);
    expect(open(dir).settings.profiles.map((p) => p.id)).toEqual(['b', 'a', 'c']);
  });

  it('removes a profile with its token, and its id can be had again', async () => {
    const dir = tempDir();
    const { settings } = open(dir);
    await settings.addProfile({ ...ACME, token: TOKEN });
    expect(settings.removeProfile('acme')).toMatchObject({ id: 'acme' });
    expect(settings.profiles).toEqual([]);
    expect(await settings.getToken('acme')).toBeNull();
    expect(() => settings.removeProfile('acme')).toThrow(/no profile/);
    await settings.addProfile({ ...ACME, token: null });
    expect(await settings.getToken('acme')).toBeNull();
    expect(await open(dir).settings.getToken('acme')).toBeNull();
  });
});

