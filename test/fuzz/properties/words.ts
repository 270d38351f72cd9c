/**
 * The rules every entry point's output is held to: a rejection is a sentence a person can read,
 * never a stack trace or an "internal error", and a secret the test planted never comes back out.
 */

/** The sign-in token every fuzz target uses: distinctive, so any echo of it is found. */
export const SECRET = 'pt_fuzz_Q7vX2kR9mW4tZ8bN5cJ3';

/** A line as Node prints a stack frame ("    at fn (file:1:2)", "    at file:1:2"). */
const STACK_FRAME = /^\s+at\s+(?:.+\(.+:\d+(?::\d+)?\)|\S+:\d+(?::\d+)?|new |async )/m;
/** Where an uncaught error is printed, Node shows the throwing line under a caret. */
const CARET = /^\s*\^+\s*$/m;

export class RuleBroken extends Error {}

/** Throws when `text` holds any of `secrets`; `where` names the output (stderr, a reply, a body). */
export function expectNoSecret(where: string, text: string, secrets: readonly string[] = [SECRET]): void {
  for (const secret of secrets) {
    if (secret && text.includes(secret)) throw new RuleBroken(`${where} holds a secret: ${preview(text, secret)}`);
  }
}

/** Throws unless `text` reads as words: no stack trace, no "internal error", no unhandled failure, no secret. */
export function expectWords(where: string, text: string, secrets: readonly string[] = [SECRET]): void {
  expectNoSecret(where, text, secrets);
  if (STACK_FRAME.test(text) || CARET.test(text)) throw new RuleBroken(`${where} holds a stack trace: ${preview(text)}`);
  if (/internal error/i.test(text)) throw new RuleBroken(`${where} says "internal error": ${preview(text)}`);
  // The safety net's lines (core/runtime/safety-net.ts): the process survived, but nothing handled the failure.
  if (/escaped its handler|nothing handled it/.test(text)) throw new RuleBroken(`${where} shows a failure nothing handled: ${preview(text)}`);
}

/** Throws unless `text` is a non-empty message in words (letters, not only codes or punctuation). */
export function expectSentence(where: string, text: string, secrets: readonly string[] = [SECRET]): void {
  expectWords(where, text, secrets);
  if (!/[a-z]{3,}.*[a-z]{2,}/is.test(text)) throw new RuleBroken(`${where} is not a message in words: ${JSON.stringify(text.slice(0, 200))}`);
}

/** Throws when `cond` is false, with `message` (fast-check prints it with the input). */
export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new RuleBroken(message);
}

/** A short excerpt around what was found, with the secret itself masked in the report. */
function preview(text: string, around?: string): string {
  const at = around ? text.indexOf(around) : 0;
  const start = Math.max(0, at - 120);
  const excerpt = text.slice(start, start + 400);
  return JSON.stringify(around ? excerpt.split(around).join('<SECRET>') : excerpt);
}
