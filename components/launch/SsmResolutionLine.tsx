import type { SsmResolution } from './ssm-lookups';

/**
 * What an SSM-typed field's name resolves to in the region, under the field: the value (an AMI
 * id, say) so the person sees what CloudFormation will use, or that the name is not there.
 */
export function SsmResolutionLine({
  id,
  parameterKey,
  resolution,
}: {
  id: string;
  parameterKey: string;
  resolution: SsmResolution;
}) {
  const testId = `ssm-resolution-${parameterKey}`;
  switch (resolution.state) {
    case 'loading':
      return (
        <p
          id={id}
          data-testid={testId}
          data-state="loading"
          className="mt-1 text-xs text-slate-500"
        >
          Looking up {resolution.name} in SSM…
        </p>
      );
    case 'found':
      return (
        <p id={id} data-testid={testId} data-state="found" className="mt-1 text-xs text-slate-700">
          Resolves to <span className="font-mono">{resolution.value}</span> ({resolution.type})
        </p>
      );
    case 'missing':
      return (
        <p id={id} data-testid={testId} data-state="missing" className="mt-1 text-xs text-red-700">
          Not found in SSM.
        </p>
      );
    case 'failed':
      return (
        <p id={id} data-testid={testId} data-state="failed" className="mt-1 text-xs text-amber-800">
          Could not look it up: {resolution.message}
        </p>
      );
  }
}
