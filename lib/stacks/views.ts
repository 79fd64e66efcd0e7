import type { Verdict } from '../status/types';

/**
 * What the stack API routes answer, shared by route handlers and components (browser-safe,
 * types only).
 */

/** A stack of this kind as the overview lists it. */
export interface StackListing {
  readonly name: string;
  readonly region: string;
  readonly status: string;
  readonly statusReason: string | undefined;
  readonly createdAt: string | undefined;
  readonly updatedAt: string | undefined;
  readonly jenkinsUrl: string | undefined;
  readonly templateVersion: string | undefined;
}

/** GET /api/stacks */
export interface OverviewResponse {
  readonly regions: readonly string[];
  readonly stacks: readonly (StackListing & {
    readonly verdict: Verdict;
    readonly stale: boolean;
  })[];
  readonly regionErrors: readonly { readonly region: string; readonly message: string }[];
}

/** GET /api/environment */
export interface EnvironmentResponse {
  readonly regions: readonly string[];
  readonly sandbox: boolean;
  readonly endpoint: string | undefined;
  readonly stackNamePrefix: string | undefined;
  readonly user: { readonly name: string; readonly role: 'viewer' | 'operator' | 'admin' };
}
