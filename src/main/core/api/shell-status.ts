import type { AppStatus } from '../../../shared/api';

/** The parts of the app's status only main knows, handed to the core and shown by every window. */
export type ShellStatus = Pick<AppStatus, 'coreRestart' | 'update'>;

/** Before main has said anything: no restart yet, no updater (the web preview, an unpackaged app). */
export const NO_SHELL_STATUS: ShellStatus = { coreRestart: null, update: null };
