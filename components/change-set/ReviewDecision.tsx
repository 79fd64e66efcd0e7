import { PRIMARY_BUTTON_CLASS, SECONDARY_BUTTON_CLASS } from '@/components/launch/styles';

/** One of the review's two buttons. `busyLabel` replaces the label while its request runs. */
export interface DecisionButton {
  readonly label: string;
  readonly busyLabel?: string;
  readonly testId: string;
  readonly onClick: () => void;
}

/**
 * The end of a change set review: Execute, enabled once the change set is ready, and the way
 * back to the form. Both stay disabled while either request runs.
 */
export function ReviewDecision({
  ready,
  busy,
  execute,
  leave,
}: {
  ready: boolean;
  busy: 'execute' | 'leave' | undefined;
  execute: DecisionButton;
  leave: DecisionButton;
}) {
  const labelOf = (button: DecisionButton, running: boolean) =>
    running ? (button.busyLabel ?? button.label) : button.label;

  return (
    <div className="flex flex-wrap gap-3">
      <button
        type="button"
        className={PRIMARY_BUTTON_CLASS}
        disabled={!ready || busy !== undefined}
        onClick={execute.onClick}
        data-testid={execute.testId}
      >
        {labelOf(execute, busy === 'execute')}
      </button>
      <button
        type="button"
        className={SECONDARY_BUTTON_CLASS}
        disabled={busy !== undefined}
        onClick={leave.onClick}
        data-testid={leave.testId}
      >
        {labelOf(leave, busy === 'leave')}
      </button>
    </div>
  );
}
