import type { ParameterDefinition } from '../template';
import type { ChangeSetSafety, ChangeSetView } from '../stacks/change-set-view';
import type { EncodedChange } from '../stacks/request-token';

/** GET /api/stacks/<name>/scale: what the scale-limits panel shows. */
export interface ScalePanelView {
  readonly stackName: string;
  readonly region: string;
  readonly stackStatus: string;
  /** Deployed values by parameter key (only the scale parameters the template has). */
  readonly values: Readonly<Record<string, string>>;
  /** The template's definitions of those parameters: constraints for the controls. */
  readonly parameters: readonly ParameterDefinition[];
  readonly history: readonly {
    readonly requestToken: string;
    readonly user: string;
    readonly startedAt: string;
    readonly finishedAt: string | undefined;
    readonly changes: readonly EncodedChange[];
    readonly outcome: 'in-progress' | 'succeeded' | 'rolled-back' | 'failed';
    readonly reason: string | undefined;
  }[];
}

/** POST /api/stacks/<name>/scale answers. */
export type ScaleEditResponse =
  | {
      readonly kind: 'applied';
      readonly requestToken: string;
      readonly changeSet: ChangeSetView | undefined;
      readonly values: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'nothing-to-change';
      readonly message: string;
      readonly deployed: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'needs-confirmation';
      readonly changeSet: ChangeSetView;
      readonly safety: ChangeSetSafety;
      readonly runningBuilds: number | undefined;
    };
