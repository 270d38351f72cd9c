import { bridgeTarget } from './bridge';
import { cliArgsTarget } from './cli-args';
import { dataDirTarget } from './data-dir';
import { deepLinkTarget } from './deep-link';
import { ipcTarget } from './ipc';
import { ipcMainTarget } from './ipc-main';
import { settingsFileTarget } from './settings-file';
import { streamTarget } from './stream';
import type { FuzzTarget } from './target';
import { webServerTarget } from './web-server';

/** Every entry point under fuzz, with the vitest file that replays its failures. */
export const ENTRY_POINTS: ReadonlyArray<{ target: FuzzTarget<any>; file: string }> = [
  { target: webServerTarget, file: 'test/fuzz/web-server.fuzz.test.ts' },
  { target: bridgeTarget, file: 'test/fuzz/bridge.fuzz.test.ts' },
  { target: streamTarget, file: 'test/fuzz/stream.fuzz.test.ts' },
  { target: deepLinkTarget, file: 'test/fuzz/deep-link.fuzz.test.ts' },
  { target: cliArgsTarget, file: 'test/fuzz/cli-args.fuzz.test.ts' },
  { target: dataDirTarget, file: 'test/fuzz/data-dir.fuzz.test.ts' },
  { target: settingsFileTarget, file: 'test/fuzz/settings-file.fuzz.test.ts' },
  { target: ipcMainTarget, file: 'test/fuzz/ipc.fuzz.test.ts' },
  { target: ipcTarget, file: 'test/fuzz/ipc.fuzz.test.ts' },
];
