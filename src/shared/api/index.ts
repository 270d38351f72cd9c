export * from './schemas';
export * from './parrot-api';
export * from './bridge-wire';
export * from './ipc-channels';
