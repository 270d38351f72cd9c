export * from './schemas';
export * from './queries';
export * from './parrot-api';
export * from './client-wire';
export * from './ipc-channels';
