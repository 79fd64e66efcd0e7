import { z } from 'zod';
import { apiHandler } from '@/lib/http/handler';
import { requestRegion } from '@/lib/http/region';
import { stackNameSchema } from '@/lib/stacks/names';
import { statusService } from '@/lib/status/service';

const params = z.object({ name: stackNameSchema });

/** One stack's snapshot: stack, controller, agents, timeline and verdict. */
export const GET = apiHandler({ role: 'viewer', params }, async ({ request, params }) =>
  statusService().snapshot(requestRegion(request), params.name),
);
