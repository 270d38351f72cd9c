// The notification policy: pure decisions the shell displays and the CLI prints.
export * from './policy';
export * from './snooze';
export * from './sound';
export * from './muting';
export * from './follow-ups';
export * from './reminders';
