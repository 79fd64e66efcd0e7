import { apiHandler } from '@/lib/http/handler';
import { stackRouteParams } from '@/lib/http/params';
import { requestRegion } from '@/lib/http/region';
import { statusService } from '@/lib/status/service';

const params = stackRouteParams;

/** One stack's snapshot: stack, controller, agents, timeline and verdict. */
export const GET = apiHandler({ role: 'viewer', params }, async ({ request, params }) =>
  statusService().snapshot(requestRegion(request), params.name),
);
