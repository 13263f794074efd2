/** Dashboards: refresh, load more, create, delete (with confirmation). */
import * as vscode from 'vscode';
import { VIEWS } from '../../ids';
import type { DashboardRow } from '../../views/model/dashboards';
import { askText, BACK } from '../prompts';
import { confirm, openExternal, showError, withProgress } from '../ui';
import { isNode, target, type Services } from './services';

export function refresh(s: Services, arg?: unknown): void {
  s.models.dashboards.refresh(isNode(arg) ? arg : undefined);
}

export async function loadMore(s: Services): Promise<void> {
  await withProgress('Loading dashboards…', () => s.models.dashboards.loadMore(), { viewId: VIEWS.dashboards });
}

export async function create(s: Services): Promise<DashboardRow | undefined> {
  const name = await askText({
    title: 'New dashboard',
    step: 1,
    totalSteps: 2,
    prompt: 'Name of the dashboard',
    placeholder: 'Launch metrics',
    validate: (v) => (v.trim() ? undefined : 'Enter a name.'),
  });
  if (name === undefined || name === BACK) return undefined;
  const description = await askText({
    title: 'New dashboard',
    step: 2,
    totalSteps: 2,
    prompt: 'Description (optional: press Enter to skip)',
    placeholder: 'What is this dashboard for?',
  });
  if (description === undefined) return undefined;
  const input = { name: name.trim(), description: description === BACK ? undefined : description.trim() || undefined };
  const run = async (): Promise<DashboardRow | undefined> => {
    try {
      const created = await withProgress(`Creating dashboard "${input.name}"…`, (signal) => s.models.dashboards.create(input, signal), {
        viewId: VIEWS.dashboards,
      });
      void vscode.window.showInformationMessage(`Created dashboard "${created.name}".`, 'Open in PostHog').then((c) => {
        if (c && created.url) void openExternal(created.url);
      });
      return created;
    } catch (err) {
      void showError(err, { retry: run });
      return undefined;
    }
  };
  return run();
}

export async function remove(s: Services, arg?: unknown): Promise<boolean> {
  const d = target<DashboardRow>(arg, s.views.dashboards, ['dashboard']);
  if (!d?.id) return false;
  const name = d.name ?? `dashboard ${d.id}`;
  const ok = await confirm(
    `Delete dashboard "${name}"?`,
    'Its insights are kept. PostHog keeps the dashboard restorable for a while.',
    'Delete',
  );
  if (!ok) return false;
  try {
    await withProgress(`Deleting dashboard "${name}"…`, (signal) => s.models.dashboards.delete(d, signal), { viewId: VIEWS.dashboards });
    vscode.window.setStatusBarMessage(`$(trash) Deleted dashboard "${name}"`, 4000);
    return true;
  } catch (err) {
    void showError(err, { retry: () => remove(s, arg) });
    return false;
  }
}
