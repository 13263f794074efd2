import type { Router } from '../core';
import type { State, Team } from '../state';
import type { StandinOptions } from '../server';

/** One group of stand-in routes, with its demo data. */
export interface RouteGroup {
  register(router: Router): void;
  /** Called once per project when seeding demo data. */
  seed?(state: State, team: Team, options: StandinOptions): void;
}
