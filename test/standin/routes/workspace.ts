/** /api/users/@me/, /api/projects/, /api/projects/{id}/, /api/organizations/@current/. */
import { HttpError, envelope, type Ctx } from '../core';
import { stdList } from '../crud';
import type { RouteGroup } from './types';

function organization(ctx: Ctx) {
  const { state } = ctx;
  const teams = [...state.teams.values()];
  return {
    ...state.organization,
    created_at: '2023-03-01T09:00:00Z',
    updated_at: '2025-01-01T09:00:00Z',
    membership_level: 8,
    teams: teams.map((t) => state.teamBasic(t)),
    projects: teams.map((t) => ({ id: t.id, organization_id: t.organization, name: t.name })),
    member_count: state.users.size,
  };
}

export const workspaceRoutes: RouteGroup = {
  register(router) {
    router.get(
      '/api/users/@me',
      (ctx) => {
        const { state, user } = ctx;
        const team = state.teams.get(user.currentTeamId)!;
        return {
          ...state.userBasic(user),
          date_joined: '2023-03-01T09:00:00Z',
          is_staff: false,
          theme_mode: 'system',
          team: state.teamBasic(team),
          organization: organization(ctx),
          organizations: [
            {
              id: state.organization.id,
              name: state.organization.name,
              slug: state.organization.slug,
              membership_level: 8,
              is_active: true,
            },
          ],
        };
      },
      { prefix: 'root', scope: 'user' },
    );
    router.get(
      '/api/projects',
      (ctx) =>
        stdList(
          ctx,
          [...ctx.state.teams.values()].map((t) => ctx.state.teamBasic(t)),
        ),
      { prefix: 'root', scope: 'project' },
    );
    router.get(
      '/api/projects/:pid',
      (ctx) => ({ ...ctx.state.teamBasic(ctx.team), created_at: '2023-03-01T09:00:00Z', updated_at: '2025-01-01T09:00:00Z' }),
      { prefix: 'root', scope: 'project' },
    );
    router.get(
      '/api/organizations/:org',
      (ctx) => {
        if (ctx.params.org !== '@current' && ctx.params.org !== ctx.state.organization.id) {
          throw new HttpError(404, envelope('invalid_request', 'not_found', 'Not found.'));
        }
        return organization(ctx);
      },
      { prefix: 'root', scope: 'organization' },
    );
  },
};
