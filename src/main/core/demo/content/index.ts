/** The demo tenant's content catalog: pure data and generators, deterministic given a Random. */
export { DEMO_USER, OWNERS, INITIATIVES } from './people';
export { FLOW_TEMPLATES, type FlowTemplate, type FlowStepTemplate } from './flows';
export { TASK_TITLES, TASK_CHECKPOINT_PROMPTS } from './tasks';
export { CHAT_TOPICS, type ChatTopic } from './chats';
export { REPOS, repoProfile, type RepoProfile, type RepoLang } from './repos';
export { SURFACES, makeOrigin, type Surface } from './origins';
export { CREDENTIAL_KINDS, makeCredential, BENIGN_LOOKALIKES, type CredentialKind, type Credential } from './credentials';
export { toolCallBody, fileEditBody, agentMessage, userMessage, type ToolCallBody, type FileEditBody } from './transcript';
