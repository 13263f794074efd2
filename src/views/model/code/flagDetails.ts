/**
 * What a flag hover shows beyond the cached list: the flag's filters (variants, payloads), its
 * last change, and the experiments that use it. Fetched only on hover, at most one
 * get_feature_flag per flag and one experiment list for all flags, kept until a flag or
 * experiment tool changes something.
 */
import { describeError } from '../../../posthog/errors';
import { asPage, type ToolRunner } from '../base';
import type { ChangeEvent } from '../routing';
import type { Row } from '../node';

export interface FlagDetail {
  filters: Row;
  updated_at?: string;
  last_modified_by?: string;
}

export interface LinkedExperiment {
  id: number;
  name: string;
  status?: string;
  url?: string;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_EXPERIMENT_PAGES = 20;

async function settle<T>(p: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await p };
  } catch (err) {
    return { ok: false, error: describeError(err) };
  }
}

export class FlagDetails {
  private readonly details = new Map<number, Promise<Loaded<FlagDetail>>>();
  private experimentsByFlag: Promise<Loaded<Map<string, LinkedExperiment[]>>> | undefined;

  constructor(private readonly tools: ToolRunner) {}

  detail(flagId: number): Promise<Loaded<FlagDetail>> {
    let p = this.details.get(flagId);
    if (!p) {
      p = settle(
        this.tools.run('get_feature_flag', { flag_id: flagId }).then((d) => {
          const r = (d ?? {}) as Row;
          return {
            filters: (r.filters && typeof r.filters === 'object' ? r.filters : {}) as Row,
            updated_at: typeof r.updated_at === 'string' ? r.updated_at : undefined,
            last_modified_by: typeof r.last_modified_by === 'string' ? r.last_modified_by : undefined,
          };
        }),
      );
      this.details.set(flagId, p);
      // A failure is not kept: the next hover asks again.
      void p.then((r) => !r.ok && this.details.get(flagId) === p && this.details.delete(flagId));
    }
    return p;
  }

  /** The experiments using this flag key (one list of all experiments, read once). */
  async experimentsOf(key: string): Promise<Loaded<LinkedExperiment[]>> {
    if (!this.experimentsByFlag) {
      const p = settle(this.loadExperiments());
      this.experimentsByFlag = p;
      void p.then((r) => !r.ok && this.experimentsByFlag === p && (this.experimentsByFlag = undefined));
    }
    const all = await this.experimentsByFlag;
    return all.ok ? { ok: true, value: all.value.get(key) ?? [] } : all;
  }

  private async loadExperiments(): Promise<Map<string, LinkedExperiment[]>> {
    const byFlag = new Map<string, LinkedExperiment[]>();
    let offset = 0;
    for (let page = 0; page < MAX_EXPERIMENT_PAGES; page++) {
      const data = asPage<Row>(await this.tools.run('list_experiments', { limit: 100, offset }));
      for (const e of data.results) {
        const key = typeof e.feature_flag_key === 'string' ? e.feature_flag_key : undefined;
        if (!key) continue;
        const list = byFlag.get(key) ?? [];
        list.push({
          id: Number(e.id),
          name: typeof e.name === 'string' ? e.name : `Experiment ${String(e.id)}`,
          status: typeof e.status === 'string' ? e.status : undefined,
          url: typeof e.url === 'string' ? e.url : undefined,
        });
        byFlag.set(key, list);
      }
      if (!data.has_more || data.results.length === 0) break;
      offset = data.next_offset ?? offset + data.results.length;
    }
    return byFlag;
  }

  /** A flag or experiment tool changed something: what was read may be out of date. */
  handleChange(e: ChangeEvent): void {
    const toolset = String(e.toolset);
    if (toolset === 'feature_flags' || toolset === 'experiments') this.clear();
  }

  clear(): void {
    this.details.clear();
    this.experimentsByFlag = undefined;
  }
}
