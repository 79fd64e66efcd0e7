import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { at, entriesOf, itemsOf, loadStackTemplate } from '@/test/cloudformation/stack-template';

const CASC_PATH = new URL('../../jenkins/casc.yaml', import.meta.url);
const SSM_PREFIX = '/jenkins-on-aws/${AWS::StackName}/';

/**
 * Every `${name}` Configuration as Code would resolve in the document, with `${name:-default}`
 * reduced to its name. `^${...}` is Configuration as Code's escape for a literal and is skipped.
 */
function variablesIn(value: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (typeof node === 'string') {
      for (const match of node.matchAll(/(\^?)\$\{([^}]*)\}/g)) {
        if (match[1] === '^') continue;
        names.add((match[2] ?? '').split(':-')[0] ?? '');
      }
    } else if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, inner] of Object.entries(node)) {
        visit(key);
        visit(inner);
      }
    }
  };
  visit(value);
  return names;
}

const casc: unknown = parse(readFileSync(CASC_PATH, 'utf8'));
const template = loadStackTemplate();

const controllerContainers = entriesOf(template.Resources)
  .filter(([, resource]) => at(resource, 'Type') === 'AWS::ECS::TaskDefinition')
  .flatMap(([, resource]) => itemsOf(at(resource, 'Properties', 'ContainerDefinitions')));

function namesIn(list: 'Environment' | 'Secrets'): string[] {
  return controllerContainers.flatMap((container) =>
    itemsOf(at(container, list)).map((entry) => String(at(entry, 'Name'))),
  );
}

function environmentValue(name: string): unknown {
  for (const container of controllerContainers) {
    const entry = itemsOf(at(container, 'Environment')).find((item) => at(item, 'Name') === name);
    if (entry !== undefined) return at(entry, 'Value');
  }
  return undefined;
}

/** Short names of the SSM parameters the template writes under the stack's prefix. */
const settingNames = entriesOf(template.Resources)
  .filter(([, resource]) => at(resource, 'Type') === 'AWS::SSM::Parameter')
  .map(([, resource]) => at(resource, 'Properties', 'Name', 'Fn::Sub'))
  .filter((name): name is string => typeof name === 'string' && name.startsWith(SSM_PREFIX))
  .map((name) => name.slice(SSM_PREFIX.length));

describe('casc.yaml variables', () => {
  it('are each supplied by the template as task environment, task secret or SSM setting', () => {
    const supplied = new Set([...namesIn('Environment'), ...namesIn('Secrets')]);
    // The SSM secret source only looks under CASC_SSM_PREFIX, so settings count only when
    // the task points it at the prefix the template writes them to.
    if (
      JSON.stringify(environmentValue('CASC_SSM_PREFIX')) ===
      JSON.stringify({ 'Fn::Sub': SSM_PREFIX })
    ) {
      settingNames.forEach((name) => supplied.add(name));
    }

    const missing = [...variablesIn(casc)].filter((name) => !supplied.has(name)).sort();
    expect(
      missing,
      `casc.yaml uses variables that cloudformation/jenkins.yaml does not supply: ${missing.join(', ')}`,
    ).toEqual([]);
  });

  it('cover every scale setting the template writes, so none is written in vain', () => {
    const used = variablesIn(casc);
    const unused = settingNames.filter((name) => !used.has(name)).sort();
    expect(unused, `SSM settings no casc.yaml variable reads: ${unused.join(', ')}`).toEqual([]);
  });

  it('read the scale limits from SSM rather than from the task definition', () => {
    const cloud = at(casc, 'jenkins', 'clouds', 0, 'amazonEC2');
    const agents = at(cloud, 'templates', 0);

    expect(at(cloud, 'instanceCapStr')).toBe('${agent-cap}');
    expect(agents).toMatchObject({
      instanceCapStr: '${agent-cap}',
      minimumNumberOfInstances: '${warm-agents}',
      idleTerminationMinutes: '${idle-minutes}',
      type: '${agent-instance-type}',
      ami: '${agent-ami}',
    });
    expect(at(agents, 'tags')).toEqual(
      expect.arrayContaining([{ name: 'jenkins-on-aws:stack', value: '${STACK_NAME}' }]),
    );
  });
});
