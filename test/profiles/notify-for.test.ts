import { describe, expect, it } from 'vitest';
import { NotifySettings } from '../../src/shared/notify-settings';
import { notifyFor } from '../../src/main/core/profiles/profile-member';

const GLOBAL = NotifySettings.parse({
  scope: 'mine',
  quietHours: { start: '22:00', end: '07:00' },
  snoozedUntil: 1_700_000_000_000,
  mutedFlows: [
    { id: 'acme/fl_1', name: 'Nightly build' },
    { id: 'globex/fl_1', name: 'Invoice run' },
    { id: 'globex/fl_2', name: 'Backups' },
  ],
});

describe('notifyFor: one snooze and one set of quiet hours, the rest per profile', () => {
  it("gives each profile its own muted flows, unscoped, and never another tenant's with the same id", () => {
    expect(notifyFor({ id: 'acme', notify: null }, GLOBAL).mutedFlows).toEqual([{ id: 'fl_1', name: 'Nightly build' }]);
    expect(notifyFor({ id: 'globex', notify: null }, GLOBAL).mutedFlows.map((f) => f.id)).toEqual(['fl_1', 'fl_2']);
    expect(notifyFor({ id: 'initech', notify: null }, GLOBAL).mutedFlows).toEqual([]);
  });

  it("keeps the app's snooze and quiet hours, and lets a profile choose whose checkpoints notify, or none", () => {
    const acme = notifyFor({ id: 'acme', notify: 'all' }, GLOBAL);
    expect([acme.scope, acme.quietHours, acme.snoozedUntil]).toEqual(['all', GLOBAL.quietHours, GLOBAL.snoozedUntil]);
    expect(notifyFor({ id: 'acme', notify: null }, GLOBAL).scope).toBe('mine');
    // Off: snoozed past any real moment, so nothing of this profile rings, whatever the app's snooze.
    expect(notifyFor({ id: 'acme', notify: 'off' }, { ...GLOBAL, snoozedUntil: null }).snoozedUntil).toBeGreaterThan(Date.UTC(9999, 0));
  });
});
