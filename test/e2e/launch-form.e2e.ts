import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SandboxControlClient } from '@/sandbox/control-client';
import { launchBrowser, screenshot, signIn } from './support/browser';
import { E2E_USERS } from './support/users';
import { waitForText } from './support/wait';
import { LaunchPage } from './pages/launch-page';

/**
 * The launch wizard beyond the happy path: subnets follow the chosen VPC, a bad value is
 * blocked in the browser and refused by the server with the same message, and a create whose
 * resource fails shows the rollback with its root failure.
 */
describe('launch wizard', () => {
  const baseUrl = inject('dashboardUrl');
  const control = new SandboxControlClient(inject('sandboxUrl'));
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, baseUrl, E2E_USERS.operator);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('offers only the subnets of the chosen VPC', async () => {
    const launch = new LaunchPage(page, baseUrl);
    await launch.open();
    // The pickers fill from the account after the form shows: wait for both VPCs.
    await launch
      .field('VPC')
      .locator('option')
      .nth(2)
      .waitFor({ state: 'attached', timeout: 20_000 });
    const vpcOptions = await launch
      .field('VPC')
      .locator('option')
      .evaluateAll((nodes) =>
        nodes.map((node) => (node as HTMLOptionElement).value).filter((value) => value !== ''),
      );
    expect(vpcOptions.length).toBeGreaterThanOrEqual(2);

    const subnetOptions = () =>
      launch
        .field('Load balancer subnets')
        .locator('option')
        .evaluateAll((nodes) =>
          nodes.map((node) => (node as HTMLOptionElement).value).filter((value) => value !== ''),
        );
    // Chooses a VPC and waits until the subnet list has been refilled for it.
    const subnetsOf = async (vpcId: string, before: readonly string[] = []) => {
      await launch.field('VPC').selectOption(vpcId);
      let options: string[] = [];
      await expect
        .poll(
          async () => {
            options = await subnetOptions();
            return options.length > 0 && options.join() !== before.join();
          },
          { timeout: 20_000, interval: 200 },
        )
        .toBe(true);
      return options;
    };
    const first = await subnetsOf(vpcOptions[0] ?? '');
    const second = await subnetsOf(vpcOptions[1] ?? '', first);
    expect(first.length).toBe(6);
    expect(second.length).toBe(3);
    expect(first.filter((subnet) => second.includes(subnet))).toEqual([]);
  });

  it('blocks an invalid value in the browser, and the server refuses it with the same message', async () => {
    const launch = new LaunchPage(page, baseUrl);
    await launch.open();
    await launch.fillRequired('jenkins-invalid', 'invalid-secret-password-1');
    await launch.field('Allowed client CIDR').fill('everyone');
    await launch.field('Allowed client CIDR').blur();
    const shown = await waitForText(page.getByTestId('field-error-AllowedCidr'), /./);
    expect(await launch.reviewButton().isDisabled()).toBe(true);

    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/launch?region=eu-west-1', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          stackName: 'jenkins-invalid',
          attemptId: 'invalidcidr1',
          values: { AllowedCidr: 'everyone' },
          capabilities: ['CAPABILITY_IAM'],
        }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { details?: { fieldErrors?: Record<string, string> } },
      };
    });
    expect(answer.status).toBe(400);
    expect(answer.body.details?.fieldErrors?.AllowedCidr).toBe(shown);
    const { requests } = await control.requests();
    expect(
      requests.filter(
        (r) =>
          r.operation === 'CreateChangeSet' &&
          r.status === 200 &&
          JSON.stringify(r).includes('jenkins-invalid'),
      ),
    ).toEqual([]);
  });

  it("says which permission the dashboard's role lacks when AWS denies the change set", async () => {
    const launch = new LaunchPage(page, baseUrl);
    await launch.open();
    await launch.fillRequired('ci-prod', 'denied-secret-password-1');
    await control.setFaults([{ operation: 'CreateChangeSet', deny: 'access' }]);
    try {
      await launch.reviewButton().click();
      await waitForText(
        page.getByTestId('launch-error'),
        /AWS denied cloudformation:CreateChangeSet on arn:aws:cloudformation:eu-west-1:\d{12}:stack\/ci-prod\/\*: the dashboard’s IAM role does not allow it\. .*StackNamePrefix/,
      );
    } finally {
      await control.clearFaults();
    }
    // The button is at the bottom of the form and the answer at the top: it is brought into view.
    const inView = await page.getByTestId('launch-error').evaluate((node) => {
      const box = node.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await screenshot(page, 'launch-access-denied');
    expect(await page.getByTestId('launch-review').count()).toBe(0);
  });

  it('shows the rollback and the root failure when a resource fails during create', async () => {
    const launch = new LaunchPage(page, baseUrl);
    await launch.open();
    await launch.fillRequired('jenkins-broken', 'broken-secret-password-1');
    await launch.review();
    await control.failResource({
      stackName: 'jenkins-broken',
      logicalId: 'TargetGroup',
      reason: 'Resource handler returned message: "You have reached the limit on target groups"',
    });
    await launch.execute();
    await waitForText(page.getByTestId('root-failure'), 'TargetGroup', 120_000);
    await waitForText(page.getByTestId('root-failure'), 'limit on target groups');
    await waitForText(page.locator('body'), 'ROLLBACK_COMPLETE', 120_000);
    await screenshot(page, 'launch-rollback');
  });
});
