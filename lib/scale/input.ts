import { z } from 'zod';
import { ATTEMPT_ID_PATTERN } from '../stacks/request-token';
import { SCALE_PARAMETERS } from './limits';

const scaleKey = z.enum(SCALE_PARAMETERS);
const scaleValue = z.string().max(64, 'Scale values are at most 64 characters.');

/**
 * A scale edit as the panel sends it: the new values, the values the person saw (so a change
 * made meanwhile by someone else is caught), and the attempt id that makes retries safe.
 */
export const scaleEditSchema = z.object({
  attemptId: z.string().regex(ATTEMPT_ID_PATTERN, 'attemptId must be 6–32 letters and digits.'),
  changes: z
    .partialRecord(scaleKey, scaleValue)
    .refine((changes) => Object.keys(changes).length > 0, 'Change at least one scale limit.'),
  expected: z.partialRecord(scaleKey, scaleValue),
  /** The person confirmed a review that said the controller restarts or resources are replaced. */
  confirm: z.boolean().default(false),
});

export type ScaleEdit = z.infer<typeof scaleEditSchema>;
