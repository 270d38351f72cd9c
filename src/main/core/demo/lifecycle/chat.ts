import type { ChatSession, Ref } from '../../../../shared/protocol';
import { CHAT_TOPICS, type ChatTopic } from '../content/chats';
import { makeOrigin } from '../content/origins';
import { agentMessage, userMessage } from '../content/transcript';
import type { SessionFrame } from './common';
import { moved, statusEntry, type Move, type MoveContext } from './move';

function topicOf(chat: ChatSession): ChatTopic | undefined {
  return CHAT_TOPICS.find((t) => t.title === chat.title);
}

export function createChat(ctx: MoveContext, frame: SessionFrame, topic: ChatTopic): Move<ChatSession> {
  const id = ctx.nextId('ch');
  const text = topic.userLines[0] ?? userMessage(ctx.rng, topic.title);
  const session: ChatSession = {
    id,
    kind: 'chat',
    title: topic.title,
    status: 'open',
    owner: frame.owner,
    initiative: frame.initiative,
    plan: frame.plan,
    createdAt: ctx.at,
    updatedAt: ctx.at,
    webUrl: `https://app.discoparrot.example/chats/${id}`,
    error: null,
    chat: { mode: topic.mode, messageCount: 1, lastMessageAt: ctx.at, ended: false },
    origin: makeOrigin(ctx.rng, frame.surface === 'schedule' ? 'web' : frame.surface),
  };
  return { session, entries: [{ kind: 'message', message: { role: 'user', author: frame.owner.name, text } }] };
}

/** The agent answers; every other turn the person writes again. */
export function chatMessage(ctx: MoveContext, chat: ChatSession): Move<ChatSession> {
  const topic = topicOf(chat);
  const agentTurn = chat.chat.messageCount % 2 === 1;
  const text = agentTurn
    ? (topic && ctx.rng.chance(0.6) ? ctx.rng.pick(topic.agentLines) : agentMessage(ctx.rng, chat.title))
    : (topic && ctx.rng.chance(0.6) ? ctx.rng.pick(topic.userLines) : userMessage(ctx.rng, chat.title));
  const message = agentTurn ? { role: 'agent' as const, text } : { role: 'user' as const, author: chat.owner.name, text };
  return moved(ctx, chat, { chat: { ...chat.chat, messageCount: chat.chat.messageCount + 1, lastMessageAt: ctx.at } }, [
    { kind: 'message', message },
  ]);
}

export function endChat(ctx: MoveContext, chat: ChatSession, by: Ref): Move<ChatSession> {
  return moved(ctx, chat, { status: 'ended', chat: { ...chat.chat, ended: true } }, [statusEntry('open', 'ended', `ended by ${by.name}`)]);
}
