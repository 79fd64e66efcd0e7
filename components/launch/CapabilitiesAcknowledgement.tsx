const CAPABILITY_TEXT: Record<string, string> = {
  CAPABILITY_IAM: 'IAM resources',
  CAPABILITY_NAMED_IAM: 'IAM resources with custom names',
  CAPABILITY_AUTO_EXPAND: 'macros that expand the template',
};

/**
 * The explicit acknowledgement of the capabilities a template needs (C29), with
 * GetTemplateSummary's reason when known. Renders nothing when none are needed.
 */
export function CapabilitiesAcknowledgement({
  capabilities,
  reason,
  acknowledged,
  error,
  onChange,
}: {
  capabilities: readonly string[];
  reason: string | undefined;
  acknowledged: boolean;
  error: string | undefined;
  onChange: (acknowledged: boolean) => void;
}) {
  if (capabilities.length === 0) return null;
  return (
    <div
      data-testid="capabilities"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="font-medium">This template needs {capabilities.join(' and ')}.</p>
      {reason === undefined ? null : <p className="mt-1 text-xs">{reason}</p>}
      <label className="mt-2 flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-0.5"
          data-testid="acknowledge-capabilities"
          checked={acknowledged}
          aria-describedby={error === undefined ? undefined : 'capabilities-error'}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>
          I acknowledge that CloudFormation will create{' '}
          {capabilities
            .map((capability) => CAPABILITY_TEXT[capability] ?? capability)
            .join(' and ')}{' '}
          ({capabilities.join(', ')}) in this account.
        </span>
      </label>
      {error === undefined ? null : (
        <p id="capabilities-error" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
