import type { AwsServiceError } from '../core/errors';
import type { ProtocolWriter, WireResponse } from './wire';
import { buildXml, toXmlTree } from './xml';

/**
 * awsQuery (CloudFormation, ELBv2): `<OpResponse><OpResult>…</OpResult><ResponseMetadata>`, lists
 * as `<member>` elements, errors as `<ErrorResponse><Error><Type/><Code/><Message/>`, from which
 * the SDK picks the modelled exception by `Code`.
 */
export const queryProtocol: ProtocolWriter = {
  result(operation, output, requestId, namespace): WireResponse {
    const body: Record<string, unknown> = { '@_xmlns': namespace };
    const result = toXmlTree(output ?? {}, 'member');
    body[`${operation}Result`] = result === '' ? {} : result;
    body.ResponseMetadata = { RequestId: requestId };
    return xmlResponse(200, requestId, { [`${operation}Response`]: body });
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

export function xmlResponse(
  status: number,
  requestId: string,
  tree: Record<string, unknown>,
): WireResponse {
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: buildXml(tree),
  };
}
