/** One AWS call as the sandbox answered it. */
export interface RequestRecord {
  readonly seq: number;
  /** Real wall-clock time, ISO 8601. */
  readonly time: string;
  /** Simulated epoch milliseconds when the call was answered. */
  readonly simulatedTime: number;
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  readonly status: number;
  readonly errorCode?: string;
  readonly durationMs: number;
}

/** Counts per service, then per operation. */
export type RequestCounts = Record<string, Record<string, number>>;

const MAX_RECORDS = 10_000;

/**
 * Every AWS call the sandbox answers, so tests and benchmarks can count calls (per service and
 * operation) and prove behaviour under faults. Keeps the latest records; counts cover every call
 * since the last reset.
 */
export class RequestLog {
  private records: RequestRecord[] = [];
  private counts: RequestCounts = {};
  private seq = 0;
  private total = 0;

  record(entry: Omit<RequestRecord, 'seq'>): void {
    this.seq += 1;
    this.total += 1;
    this.records.push({ seq: this.seq, ...entry });
    if (this.records.length > MAX_RECORDS)
      this.records.splice(0, this.records.length - MAX_RECORDS);
    const byOperation = (this.counts[entry.service] ??= {});
    byOperation[entry.operation] = (byOperation[entry.operation] ?? 0) + 1;
  }

  /** Records after `sinceSeq` (all kept records when absent), with the counts and total. */
  snapshot(sinceSeq = 0): { requests: RequestRecord[]; counts: RequestCounts; total: number } {
    return {
      requests: this.records.filter((record) => record.seq > sinceSeq),
      counts: structuredClone(this.counts),
      total: this.total,
    };
  }

  clear(): void {
    this.records = [];
    this.counts = {};
    this.total = 0;
  }
}
