'use client';

import { useState } from 'react';
import { SECONDARY_BUTTON_CLASS, INPUT_CLASS } from './styles';

/**
 * The quick-create link for the current values, to share or bookmark. It never holds a NoEcho
 * value (`quickCreateLink` leaves them out), so whoever opens it types the secrets again.
 */
export function QuickCreateLinkBox({ link }: { link: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // Clipboard access needs a secure context and permission; the field stays selectable.
      setCopied('failed');
    }
  };

  return (
    <div>
      <label htmlFor="quick-create-link" className="block text-sm font-medium text-slate-800">
        Quick-create link for these values
      </label>
      <p className="text-xs text-slate-500">
        Opens this form with the same stack name and parameters. Secret values are never part of the
        link.
      </p>
      <div className="flex items-end gap-2">
        <input
          id="quick-create-link"
          readOnly
          data-testid="quick-create-link"
          className={`${INPUT_CLASS} font-mono text-xs`}
          value={link}
          onFocus={(event) => event.target.select()}
        />
        <button
          type="button"
          className={SECONDARY_BUTTON_CLASS}
          onClick={() => void copy()}
          data-testid="copy-quick-create-link"
        >
          Copy
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-600" aria-live="polite">
        {copied === 'yes'
          ? 'Copied.'
          : copied === 'failed'
            ? 'Copy failed: select the link and copy it.'
            : ''}
      </p>
    </div>
  );
}
