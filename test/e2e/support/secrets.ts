import type { Page } from 'playwright-core';

/**
 * Records the body of every response a page receives, so a test can prove a secret never
 * reached the browser (documents, API answers, scripts, RSC payloads alike).
 */
export function recordResponseBodies(page: Page): {
  bodies: string[];
  containing(secret: string): string[];
} {
  const bodies: string[] = [];
  const urls: string[] = [];
  page.on('response', (response) => {
    void response
      .text()
      .then((text) => {
        bodies.push(text);
        urls.push(response.url());
      })
      .catch(() => undefined);
  });
  return {
    bodies,
    containing: (secret) => urls.filter((_, index) => bodies[index]?.includes(secret)),
  };
}
