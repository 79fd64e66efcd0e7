import type { AwsServiceError } from '../core/errors';
import { xmlResponse } from './query';
import type { ProtocolWriter, WireResponse } from './wire';
import { toXmlTree } from './xml';

/**
 * restXml (Route53): the handler returns the document's root element name and content via
 * `{ root, body, listItems }`; lists use the element names Route53 models (e.g. `HostedZone`).
 */
export interface RestXmlOutput {
  readonly root: string;
  readonly body: Record<string, unknown>;
  /** Element name for the members of each list, by the list's own element name. */
  readonly listItems: Readonly<Record<string, string>>;
}

export const restXmlProtocol: ProtocolWriter = {
  result(_operation, output, requestId, namespace): WireResponse {
    const { root, body, listItems } = output as RestXmlOutput;
    const tree = toXmlTree(body, (key) => listItems[key] ?? 'member') as Record<string, unknown>;
    return xmlResponse(200, requestId, { [root]: { '@_xmlns': namespace, ...tree } });
  },

  error(error: AwsServiceError, requestId, namespace): WireResponse {
    return xmlResponse(error.statusCode, requestId, {
      ErrorResponse: {
        '@_xmlns': namespace,
        Error: { Type: error.fault, Code: error.code, Message: error.message },
        RequestId: requestId,
      },
    });
  },
};
