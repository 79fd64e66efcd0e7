import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '@/lib/aws/clients';
import { SandboxControlClient } from '@/sandbox/control-client';
import { launchStack } from '../support/sandbox';
import { launchBrowser, screenshot, signIn } from './support/browser';
import { recordResponseBodies } from './support/secrets';
import { E2E_USERS } from './support/users';
import { waitForText } from './support/wait';

const STACK = 'jenkins-update';
// launchStack's password (test/support/sandbox.ts).
const ADMIN_PASSWORD = 'correct-horse-battery-1';

/**
 * An update from the browser that keeps a NoEcho value unchanged (C03): the form shows the
 * password as "unchanged", the review warns that the controller restarts, and afterwards the
 * stack still has the original password, which never reached the browser or the log.
 */
describe('stack update keeping the NoEcho password', () => {
  const baseUrl = inject('dashboardUrl');
  const sandboxUrl = inject('sandboxUrl');
  const control = new SandboxControlClient(sandboxUrl);
  let browser: Browser;
  let page: Page;
  let responses: ReturnType<typeof recordResponseBodies>;

  beforeAll(async () => {
    const clients = createAwsClients({
      region: 'eu-west-1',
      endpoint: sandboxUrl,
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    });
    expect(await launchStack(clients, STACK)).toBe('CREATE_COMPLETE');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    responses = recordResponseBodies(page);
    await signIn(page, baseUrl, E2E_USERS.operator);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('changes the controller CPU, warns about the restart and keeps the password', async () => {
    await page.goto(`${baseUrl}/stacks/${STACK}?region=eu-west-1`);
    await page.getByTestId('update-stack-link').click();
    await page.getByTestId('noecho-unchanged-JenkinsAdminPassword').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Jenkins admin password', { exact: true }).inputValue()).toBe('');

    await page.getByLabel('Controller CPU units', { exact: true }).selectOption('2048');
    await screenshot(page, 'update-form');
    const acknowledge = page.getByTestId('acknowledge-capabilities');
    if (await acknowledge.isVisible()) await acknowledge.check();
    await page.getByTestId('review-update').click();
    await page.getByTestId('update-controller-restart').waitFor({ timeout: 60_000 });
    await screenshot(page, 'update-review');
    await page.getByTestId('update-execute').click();
    await waitForText(page.getByTestId('update-outcome'), 'The update is complete.', 120_000);

    const { parameters } = await control.deployedParameters({ stackName: STACK });
    const value = (key: string) => parameters.find((parameter) => parameter.key === key)?.value;
    expect(value('ControllerCpu')).toBe('2048');
    expect(value('JenkinsAdminPassword')).toBe(ADMIN_PASSWORD);
  });

  it('never showed the password to the browser nor wrote it to the log', () => {
    expect(responses.bodies.length).toBeGreaterThan(10);
    expect(responses.containing(ADMIN_PASSWORD)).toEqual([]);
    expect(readFileSync(inject('dashboardLogFile'), 'utf8')).not.toContain(ADMIN_PASSWORD);
  });
});
