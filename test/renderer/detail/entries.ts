import type { TranscriptEntry } from '../../../src/shared/protocol';
import { iso, NOW } from '../../shared/fixtures';

type Body<K extends TranscriptEntry['kind']> = Omit<Extract<TranscriptEntry, { kind: K }>, 'seq' | 'at' | 'kind'>;

/** Entry builders: seq n is stamped n seconds before NOW, so order and time agree. */
const at = (seq: number) => iso(NOW - (1000 - seq) * 1000);

export const message = (seq: number, body: Body<'message'>['message']): TranscriptEntry => ({ seq, at: at(seq), kind: 'message', message: body });
export const toolCall = (seq: number, body: Body<'tool_call'>['toolCall']): TranscriptEntry => ({ seq, at: at(seq), kind: 'tool_call', toolCall: body });
export const fileEdit = (seq: number, body: Body<'file_edit'>['fileEdit']): TranscriptEntry => ({ seq, at: at(seq), kind: 'file_edit', fileEdit: body });
export const step = (seq: number, body: Body<'step'>['step']): TranscriptEntry => ({ seq, at: at(seq), kind: 'step', step: body });
export const checkpointEntry = (seq: number, body: Body<'checkpoint'>['checkpoint']): TranscriptEntry => ({ seq, at: at(seq), kind: 'checkpoint', checkpoint: body });
export const status = (seq: number, body: Body<'status'>['status']): TranscriptEntry => ({ seq, at: at(seq), kind: 'status', status: body });
