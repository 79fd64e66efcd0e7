import { describe, expect, it } from 'vitest';
import { AGENT_COLUMNS as columns } from '@/components/agents/agent-columns';
import type { TableColumn } from '@/components/table/columns';
import { compareSortValues, sortRows } from '@/components/table/sorting';
import type { AgentView } from '@/lib/status/types';
import { agent, manyAgents } from '../fixtures';

const ids = (rows: AgentView[]) => rows.map((row) => row.instanceId);

describe('compareSortValues', () => {
  it('orders hex instance ids character by character, ignoring case', () => {
    expect(
      ['i-0000000000000000a', 'i-00000000000000001', 'I-00000000000000000'].sort(compareSortValues),
    ).toEqual(['I-00000000000000000', 'i-00000000000000001', 'i-0000000000000000a']);
  });

  it('orders numbers by value and before text', () => {
    expect([10, 'b', 2, 'a'].sort(compareSortValues)).toEqual([2, 10, 'a', 'b']);
  });
});

describe('sortRows over the agent columns', () => {
  const young = agent({
    instanceId: 'i-young',
    launchedAt: '2024-05-01T11:59:00.000Z',
    privateIp: '10.0.0.9',
  });
  const old = agent({
    instanceId: 'i-old',
    launchedAt: '2024-05-01T08:00:00.000Z',
    privateIp: '10.0.0.10',
  });
  const unknownAge = agent({
    instanceId: 'i-unknown',
    launchedAt: undefined,
    privateIp: undefined,
  });
  const rows = [old, unknownAge, young];

  it('sorts by age youngest first ascending and oldest first descending', () => {
    expect(ids(sortRows(rows, columns, [{ id: 'age', desc: false }]))).toEqual([
      'i-young',
      'i-old',
      'i-unknown',
    ]);
    expect(ids(sortRows(rows, columns, [{ id: 'age', desc: true }]))).toEqual([
      'i-old',
      'i-young',
      'i-unknown',
    ]);
  });

  it('keeps agents without a value last in both directions', () => {
    expect(ids(sortRows(rows, columns, [{ id: 'privateIp', desc: true }])).at(-1)).toBe(
      'i-unknown',
    );
    expect(ids(sortRows(rows, columns, [{ id: 'privateIp', desc: false }]))).toEqual([
      'i-young',
      'i-old',
      'i-unknown',
    ]);
  });

  it('puts flagged agents first when sorting by flags', () => {
    const orphan = agent({ instanceId: 'i-orphan', possiblyOrphaned: true });

    expect(ids(sortRows([old, orphan, young], columns, [{ id: 'flags', desc: false }]))[0]).toBe(
      'i-orphan',
    );
  });

  it('keeps the incoming order for ties and leaves the input untouched', () => {
    const a = agent({ instanceId: 'i-a', state: 'running' });
    const b = agent({ instanceId: 'i-b', state: 'pending' });
    const c = agent({ instanceId: 'i-c', state: 'running' });
    const input = [a, b, c];

    expect(ids(sortRows(input, columns, [{ id: 'state', desc: false }]))).toEqual([
      'i-b',
      'i-a',
      'i-c',
    ]);
    expect(ids(input)).toEqual(['i-a', 'i-b', 'i-c']);
  });

  it('ignores unknown and unsortable columns', () => {
    const unsortable: TableColumn<AgentView>[] = [
      { id: 'note', header: 'Note', width: '1fr', cell: () => null },
    ];

    expect(ids(sortRows(rows, unsortable, [{ id: 'note', desc: false }]))).toEqual(ids(rows));
    expect(ids(sortRows(rows, columns, [{ id: 'nope', desc: true }]))).toEqual(ids(rows));
  });

  it('orders private IPs by address, so 10.0.0.9 comes before 10.0.0.10', () => {
    expect(ids(sortRows([old, young], columns, [{ id: 'privateIp', desc: false }]))).toEqual([
      'i-young',
      'i-old',
    ]);
  });

  it('orders 5,000 agents by instance id', () => {
    const many = manyAgents(5_000).reverse();

    const sorted = sortRows(many, columns, [{ id: 'instanceId', desc: false }]);

    expect(sorted[0]?.instanceId).toBe(`i-${'0'.repeat(17)}`);
    expect(sorted.at(-1)?.instanceId).toBe(`i-${(4_999).toString(16).padStart(17, '0')}`);
  });
});
