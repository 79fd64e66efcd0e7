import { describe, expect, it } from 'vitest';
import { parameterModel, type ParameterModel } from '@/lib/template/model';
import { validateParameters, type ValidationOptions } from '@/lib/template/validate';
import { fixtureModel } from './fixtures';

const CREATE: ValidationOptions = { mode: 'create' };

/** The outcome for one field: its message, or the value that would be sent. */
function field(model: ParameterModel, key: string, value: string | undefined, options = CREATE) {
  const result = validateParameters(model, { [key]: value }, options);
  return result.fieldErrors[key] ?? { sent: result.values[key] };
}

describe('validateParameters', () => {
  describe('String', () => {
    const classic = fixtureModel('classic-ecs-elb.json');
    const patterns = fixtureModel('patterns.yaml');

    it('trims the value', () => {
      expect(field(patterns, 'ClusterName', '  builds-2 ')).toEqual({ sent: 'builds-2' });
    });

    it('keeps a NoEcho value exactly as typed, since its spaces are part of the secret', () => {
      const model = fixtureModel('no-echo.yaml');
      expect(field(model, 'JenkinsAdminPassword', ' correct horse ')).toEqual({
        sent: ' correct horse ',
      });
    });

    it('uses the ConstraintDescription for a value outside AllowedValues', () => {
      expect(field(classic, 'InstanceType', 'c7g.large')).toBe(
        'must be one of the listed EC2 instance types.',
      );
    });

    it('lists the allowed values when the template gives no description', () => {
      const model = parameterModel({
        Parameters: { Cpu: { Type: 'String', AllowedValues: ['512', '1024'] } },
      });
      expect(field(model, 'Cpu', '256')).toBe('Choose one of: 512, 1024.');
    });

    it('matches AllowedPattern against the whole value', () => {
      expect(field(patterns, 'ClusterName', 'Builds')).toBe(
        'Must match the pattern [a-z][a-z0-9-]*.',
      );
      expect(field(patterns, 'ClusterName', 'builds!')).toBe(
        'Must match the pattern [a-z][a-z0-9-]*.',
      );
    });

    it('matches an alternation only as a whole branch', () => {
      expect(field(patterns, 'Stage', 'prod')).toEqual({ sent: 'prod' });
      expect(field(patterns, 'Stage', 'production')).toBe('must be dev, staging or prod.');
      expect(field(patterns, 'Stage', 'xdev')).toBe('must be dev, staging or prod.');
    });

    it('accepts blank where the pattern has an empty branch, and nothing else that is off', () => {
      const model = fixtureModel('conditional-dns.yaml');
      expect(field(model, 'DomainName', '')).toEqual({ sent: '' });
      expect(field(model, 'DomainName', 'jenkins.example.internal')).toEqual({
        sent: 'jenkins.example.internal',
      });
      expect(field(model, 'DomainName', 'Jenkins.Example')).toBe(
        'must be blank or a lower-case DNS name.',
      );
      expect(field(patterns, 'OptionalArn', 'arn:aws:acm:eu-west-1:1111:certificate/x')).toBe(
        'Must match the pattern ^$|^arn:aws:acm:[a-z0-9-]+:\\d{12}:certificate/.+$.',
      );
    });

    it('sends blank as an empty string for a parameter used only under a condition', () => {
      const model = fixtureModel('conditional-dns.yaml');
      const result = validateParameters(
        model,
        { HostedZoneId: '', CertificateArn: ' ', Environment: '' },
        CREATE,
      );
      expect(result).toMatchObject({
        ok: true,
        values: { HostedZoneId: '', CertificateArn: '', Environment: '' },
      });
    });

    it('asks for a value the template has no default for', () => {
      const model = fixtureModel('conditional-dns.yaml');
      expect(field(model, 'Environment', undefined)).toBe(
        'Enter a value: the template gives no default.',
      );
    });

    it('checks lengths in characters', () => {
      const model = fixtureModel('numbers-as-strings.yaml');
      expect(field(model, 'BuildNamePrefix', 'x')).toBe('Enter 2 to 8 characters.');
      expect(field(model, 'BuildNamePrefix', 'nightly-x')).toBe('Enter 2 to 8 characters.');
      expect(field(model, 'BuildNamePrefix', 'ü€')).toEqual({ sent: 'ü€' });
      expect(field(classic, 'SshLocation', 'ten.0.0.0/8')).toBe(
        'must be an IPv4 CIDR range such as 10.0.0.0/8.',
      );
    });

    it('never repeats a NoEcho value in its message', () => {
      const model = fixtureModel('no-echo.yaml');
      const message = field(model, 'JenkinsAdminPassword', 'hunter2');
      expect(message).toBe('Enter at least 12 characters.');
      expect(field(model, 'GitHubToken', 'hunter2')).toBe('must be blank or a GitHub token.');
    });
  });

  describe('Number', () => {
    const classic = fixtureModel('classic-ecs-elb.json');
    const numbers = fixtureModel('numbers-as-strings.yaml');

    it('accepts integers and decimals as written, trimmed', () => {
      expect(field(classic, 'DesiredCapacity', ' 3 ')).toEqual({ sent: '3' });
      expect(field(numbers, 'DiskRatio', '0.5')).toEqual({ sent: '0.5' });
    });

    it('refuses what is not a plain number, including blank and exponent forms', () => {
      for (const value of ['', 'three', '1e2', '0x10', '1,5']) {
        expect(field(classic, 'DesiredCapacity', value)).toBe('Enter a number, such as 10 or 2.5.');
      }
    });

    it('checks MinValue and MaxValue written as strings', () => {
      expect(field(classic, 'MaxSize', '7')).toBe('Enter a number from 1 to 6.');
      expect(field(classic, 'MaxSize', '0')).toBe('Enter a number from 1 to 6.');
      expect(field(numbers, 'DiskRatio', '1.5')).toBe('Enter a number from 0.1 to 1.');
      expect(field(fixtureModel('no-echo.yaml'), 'AgentInstanceCap', '0')).toBe(
        'Enter a number of at least 1.',
      );
    });

    it('checks AllowedValues written as numbers', () => {
      expect(field(numbers, 'ControllerCpu', '2048')).toEqual({ sent: '2048' });
      expect(field(numbers, 'ControllerCpu', '300')).toBe('Choose one of: 256, 512, 1024, 2048.');
    });
  });

  describe('whole-number scale limits (C26)', () => {
    const model = fixtureModel('scale-limits.yaml');
    const options: ValidationOptions = {
      mode: 'create',
      integerParameters: new Set(['AgentInstanceCap', 'WarmAgents']),
    };
    const cap = (value: string) => field(model, 'AgentInstanceCap', value, options);

    it.each([
      ['', 'Enter a whole number from 1 to 200.'],
      ['0', 'Enter a whole number from 1 to 200.'],
      ['-1', 'Enter a whole number from 1 to 200.'],
      ['12.5', 'Enter a whole number from 1 to 200.'],
      ['2147483648', 'Enter a whole number from 1 to 200.'],
      ['1e2', 'Enter a whole number from 1 to 200.'],
    ])('refuses %j for a cap of 1 to 200', (value, message) => {
      expect(cap(value)).toBe(message);
    });

    it('sends " 12" as "12"', () => {
      expect(cap(' 12')).toEqual({ sent: '12' });
    });

    it('accepts the bounds themselves', () => {
      expect([cap('1'), cap('200')]).toEqual([{ sent: '1' }, { sent: '200' }]);
    });

    it('accepts a decimal where the whole-number rule is not asked for', () => {
      expect(field(model, 'AgentIdleMinutes', '12.5', options)).toEqual({ sent: '12.5' });
    });

    it("uses the template's ConstraintDescription for a whole-number violation", () => {
      expect(field(model, 'WarmAgents', '2.5', options)).toBe(
        'Warm agents must be a whole number from 0 to 50.',
      );
      expect(field(model, 'WarmAgents', '0', options)).toEqual({ sent: '0' });
    });

    it('keeps a bounded-below whole number inside the range Jenkins can parse', () => {
      const open = parameterModel({ Parameters: { Cap: { Type: 'Number', MinValue: 1 } } });
      const wholeCap = { mode: 'create', integerParameters: new Set(['Cap']) } as const;
      expect(field(open, 'Cap', '2147483648', wholeCap)).toBe(
        'Enter a whole number from 1 to 2147483647.',
      );
    });
  });

  describe('lists', () => {
    const lists = fixtureModel('lists.yaml');

    it('trims each element and joins them with bare commas', () => {
      expect(field(lists, 'AlbSubnets', 'subnet-0aaa1111, subnet-0bbb2222 ')).toEqual({
        sent: 'subnet-0aaa1111,subnet-0bbb2222',
      });
      expect(field(lists, 'AgentPorts', ' 22 ,50000,')).toEqual({ sent: '22,50000' });
    });

    it('refuses an empty AWS-typed list (C05)', () => {
      expect(field(lists, 'AlbSubnets', '')).toBe('Choose at least one subnet.');
      expect(field(lists, 'SecurityGroups', ' , ')).toBe('Choose at least one security group.');
    });

    it('allows an empty CommaDelimitedList (C05)', () => {
      expect(field(lists, 'ExtraCidrs', '')).toEqual({ sent: '' });
    });

    it('checks each element of an AWS-typed list for its ID form', () => {
      expect(field(lists, 'AlbSubnets', 'subnet-0aaa1111,sub-2')).toBe(
        'sub-2 is not a subnet ID (subnet-…).',
      );
    });

    it('checks each element against AllowedValues', () => {
      expect(field(lists, 'Zones', 'eu-west-1a,eu-west-1d')).toBe(
        'Choose one of: eu-west-1a, eu-west-1b, eu-west-1c.',
      );
      expect(field(lists, 'LogLevels', 'INFO, SEVERE')).toEqual({ sent: 'INFO,SEVERE' });
      expect(field(lists, 'LogLevels', 'INFO, TRACE')).toBe(
        'Choose one of: DEBUG, INFO, WARNING, SEVERE.',
      );
    });

    it('checks each element of a CommaDelimitedList against AllowedPattern', () => {
      const patterns = fixtureModel('patterns.yaml');
      expect(field(patterns, 'Suffixes', 'a1, c3')).toEqual({ sent: 'a1,c3' });
      expect(field(patterns, 'Suffixes', 'a1,cc')).toBe(
        'each suffix is a letter followed by a digit.',
      );
    });

    it('checks each number of a List<Number> against MinValue and MaxValue', () => {
      expect(field(lists, 'AgentPorts', '22,70000')).toBe('Enter a number from 1 to 65535.');
      expect(field(lists, 'AgentPorts', '')).toBe(
        'Enter at least one number, separated by commas.',
      );
    });
  });

  describe('AWS-specific and SSM types', () => {
    it('refuses a blank AWS-typed key pair but not the String one (C11)', () => {
      const model = fixtureModel('key-pairs.yaml');
      expect(field(model, 'AgentKeyName', ' ')).toBe(
        'Choose a key pair: CloudFormation needs an existing EC2 key pair in this region.',
      );
      expect(field(model, 'BastionKeyName', '')).toEqual({ sent: '' });
    });

    it("refuses a key-pair Default of '' that would leave the key blank (C11)", () => {
      const model = parameterModel({
        Parameters: { Key: { Type: 'AWS::EC2::KeyPair::KeyName', Default: '' } },
      });
      expect(field(model, 'Key', undefined)).toBe(
        "The template's default is not usable: Choose a key pair: CloudFormation needs an " +
          'existing EC2 key pair in this region.',
      );
    });

    it('leaves a usable Default to CloudFormation by not sending the key', () => {
      const model = fixtureModel('key-pairs.yaml');
      expect(validateParameters(model, {}, CREATE)).toEqual({
        ok: true,
        mode: 'create',
        fieldErrors: {},
        values: {},
        previousValueKeys: [],
      });
    });

    it('asks for a single AWS resource by its name', () => {
      const model = fixtureModel('classic-ecs-elb.json');
      expect(field(model, 'VpcId', '')).toBe('Choose a VPC.');
      expect(field(model, 'VpcId', 'vpc 1')).toBe('vpc 1 is not a VPC ID (vpc-…).');
      expect(field(model, 'VpcId', ' vpc-0abc1234 ')).toEqual({ sent: 'vpc-0abc1234' });
    });

    it('takes SSM parameter names for SSM types', () => {
      const model = fixtureModel('ssm-types.yaml');
      expect(field(model, 'ImageTagParameter', '')).toBe('Enter the name of an SSM parameter.');
      expect(field(model, 'AgentAmiId', 'ami 123')).toBe(
        'Enter an SSM parameter name: letters, digits and _ . - / only, such as /my/ami-id.',
      );
      expect(field(model, 'SharedSubnets', ' /network/public-subnets ')).toEqual({
        sent: '/network/public-subnets',
      });
    });
  });

  it('refuses keys the template does not declare', () => {
    const model = fixtureModel('key-pairs.yaml');
    const result = validateParameters(
      model,
      { AgentKeyname: 'build-key', Other: undefined },
      CREATE,
    );
    expect(result.fieldErrors).toEqual({
      AgentKeyname: 'This template has no parameter by that name.',
    });
    expect(result.ok).toBe(false);
  });

  describe('update mode', () => {
    const model = fixtureModel('no-echo.yaml');
    const previousKeys = new Set(['JenkinsAdminPassword', 'GitHubToken', 'AgentInstanceCap']);

    it('does not check an untouched NoEcho field and keeps its previous value (C03)', () => {
      const result = validateParameters(
        model,
        { JenkinsAdminPassword: '****', GitHubToken: '****', AgentInstanceCap: '20' },
        { mode: 'update', previousKeys, touched: new Set(['AgentInstanceCap']) },
      );
      expect(result).toEqual({
        ok: true,
        mode: 'update',
        fieldErrors: {},
        values: { AgentInstanceCap: '20' },
        previousValueKeys: ['JenkinsAdminPassword', 'GitHubToken'],
      });
    });

    it('checks a NoEcho field once typed into, asterisks included (C03)', () => {
      const touched = new Set(['JenkinsAdminPassword']);
      const short = validateParameters(
        model,
        { JenkinsAdminPassword: '****' },
        { mode: 'update', previousKeys, touched },
      );
      expect(short.fieldErrors).toEqual({ JenkinsAdminPassword: 'Enter at least 12 characters.' });

      const stars = validateParameters(
        model,
        { JenkinsAdminPassword: '************' },
        { mode: 'update', previousKeys, touched },
      );
      expect(stars.values).toEqual({ JenkinsAdminPassword: '************' });
      expect(stars.previousValueKeys).toEqual(['GitHubToken', 'AgentInstanceCap']);
    });

    it('counts the keys given a value as touched when no touched set is passed', () => {
      const result = validateParameters(
        model,
        { AgentInstanceCap: '20' },
        { mode: 'update', previousKeys },
      );
      expect(result.values).toEqual({ AgentInstanceCap: '20' });
      expect(result.previousValueKeys).toEqual(['JenkinsAdminPassword', 'GitHubToken']);
    });

    it('still checks a shown previous value that the new template no longer allows', () => {
      const result = validateParameters(
        model,
        { AgentInstanceCap: '0' },
        { mode: 'update', previousKeys, touched: new Set() },
      );
      expect(result.fieldErrors).toEqual({ AgentInstanceCap: 'Enter a number of at least 1.' });
    });

    it('asks for a value for a key new in the template without a Default (C04)', () => {
      const v2 = fixtureModel('upgrade-v2.yaml');
      const result = validateParameters(
        v2,
        { ControllerCpu: '2048' },
        {
          mode: 'update',
          previousKeys: new Set(['AgentInstanceCap', 'ControllerCpu', 'LegacyElbName']),
          touched: new Set(['ControllerCpu']),
        },
      );
      expect(result.fieldErrors).toEqual({
        WebhookSecret: 'This parameter is new in the template and has no default: enter a value.',
      });
    });
  });

  describe('cross-field checks', () => {
    it('reports what a check returns for fields that passed their own rules', () => {
      const model = fixtureModel('lists.yaml');
      const seen: Record<string, string>[] = [];
      const result = validateParameters(
        model,
        { AlbSubnets: 'subnet-0aaa1111', SecurityGroups: '', Zones: 'eu-west-1a' },
        {
          mode: 'create',
          checks: [
            (values) => {
              seen.push({ ...values });
              return { AlbSubnets: 'Needs two.', SecurityGroups: 'Not shown.' };
            },
          ],
        },
      );
      expect(seen).toEqual([{ AlbSubnets: 'subnet-0aaa1111', Zones: 'eu-west-1a' }]);
      expect(result.fieldErrors).toEqual({
        AlbSubnets: 'Needs two.',
        SecurityGroups: 'Choose at least one security group.',
      });
    });
  });
});
