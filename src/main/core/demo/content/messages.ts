import type { Random } from '../random';
import { CHAT_TOPICS } from './chats';

// Topic-free lines read naturally in any session; `{t}` lines name what the session is about.
const AGENT_GENERIC = [
  'I read the failing test and the code it covers; the bug is in the rounding, not the query.',
  'Tests pass locally. I will open a draft PR next.',
  'Two approaches: a quick patch now, or the proper fix that touches 6 files. I went with the proper fix.',
  'Done. I left one TODO where the behaviour needs a product decision.',
  'The build is green on all 8 shards.',
];
const AGENT_TOPICAL = [
  'Starting on “{t}”. I will read the relevant code before changing anything.',
  'Progress on “{t}”: the change is made and the tests pass.',
  'I finished “{t}”. The summary is in the PR description.',
];
const USER_GENERIC = [
  'Thanks, go ahead.',
  'Please keep the change small; we release on Thursday.',
  'Can you add a test for the empty case too?',
  'Looks good. Merge it when CI is green.',
  'Hold off on that until Grace has reviewed it.',
];
const USER_TOPICAL = ['Can you take “{t}”?', 'Where are we with “{t}”?', 'Please pick up “{t}” today if you can.'];

/** Lines written for a known chat topic, or null when the topic is free text. */
function topicLines(topic: string | undefined, who: 'user' | 'agent'): readonly string[] | null {
  const known = CHAT_TOPICS.find((c) => c.title === topic);
  if (!known) return null;
  return who === 'user' ? known.userLines : known.agentLines;
}

function message(rng: Random, who: 'user' | 'agent', topic: string | undefined): string {
  const known = topicLines(topic, who);
  if (known) return rng.pick(known);
  const generic = who === 'user' ? USER_GENERIC : AGENT_GENERIC;
  const topical = who === 'user' ? USER_TOPICAL : AGENT_TOPICAL;
  if (topic !== undefined && rng.chance(0.5)) return rng.pick(topical).replace('{t}', topic);
  return rng.pick(generic);
}

/** An agent's message; a CHAT_TOPICS title gets that topic's own lines. */
export function agentMessage(rng: Random, topic?: string): string {
  return message(rng, 'agent', topic);
}

/** A person's message; a CHAT_TOPICS title gets that topic's own lines. */
export function userMessage(rng: Random, topic?: string): string {
  return message(rng, 'user', topic);
}
