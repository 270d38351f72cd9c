import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus, CommandCenterResult, CommandReply, SessionsResult, ViewQuery, ViewResult } from '../../src/shared/api';
import { scopeId } from '../../src/shared/api/scoped-id';
import { silentLogger } from '../../src/main/core/log';
import type { NotifyEvent } from '../../src/main/core/notify/policy';
import type { ProfileHub } from '../../src/main/core/profiles/profile-hub';
import type { ProfileSpec } from '../../src/main/core/profiles/profile-member';
import { startProfiles } from '../../src/main/core/runtime/start-profiles';
import { startBackend } from '../support/backend';
import { tempDir } from '../support/temp-dir';

const hubs: ProfileHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.close();
});

const spec = (id: string, name: string, url: string, token: string, root: string): ProfileSpec => ({
  id,
  name,
  color: null,
  notify: null,
  backendUrl: url,
  token,
  dataDir: join(root, 'profiles', id),
});

/** Two demo tenants at once, with their own tokens; both number their sessions alike, so ids overlap. */
async function twoTenants(options: { globexToken?: string } = {}) {
  const acme = await startBackend({ token: 'acme-token', seed: 1, sessions: 40 });
  const globex = await startBackend({ token: 'globex-token', seed: 2, sessions: 40 });
  const root = tempDir();
  const specs = [spec('acme', 'Acme Corp', acme.url, 'acme-token', root), spec('globex', 'Globex', globex.url, options.globexToken ?? 'globex-token', root)];
  const hub = await startProfiles(specs, { logger: silentLogger, views: { coalesceMs: 5 }, cacheRoot: root });
  hubs.push(hub);
  return { acme, globex, root, specs, hub };
}

/** The live answer to a query, once `ready` says it is the one the test waits for. */
function answer<R extends ViewResult>(hub: ProfileHub, query: ViewQuery, ready: (r: R) => boolean, timeoutMs = 15_000): Promise<R> {
  return new Promise((resolve, reject) => {
    let stop: () => void = () => undefined;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no answer to ${query.view} came that the test waited for`));
    }, timeoutMs);
    stop = hub.watch(query, (result) => {
      if (!ready(result as R)) return;
      clearTimeout(timer);
      queueMicrotask(() => stop());
      resolve(result as R);
    });
  });
}

function status(hub: ProfileHub, ready: (s: AppStatus) => boolean, timeoutMs = 15_000): Promise<AppStatus> {
  if (ready(hub.status())) return Promise.resolve(hub.status());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`status never became what the test waited for: ${JSON.stringify(hub.status().profiles.map((p) => [p.id, p.connection.phase]))}`)), timeoutMs);
    const on = (s: AppStatus) => {
      if (!ready(s)) return;
      clearTimeout(timer);
      hub.off('status', on);
      resolve(s);
    };
    hub.on('status', on);
  });
}

const live = (s: AppStatus) => s.profiles.length > 0 && s.profiles.every((p) => p.connection.phase === 'live');
const ALL: ViewQuery = { view: 'sessions', filters: {}, offset: 0, limit: 500 };

describe('ProfileHub: several backends behind one API', () => {
  it('lists both tenants, ids scoped by profile, counts added up, each profile named', async () => {
    const { acme, globex, hub } = await twoTenants();
    await status(hub, live);
    const total = acme.backend.tenant.all().length + globex.backend.tenant.all().length;
    const list = await answer<SessionsResult>(hub, ALL, (r) => r.total === total);
    const ids = list.rows.map((r) => r.session.id);
    expect(ids.filter((id) => id.startsWith('acme/')).sort()).toEqual(acme.backend.tenant.all().map((s) => scopeId('acme', s.id)).sort());
    expect(ids.filter((id) => id.startsWith('globex/')).sort()).toEqual(globex.backend.tenant.all().map((s) => scopeId('globex', s.id)).sort());
    // The same raw id in both tenants is two rows.
    const shared = acme.backend.tenant.all().filter((s) => globex.backend.tenant.get(s.id));
    expect(shared.length).toBeGreaterThan(0);
    expect(list.tabs.all).toBe(total);
    expect(hub.status().profiles.map((p) => [p.id, p.name])).toEqual([
      ['acme', 'Acme Corp'],
      ['globex', 'Globex'],
    ]);
    const center = await answer<CommandCenterResult>(hub, { view: 'commandCenter', needsYouLimit: 100, activeLimit: 100, recentLimit: 100 }, () => true);
    const waiting = [...acme.backend.tenant.all(), ...globex.backend.tenant.all()].filter((s) => s.checkpoint).length;
    expect(center.needsYou.rows.filter((r) => r.reason === 'checkpoint')).toHaveLength(waiting);
    // Longest wait first, across both tenants.
    const waits = center.needsYou.rows.filter((r) => r.reason === 'checkpoint').map((r) => Date.parse(r.session.checkpoint!.requestedAt));
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(hub.summary().needsYou).toBe(center.needsYou.total);
  });

  it('gives every window of the merged list the rows a single sorted list would', async () => {
    const { acme, globex, hub } = await twoTenants();
    await status(hub, live);
    const total = acme.backend.tenant.all().length + globex.backend.tenant.all().length;
    const whole = await answer<SessionsResult>(hub, ALL, (r) => r.total === total);
    for (const [offset, limit] of [
      [0, 7],
      [13, 20],
      [total - 5, 10],
    ] as const) {
      const window = await answer<SessionsResult>(hub, { view: 'sessions', filters: {}, offset, limit }, () => true);
      expect(window.offset).toBe(offset);
      expect(window.rows.map((r) => r.session.id)).toEqual(whole.rows.slice(offset, offset + limit).map((r) => r.session.id));
    }
    const onlyGlobex = await answer<SessionsResult>(hub, { view: 'sessions', filters: { profile: 'globex' }, offset: 0, limit: 500 }, () => true);
    expect(onlyGlobex.total).toBe(globex.backend.tenant.all().length);
    expect(onlyGlobex.rows.every((r) => r.session.id.startsWith('globex/'))).toBe(true);
  });

  it('sends an approval to its own backend only, though both tenants have a session with that id', async () => {
    const { acme, globex, hub } = await twoTenants();
    await status(hub, live);
    const paused = acme.backend.tenant.all().find((s) => s.checkpoint && globex.backend.tenant.get(s.id));
    expect(paused, 'the two seeds share no waiting session id').toBeTruthy();
    const theirs = globex.backend.tenant.get(paused!.id)!;
    const reply = (await hub.call('command', { action: 'approve', sessionId: scopeId('acme', paused!.id), checkpointId: paused!.checkpoint!.id })) as CommandReply;
    expect(reply).toEqual({ ok: true });
    expect(acme.backend.tenant.get(paused!.id)!.checkpoint ?? null).toBeNull();
    expect(globex.backend.tenant.get(theirs.id)).toEqual(theirs);
    const gone = (await hub.call('command', { action: 'cancel', sessionId: scopeId('initech', paused!.id) })) as CommandReply;
    expect(gone).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('one profile needing sign-in is named, and never holds the other back', async () => {
    const { acme, hub } = await twoTenants({ globexToken: 'wrong-token' });
    const s = await status(hub, (x) => x.profiles[0]?.connection.phase === 'live' && x.profiles[1]?.connection.phase === 'signin-needed');
    expect(s.connection.phase).toBe('signin-needed');
    expect(hub.traySummary().troubled).toEqual(['Globex: sign-in needed']);
    const list = await answer<SessionsResult>(hub, ALL, (r) => r.total === acme.backend.tenant.all().length);
    expect(list.rows.every((r) => r.session.id.startsWith('acme/'))).toBe(true);
  });

  it('tries a replaced token at once: a live profile given a wrong one says "sign-in needed" now, and the right one brings it back', async () => {
    const { hub, specs } = await twoTenants();
    await status(hub, live);
    void hub.setProfiles([specs[0]!, { ...specs[1]!, token: 'not-the-token' }]);
    await status(hub, (x) => x.profiles[1]?.connection.phase === 'signin-needed' && x.profiles[0]?.connection.phase === 'live');
    void hub.setProfiles(specs);
    await status(hub, live);
  });

  it('a stopped backend leaves the other live and its own rows browsable from its cache', async () => {
    const { acme, globex, hub } = await twoTenants();
    await status(hub, live);
    const total = acme.backend.tenant.all().length + globex.backend.tenant.all().length;
    await answer<SessionsResult>(hub, ALL, (r) => r.total === total);
    await globex.backend.stop();
    await status(hub, (x) => x.profiles[0]!.connection.phase === 'live' && x.profiles[1]!.connection.phase !== 'live');
    expect(hub.traySummary().troubled).toEqual(['Globex: offline']);
    const list = await answer<SessionsResult>(hub, ALL, () => true);
    expect(list.total).toBe(total);
    const one = globex.backend.tenant.all()[0]!;
    const detail = await answer<ViewResult>(hub, { view: 'session', id: scopeId('globex', one.id) }, () => true);
    expect(detail.view === 'session' && detail.session?.title).toBe(one.title);
  });

  it('removing a profile removes its rows and deletes its cache; adding one back starts it', async () => {
    const { acme, globex, hub, specs } = await twoTenants();
    await status(hub, live);
    expect(existsSync(join(specs[1]!.dataDir, 'cache.sqlite'))).toBe(true);
    await hub.setProfiles([specs[0]!]);
    expect(existsSync(specs[1]!.dataDir)).toBe(false);
    const list = await answer<SessionsResult>(hub, ALL, (r) => r.total === acme.backend.tenant.all().length);
    expect(list.rows.every((r) => r.session.id.startsWith('acme/'))).toBe(true);
    expect(hub.status().profiles.map((p) => p.id)).toEqual(['acme']);
    await hub.setProfiles([specs[1]!, specs[0]!]);
    await status(hub, (x) => x.profiles.map((p) => p.id).join() === 'globex,acme' && live(x));
    const back = await answer<SessionsResult>(hub, ALL, (r) => r.total === acme.backend.tenant.all().length + globex.backend.tenant.all().length);
    expect(back.rows.length).toBeGreaterThan(0);
  });

  it('finds a bare id (a link from before profiles) in the profile that holds it', async () => {
    const { acme, hub } = await twoTenants();
    await status(hub, live);
    await answer<SessionsResult>(hub, ALL, (r) => r.total > acme.backend.tenant.all().length);
    const one = acme.backend.tenant.all()[0]!;
    const detail = await answer<ViewResult>(hub, { view: 'session', id: one.id }, () => true);
    expect(detail.view === 'session' && detail.session?.id).toBe(scopeId('acme', one.id));
  });

  it('names the tenant in a notification when there are several, and scopes its sessions', async () => {
    const { hub } = await twoTenants();
    const heard: NotifyEvent[] = [];
    hub.on('notification', (e) => heard.push(e));
    const event: NotifyEvent = { event: 'notify', kind: 'approval', sound: true, sessionId: 'fr_1', checkpointId: 'cp_1', title: 'Approval needed: Nightly build', body: 'Ship it?', at: '2026-12-07T10:00:00Z' };
    hub.running[1]!.core.companion.emit('notification', event);
    expect(heard).toEqual([{ ...event, sessionId: 'globex/fr_1', title: 'Globex · Approval needed: Nightly build' }]);
    await hub.setProfiles([hub.running[1]!.spec]);
    hub.running[0]!.core.companion.emit('notification', event);
    // One profile: no other tenant to tell it from, so the title keeps every character.
    expect(heard[1]).toEqual({ ...event, sessionId: 'globex/fr_1' });
  });

  it("scopes the filter menus' ids: one tenant's owner filters that tenant only, and same-named people are told apart", async () => {
    const { acme, globex, hub } = await twoTenants();
    await status(hub, live);
    // The menus are read again a moment after the rows (facets.ts): wait for both tenants' people.
    const whole = await answer<SessionsResult>(hub, ALL, (r) => r.total === acme.backend.tenant.size + globex.backend.tenant.size && r.facets.owners.filter((o) => o.name.startsWith('Ada')).length === 2);
    const ada = whole.facets.owners.filter((o) => o.name.startsWith('Ada Lovelace'));
    expect(ada.map((o) => o.name).sort()).toEqual(['Ada Lovelace (Acme Corp)', 'Ada Lovelace (Globex)']);
    const acmeAda = ada.find((o) => o.id.startsWith('acme/'))!;
    const mine = await answer<SessionsResult>(hub, { view: 'sessions', filters: { ownerId: acmeAda.id }, offset: 0, limit: 500 }, () => true);
    const expected = acme.backend.tenant.all().filter((s) => scopeId('acme', s.owner.id) === acmeAda.id).length;
    expect([mine.total, mine.rows.every((r) => r.session.id.startsWith('acme/'))]).toEqual([expected, true]);
  });

  it('opens a bare id from an old link once a profile comes to hold it, and never deletes a folder that is not a profile\'s own', async () => {
    const acme = await startBackend({ token: 'acme-token', seed: 1, sessions: 20 });
    const root = tempDir();
    const one = acme.backend.tenant.all()[0]!;
    // --backend's form: the cache is the data directory itself, which no removal may touch.
    const legacy: ProfileSpec = { ...spec('default', 'Acme', acme.url, 'acme-token', root), dataDir: root };
    const hub = await startProfiles([legacy], { logger: silentLogger, cacheRoot: root });
    hubs.push(hub);
    // Asked before the first sync has brought it: the answer comes when it arrives.
    const detail = await answer<ViewResult>(hub, { view: 'session', id: one.id }, (r) => r.view === 'session' && r.session !== null);
    expect(detail.view === 'session' && detail.session?.id).toBe(scopeId('default', one.id));
    await hub.setProfiles([]);
    expect(existsSync(join(root, 'cache.sqlite'))).toBe(true);
  });

  it('starts a profile over on another backend: its old cache is not the new one\'s', async () => {
    const { globex, hub, specs } = await twoTenants();
    await status(hub, live);
    const other = await startBackend({ token: 'globex-token', seed: 3, sessions: 10 });
    await hub.setProfiles([specs[0]!, { ...specs[1]!, backendUrl: other.url }]);
    const list = await answer<SessionsResult>(hub, { view: 'sessions', filters: { profile: 'globex' }, offset: 0, limit: 500 }, (r) => r.total === other.backend.tenant.size);
    expect(list.rows.map((r) => r.session.title).sort()).toEqual(other.backend.tenant.all().map((s) => s.title).sort());
    expect(globex.backend.tenant.size).not.toBe(other.backend.tenant.size);
  });

  it('shows a profile that could not start as offline, with why, and runs the others', async () => {
    const acme = await startBackend({ token: 'acme-token', seed: 1, sessions: 10 });
    const root = tempDir();
    const blocked = join(root, 'not-a-folder');
    writeFileSync(blocked, 'x');
    // Globex first in the person's order: it keeps its place though it could not start.
    const hub = await startProfiles([{ ...spec('globex', 'Globex', acme.url, 'x', root), dataDir: blocked }, spec('acme', 'Acme Corp', acme.url, 'acme-token', root)], { logger: silentLogger, cacheRoot: root });
    hubs.push(hub);
    expect(hub.status().profiles.map((p) => p.id)).toEqual(['globex', 'acme']);
    const globex = hub.status().profiles.find((p) => p.id === 'globex')!;
    expect(globex.connection.phase).toBe('stopped');
    expect(globex.connection.reason).toMatch(/^could not start: /);
    await status(hub, (x) => x.profiles.find((p) => p.id === 'acme')?.connection.phase === 'live');
    expect(hub.traySummary().troubled).toEqual(['Globex: offline']);
  });
});
