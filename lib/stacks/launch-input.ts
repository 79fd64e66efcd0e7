import { z } from 'zod';
import { ATTEMPT_ID_PATTERN } from './request-token';
import { CAPABILITIES, MAX_TAGS, tagProblem } from './tags';
import { stackNameSchema } from '../http/params';

/**
 * What the launch wizard sends, checked in the browser and again on the server. Parameter
 * values are strings (CloudFormation takes every value as a string) and size-limited.
 */
const tagSchema = z.object({ key: z.string(), value: z.string() }).superRefine((tag, context) => {
  const problem = tagProblem(tag);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});

export { CAPABILITIES };

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
  tags: z.array(tagSchema).max(MAX_TAGS, `At most ${MAX_TAGS} tags.`).default([]),
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
