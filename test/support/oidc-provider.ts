import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A real OpenID provider (the `oidc-provider` library) on 127.0.0.1 at a random port, with one
 * confidential client and a login step the test answers by naming the account to sign in as.
 */
export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The account the next login interaction signs in as. */
  signInAs(accountId: string): void;
  close(): Promise<void>;
}

export interface TestAccount {
  name: string;
  email: string;
  groups: string[];
}

export async function startIdentityProvider(
  redirectUri: string,
  accounts: Record<string, TestAccount>,
): Promise<TestIdentityProvider> {
  const clientId = 'jenkins-dashboard';
  const clientSecret = 'test-client-secret-for-the-local-provider-only';
  let nextAccount = Object.keys(accounts)[0] ?? '';

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test', alg: 'RS256', use: 'sig' };

  const configuration: Configuration = {
    jwks: { keys: [signingKey] },
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    cookies: { keys: ['test-provider-cookie-key'] },
    claims: { openid: ['sub'], profile: ['name', 'groups'], email: ['email'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
    // A first-party client: consent is implied, so the grant is made on the spot.
    loadExistingGrant: async (context) => {
      const { oidc } = context;
      const existing = oidc.session?.grantIdFor(oidc.client?.clientId ?? '');
      if (existing) return oidc.provider.Grant.find(existing);
      const grant = new oidc.provider.Grant({
        clientId: oidc.client?.clientId,
        accountId: oidc.session?.accountId,
      });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    findAccount: async (_context, sub) => {
      const account = accounts[sub];
      if (account === undefined) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
  };

  // The issuer URL needs the port, so the provider is made once the server listens.
  const started: { provider?: Provider } = {};
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const provider = started.provider;
    if (provider === undefined) return void response.writeHead(503).end();
    if (request.url?.startsWith('/interaction/')) {
      provider
        .interactionFinished(request, response, { login: { accountId: nextAccount } })
        .catch(() => response.writeHead(500).end());
      return;
    }
    void provider.callback()(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  started.provider = new Provider(issuer, configuration);

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (accountId) => {
      nextAccount = accountId;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
