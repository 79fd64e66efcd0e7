'use client';

import { useState, type Dispatch, type SetStateAction } from 'react';
import { formErrorsFromServer, type ServerFormErrors } from '@/components/launch/server-errors';
import { isSignedOut } from '@/lib/client/fetcher';
import { AppError } from '@/lib/errors';

/**
 * The requests of a launch or update page as the person sees them: which one runs, what the
 * server said about the last proposal, and the banner above the form or review.
 */
export interface RequestFeedback<Busy extends string> {
  /** The request running now; its button says so and the others wait. */
  readonly busy: Busy | undefined;
  /** The refused proposal's messages, put back onto the form's fields. */
  readonly server: ServerFormErrors | undefined;
  /** The capabilities the server asked to acknowledge, over the template's own list. */
  readonly askedCapabilities: readonly string[] | undefined;
  readonly banner: string | undefined;
  readonly setServer: Dispatch<SetStateAction<ServerFormErrors | undefined>>;
  readonly setBanner: (banner: string | undefined) => void;
  /** Forgets the server's messages and asked capabilities (another template or region). */
  readonly forgetServer: () => void;
  /** Drops the server's message on one parameter once the person edits it. */
  readonly forgetParameter: (key: string) => void;
  /** A refused proposal: its field errors onto the form, its general message in the banner. */
  readonly refused: (error: unknown) => void;
  /** A failed execute or cancel: its message in the banner. */
  readonly failed: (error: unknown) => void;
  /**
   * Runs one request: marks it busy and clears the banner, then hands a failure to `onError`
   * (`failed` unless told otherwise) and clears busy whatever happened.
   */
  readonly run: (
    kind: Busy,
    request: () => Promise<void>,
    onError?: (error: unknown) => void,
  ) => Promise<void>;
}

/**
 * The requests and the server's answers as the launch and update pages show them. A refusal
 * that asks for capabilities again calls `onCapabilitiesAsked`, so the form clears its
 * acknowledgement and the person confirms the new list. A signed-out error says nothing: the
 * page is leaving for the sign-in.
 */
export function useRequestFeedback<Busy extends string>(
  onCapabilitiesAsked: () => void,
): RequestFeedback<Busy> {
  const [busy, setBusy] = useState<Busy | undefined>();
  const [server, setServer] = useState<ServerFormErrors | undefined>();
  const [askedCapabilities, setAskedCapabilities] = useState<readonly string[] | undefined>();
  const [banner, setBanner] = useState<string | undefined>();

  const failed = (error: unknown) => {
    if (isSignedOut(error)) return;
    setBanner(error instanceof AppError ? error.message : 'Something went wrong in the browser.');
  };

  return {
    busy,
    server,
    askedCapabilities,
    banner,
    setServer,
    setBanner,
    forgetServer: () => {
      setServer(undefined);
      setAskedCapabilities(undefined);
    },
    forgetParameter: (key) =>
      setServer((previous) => {
        if (previous?.parameters[key] === undefined) return previous;
        const parameters = { ...previous.parameters };
        delete parameters[key];
        return { ...previous, parameters };
      }),
    refused: (error) => {
      if (isSignedOut(error)) return;
      if (!(error instanceof AppError)) {
        setBanner('Something went wrong in the browser. Try again.');
        return;
      }
      const mapped = formErrorsFromServer(error);
      setServer(mapped);
      if (mapped.requiredCapabilities !== undefined) {
        setAskedCapabilities(mapped.requiredCapabilities);
        onCapabilitiesAsked();
      }
      setBanner(mapped.general ?? 'The server refused some values: see the fields marked below.');
    },
    failed,
    run: async (kind, request, onError = failed) => {
      setBusy(kind);
      setBanner(undefined);
      try {
        await request();
      } catch (error) {
        onError(error);
      } finally {
        setBusy(undefined);
      }
    },
  };
}
