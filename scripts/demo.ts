import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createDemoAccounts } from '../lib/auth/demo';
import { parameterModel, quickCreateLink, readTemplateText } from '../lib/template';
import { startSandbox } from '../sandbox/index';
import { buildDashboard, startDashboard } from './lib/dashboard-process';

/**
 * `npm run demo`: the whole product on one machine with no AWS account. Starts the local AWS
 * sandbox (state kept in .sandbox-state/, so a demo survives a restart), builds and starts the
 * dashboard pointed at it, creates a local operator and admin with one-time passwords, and prints
 * where to sign in. Ctrl-C stops both.
 */
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4599);
const DASHBOARD_PORT = Number(process.env.PORT ?? 3000);
const SPEED = Number(process.env.SANDBOX_SPEED ?? 1);
const REGION = process.env.AWS_REGION ?? 'eu-west-1';

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: SANDBOX_PORT,
    stateFile: path.join('.sandbox-state', 'sandbox.json'),
    speed: SPEED,
  });
  console.log(`Local AWS sandbox on ${sandbox.url} (time ×${SPEED})`);

  await buildDashboard((line) => console.log(line));
  const demo = createDemoAccounts();
  const dashboardUrl = `http://127.0.0.1:${DASHBOARD_PORT}`;
  const dashboard = await startDashboard({
    port: DASHBOARD_PORT,
    env: {
      AWS_REGION: REGION,
      AWS_ENDPOINT_URL: sandbox.url,
      AWS_ACCESS_KEY_ID: 'sandbox',
      AWS_SECRET_ACCESS_KEY: 'sandbox',
      DASHBOARD_USERS: demo.usersJson,
      DASHBOARD_SESSION_SECRET: randomBytes(32).toString('base64url'),
      DASHBOARD_PUBLIC_URL: dashboardUrl,
      // As on AWS with the role in deploy/, whose policy changes only jenkins-… stacks.
      DASHBOARD_STACK_NAME_PREFIX: process.env.DASHBOARD_STACK_NAME_PREFIX ?? 'jenkins-',
    },
  });

  console.log('');
  console.log(`Dashboard:  ${dashboard.url}`);
  for (const account of demo.accounts) {
    console.log(
      `Sign in as: ${account.username.padEnd(6)} password ${account.password}   (${account.role})`,
    );
  }
  console.log('  (one-time passwords: new ones are made on every start)');
  console.log(`Launch with demo values: ${demoLaunchLink(dashboard.url)}`);
  console.log('  (a quick-create link: pick the subnets, type an admin password, review, execute)');
  console.log('');
  console.log('Press Ctrl-C to stop.');

  const stop = async () => {
    await dashboard.stop();
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/**
 * A quick-create link for the sandbox: the values the template cannot default (the controller
 * image, who may reach Jenkins). Stack names start with
 * `jenkins-`, which the IAM policy in deploy/ expects on real AWS.
 */
function demoLaunchLink(base: string): string {
  const model = parameterModel(
    readTemplateText(readFileSync('cloudformation/jenkins.yaml', 'utf8')),
  );
  return quickCreateLink(
    `${base}/launch`,
    'jenkins-demo',
    {
      AllowedCidr: '0.0.0.0/0',
      ControllerImage: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/jenkins-on-aws:2.568.2-1',
    },
    model,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
