import type { ResourceProvider } from '../core/provider';
import { putParameter } from '../services/ssm';
import type { World } from '../world/world';
import { stackTags, tagsOf } from './ec2';
import { text } from './properties';

/** Where CloudFormation keeps the private key of a key pair EC2 made for a stack. */
export function privateKeyParameterName(keyPairId: string): string {
  return `/ec2/keypair/${keyPairId}`;
}

/**
 * AWS::EC2::KeyPair without PublicKeyMaterial, as the template uses it: EC2 makes the pair,
 * its private key goes to the SecureString parameter /ec2/keypair/<KeyPairId>, and deleting
 * the resource deletes both. Ref → the key name; Fn::GetAtt KeyPairId and KeyFingerprint.
 * The key material is random text in PEM armour; nothing in the sandbox speaks SSH.
 */
export function keyPairProviders(world: World): Record<string, ResourceProvider> {
  return {
    'AWS::EC2::KeyPair': {
      create(request) {
        const region = world.region(request.region);
        const keyName = text(request.properties.KeyName);
        if (keyName === '') throw new Error(`Property KeyName cannot be empty.`);
        if (region.keyPairs[keyName]) {
          throw new Error(
            `Resource of type 'AWS::EC2::KeyPair' with identifier '${keyName}' already exists.`,
          );
        }
        if (request.properties.PublicKeyMaterial !== undefined) {
          throw new Error('The sandbox does not import public keys; omit PublicKeyMaterial.');
        }
        const keyPairId = world.ec2Id('key');
        const keyFingerprint = Array.from({ length: 20 }, () => world.random.hex(2)).join(':');
        region.keyPairs[keyName] = {
          keyPairId,
          keyName,
          keyFingerprint,
          keyType: text(request.properties.KeyType, 'rsa'),
          createdAt: world.now(),
          tags: [
            ...tagsOf(request.properties.Tags),
            ...stackTags(request.stackName, request.stackId, request.logicalId),
          ],
        };
        putParameter(region, world.now(), {
          name: privateKeyParameterName(keyPairId),
          value: `-----BEGIN RSA PRIVATE KEY-----\n${world.random.hex(64)}\n-----END RSA PRIVATE KEY-----`,
          type: 'SecureString',
        });
        return {
          physicalId: keyName,
          attributes: { KeyPairId: keyPairId, KeyFingerprint: keyFingerprint },
        };
      },
      update(request) {
        const pair = world.region(request.region).keyPairs[request.physicalId];
        if (pair) {
          pair.tags = [
            ...tagsOf(request.properties.Tags),
            ...stackTags(request.stackName, request.stackId, request.logicalId),
          ];
        }
        return {
          physicalId: request.physicalId,
          attributes: { KeyPairId: pair?.keyPairId, KeyFingerprint: pair?.keyFingerprint },
        };
      },
      delete(request) {
        const region = world.region(request.region);
        const pair = region.keyPairs[request.physicalId];
        if (pair === undefined) return;
        delete region.parameters[privateKeyParameterName(pair.keyPairId)];
        delete region.keyPairs[request.physicalId];
      },
    },
  };
}
