import { z } from 'zod';

/** "Remind me in 1 h", from a row's menu or a notification: one more alert this many minutes on. */
export const REMIND_LATER_MINUTES = 60;
export const REMIND_LATER_LABEL = 'Remind me in 1 h';

/** "HH:MM", 24-hour local time. */
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** What the person chose about notifications; the policy in core/notify reads it, the settings view edits it. */
export const NotifySettings = z.object({
  /** Approvals on the person's own sessions only, or on every session of the tenant. */
  scope: z.enum(['mine', 'all']).default('mine'),
  /** Also notify when a session fails. Off by default: failures are on the row, not in your face. */
  failures: z.boolean().default(false),
  /** Local quiet hours; may wrap midnight (22:00 to 07:00). Null: none. */
  quietHours: z.object({ start: ClockTime, end: ClockTime }).nullable().default(null),
  /** Epoch ms until which notifications are snoozed; null: not snoozed. */
  snoozedUntil: z.number().nullable().default(null),
  /** After the person approves a checkpoint, one notification when that run finishes or fails. */
  followUps: z.boolean().default(true),
  /** A checkpoint still waiting this many minutes later notifies once more, as a reminder; null: never. */
  reminderMinutes: z.number().int().min(1).max(7 * 24 * 60).nullable().default(30),
  /** Approval and reminder notifications play the system sound; nothing else ever does. */
  sound: z.boolean().default(true),
  /** Flows whose checkpoints never notify, until unmuted (Settings lists them); ids scoped `<profile>/<flow>`. */
  mutedFlows: z.array(z.object({ id: z.string().min(1).max(200), name: z.string().max(500) })).max(500).default([]),
});
export type NotifySettings = z.infer<typeof NotifySettings>;

/**
 * Some notification settings, as given. Not NotifySettings.partial(): zod keeps each field's
 * default in a partial, so a patch of only `snoozedUntil` would come back with the scope, failures
 * and quiet hours reset to their defaults, and merging it would undo the person's choices.
 */
export const NotifySettingsPatch = z.object(
  Object.fromEntries(Object.entries(NotifySettings.shape).map(([key, field]) => [key, field.unwrap().optional()])) as {
    [K in keyof typeof NotifySettings.shape]: z.ZodOptional<ReturnType<(typeof NotifySettings.shape)[K]['unwrap']>>;
  },
);
export type NotifySettingsPatch = z.infer<typeof NotifySettingsPatch>;
