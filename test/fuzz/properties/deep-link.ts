import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { findDeepLink, parseDeepLink, type DeepLink } from '../../../src/main/shell/deep-link/deep-link';
import { registerDeepLinks } from '../../../src/main/shell/deep-link/register';
import type { FuzzTarget } from './target';
import { check } from './words';

/**
 * `discoparrot://` links as other programs hand them over (a browser, a chat message, another
 * app's argv), beyond test/shell/deep-link's own properties: valid links bent one edit at a time,
 * whole argv lists, and links arriving through the app's `open-url` and `second-instance` events.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const PROFILE = /^[a-z0-9][a-z0-9-]{0,39}$/;

const profileArb = fc.stringMatching(PROFILE);
const idArb = fc.string({ minLength: 1, maxLength: 128 }).filter((s) => s.trim() === s && !CONTROL.test(s));
const validLink = fc
  .record({ profile: fc.option(profileArb), id: idArb, slash: fc.boolean(), upper: fc.boolean() })
  .map(({ profile, id, slash, upper }) => `${upper ? 'DiscoParrot://Session' : 'discoparrot://session'}/${profile === null ? '' : `${profile}/`}${encodeURIComponent(id)}${slash ? '/' : ''}`);

/** One edit that a copy, a paste, a shell or an attacker makes to a link. */
const editArb = fc.oneof(
  fc.record({ at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('%', '%E0%A4%A', '%00', '%0A', '%2F', '/', '//', '\\', '\n', '\t', '\u2028', ' ', '?', '#', '@', ':80', '..', '%C0%AE')) }).map((e) => ({ ...e, kind: 'insert' as const })),
  fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }).map((e) => ({ ...e, kind: 'delete' as const })),
  fc.record({ at: fc.nat() }).map((e) => ({ ...e, kind: 'case' as const })),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => ({ kind: 'pad' as const, n })),
);
type Edit = typeof editArb extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(link: string, edit: Edit): string {
  if (edit.kind === 'pad') return `${link}${'a'.repeat(edit.n)}`;
  const at = edit.at % (link.length + 1);
  if (edit.kind === 'insert') return link.slice(0, at) + edit.text + link.slice(at);
  if (edit.kind === 'delete') return link.slice(0, at) + link.slice(at + edit.length);
  const c = link.charAt(at);
  return link.slice(0, at) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + link.slice(at + 1);
}

/** What any accepted link must come to: a short id without controls, scoped only by a valid profile id. */
function checkAccepted(raw: string, link: DeepLink): void {
  check(link.kind === 'session', `${JSON.stringify(raw)} gave kind ${link.kind}`);
  const slash = link.id.indexOf('/');
  const scoped = raw.slice('discoparrot://session/'.length).replace(/\/$/, '').includes('/');
  const [profile, id] = scoped ? [link.id.slice(0, slash), link.id.slice(slash + 1)] : [null, link.id];
  check(id.length > 0 && id.length <= 128, `${JSON.stringify(raw)} gave an id of ${id.length} characters`);
  check(!CONTROL.test(link.id), `${JSON.stringify(raw)} gave an id with a control character`);
  check(id.trim() === id, `${JSON.stringify(raw)} gave an id with surrounding space`);
  check(profile === null || PROFILE.test(profile), `${JSON.stringify(raw)} gave the profile ${JSON.stringify(profile)}`);
  check(/^discoparrot:\/\/session\//i.test(raw) && !/[?#]/.test(raw), `${JSON.stringify(raw)} was accepted though it is not a session link`);
  // Written out again in the canonical form, it means the same session.
  const canonical = `discoparrot://session/${profile === null ? '' : `${profile}/`}${encodeURIComponent(id)}`;
  const again = parseDeepLink(canonical);
  check(again?.id === link.id, `${JSON.stringify(raw)} → ${JSON.stringify(link.id)}, but its canonical form gives ${JSON.stringify(again?.id)}`);
}

/** A link as another program hands it over: valid, or bent by up to two edits. */
export const deepLinkArb = fc.tuple(validLink, fc.array(editArb, { maxLength: 2 })).map(([link, edits]) => edits.reduce(applyEdit, link));

class FakeApp extends EventEmitter {
  setAsDefaultProtocolClient(): boolean {
    return true;
  }
}

const argvEntry = fc.oneof(validLink, validLink.chain((l) => editArb.map((e) => applyEdit(l, e))), fc.constantFrom('--hidden', '--allow-file-access-from-files', '/usr/bin/parrot-tray', 'discoparrot:', 'DISCOPARROT://nope'), fc.string());

const runArb = fc.record({
  link: validLink,
  edits: fc.array(editArb, { maxLength: 3 }),
  argv: fc.array(argvEntry, { maxLength: 6 }),
});

export const deepLinkTarget: FuzzTarget<null> = {
  name: 'discoparrot:// links',
  slow: false,
  start: async () => null,
  property(_env, coverage) {
    return fc.property(runArb, ({ link, edits, argv }) => {
      const bent = edits.reduce(applyEdit, link);
      const parsed = parseDeepLink(bent);
      coverage.shape(...edits.map((e) => `edit: ${e.kind}`), parsed ? 'accepted' : 'refused', `argv of ${Math.min(argv.length, 3)}${argv.length > 3 ? '+' : ''}`);
      if (edits.length === 0) check(parsed !== null, `the valid link ${JSON.stringify(link)} was refused`);
      if (parsed) checkAccepted(bent, parsed);

      // The newest well-formed link in argv wins; nothing else does.
      const newest = [...argv].reverse().map(parseDeepLink).find((l) => l !== null) ?? null;
      check(JSON.stringify(findDeepLink(argv)) === JSON.stringify(newest), `findDeepLink(${JSON.stringify(argv).slice(0, 200)}) is not the newest valid link`);

      // Through the app's events: only what parses is opened, once, and nothing throws.
      const app = new FakeApp();
      const opened: DeepLink[] = [];
      const initial = registerDeepLinks(app as never, { defaultApp: false, execPath: '/x', argv: ['/x', ...argv] }, (l) => opened.push(l));
      app.emit('open-url', { preventDefault() {} }, bent);
      app.emit('second-instance', {}, ['/x', ...argv], '/cwd', {});
      const want = [parsed, newest].filter((l): l is DeepLink => l !== null);
      check(JSON.stringify(initial) === JSON.stringify(newest) && JSON.stringify(opened) === JSON.stringify(want), `the app opened ${JSON.stringify(opened)} for ${JSON.stringify([bent, argv]).slice(0, 200)}`);
    });
  },
  settle: async () => undefined,
  stop: async () => undefined,
};
