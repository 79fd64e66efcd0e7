import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SandboxControlClient } from '@/sandbox/control-client';
import { readFileSync } from 'node:fs';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { clientsFor } from '@/test/sandbox/support';
import { eventually } from '@/test/support/sandbox';
import { launchBrowser, screenshot, signIn } from './support/browser';
import { recordSnapshotPolls } from './support/polls';
import { recordResponseBodies } from './support/secrets';
import { waitForCount, waitForExactText, waitForText } from './support/wait';
import { E2E_USERS } from './support/users';
import { LaunchPage } from './pages/launch-page';
import { StackPage } from './pages/stack-page';

const STACK = 'jenkins-journey';
const ADMIN_PASSWORD = 'journey-secret-password-1';

/**
 * The main job end to end in real Chromium: sign in, launch the stack with the form, see it
 * healthy with agents running, raise the cap in one click and watch the pool grow past the old
 * cap, lower it and watch agents drain, find both edits in the history with the person's name,
 * and delete the stack as an admin, its agents with it.
 */
/** The stack's agents that have not begun to terminate, as EC2 lists them. */
async function runningAgents(stackName: string): Promise<string[]> {
  const answer = await clientsFor(inject('sandboxUrl')).ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: 'tag:jenkins-on-aws:stack', Values: [stackName] },
        { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
      ],
    }),
  );
  return (answer.Reservations ?? []).flatMap((reservation) =>
    (reservation.Instances ?? []).map((instance) => instance.InstanceId ?? ''),
  );
}

describe('journey: launch, watch and scale', () => {
  const baseUrl = inject('dashboardUrl');
  const control = new SandboxControlClient(inject('sandboxUrl'));
  let browser: Browser;
  let page: Page;
  let responses: ReturnType<typeof recordResponseBodies>;
  let polls: ReturnType<typeof recordSnapshotPolls>;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    responses = recordResponseBodies(page);
    polls = recordSnapshotPolls(page, STACK);
    await signIn(page, baseUrl, E2E_USERS.operator);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('launches the stack from the form through a reviewed change set', async () => {
    const launch = new LaunchPage(page, baseUrl);
    await launch.open();
    await launch.fillRequired(STACK, ADMIN_PASSWORD);
    await launch.review();
    await waitForText(page.getByTestId('review-total'), /\d+/);
    await screenshot(page, 'launch-review');
    await launch.execute();
    const jenkinsUrl = await launch.waitForJenkinsUrl();
    expect(jenkinsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await screenshot(page, 'launch-complete');
  });

  it('shows the controller healthy behind the load balancer and agents running under the cap', async () => {
    const stack = new StackPage(page, baseUrl);
    await stack.open(STACK);
    await stack.waitForVerdict('Healthy');
    await waitForExactText(page.getByTestId('controller-running'), '1');
    const counted = await stack.waitForNumber('agent-counted', (value) => value === 10);
    expect(counted).toBe(10);
    expect(await stack.number('agent-cap')).toBe(10);
    await screenshot(page, 'stack-healthy');
  });

  it('lists the stack on the overview with its verdict', async () => {
    await page.goto(`${baseUrl}/`);
    const row = page.getByTestId('overview-stacks-row').filter({ hasText: STACK });
    await waitForText(row, 'Healthy', 60_000);
    await screenshot(page, 'overview');
    await row.getByRole('link', { name: STACK }).click();
    await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  });

  it('raises the cap in one click and the pool grows past the old cap', async () => {
    const stack = new StackPage(page, baseUrl);
    // From here on, every answer's pace is checked, the scale edits' own answers included.
    polls.restart();
    await stack.applyScale({ AgentInstanceCap: '12' });
    await waitForText(stack.outcome(), /Update started/i, 60_000);
    await stack.waitForNumber('agent-cap', (value) => value === 12);
    await stack.waitForNumber('agent-counted', (value) => value > 10);
    await waitForText(page.getByTestId('scale-cap-applied'), '12', 60_000);
    await screenshot(page, 'stack-cap-raised');
  });

  it('lowers the cap and the idle agents drain', async () => {
    const stack = new StackPage(page, baseUrl);
    await control.setBuildQueue({ stackName: STACK, length: 2 });
    await stack.applyScale({ AgentInstanceCap: '4', AgentIdleMinutes: '1' });
    await waitForText(stack.outcome(), /Update started/i, 60_000);
    await stack.waitForNumber('agent-counted', (value) => value <= 4, 150_000);
  });

  it("polls again at each answer's pace, counting from a scale edit's answer too", async () => {
    // The edits' answers say the update moves (a 3 s pace) while the page's previous poll, at
    // rest, had asked for 15 s: a timer kept from before the edit would come seconds late.
    // Watch a few more polls so that the answers to the last edit are judged too.
    await page.waitForTimeout(8_000);
    expect(polls.answered()).toBeGreaterThanOrEqual(4);
    expect(polls.latePolls()).toEqual([]);
  });

  it('lists both edits in the history with the name of the person', async () => {
    const rows = new StackPage(page, baseUrl).historyRows();
    await waitForCount(rows, 2, 60_000);
    await waitForText(rows.nth(0), 'cap 12 → 4');
    await waitForText(rows.nth(1), 'cap 10 → 12');
    for (const index of [0, 1]) await waitForText(rows.nth(index), 'Olivia Operator');
    await screenshot(page, 'stack-history');
  });

  it('deletes the stack as an admin, and the stack’s agents go with it', async () => {
    const adminPage = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(adminPage, baseUrl, E2E_USERS.admin);
    const stack = new StackPage(adminPage, baseUrl);
    await stack.open(STACK);
    const warning = adminPage.getByTestId('delete-agents-warning');
    await waitForText(
      warning,
      /agent instances? runs?\. Deleting stops the controller, then terminates/,
    );
    await screenshot(adminPage, 'stack-delete');
    const agentsBefore = await runningAgents(STACK);
    expect(agentsBefore.length).toBeGreaterThan(0);

    await adminPage.locator('#confirm-delete').fill(STACK);
    await adminPage.getByTestId('delete-stack').click();
    await waitForText(adminPage.getByTestId('stack-action-message'), 'Started');

    const aws = clientsFor(inject('sandboxUrl'));
    await eventually(
      async () => {
        const answer = await aws.cloudFormation
          .send(new DescribeStacksCommand({ StackName: STACK }))
          .catch((error: Error) => (/does not exist/.test(error.message) ? 'gone' : undefined));
        return answer === 'gone' ? true : undefined;
      },
      120_000,
      `${STACK} deleted`,
    );
    expect(await runningAgents(STACK)).toEqual([]);
    await adminPage.close();
  });

  it('never sends the NoEcho password back to the browser nor writes it to the log', async () => {
    expect(responses.bodies.length).toBeGreaterThan(20);
    expect(responses.containing(ADMIN_PASSWORD)).toEqual([]);
    const log = readFileSync(inject('dashboardLogFile'), 'utf8');
    expect(log).toContain('"action":"stack.create"');
    expect(log).not.toContain(ADMIN_PASSWORD);
  });
});
