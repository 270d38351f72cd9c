import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ACME as ACME_STATUS, GLOBEX as GLOBEX_STATUS } from '../profiles/profile-fixtures';
import { ACME, APP, callsOf, GLOBEX, setup, type SetupOptions } from './settings-fake';

const TWO = { ...APP, profiles: [ACME, GLOBEX] };
const statuses = { profiles: [ACME_STATUS, GLOBEX_STATUS] };

async function ready(options: SetupOptions = {}) {
  const api = setup({ status: statuses, ...options });
  await screen.findByRole('heading', { name: 'Profiles' });
  return api;
}
const list = () => screen.getByRole('list', { name: 'Profiles' });
const item = (name: string) => within(list()).getByRole('listitem', { name: `profile ${name}` });
const order = () => within(list()).getAllByRole('listitem').map((li) => li.getAttribute('data-profile-id'));

describe('Settings: Profiles', () => {
  it('says the demo data runs while no profile is set up', async () => {
    await ready({ app: { ...APP, profiles: [] } });
    expect(screen.getByText('No backend yet: Parrot Tray shows demo data. Add a profile to connect to yours.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Profiles' })).toBeNull();
  });

  it('lists the profiles in order, each named, the tenant name as the empty name field shows', async () => {
    await ready({ app: TWO });
    expect(order()).toEqual(['acme', 'globex']);
    const acme = item('Acme');
    const name = within(acme).getByLabelText('Name') as HTMLInputElement;
    expect(name.value).toBe('');
    expect(name.placeholder).toBe('Acme');
    expect((within(acme).getByLabelText('Backend URL') as HTMLInputElement).value).toBe('wss://acme.example.com/ws');
    const token = within(acme).getByLabelText('Replace token') as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(token.value).toBe('');
    expect((within(item('Globex')).getByLabelText('Name') as HTMLInputElement).value).toBe('Globex');
    expect((within(item('Globex')).getByRole('combobox', { name: 'Notifications' }) as HTMLSelectElement).selectedOptions[0]?.textContent).toBe("Everyone's");
  });

  it('renames, and sends only what changed; an emptied name goes back to the tenant\'s', async () => {
    const api = await ready({ app: TWO });
    const acme = item('Acme');
    await userEvent.type(within(acme).getByLabelText('Name'), 'Acme prod');
    await userEvent.click(within(acme).getByRole('button', { name: /^Save changes/ }));
    expect(callsOf(api, 'updateProfile')).toEqual([{ id: 'acme', name: 'Acme prod' }]);
    expect(await within(acme).findByText('Saved')).toBeTruthy();
    await userEvent.clear(within(item('Globex')).getByLabelText('Name'));
    await userEvent.click(within(item('Globex')).getByRole('button', { name: /^Save changes/ }));
    expect(callsOf(api, 'updateProfile').at(-1)).toEqual({ id: 'globex', name: null });
  });

  it('replaces a token without showing it, and checks a new backend URL first', async () => {
    const api = await ready({ app: TWO });
    const acme = item('Acme');
    const url = within(acme).getByLabelText('Backend URL');
    await userEvent.clear(url);
    await userEvent.type(url, 'ws://example.com');
    await userEvent.click(within(acme).getByRole('button', { name: /^Save changes/ }));
    expect(within(acme).getByRole('alert').textContent).toMatch(/refusing ws:\/\/example\.com/);
    expect(callsOf(api, 'updateProfile')).toEqual([]);
    await userEvent.clear(url);
    await userEvent.type(url, 'wss://acme2.example.com/ws');
    await userEvent.type(within(acme).getByLabelText('Replace token'), 'secret-123');
    await userEvent.click(within(acme).getByRole('button', { name: /^Save changes/ }));
    expect(callsOf(api, 'updateProfile')).toEqual([{ id: 'acme', backendUrl: 'wss://acme2.example.com/ws', token: 'secret-123' }]);
    await waitFor(() => expect((within(acme).getByLabelText('Replace token') as HTMLInputElement).value).toBe(''));
    expect(document.body.textContent).not.toContain('secret-123');
  });

  it('moves a profile up and down, keeping focus on the button pressed', async () => {
    const api = await ready({ app: TWO });
    const down = within(item('Acme')).getByRole('button', { name: 'Move down Acme' });
    expect(within(item('Acme')).getByRole('button', { name: 'Move up Acme' }).getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(down);
    expect(callsOf(api, 'moveProfile')).toEqual([{ id: 'acme', index: 1 }]);
    await waitFor(() => expect(order()).toEqual(['globex', 'acme']));
    expect(document.activeElement).toBe(down);
    await userEvent.click(within(item('Acme')).getByRole('button', { name: 'Move up Acme' }));
    expect(callsOf(api, 'moveProfile').at(-1)).toEqual({ id: 'acme', index: 0 });
    await waitFor(() => expect(order()).toEqual(['acme', 'globex']));
  });

  it('removes only after the confirmation, which starts on Cancel', async () => {
    const api = await ready({ app: TWO });
    const remove = within(item('Globex')).getByRole('button', { name: 'Remove Globex' });
    await userEvent.click(remove);
    const dialog = screen.getByRole('dialog', { name: 'Remove Globex?' });
    expect(dialog.textContent).toContain('Its token and its cached sessions are deleted from this computer.');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(callsOf(api, 'removeProfile')).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(remove));
    await userEvent.click(remove);
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    expect(callsOf(api, 'removeProfile')).toEqual([{ id: 'globex' }]);
    await waitFor(() => expect(order()).toEqual(['acme']));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Profiles' }));
  });

  it('sets the colour and the notifications at once', async () => {
    const api = await ready({ app: TWO });
    const acme = item('Acme');
    fireEvent.change(within(acme).getByLabelText('Label colour'), { target: { value: '#ec4899' } });
    await userEvent.selectOptions(within(acme).getByRole('combobox', { name: 'Notifications' }), 'Off');
    expect(callsOf(api, 'updateProfile')).toEqual([
      { id: 'acme', color: '#ec4899' },
      { id: 'acme', notify: 'off' },
    ]);
    await userEvent.click(await within(acme).findByRole('button', { name: 'Default colour' }));
    await userEvent.selectOptions(within(acme).getByRole('combobox', { name: 'Notifications' }), 'As in Notifications');
    expect(callsOf(api, 'updateProfile').slice(2)).toEqual([
      { id: 'acme', color: null },
      { id: 'acme', notify: null },
    ]);
  });

  it('adds a profile, the name left to the tenant when none is given', async () => {
    const api = await ready();
    const form = screen.getByRole('form', { name: 'Add a profile' });
    await userEvent.type(within(form).getByLabelText('Backend URL'), 'wss://initech.example.com/ws');
    await userEvent.type(within(form).getByLabelText('Sign-in token'), 'tok-9');
    await userEvent.click(within(form).getByRole('button', { name: 'Add profile' }));
    expect(callsOf(api, 'addProfile')).toEqual([{ backendUrl: 'wss://initech.example.com/ws', token: 'tok-9' }]);
    expect(await within(form).findByText('Added initech.example.com')).toBeTruthy();
    await waitFor(() => expect(order()).toEqual(['acme', 'initech-example-com']));
    expect((within(form).getByLabelText('Backend URL') as HTMLInputElement).value).toBe('');
  });

  it("says the core's refusal in words and keeps everything typed", async () => {
    const api = await ready();
    api.answers.addProfile = () => Promise.reject(new Error('a profile name is at most 60 characters'));
    const form = screen.getByRole('form', { name: 'Add a profile' });
    await userEvent.type(within(form).getByLabelText('Name (optional)'), 'Initech');
    await userEvent.type(within(form).getByLabelText('Backend URL'), 'wss://initech.example.com/ws');
    await userEvent.type(within(form).getByLabelText('Sign-in token'), 'tok-9');
    await userEvent.click(within(form).getByRole('button', { name: 'Add profile' }));
    expect((await within(form).findByRole('alert')).textContent).toBe("Couldn't add the profile: a profile name is at most 60 characters");
    expect(callsOf(api, 'addProfile')).toEqual([{ name: 'Initech', backendUrl: 'wss://initech.example.com/ws', token: 'tok-9' }]);
    expect((within(form).getByLabelText('Name (optional)') as HTMLInputElement).value).toBe('Initech');
    expect((within(form).getByLabelText('Backend URL') as HTMLInputElement).value).toBe('wss://initech.example.com/ws');
    expect((within(form).getByLabelText('Sign-in token') as HTMLInputElement).value).toBe('tok-9');
    expect(order()).toEqual(['acme']);
  });

  it('asks for the URL and token before sending anything', async () => {
    const api = await ready();
    const form = screen.getByRole('form', { name: 'Add a profile' });
    await userEvent.click(within(form).getByRole('button', { name: 'Add profile' }));
    expect(within(form).getByRole('alert').textContent).toBe('a profile needs a backend URL');
    await userEvent.type(within(form).getByLabelText('Backend URL'), 'wss://initech.example.com/ws');
    await userEvent.click(within(form).getByRole('button', { name: 'Add profile' }));
    expect(within(form).getByRole('alert').textContent).toBe('a profile needs its sign-in token');
    expect(within(form).getByLabelText('Sign-in token').getAttribute('aria-invalid')).toBe('true');
    expect(callsOf(api, 'addProfile')).toEqual([]);
  });

  it("names each muted flow's profile with two or more", async () => {
    await ready({ notify: { mutedFlows: [{ id: 'acme/fl_1', name: 'Release train' }, { id: 'globex/fl_1', name: 'Release train' }] } });
    const muted = screen.getByRole('region', { name: 'Muted flows' });
    expect([...muted.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Release trainprofile AcmeUnmute', 'Release trainprofile GlobexUnmute']);
    expect(within(muted).getByRole('button', { name: 'Unmute Release train (Globex)' })).toBeTruthy();
  });
});
