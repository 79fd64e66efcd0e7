import type { ParameterDefinition } from '@/lib/template';
import { BANNER_CLASSES } from '../ui/tone';
import type { ScalePhase } from './edit-state';
import type { ScaleNotice } from './outcome';

function FreshValues({
  fresh,
  parameters,
}: {
  fresh: Readonly<Record<string, string>>;
  parameters: readonly ParameterDefinition[];
}) {
  const shown = parameters.filter((parameter) => fresh[parameter.key] !== undefined);
  if (shown.length === 0) return null;
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-xs" data-testid="scale-fresh-values">
      {shown.map((parameter) => (
        <div key={parameter.key} className="contents">
          <dt>{parameter.label}</dt>
          <dd className="font-mono">{fresh[parameter.key]}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The outcome box under Apply. Its tone follows the notice: blue while moving, green when
 * done, neutral for "nothing to change", amber for conflicts (with the fresh values and a way
 * to load them, or a link to the running operation), red for failures.
 */
export function ScaleOutcome({
  notice,
  phase,
  parameters,
  onReloadFresh,
  onDismiss,
}: {
  notice: ScaleNotice;
  phase: ScalePhase;
  parameters: readonly ParameterDefinition[];
  onReloadFresh: () => void;
  onDismiss: () => void;
}) {
  const conflict = phase.kind === 'conflict' ? phase : undefined;
  return (
    <div
      role={notice.tone === 'bad' ? 'alert' : 'status'}
      data-testid="scale-outcome"
      data-tone={notice.tone}
      className={`mt-3 rounded-md border px-3 py-2 text-sm ${BANNER_CLASSES[notice.tone]}`}
    >
      <div className="flex items-start justify-between gap-2">
        <p className="font-semibold">{notice.title}</p>
        {phase.kind === 'sending' ? null : (
          <button
            type="button"
            aria-label="Dismiss"
            onClick={onDismiss}
            className="text-xs underline opacity-70 hover:opacity-100"
          >
            Dismiss
          </button>
        )}
      </div>
      {notice.lines.map((line) => (
        <p key={line} className="mt-0.5 break-words">
          {line}
        </p>
      ))}
      {notice.capApplied === undefined ? null : (
        <p className="mt-0.5 font-medium" data-testid="scale-cap-applied">
          {notice.capApplied}
        </p>
      )}
      {conflict?.fresh === undefined ? null : (
        <FreshValues fresh={conflict.fresh} parameters={parameters} />
      )}
      {conflict === undefined ? null : (
        <div className="mt-2 flex flex-wrap gap-3">
          {conflict.busy && conflict.link !== undefined ? (
            <a href={conflict.link} className="underline" data-testid="scale-busy-link">
              Watch the running operation
              {conflict.stackStatus === undefined ? '' : ` (${conflict.stackStatus})`}
            </a>
          ) : null}
          <button
            type="button"
            data-testid="scale-reload-fresh"
            onClick={onReloadFresh}
            className="rounded border border-amber-400 bg-white px-2 py-1 text-xs font-medium"
          >
            Load the deployed values
          </button>
        </div>
      )}
    </div>
  );
}
