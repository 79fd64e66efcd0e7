import { z } from 'zod';
import { REGION_PATTERN, STACK_NAME_PATTERN, STACK_NAME_RULE } from '../stacks/names';

/** A stack name, validated before it is used in any AWS call or path. */
export const stackNameSchema = z.string().regex(STACK_NAME_PATTERN, STACK_NAME_RULE);

export const regionSchema = z
  .string()
  .regex(REGION_PATTERN, 'Give a region name such as eu-west-1.');

/** The `[name]` segment of every `/api/stacks/[name]/…` route. */
export const stackRouteParams = z.object({ name: stackNameSchema });
