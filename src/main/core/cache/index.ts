// The offline cache the sync engine writes and the UI and CLI read; ./cache is the whole API.
export * from './cache';
export { SCHEMA_VERSION } from './migrations';
