/** Feature flags: refresh, load more, filter, create, toggle (confirmed), copy key, delete (confirmed). */
import * as vscode from 'vscode';
import { CONTEXT_KEYS, VIEWS } from '../../ids';
import { setContext } from '../execute';
import { flagKeyProblem, flagRollout, rolloutProblem, type FlagRow } from '../../views/model/featureFlags';
import { BACK, askText } from '../prompts';
import { confirm, openExternal, showError, withProgress } from '../ui';
import { isNode, target, type Services } from './services';

export function refresh(s: Services, arg?: unknown): void {
  s.models.featureFlags.refresh(isNode(arg) ? arg : undefined);
}

export async function loadMore(s: Services): Promise<void> {
  await withProgress('Loading feature flags…', () => s.models.featureFlags.loadMore(), { viewId: VIEWS.featureFlags });
}

/** Applies the filter to the model, the view's description and the context key. */
export function applyFilter(s: Services, text: string | undefined): void {
  s.models.featureFlags.setSearch(text);
  const search = s.models.featureFlags.search;
  s.views.featureFlags.description = search ? `matching "${search}"` : undefined;
  void setContext(CONTEXT_KEYS.flagsFiltered, !!search);
}

export async function filter(s: Services, arg?: unknown): Promise<void> {
  if (typeof arg === 'string') return applyFilter(s, arg);
  const text = await askText({
    title: 'Filter feature flags',
    prompt: 'Show the flags whose key or name contains this text (empty shows all)',
    placeholder: 'checkout',
    value: s.models.featureFlags.search,
  });
  if (text === undefined || text === BACK) return;
  applyFilter(s, text);
}

export function clearFilter(s: Services): void {
  applyFilter(s, '');
}

/** The create flow; `presetKey` fills the key (the editor's "Create feature flag 'x'" quick fix). */
export async function create(s: Services, presetKey?: string): Promise<FlagRow | undefined> {
  const title = 'New feature flag';
  let step = 1;
  let key = presetKey ?? '';
  let name = '';
  let rollout = '100';
  while (step <= 3) {
    const answer =
      step === 1
        ? await askText({
            title,
            step,
            totalSteps: 3,
            prompt: 'Flag key: what your code checks',
            placeholder: 'new-checkout-flow',
            value: key,
            validate: flagKeyProblem,
          })
        : step === 2
          ? await askText({
              title,
              step,
              totalSteps: 3,
              prompt: 'Description (optional: press Enter to skip)',
              placeholder: 'What does this flag control?',
              value: name,
            })
          : await askText({
              title,
              step,
              totalSteps: 3,
              prompt: 'Roll out to what percentage of users? (0–100)',
              value: rollout,
              validate: rolloutProblem,
            });
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      step--;
      continue;
    }
    if (step === 1) key = answer.trim();
    else if (step === 2) name = answer.trim();
    else rollout = answer.trim();
    step++;
  }
  const input = { key, name: name || undefined, rollout_percentage: rollout ? Number(rollout.replace(/%$/, '')) : 100, active: true };
  const run = async (): Promise<FlagRow | undefined> => {
    try {
      const created = await withProgress(`Creating feature flag "${key}"…`, (signal) => s.models.featureFlags.create(input, signal), {
        viewId: VIEWS.featureFlags,
      });
      void vscode.window
        .showInformationMessage(
          `Created feature flag "${created.key}"${flagRollout(created) ? ` (${flagRollout(created)})` : ''}.`,
          'Copy Key',
          'Open in PostHog',
        )
        .then((c) => {
          if (c === 'Copy Key') void vscode.env.clipboard.writeText(created.key);
          else if (c === 'Open in PostHog' && created.url) void openExternal(created.url);
        });
      return created;
    } catch (err) {
      void showError(err, { retry: run });
      return undefined;
    }
  };
  return run();
}

/** The flag a command acts on; undefined (with the error shown) when there is none or it cannot be read. */
async function flagOf(s: Services, arg: unknown): Promise<FlagRow | undefined> {
  const f = target<Partial<FlagRow>>(arg, s.views.featureFlags, ['flag']);
  // The editor's hover passes `{key}` (its id may be stale): read the flag by key then.
  const byKey = !!f && typeof f.key === 'string' && typeof f.active !== 'boolean';
  if (!f?.id && !byKey) return undefined;
  if (typeof f.active === 'boolean' && typeof f.key === 'string') return f as FlagRow;
  // Automation passed only an id or a key: read the rest.
  try {
    return (await s.registry.run('get_feature_flag', byKey ? { flag_key: f.key } : { flag_id: f.id })) as FlagRow;
  } catch (err) {
    void showError(err);
    return undefined;
  }
}

export async function toggle(s: Services, arg?: unknown): Promise<boolean> {
  const flag = await flagOf(s, arg);
  if (!flag) return false;
  const enable = !flag.active;
  const rollout = flagRollout(flag);
  const who = rollout ? ` (${rollout})` : '';
  const ok = await confirm(
    `${enable ? 'Enable' : 'Disable'} feature flag "${flag.key}"?`,
    enable
      ? `It will be served again to the users its release conditions match${who}.`
      : `Every user will get false for this flag until it is enabled again${who ? `; it is served now${who}` : ''}.`,
    enable ? 'Enable' : 'Disable',
  );
  if (!ok) return false;
  try {
    await withProgress(
      `${enable ? 'Enabling' : 'Disabling'} "${flag.key}"…`,
      (signal) => s.models.featureFlags.setActive(flag!, enable, signal),
      { viewId: VIEWS.featureFlags },
    );
    vscode.window.setStatusBarMessage(
      `$(${enable ? 'circle-large-filled' : 'circle-large-outline'}) Feature flag "${flag.key}" ${enable ? 'enabled' : 'disabled'}`,
      4000,
    );
    return true;
  } catch (err) {
    void showError(err, { retry: () => toggle(s, arg) });
    return false;
  }
}

export async function copyKey(s: Services, arg?: unknown): Promise<string | undefined> {
  const f = target<Partial<FlagRow>>(arg, s.views.featureFlags, ['flag']);
  const key = typeof f?.key === 'string' ? f.key : undefined;
  if (!key) return undefined;
  await vscode.env.clipboard.writeText(key);
  vscode.window.setStatusBarMessage(`$(copy) Copied "${key}"`, 3000);
  return key;
}

export async function remove(s: Services, arg?: unknown): Promise<boolean> {
  const flag = await flagOf(s, arg);
  if (!flag) return false;
  const ok = await confirm(
    `Delete feature flag "${flag.key}"?`,
    'Code that checks this flag will get false (or its fallback). PostHog keeps the flag restorable for a while.',
    'Delete',
  );
  if (!ok) return false;
  try {
    await withProgress(`Deleting "${flag.key}"…`, (signal) => s.models.featureFlags.delete(flag!, signal), {
      viewId: VIEWS.featureFlags,
    });
    vscode.window.setStatusBarMessage(`$(trash) Deleted feature flag "${flag.key}"`, 4000);
    return true;
  } catch (err) {
    void showError(err, { retry: () => remove(s, arg) });
    return false;
  }
}
