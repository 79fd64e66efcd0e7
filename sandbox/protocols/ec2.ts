import type { AwsServiceError } from '../core/errors';
import { xmlResponse } from './query';
import type { ProtocolWriter, WireResponse } from './wire';
import { toXmlTree } from './xml';

/**
 * ec2Query: `<OpResponse><requestId/>…members…</OpResponse>` with no Result wrapper, lists as
 * `<item>` elements and lowerCamel element names (handlers return the wire names, e.g.
 * `reservationSet`), errors as `<Response><Errors><Error><Code/><Message/></Error></Errors>`.
 */
export const ec2Protocol: ProtocolWriter = {
  result(operation, output, requestId, namespace): WireResponse {
    const converted = toXmlTree(output ?? {}, 'item');
    const members = typeof converted === 'object' && converted !== null ? converted : {};
    return xmlResponse(200, requestId, {
      [`${operation}Response`]: { '@_xmlns': namespace, requestId, ...members },
    });
  },

  error(error: AwsServiceError, requestId): WireResponse {
    return xmlResponse(error.statusCode, requestId, {
      Response: {
        Errors: { Error: { Code: error.code, Message: error.message } },
        RequestID: requestId,
      },
    });
  },
};
