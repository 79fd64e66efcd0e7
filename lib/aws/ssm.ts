import 'server-only';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import type { AwsClients } from './clients';

/**
 * GetParameter for a parameter name an SSM-typed stack parameter points at; undefined when it
 * does not exist. SecureString values are never decrypted: the form only shows plain values
 * such as an AMI id.
 */
export async function readSsmParameter(
  clients: AwsClients,
  name: string,
): Promise<{ value: string; type: string } | undefined> {
  try {
    const output = await clients.ssm.send(
      new GetParameterCommand({ Name: name, WithDecryption: false }),
    );
    const parameter = output.Parameter;
    if (parameter?.Value === undefined) return undefined;
    return {
      value: parameter.Type === 'SecureString' ? '(encrypted)' : parameter.Value,
      type: parameter.Type ?? 'String',
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'ParameterNotFound') return undefined;
    throw error;
  }
}
