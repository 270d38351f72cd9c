/**
 * Transcript entry bodies (no seq or at: the tenant assigns those). Each kind lives in its
 * own file; this is the one place the demo tenant imports them from.
 */
export { toolCallBody, type ToolCallBody } from './tool-calls';
export { fileEditBody, type FileEditBody } from './file-edits';
export { agentMessage, userMessage } from './messages';
