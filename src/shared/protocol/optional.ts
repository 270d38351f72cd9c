import { z } from 'zod';

/**
 * An optional field of PROTOCOL.md section 4 or 6: absent and `null` mean the same (section 1),
 * and a value that fails its schema is read as absent rather than costing the whole item. A
 * session whose required fields are fine is shown with what it has; junk in a required field
 * still makes the item unreadable (see README, "Choices where PROTOCOL.md is silent").
 */
export const opt = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .catch(undefined)
    .transform((v): z.output<T> | undefined => v ?? undefined)
    // Keeps the key optional in the inferred type: a session built without the field is still one.
    .optional();

/**
 * `opt` for a field the wire documents as nullable (`error`, `parentId`, a file edit's `before`):
 * read as null when absent, null or junk, so readers keep the one "nothing here" they know.
 */
export const orNull = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .catch(null)
    .transform((v): z.output<T> | null => v ?? null);

/**
 * An optional field of a frame's own envelope (`seq`, `limit`, `reqId`…): absent and `null` mean
 * the same, but junk there fails the frame, since nothing else in it can be trusted.
 */
export const optEnvelope = <T extends z.ZodType>(schema: T) => schema.nullish();

/**
 * An optional list: absent, `null` or junk read as empty, so every reader can walk it without a
 * check (a flow run without `steps` shows no steps list, a task without `childIds` no children).
 */
export const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .catch(undefined)
    .transform((v): z.output<T>[] => v ?? []);
