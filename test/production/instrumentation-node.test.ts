import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settingsProblems } from '@/instrumentation-node';

const folder = mkdtempSync(path.join(tmpdir(), 'jenkins-settings-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const GOOD = {
  AWS_REGION: 'eu-west-1',
  DASHBOARD_SESSION_SECRET: 'a-session-secret-that-is-long-enough-0123456789',
  DASHBOARD_PUBLIC_URL: 'https://jenkins-admin.example.com',
};

describe('settings checked at start', () => {
  it('finds nothing wrong with the required settings alone', async () => {
    expect(await settingsProblems(GOOD)).toEqual([]);
  });

  it('names every wrong variable at once, not only the first', async () => {
    const problems = await settingsProblems({
      DASHBOARD_REGIONS: 'eu-west-1,nowhere',
      DASHBOARD_SESSION_SECRET: 'short',
      OIDC_ISSUER: 'https://login.example.com',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/AWS_REGION is not set.*DASHBOARD_REGIONS holds "nowhere"/);
    expect(problems[1]).toMatch(/^Configuration error: DASHBOARD_SESSION_SECRET must be set/);
    expect(problems[2]).toMatch(/OIDC_CLIENT_ID must be set/);
    expect(problems[3]).toMatch(/LOG_LEVEL must be one of trace, debug, info/);
  });

  it('says why DASHBOARD_USERS_FILE cannot be read', async () => {
    const missing = path.join(folder, 'missing.json');
    const [problem] = await settingsProblems({ ...GOOD, DASHBOARD_USERS_FILE: missing });
    expect(problem).toContain('DASHBOARD_USERS_FILE cannot be read');
    expect(problem).toContain('ENOENT');
  });

  it('reports an invalid users file without echoing its hashes', async () => {
    const file = path.join(folder, 'users.json');
    writeFileSync(
      file,
      JSON.stringify([{ username: 'ops', name: 'Ops', role: 'root', passwordHash: 'x' }]),
    );
    const [problem] = await settingsProblems({ ...GOOD, DASHBOARD_USERS_FILE: file });
    expect(problem).toMatch(/DASHBOARD_USERS_FILE .* has invalid accounts/);
    expect(problem).not.toContain('"x"');
  });
});
