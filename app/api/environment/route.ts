import { environmentView } from '@/lib/environment';
import { apiHandler } from '@/lib/http/handler';

/** Where the dashboard points (regions, sandbox or AWS) and who is signed in. */
export const GET = apiHandler({ role: 'viewer' }, async ({ user }) => ({
  ...(await environmentView()),
  user: { name: user.name, role: user.role },
}));
