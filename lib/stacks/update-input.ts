import { z } from 'zod';
import { changeSetArnSchema } from './launch-input';
import { CAPABILITIES } from './tags';
import { ATTEMPT_ID_PATTERN } from './request-token';

const attemptId = z
  .string()
  .regex(ATTEMPT_ID_PATTERN, 'attemptId must be 6–32 letters and digits.');

/**
 * An update of an existing stack from the wizard: its current template or a new one, the values
 * the person edited (`touched`), everything else kept as previous values.
 */
export const updateProposalSchema = z.object({
  attemptId,
  /** Omitted: keep the stack's current template. */
  templateBody: z
    .string()
    .max(51_200, 'Templates passed inline are at most 51,200 bytes.')
    .optional(),
  values: z.record(
    z.string().max(128),
    z.string().max(4_096, 'Parameter values are at most 4,096 characters.'),
  ),
  /** Keys the person edited; others keep their previous value (NoEcho ones included, C03). */
  touched: z.array(z.string().max(128)).max(200),
  capabilities: z.array(z.enum(CAPABILITIES)).max(3).default([]),
});

export type UpdateProposal = z.infer<typeof updateProposalSchema>;

export const updateExecutionSchema = z.object({
  attemptId,
  changeSetArn: changeSetArnSchema,
});

/** Logical resource ids (letters and digits, as CloudFormation allows), none by default. */
const logicalIds = z
  .array(z.string().regex(/^[A-Za-z0-9]{1,255}$/, 'Not a logical resource id.'))
  .max(200)
  .default([]);

export const continueRollbackSchema = z.object({
  attemptId,
  /** Only resources in UPDATE_FAILED may be skipped (C18). */
  resourcesToSkip: logicalIds,
});

export const stackActionSchema = z.object({ attemptId });

export const deleteStackSchema = z.object({
  attemptId,
  /** Only resources in DELETE_FAILED may be kept, and only when the stack is DELETE_FAILED. */
  resourcesToRetain: logicalIds,
});
