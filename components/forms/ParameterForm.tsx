import type { FormEvent, ReactNode } from 'react';
import { PRIMARY_BUTTON_CLASS } from '@/components/launch/styles';

/**
 * The frame of a parameter form (launch and update): submitting asks for the review unless
 * something still blocks it or a review is already being prepared, and the review button
 * stays disabled meanwhile, with the fields still to fix named beside it.
 */
export function ParameterForm({
  testId,
  outstanding,
  reviewing,
  submit,
  onReview,
  children,
}: {
  testId: string;
  /** Labels of the fields that still block the review. */
  outstanding: readonly string[];
  reviewing: boolean;
  submit: { readonly label: string; readonly testId: string };
  onReview: () => void;
  children: ReactNode;
}) {
  const blocked = outstanding.length > 0;
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!blocked && !reviewing) onReview();
  };

  return (
    <form onSubmit={send} noValidate className="space-y-4" data-testid={testId}>
      {children}

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className={PRIMARY_BUTTON_CLASS}
          disabled={blocked || reviewing}
          data-testid={submit.testId}
        >
          {reviewing ? 'Creating the change set…' : submit.label}
        </button>
        {blocked ? (
          <p className="text-sm text-slate-600" data-testid="outstanding-fields">
            Still to fix: {outstanding.join(', ')}.
          </p>
        ) : null}
      </div>
    </form>
  );
}
