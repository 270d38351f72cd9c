import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDeepLink, parseDeepLink } from '../../../src/main/shell/deep-link/deep-link';
import { protocolClientArgs, registerDeepLinks } from '../../../src/main/shell/deep-link/register';

const session = (id: string) => ({ kind: 'session', id });

describe('parseDeepLink', () => {
  it.each([
    ['discoparrot://session/fr_7', 'fr_7'],
    ['discoparrot://session/fr_7/', 'fr_7'],
    ['DiscoParrot://session/fr_7', 'fr_7'],
    ['DISCOPARROT://SESSION/fr_7', 'fr_7'],
    ['discoparrot://session/task%20one%2F2', 'task one/2'],
    ['discoparrot://session/%E2%9C%93%F0%9F%A6%9C', '✓🦜'],
    [`discoparrot://session/${'a'.repeat(128)}`, 'a'.repeat(128)],
    [`discoparrot://session/${'%41'.repeat(128)}`, 'A'.repeat(128)],
    // A profile, then the id: the scoped id every view uses.
    ['discoparrot://session/acme/ft_1', 'acme/ft_1'],
    ['discoparrot://session/acme/ft_1/', 'acme/ft_1'],
    ['DiscoParrot://Session/acme-corp-2/ft_1', 'acme-corp-2/ft_1'],
    ['discoparrot://session/acme/task%20one%2F2', 'acme/task one/2'],
    ['discoparrot://session/%61cme/ft_1', 'acme/ft_1'],
    [`discoparrot://session/${'p'.repeat(40)}/${'%41'.repeat(128)}`, `${'p'.repeat(40)}/${'A'.repeat(128)}`],
    [`discoparrot://session/${'%70'.repeat(40)}/${'%F0%9F%A6%9C'.repeat(64)}`, `${'p'.repeat(40)}/${'🦜'.repeat(64)}`],
  ])('%s → session %s', (link, id) => {
    expect(parseDeepLink(link)).toEqual(session(id));
  });

  it.each([
    ['another scheme', 'https://session/fr_7'],
    ['a lookalike scheme', 'discoparrots://session/fr_7'],
    ['no slashes', 'discoparrot:session/fr_7'],
    ['another host', 'discoparrot://settings/fr_7'],
    ['a host with a port', 'discoparrot://session:80/fr_7'],
    ['credentials', 'discoparrot://me@session/fr_7'],
    ['no id', 'discoparrot://session/'],
    ['no path', 'discoparrot://session'],
    ['a deeper path', 'discoparrot://session/acme/fr_7/transcript'],
    ['a profile id with an underscore (so not a profile)', 'discoparrot://session/fr_7/transcript'],
    ['a profile id in capitals', 'discoparrot://session/Acme/ft_1'],
    ['a profile id starting with a dash', 'discoparrot://session/-acme/ft_1'],
    ['a 41-character profile id', `discoparrot://session/${'p'.repeat(41)}/ft_1`],
    ['an encoded slash in the profile', 'discoparrot://session/ac%2Fme/ft_1'],
    ['an empty profile', 'discoparrot://session//ft_1'],
    ['a profile without an id', 'discoparrot://session/acme//'],
    ['a bad id after a good profile', 'discoparrot://session/acme/fr%0A7'],
    ['a 129-character id after a profile', `discoparrot://session/acme/${'a'.repeat(129)}`],
    ['a padded id after a profile', 'discoparrot://session/acme/%20ft_1'],
    ['two trailing slashes', 'discoparrot://session/fr_7//'],
    ['a query', 'discoparrot://session/fr_7?approve=1'],
    ['a fragment', 'discoparrot://session/fr_7#x'],
    ['a 129-character id', `discoparrot://session/${'a'.repeat(129)}`],
    ['a 129-character id once decoded', `discoparrot://session/${'%41'.repeat(129)}`],
    ['a raw control character', 'discoparrot://session/fr\u00007'],
    ['a raw newline the URL parser would drop', 'discoparrot://session/fr\n7'],
    ['an encoded control character', 'discoparrot://session/fr%0A7'],
    ['an encoded DEL', 'discoparrot://session/fr%7F'],
    ['a C1 control', 'discoparrot://session/fr%C2%857'],
    ['a line separator', 'discoparrot://session/fr%E2%80%A87'],
    ['bad percent-encoding', 'discoparrot://session/fr%E0%A4%A'],
    ['an encoded space only', 'discoparrot://session/%20'],
    ['leading whitespace', ' discoparrot://session/fr_7'],
    ['an empty string', ''],
    ['a huge string', `discoparrot://session/${'a'.repeat(1_000_000)}`],
  ])('rejects %s', (_name, link) => {
    expect(parseDeepLink(link)).toBeNull();
  });

  it('rejects what is not a string', () => {
    for (const value of [undefined, null, 42, {}, ['discoparrot://session/x'], new URL('discoparrot://session/x')]) {
      expect(parseDeepLink(value)).toBeNull();
    }
  });

  it('never throws, and anything it accepts is a short id, scoped by a valid profile or bare, without controls', () => {
    const raw = fc.oneof(
      fc.string(),
      fc.string().map((s) => `discoparrot://session/${s}`),
      fc.tuple(fc.string(), fc.string()).map(([p, s]) => `discoparrot://session/${p}/${s}`),
      fc.webUrl(),
    );
    fc.assert(
      fc.property(raw, (text) => {
        const link = parseDeepLink(text);
        if (link) {
          expect(link.id.length).toBeGreaterThan(0);
          expect(link.id.length).toBeLessThanOrEqual(128 + 41);
          expect(link.id).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        }
      }),
    );
  });

  it('round-trips any valid id through encodeURIComponent', () => {
    const id = fc.string({ minLength: 1, maxLength: 128, unit: 'grapheme' }).filter((s) => s.length <= 128 && s.trim() === s && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s));
    fc.assert(
      fc.property(id, (s) => {
        expect(parseDeepLink(`discoparrot://session/${encodeURIComponent(s)}`)).toEqual(session(s));
      }),
    );
  });

  it('round-trips any valid profile and id, each encoded on its own', () => {
    const profile = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,39}$/);
    const id = fc.string({ minLength: 1, maxLength: 128 }).filter((s) => s.trim() === s && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s));
    fc.assert(
      fc.property(profile, id, (p, s) => {
        expect(parseDeepLink(`discoparrot://session/${p}/${encodeURIComponent(s)}`)).toEqual(session(`${p}/${s}`));
      }),
    );
  });
});

describe('findDeepLink', () => {
  it("finds the link among Chromium's switches in a second instance's argv (Windows, Linux)", () => {
    const argv = ['C:\\Program Files\\Parrot Tray\\Parrot Tray.exe', '--allow-file-access-from-files', '--original-process-start-time=1', 'discoparrot://session/fr_7/'];
    expect(findDeepLink(argv)).toEqual(session('fr_7'));
    expect(findDeepLink([...argv.slice(0, 3), 'discoparrot://session/acme/fr_7/'])).toEqual(session('acme/fr_7'));
  });

  it('gives null without a link, or with only malformed ones', () => {
    expect(findDeepLink([])).toBeNull();
    expect(findDeepLink(['/usr/bin/parrot-tray', '--hidden'])).toBeNull();
    expect(findDeepLink(['/usr/bin/parrot-tray', 'discoparrot://evil/x', 'https://session/x'])).toBeNull();
  });

  it('takes the newest well-formed link', () => {
    expect(findDeepLink(['x', 'discoparrot://session/a', 'discoparrot://session/b', 'DISCOPARROT://nope'])).toEqual(session('b'));
  });
});

describe('registerDeepLinks', () => {
  class FakeApp extends EventEmitter {
    registered: unknown[][] = [];
    setAsDefaultProtocolClient(...args: unknown[]) {
      this.registered.push(args);
      return true;
    }
  }

  it('registers the packaged app plainly, and Electron-plus-app in development', () => {
    expect(protocolClientArgs({ defaultApp: false, execPath: '/opt/Parrot Tray/parrot-tray', argv: ['/opt/Parrot Tray/parrot-tray'] })).toEqual(['discoparrot']);
    expect(protocolClientArgs({ defaultApp: true, execPath: '/dev/electron', argv: ['/dev/electron', '/src/app'] })).toEqual(['discoparrot', '/dev/electron', ['/src/app']]);
  });

  it('routes open-url and second-instance links, and returns the cold-start one', () => {
    const app = new FakeApp();
    const opened: unknown[] = [];
    const initial = registerDeepLinks(app as never, { defaultApp: false, execPath: '/x', argv: ['/x', 'discoparrot://session/cold'] }, (link) => opened.push(link));
    expect(initial).toEqual(session('cold'));
    expect(app.registered).toEqual([['discoparrot']]);

    let prevented = false;
    app.emit('open-url', { preventDefault: () => (prevented = true) }, 'discoparrot://session/mac');
    app.emit('open-url', { preventDefault() {} }, 'discoparrot://session/');
    app.emit('second-instance', {}, ['/x', '--flag', 'discoparrot://session/globex/win'], '/cwd', {});
    app.emit('second-instance', {}, ['/x'], '/cwd', {});
    expect(prevented).toBe(true);
    expect(opened).toEqual([session('mac'), session('globex/win')]);
  });
});
