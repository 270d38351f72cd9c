import { agentMessage, CREDENTIAL_KINDS, fileEditBody, makeCredential, toolCallBody } from '../src/main/core/demo/content';
import { Random } from '../src/main/core/demo/random';
import { redactText } from '../src/main/core/redact';
import { median } from './util';

/** 2,000 chunks of about 2 KB of lifelike transcript text, a generated credential in about one item in five. */
export function redactionFigures(runs: number): { mbPerS: number; missed: number; secrets: number } {
  const rng = new Random(7);
  const chunks: string[] = [];
  const secrets: string[] = [];
  while (chunks.length < 2000) {
    let chunk = '';
    while (chunk.length < 2048) {
      const leak = rng.chance(0.2) ? makeCredential(rng, rng.pick(CREDENTIAL_KINDS)) : null;
      if (leak) secrets.push(leak.secret);
      chunk += `${agentMessage(rng)}\n${JSON.stringify(toolCallBody(rng, { repo: 'acme/api' }))}\n${JSON.stringify(fileEditBody(rng, { repo: 'acme/api' }))}\n${leak ? `${leak.text}\n` : ''}`;
    }
    chunks.push(chunk);
  }
  const bytes = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
  const times: number[] = [];
  let out: string[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    out = chunks.map(redactText);
    times.push(performance.now() - t);
  }
  const joined = out.join('\n');
  return { mbPerS: bytes / 1e6 / (median(times) / 1000), missed: secrets.filter((s) => joined.includes(s)).length, secrets: secrets.length };
}
