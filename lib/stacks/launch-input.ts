import { z } from 'zod';
import { ATTEMPT_ID_PATTERN } from './request-token';
import { stackNameSchema } from './names';

/**
 * What the launch wizard sends, checked in the browser and again on the server. Parameter
 * values are strings (CloudFormation takes every value as a string) and size-limited.
 */
const tagSchema = z.object({
  key: z
    .string()
    .min(1, 'A tag needs a key.')
    .max(128, 'Tag keys are at most 128 characters.')
    .refine((key) => !key.toLowerCase().startsWith('aws:'), 'Tag keys cannot start with aws:.'),
  value: z.string().max(256, 'Tag values are at most 256 characters.'),
});

export const CAPABILITIES = [
  'CAPABILITY_IAM',
  'CAPABILITY_NAMED_IAM',
  'CAPABILITY_AUTO_EXPAND',
] as const;

export const launchProposalSchema = z.object({
  stackName: stackNameSchema,
  attemptId: z.string().regex(ATTEMPT_ID_PATTERN, 'attemptId must be 6–32 letters and digits.'),
  /** Omitted: the bundled template. Given: an uploaded or pasted template body. */
  templateBody: z
    .string()
    .max(51_200, 'Templates passed inline are at most 51,200 bytes.')
    .optional(),
  values: z.record(
    z.string().max(128),
    z.string().max(4_096, 'Parameter values are at most 4,096 characters.'),
  ),
  tags: z.array(tagSchema).max(50, 'At most 50 tags.').default([]),
  capabilities: z.array(z.enum(CAPABILITIES)).max(3).default([]),
  terminationProtection: z.boolean().default(false),
  rollbackOnFailure: z.boolean().default(true),
});

export type LaunchProposal = z.infer<typeof launchProposalSchema>;

/** A change set's ARN as the browser hands it back for execute or cancel. */
export const changeSetArnSchema = z
  .string()
  .max(1_600)
  .regex(/^arn:aws[a-z-]*:cloudformation:/, 'Not a change set ARN.');

export const launchExecutionSchema = z.object({
  stackName: stackNameSchema,
  attemptId: z.string().regex(ATTEMPT_ID_PATTERN, 'attemptId must be 6–32 letters and digits.'),
  changeSetArn: changeSetArnSchema,
  terminationProtection: z.boolean().default(false),
  rollbackOnFailure: z.boolean().default(true),
});

export type LaunchExecution = z.infer<typeof launchExecutionSchema>;

export const launchCancelSchema = z.object({
  stackName: stackNameSchema,
  changeSetArn: changeSetArnSchema,
});
