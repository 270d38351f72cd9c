import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppSettingsPatch } from '../../../src/shared/api';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { snoozeLabel } from '../../../src/renderer/src/views/settings/clock';
import { APP, callsOf, setup } from './settings-fake';

const patches = callsOf;
const ready = () => screen.findByRole('group', { name: 'Notify me about' });

describe('SettingsPage', () => {
  it('shows a loading state, then the page with a Back button', async () => {
    setup();
    expect(screen.getByRole('main', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByText('Loading settings…').getAttribute('role')).toBe('status');
    await ready();
    useUiStore.setState({ route: { name: 'settings' } });
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(useUiStore.getState().route).toEqual({ name: 'popover' });
  });

  describe('notifications', () => {
    it('sends only the changed field and shows the saved result', async () => {
      const api = setup();
      await ready();
      await userEvent.click(screen.getByRole('radio', { name: "Everyone's sessions" }));
      await userEvent.click(screen.getByRole('checkbox', { name: 'Also notify when a session fails' }));
      expect(patches(api, 'updateSettings')).toEqual([{ scope: 'all' }, { failures: true }]);
      expect((screen.getByRole('radio', { name: "Everyone's sessions" }) as HTMLInputElement).checked).toBe(true);
      expect((screen.getByRole('checkbox', { name: 'Also notify when a session fails' }) as HTMLInputElement).checked).toBe(true);
    });

    it('turns quiet hours on and off, and edits the times', async () => {
      const api = setup();
      await ready();
      const from = screen.getByLabelText('From') as HTMLInputElement;
      expect(from.disabled).toBe(true);
      await userEvent.click(screen.getByRole('checkbox', { name: 'Quiet hours' }));
      expect(from.disabled).toBe(false);
      // A time input reports whole values; typing into one is not what a person does.
      fireEvent.change(screen.getByLabelText('To'), { target: { value: '06:30' } });
      await waitFor(() => expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('06:30'));
      await userEvent.click(screen.getByRole('checkbox', { name: 'Quiet hours' }));
      const sent = patches(api, 'updateSettings');
      expect(sent[0]).toEqual({ quietHours: { start: '22:00', end: '07:00' } });
      expect(sent[1]).toEqual({ quietHours: { start: '22:00', end: '06:30' } });
      expect(sent.at(-1)).toEqual({ quietHours: null });
    });

    it('shows the snooze and resumes notifications', async () => {
      // An hour ahead, never a fixed time of day: run just before midnight, 23:59 today had passed.
      const until = Date.now() + 60 * 60_000;
      const api = setup({ notify: { snoozedUntil: until } });
      await ready();
      expect(screen.getByText(`Snoozed until ${snoozeLabel(until, Date.now())}`)).toBeTruthy();
      await userEvent.click(screen.getByRole('button', { name: 'Resume notifications' }));
      expect(patches(api, 'updateSettings')).toEqual([{ snoozedUntil: null }]);
      await waitFor(() => expect(screen.queryByText(/Snoozed until/)).toBeNull());
    });

    it('turns follow-ups and the sound off, and picks when to be reminded, "never" included', async () => {
      const api = setup();
      await ready();
      await userEvent.click(screen.getByRole('checkbox', { name: 'Follow up on runs I approve' }));
      await userEvent.click(screen.getByRole('checkbox', { name: 'Play a sound for approvals and reminders' }));
      const remind = screen.getByRole('combobox', { name: 'Remind me of a waiting approval after' }) as HTMLSelectElement;
      expect(remind.value).toBe('30');
      expect([...remind.options].map((o) => o.textContent)).toEqual(['15 min', '30 min', '1 hour', '2 hours', 'Never']);
      await userEvent.selectOptions(remind, '1 hour');
      await userEvent.selectOptions(remind, 'Never');
      expect(patches(api, 'updateSettings')).toEqual([{ followUps: false }, { sound: false }, { reminderMinutes: 60 }, { reminderMinutes: null }]);
      expect((screen.getByRole('checkbox', { name: 'Follow up on runs I approve' }) as HTMLInputElement).checked).toBe(false);
      await waitFor(() => expect(remind.value).toBe('never'));
    });

    it('shows a reminder time set elsewhere as it is', async () => {
      setup({ notify: { reminderMinutes: 45 } });
      await ready();
      const remind = screen.getByRole('combobox', { name: 'Remind me of a waiting approval after' }) as HTMLSelectElement;
      expect(remind.value).toBe('45');
      expect(remind.selectedOptions[0]?.textContent).toBe('45 min');
    });

    it('lists the muted flows, each with Unmute, and says when there are none', async () => {
      const api = setup({ notify: { mutedFlows: [{ id: 'fl_1', name: 'Dependency upgrade' }, { id: 'fl_2', name: 'Release notes' }] } });
      await ready();
      const list = screen.getByRole('region', { name: 'Muted flows' });
      expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Dependency upgradeUnmute', 'Release notesUnmute']);
      await userEvent.click(screen.getByRole('button', { name: 'Unmute Dependency upgrade' }));
      // The core takes the flow out of the list it holds: a mute made elsewhere meanwhile stays.
      expect(patches(api, 'muteFlow')).toEqual([{ flow: { id: 'fl_1', name: 'Dependency upgrade' }, muted: false }]);
      expect(patches(api, 'updateSettings')).toEqual([]);
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Unmute Dependency upgrade' })).toBeNull());
      await userEvent.click(screen.getByRole('button', { name: 'Unmute Release notes' }));
      expect(await screen.findByText(/^None\. "Mute this flow" in a session's menu/)).toBeTruthy();
    });

    it('shows a refusal in an alert and keeps the previous choice', async () => {
      const api = setup();
      api.answers.updateSettings = () => Promise.reject(new Error('settings could not be saved'));
      await ready();
      await userEvent.click(screen.getByRole('radio', { name: "Everyone's sessions" }));
      expect((await screen.findByRole('alert')).textContent).toBe('settings could not be saved');
      expect((screen.getByRole('radio', { name: 'My sessions' }) as HTMLInputElement).checked).toBe(true);
    });
  });

  it('in the web preview shows only notifications, with a note', async () => {
    setup({ app: null });
    await ready();
    expect(screen.queryByRole('heading', { name: 'Desktop app' })).toBeNull();
    expect(screen.queryByLabelText('Backend URL')).toBeNull();
    expect(screen.getByText('The backend, sign-in and start-up settings are managed by the desktop app.')).toBeTruthy();
  });

  describe('desktop app', () => {
    it('shows the token warning and can accept plain storage', async () => {
      const api = setup({ app: { ...APP, tokenStorage: 'session-only', tokenWarning: 'No keyring: the token is kept until you quit.', canAcceptPlain: true } });
      expect((await screen.findByRole('note')).textContent).toBe('No keyring: the token is kept until you quit.');
      await userEvent.click(screen.getByRole('checkbox', { name: 'Store the token anyway (obfuscated, not encrypted)' }));
      expect(patches(api, 'updateAppSettings')).toEqual([{ acceptPlainStorage: true }]);
      await waitFor(() => expect((screen.getByRole('checkbox', { name: /Store the token anyway/ }) as HTMLInputElement).checked).toBe(true));
    });

    it('saves open at login, the shortcut and the theme, each alone', async () => {
      const api = setup({ app: { ...APP, shortcutError: 'the shortcut is taken by another app' } });
      expect((await screen.findByRole('alert')).textContent).toBe('the shortcut is taken by another app');
      await userEvent.click(screen.getByRole('checkbox', { name: 'Open at login' }));
      const shortcut = screen.getByLabelText('Keyboard shortcut');
      await userEvent.clear(shortcut);
      await userEvent.type(shortcut, 'Alt+P{Enter}');
      await userEvent.selectOptions(screen.getByLabelText('Theme'), 'Dark');
      const sent: AppSettingsPatch[] = patches(api, 'updateAppSettings') as AppSettingsPatch[];
      expect(sent).toEqual([{ openAtLogin: true }, { shortcut: 'Alt+P' }, { theme: 'dark' }]);
      await waitFor(() => expect((screen.getByLabelText('Theme') as HTMLSelectElement).value).toBe('dark'));
    });

    it('shows a refused update in an alert', async () => {
      const api = setup();
      api.answers.updateAppSettings = () => Promise.reject(new Error('could not register CommandOrControl+Q: reserved by the system'));
      await userEvent.click(await screen.findByRole('checkbox', { name: 'Open at login' }));
      expect((await screen.findByRole('alert')).textContent).toBe('could not register CommandOrControl+Q: reserved by the system');
      expect((screen.getByRole('checkbox', { name: 'Open at login' }) as HTMLInputElement).checked).toBe(false);
    });
  });
});
