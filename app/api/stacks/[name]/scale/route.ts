import { awsClients } from '@/lib/aws/clients';
import { apiHandler } from '@/lib/http/handler';
import { stackRouteParams } from '@/lib/http/params';
import { requestRegion } from '@/lib/http/region';
import { applyScaleEdit } from '@/lib/scale/apply';
import { scaleEditSchema } from '@/lib/scale/input';
import { scalePanel } from '@/lib/scale/panel';
import type { ScaleEditResponse, ScalePanelView } from '@/lib/scale/view';
import { statusService } from '@/lib/status/service';

const params = stackRouteParams;

/** The scale-limits panel: deployed values, their constraints, and the edit history. */
export const GET = apiHandler(
  { role: 'viewer', params },
  async ({ request, params }): Promise<ScalePanelView> =>
    scalePanel(awsClients(requestRegion(request)), params.name),
);

/** Applies a scale edit: one click when safe, a review otherwise (see lib/scale/apply.ts). */
export const POST = apiHandler(
  { role: 'operator', params, body: scaleEditSchema, action: 'scale.apply', changesStack: true },
  async ({ request, params, body, user, audit }): Promise<ScaleEditResponse> => {
    const region = requestRegion(request);
    audit({
      stack: params.name,
      region,
      changes: body.changes,
      expected: body.expected,
      confirm: body.confirm,
    });
    const outcome = await applyScaleEdit(
      awsClients(region),
      params.name,
      body,
      user.name,
      async () => {
        const snapshot = await statusService().snapshot(region, params.name);
        return snapshot.jenkins?.nodes?.filter((node) => !node.idle && !node.offline).length;
      },
    );
    statusService().invalidate(region, params.name);
    audit({
      outcome: outcome.kind,
      ...(outcome.kind === 'applied' ? { requestToken: outcome.requestToken } : {}),
    });
    return outcome;
  },
);
