import fc from 'fast-check';
import { Coverage, firstLine, type FuzzTarget } from './target';

export interface CampaignOptions {
  minutes: number;
  /** The first seed; each round takes the next, so a campaign can be run again exactly. */
  seed: number;
  log: (line: string) => void;
}

/**
 * The long run behind `npm run fuzz -- --minutes N`: each entry point gets an equal share of the
 * time, in rounds of growing size, each round with its own seed. A failure is recorded with the
 * seed and path that replay it, and the target is started afresh (a failure may have ended its
 * process). Whatever escapes a run in this process (an unhandled rejection) is a failure too.
 */
export async function runCampaign(targets: ReadonlyArray<FuzzTarget<any>>, options: CampaignOptions): Promise<Coverage[]> {
  const share = (options.minutes * 60_000) / Math.max(1, targets.length);
  const results: Coverage[] = [];
  let current: Coverage | null = null;
  const escaped = (error: unknown) => current?.fail({ seed: -1, path: null, message: `escaped a run: ${firstLine(error)}` });
  process.on('unhandledRejection', escaped);
  process.on('uncaughtException', escaped);
  try {
    for (const target of targets) {
      const coverage = (current = new Coverage(target.name));
      results.push(coverage);
      await campaignOf(target, coverage, Date.now() + share, options);
    }
  } finally {
    process.off('unhandledRejection', escaped);
    process.off('uncaughtException', escaped);
  }
  return results;
}

async function campaignOf(target: FuzzTarget<any>, coverage: Coverage, end: number, options: CampaignOptions): Promise<void> {
  let env: unknown;
  try {
    env = await target.start();
  } catch (error) {
    coverage.fail({ seed: -1, path: null, message: `could not start: ${firstLine(error)}` });
    return;
  }
  let numRuns = 25;
  for (let round = 0; Date.now() < end; round++) {
    const seed = (options.seed + round) | 0;
    coverage.seeds = [coverage.seeds?.[0] ?? seed, seed];
    const details = await fc.check(target.property(env, coverage), {
      seed,
      numRuns,
      endOnFailure: true,
      examples: [...(target.regressions ?? [])] as never,
      interruptAfterTimeLimit: Math.max(1_000, end - Date.now()),
    });
    options.log(`${target.name}: round ${round + 1}, seed ${seed}, ${details.numRuns} runs${details.failed ? ', FAILED' : ''}`);
    if (details.failed) {
      coverage.fail({ seed: details.seed, path: details.counterexamplePath, message: firstLine(details.errorInstance) });
      await target.stop(env).catch(() => undefined);
      try {
        env = await target.start();
      } catch (error) {
        coverage.fail({ seed: -1, path: null, message: `could not start again: ${firstLine(error)}` });
        return;
      }
    }
    numRuns = Math.min(numRuns * 2, 2_000);
  }
  try {
    await target.settle(env);
  } catch (error) {
    coverage.fail({ seed: -1, path: null, message: `after the runs: ${firstLine(error)}` });
  }
  await target.stop(env).catch((error) => coverage.fail({ seed: -1, path: null, message: `could not stop: ${firstLine(error)}` }));
}

/** What the campaign covered, per entry point: runs, distinct shapes and failures, and how to replay each. */
export function report(results: readonly Coverage[], files: ReadonlyMap<string, string>, options: { minutes: number; seed: number }): string {
  const width = Math.max(12, ...results.map((r) => r.name.length));
  const seeds = (r: Coverage) => (r.seeds ? `${r.seeds[0]}..${r.seeds[1]}` : '-');
  const lines = [
    `Fuzz campaign: ${options.minutes} min over ${results.length} entry points (again: npm run fuzz -- --minutes ${options.minutes} --seed ${options.seed})`,
    '',
    `${'entry point'.padEnd(width)}  ${'runs'.padStart(7)}  ${'shapes'.padStart(6)}  ${'failures'.padStart(8)}  seeds (one a round)`,
    ...results.map((r) => `${r.name.padEnd(width)}  ${String(r.runs).padStart(7)}  ${String(r.shapes.size).padStart(6)}  ${String(r.failures.length).padStart(8)}  ${seeds(r)}`),
  ];
  const failed = results.filter((r) => r.failures.length > 0);
  if (failed.length) {
    lines.push('', 'Failures (replay one with the line under it):');
    for (const r of failed) {
      for (const f of r.failures) {
        lines.push(`  ${r.name}: ${f.message}`);
        if (f.seed !== -1) lines.push(`    FUZZ_SEED=${f.seed}${f.path ? ` FUZZ_PATH=${f.path}` : ''} npx vitest run ${files.get(r.name) ?? 'test/fuzz'}`);
      }
    }
  }
  lines.push('', 'Shapes reached (runs each):');
  for (const r of results) {
    const shapes = [...r.shapes].sort((a, b) => b[1] - a[1]);
    lines.push(`  ${r.name}: ${shapes.slice(0, 20).map(([s, n]) => `${s} ×${n}`).join('; ')}${shapes.length > 20 ? `; … ${shapes.length - 20} more` : ''}`);
  }
  return lines.join('\n');
}
