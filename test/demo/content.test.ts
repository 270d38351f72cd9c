import { describe, expect, it } from 'vitest';
import { Origin } from '../../src/shared/protocol/session';
import { FileEditEntry, ToolCallEntry } from '../../src/shared/protocol/transcript';
import { Random } from '../../src/main/core/demo/random';
import {
  BENIGN_LOOKALIKES,
  CHAT_TOPICS,
  CREDENTIAL_KINDS,
  DEMO_USER,
  FLOW_TEMPLATES,
  INITIATIVES,
  OWNERS,
  SURFACES,
  TASK_CHECKPOINT_PROMPTS,
  TASK_TITLES,
  REPOS,
  agentMessage,
  fileEditBody,
  makeCredential,
  makeOrigin,
  toolCallBody,
  userMessage,
  type CredentialKind,
} from '../../src/main/core/demo/content';
import { findSecrets } from './gitleaks-subset';

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);
const AT = '2026-11-24T10:00:00.000Z';

/** Which rule must report each kind's secret (see gitleaks-subset.ts). */
const EXPECTED_RULE: Record<CredentialKind, readonly string[]> = {
  'github-pat': ['github-pat'],
  'github-oauth': ['github-oauth'],
  'github-user-to-server': ['github-app-token'],
  'github-server-to-server': ['github-app-token'],
  'github-refresh': ['github-refresh-token'],
  'github-fine-grained-pat': ['github-fine-grained-pat'],
  'aws-access-key': ['aws-access-token'],
  'aws-secret-key': ['generic-api-key'],
  'slack-token': ['slack-bot-token', 'slack-user-token'],
  'stripe-secret-key': ['stripe-access-token'],
  'openai-api-key': ['openai-api-key'],
  'anthropic-api-key': ['anthropic-api-key'],
  'google-api-key': ['gcp-api-key'],
  'gitlab-pat': ['gitlab-pat'],
  'npm-token': ['npm-access-token'],
  jwt: ['jwt'],
  'private-key': ['private-key'],
  'url-password': ['url-password'],
  bearer: ['curl-auth-header'],
  'basic-auth': ['curl-auth-header'],
  'password-assignment': ['generic-api-key'],
};

describe('catalog', () => {
  it('puts the signed-in user first among six owners', () => {
    expect(OWNERS[0]).toBe(DEMO_USER);
    expect(DEMO_USER).toEqual({ id: 'u_ada', name: 'Ada Lovelace' });
    expect(OWNERS).toHaveLength(6);
    expect(OWNERS).toContainEqual({ id: 'u_grace', name: 'Grace Hopper' });
    expect(new Set(OWNERS.map((o) => o.id)).size).toBe(6);
  });

  it('has four initiatives with one to three plans each', () => {
    expect(INITIATIVES).toHaveLength(4);
    for (const { initiative, plans } of INITIATIVES) {
      expect(initiative.id).toMatch(/^in_/);
      expect(plans.length).toBeGreaterThanOrEqual(1);
      expect(plans.length).toBeLessThanOrEqual(3);
      for (const plan of plans) expect(plan.id).toMatch(/^pl_/);
    }
  });

  it('gives every flow 3 to 7 steps and a step that can fail; about half pause for approval', () => {
    expect(FLOW_TEMPLATES.length).toBeGreaterThanOrEqual(8);
    for (const flow of FLOW_TEMPLATES) {
      expect(flow.steps.length).toBeGreaterThanOrEqual(3);
      expect(flow.steps.length).toBeLessThanOrEqual(7);
      expect(flow.titles.length).toBeGreaterThan(0);
      expect(flow.steps.some((s) => s.failure && s.failure.code && s.failure.message)).toBe(true);
    }
    const withCheckpoint = FLOW_TEMPLATES.filter((f) => f.steps.some((s) => s.checkpoint)).length;
    expect(withCheckpoint / FLOW_TEMPLATES.length).toBeGreaterThanOrEqual(0.4);
    expect(withCheckpoint / FLOW_TEMPLATES.length).toBeLessThanOrEqual(0.65);
    expect(new Set(FLOW_TEMPLATES.map((f) => f.flowId)).size).toBe(FLOW_TEMPLATES.length);
  });

  it('has enough task titles, checkpoint prompts and chat topics', () => {
    expect(TASK_TITLES.length).toBeGreaterThanOrEqual(15);
    expect(TASK_CHECKPOINT_PROMPTS.length).toBeGreaterThanOrEqual(5);
    expect(CHAT_TOPICS.length).toBeGreaterThanOrEqual(12);
    for (const topic of CHAT_TOPICS) {
      expect(topic.userLines.length).toBeGreaterThan(0);
      expect(topic.agentLines.length).toBeGreaterThan(0);
    }
  });
});

describe('determinism', () => {
  it('gives the same output for the same seed, and different output for another', () => {
    const draw = (seed: number) => {
      const rng = new Random(seed);
      return JSON.stringify([
        SURFACES.map((s) => makeOrigin(rng, s)),
        CREDENTIAL_KINDS.map((k) => makeCredential(rng, k)),
        toolCallBody(rng, { repo: 'acme/api' }),
        toolCallBody(rng, { repo: 'acme/ledger', secret: 'jwt' }),
        fileEditBody(rng, { repo: 'acme/ml-pipeline' }),
        fileEditBody(rng, { repo: 'acme/web', secret: 'private-key' }),
        agentMessage(rng, 'Nightly dependency upgrade'),
        userMessage(rng),
        BENIGN_LOOKALIKES(rng),
      ]);
    };
    expect(draw(42)).toBe(draw(42));
    expect(draw(42)).not.toBe(draw(43));
  });
});

describe('origins', () => {
  it('are valid origins on a known repo', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      for (const surface of SURFACES) {
        const origin = makeOrigin(new Random(seed), surface);
        expect(Origin.parse(origin)).toEqual(origin);
        expect(origin.surface).toBe(surface);
        expect(origin.sandbox).toMatch(/^sbx_\d+$/);
        expect(REPOS.map((r) => r.repo)).toContain(origin.repo);
      }
    }
  });
});

describe('credentials', () => {
  it.each(CREDENTIAL_KINDS)('%s: the text holds the secret, and its gitleaks rule reports exactly it', (kind) => {
    for (const seed of SEEDS) {
      const cred = makeCredential(new Random(seed), kind);
      expect(cred.kind).toBe(kind);
      expect(cred.text).toContain(cred.secret);
      const findings = findSecrets(cred.text).filter((f) => EXPECTED_RULE[kind].includes(f.rule));
      expect(findings.map((f) => f.secret), `${kind} seed ${seed}: ${cred.text}`).toContain(cred.secret);
    }
  });

  it('never leaves secret characters behind once every finding is removed', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      for (const kind of CREDENTIAL_KINDS) {
        const cred = makeCredential(new Random(seed), kind);
        let text = cred.text;
        for (const f of findSecrets(text)) text = text.split(f.secret).join(`[REDACTED:${f.rule}]`);
        expect(text).not.toContain(cred.secret);
      }
    }
  });

  it('leaves the benign lookalikes alone', () => {
    for (const seed of SEEDS) {
      for (const s of BENIGN_LOOKALIKES(new Random(seed))) expect(findSecrets(s), s).toEqual([]);
    }
  });
});

describe('transcript bodies', () => {
  const repos = REPOS.map((r) => r.repo).concat('acme/unknown');

  it('are valid entries with no secret unless one is asked for', () => {
    let errors = 0;
    let total = 0;
    for (const seed of SEEDS) {
      for (const repo of repos) {
        const rng = new Random(seed);
        const call = toolCallBody(rng, { repo });
        const edit = fileEditBody(rng, { repo });
        total++;
        if (call.status === 'error') errors++;
        ToolCallEntry.parse({ seq: 1, at: AT, kind: 'tool_call', toolCall: call });
        FileEditEntry.parse({ seq: 2, at: AT, kind: 'file_edit', fileEdit: edit });
        expect(JSON.stringify(call).length).toBeLessThan(700);
        const texts = [JSON.stringify(call.input), call.output ?? '', edit.before ?? '', edit.after ?? ''];
        for (const t of texts) expect(findSecrets(t), t).toEqual([]);
      }
    }
    expect(errors / total).toBeGreaterThan(0.05);
    expect(errors / total).toBeLessThan(0.15);
  });

  it('messages and catalog strings hold no secret', () => {
    const strings = [
      ...TASK_TITLES,
      ...TASK_CHECKPOINT_PROMPTS,
      ...CHAT_TOPICS.flatMap((c) => [c.title, ...c.userLines, ...c.agentLines]),
      ...FLOW_TEMPLATES.flatMap((f) => [...f.titles, ...f.steps.flatMap((s) => [s.name, s.checkpoint ?? '', s.failure?.message ?? ''])]),
    ];
    for (const seed of SEEDS.slice(0, 50)) {
      const rng = new Random(seed);
      strings.push(agentMessage(rng), userMessage(rng), agentMessage(rng, 'Nightly dependency upgrade'), userMessage(rng, CHAT_TOPICS[0]!.title));
    }
    for (const s of strings) expect(findSecrets(s), s).toEqual([]);
  });

  it.each(CREDENTIAL_KINDS)('%s leaks verbatim, and is the credential makeCredential draws from the same seed', (kind) => {
    for (const seed of SEEDS.slice(0, 40)) {
      const cred = makeCredential(new Random(seed), kind);
      const call = toolCallBody(new Random(seed), { repo: 'acme/api', secret: kind });
      const edit = fileEditBody(new Random(seed), { repo: 'acme/api', secret: kind });
      expect(call.output).toContain(cred.text);
      expect(edit.after).toContain(cred.text);
      expect(edit.before ?? '').not.toContain(cred.secret);
      expect(findSecrets(call.output ?? '').map((f) => f.secret)).toContain(cred.secret);
      expect(findSecrets(edit.after ?? '').map((f) => f.secret)).toContain(cred.secret);
    }
  });
});
