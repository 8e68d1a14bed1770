export interface SkipRun {
  readonly project: string;
  readonly report: {
    readonly testResults: readonly {
      readonly name: string;
      readonly assertionResults: readonly { readonly status: string; readonly meta?: { readonly skipReason?: string } }[];
    }[];
  };
}
/** One line per project and declared reason (`skipped N e2e tests: ...`), then `N skipped`. */
export declare function skipSummary(runs: readonly SkipRun[]): string[];
