'use client';

import { useEffect, useState } from 'react';
import useSWR from 'swr';
import { fetchJson } from '@/lib/client/fetcher';
import { AppError } from '@/lib/errors';
import type { CrossFieldCheck, ParameterModel } from '@/lib/template';
import { fieldKind } from './field-kind';
import { hostedZonesKey, type HostedZoneView } from './hosted-zones';
import {
  ssmCheck,
  ssmLookups,
  ssmParameterKey,
  type SsmLookup,
  type SsmParameterView,
  type SsmResolution,
} from './ssm-lookups';

// Long enough that typing a path does not send a request per key, short enough to feel live.
const SSM_DEBOUNCE_MS = 400;

/** What the hosted-zone picker and the SSM fields show, and the check that blocks on them. */
export interface ParameterLookups {
  readonly hostedZones: readonly HostedZoneView[] | undefined;
  readonly hostedZonesError: string | undefined;
  /** By parameter key, the SSM name's resolution as of the last debounced lookup. */
  readonly ssm: Readonly<Record<string, SsmResolution>>;
  /** Blocks SSM fields naming a parameter the region does not have. */
  readonly ssmCheck: CrossFieldCheck;
}

/**
 * The account look-ups the form needs beyond the network pickers: the hosted zones (only when
 * the template has a hosted-zone field) and the value each SSM-typed field resolves to, looked
 * up once the person stops typing. All names go in one SWR key, so one render asks once.
 */
export function useParameterLookups(
  region: string,
  model: ParameterModel,
  values: Readonly<Record<string, string>>,
): ParameterLookups {
  const wantsZones = model.parameters.some((parameter) => fieldKind(parameter) === 'hosted-zone');
  const zones = useSWR<{ hostedZones: HostedZoneView[] }, AppError>(
    wantsZones ? hostedZonesKey(region) : null,
    fetchJson,
    { revalidateOnFocus: false, shouldRetryOnError: false },
  );

  const current = ssmLookups(model, values);
  const settled = useDebounced(current, SSM_DEBOUNCE_MS);
  const names = [...new Set(settled.map((lookup) => lookup.name))].sort();
  const resolved = useSWR<Record<string, SsmResolution>>(
    names.length === 0 ? null : ['ssm-parameters', region, ...names],
    ([, keyRegion, ...keyNames]: string[]) => resolveAll(keyRegion ?? region, keyNames),
    { revalidateOnFocus: false, shouldRetryOnError: false, keepPreviousData: true },
  );

  // Keyed by what the fields hold now: a name typed since the last lookup shows as loading,
  // never with the verdict on the name it replaced.
  const ssm: Record<string, SsmResolution> = {};
  for (const { key, name } of current) {
    ssm[key] = resolved.data?.[name] ?? { state: 'loading', name };
  }

  return {
    hostedZones: zones.data?.hostedZones,
    hostedZonesError: zones.error?.message,
    ssm,
    ssmCheck: ssmCheck(current, ssm, region),
  };
}

async function resolveAll(region: string, names: readonly string[]) {
  const entries = await Promise.all(
    names.map(async (name): Promise<[string, SsmResolution]> => {
      try {
        const found = await fetchJson<SsmParameterView>(ssmParameterKey(region, name));
        return [
          name,
          found.found
            ? { state: 'found', name, value: found.value ?? '', type: found.type ?? 'String' }
            : { state: 'missing', name },
        ];
      } catch (error) {
        const message = error instanceof AppError ? error.message : 'The lookup failed.';
        return [name, { state: 'failed', name, message }];
      }
    }),
  );
  return Object.fromEntries(entries);
}

// The look-ups as of the last pause in typing; compared by content, so a re-render with the
// same names keeps the same state and sends nothing.
function useDebounced(lookups: readonly SsmLookup[], delayMs: number): readonly SsmLookup[] {
  const signature = JSON.stringify(lookups);
  const [settled, setSettled] = useState(signature);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(signature), delayMs);
    return () => clearTimeout(timer);
  }, [signature, delayMs]);
  return JSON.parse(settled) as SsmLookup[];
}
