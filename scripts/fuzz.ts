// The fuzz campaign: `npm run fuzz -- --minutes N [--only NAME] [--seed S]`. The same properties
// as test/fuzz/*.fuzz.test.ts, for N minutes instead of a few dozen runs each, then a report of
// what was covered and the seeds that replay each failure. Exit code 1 when anything failed.
import { parseArgs } from 'node:util';
import { report, runCampaign } from '../test/fuzz/properties/campaign';
import { ENTRY_POINTS } from '../test/fuzz/properties/targets';

function fail(message: string): never {
  process.stderr.write(`fuzz: ${message}\n`);
  process.exit(2);
}

let values: { minutes?: string; only?: string; seed?: string };
try {
  ({ values } = parseArgs({ options: { minutes: { type: 'string' }, only: { type: 'string' }, seed: { type: 'string' } }, strict: true }));
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]} (usage: npm run fuzz -- --minutes N [--only NAME] [--seed S])`);
}
const minutes = Number(values.minutes ?? 5);
if (!(minutes > 0)) fail(`--minutes must be a number above 0, got "${values.minutes}"`);
const seed = values.seed === undefined ? Date.now() | 0 : Number(values.seed);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number, got "${values.seed}"`);
const chosen = ENTRY_POINTS.filter((e) => values.only === undefined || e.target.name.includes(values.only));
if (chosen.length === 0) fail(`no entry point matches "${values.only}"; there are: ${ENTRY_POINTS.map((e) => e.target.name).join(', ')}`);

process.stderr.write(`fuzz: ${minutes} min over ${chosen.length} entry points, first seed ${seed}\n`);
const results = await runCampaign(
  chosen.map((e) => e.target),
  { minutes, seed, log: (line) => process.stderr.write(`fuzz: ${line}\n`) },
);
process.stdout.write(`${report(results, new Map(chosen.map((e) => [e.target.name, e.file])), { minutes, seed })}\n`);
process.exit(results.some((r) => r.failures.length > 0) ? 1 : 0);
