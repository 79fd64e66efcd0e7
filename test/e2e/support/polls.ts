import type { Page } from 'playwright-core';

/** Timers, the network and two busy cores make a poll late by this much at most. */
const LATE_MS = 2_000;

interface Answer {
  readonly at: number;
  readonly refreshInMs: number;
}

/**
 * Records when the page asks for a stack's snapshot and what each answer said about the
 * server's next refresh, to check the page's promise: after every answer, whatever fetched it
 * (its own poll, a scale edit, a focus), the next request goes out by the time that answer
 * named, plus a moment.
 */
export function recordSnapshotPolls(page: Page, stackName: string) {
  const path = `/api/stacks/${encodeURIComponent(stackName)}`;
  const isSnapshot = (url: string, method: string) =>
    method === 'GET' && new URL(url).pathname === path;
  const requests: number[] = [];
  const answers: Answer[] = [];

  page.on('request', (request) => {
    if (isSnapshot(request.url(), request.method())) requests.push(Date.now());
  });
  page.on('response', (response) => {
    if (!isSnapshot(response.url(), response.request().method()) || !response.ok()) return;
    const at = Date.now();
    void response
      .json()
      .then((body: { refreshInMs?: unknown }) => {
        if (typeof body.refreshInMs === 'number')
          answers.push({ at, refreshInMs: body.refreshInMs });
      })
      .catch(() => undefined);
  });

  return {
    /** Forgets what came before, so only what follows is checked. */
    restart() {
      requests.length = 0;
      answers.length = 0;
    },
    /** How many answers were recorded since the last restart. */
    answered: () => answers.length,
    /**
     * The answers after which no request went out in time, each as "waited X ms for a poll
     * due after Y ms"; answers whose deadline has not passed yet are not judged.
     */
    latePolls(now = Date.now()): string[] {
      const late: string[] = [];
      for (const answer of answers) {
        const deadline = answer.at + answer.refreshInMs + 250 + LATE_MS;
        if (deadline > now) continue;
        const next = requests.find((time) => time > answer.at);
        if (next === undefined || next > deadline) {
          const waited = (next ?? now) - answer.at;
          late.push(`waited ${waited} ms for a poll due after ${answer.refreshInMs + 250} ms`);
        }
      }
      return late;
    },
  };
}
