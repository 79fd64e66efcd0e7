import { publicApiHandler } from '@/lib/http/handler';

/** Liveness for load balancers: answers without a session and without calling AWS. */
export const GET = publicApiHandler({}, async () => ({ status: 'ok' }));
