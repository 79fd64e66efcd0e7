/** What the sandbox reads from a SigV4 `Authorization` header's credential scope. */
export interface CredentialScope {
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
}

/**
 * Reads `Credential=AKID/20250101/eu-west-1/ecs/aws4_request` from a SigV4 Authorization header.
 * The signature itself is not checked: the sandbox accepts any credentials, as a stand-in for a
 * single account.
 */
export function readCredentialScope(
  authorization: string | undefined,
): CredentialScope | undefined {
  const match = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(
    authorization ?? '',
  );
  if (!match) return undefined;
  const [, accessKeyId = '', region = '', service = ''] = match;
  return { accessKeyId, region, service };
}
