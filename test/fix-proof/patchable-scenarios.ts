// The catalogue, served by the ordinary scenario server, with answers that a test can replace
// while the server runs: the same URL, the same page origin, only the server's answer changes,
// exactly like a server owner applying a fix. The server reads `steps` on every request.

import type { Scenario, Step } from '../scenarios/types';

export class PatchableScenarios {
  readonly #patches = new Map<string, Readonly<Record<string, Step>>>();
  readonly scenarios: readonly Scenario[];

  constructor(base: readonly Scenario[]) {
    const patches = this.#patches;
    this.scenarios = base.map((s) => ({
      ...s,
      get steps(): Readonly<Record<string, Step>> {
        return patches.get(s.id) ?? s.steps;
      },
    }));
  }

  patch(id: string, steps: Readonly<Record<string, Step>>): void {
    this.#patches.set(id, steps);
  }

  reset(id: string): void {
    this.#patches.delete(id);
  }
}
