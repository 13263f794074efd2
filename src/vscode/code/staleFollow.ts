/**
 * The Stale Flags view follows the code: after the workspace's references change, it asks
 * `list_stale_flags` again — at once if it shows (after a pause, so typing does not send a request
 * per keystroke), else when it next becomes visible.
 */
import type * as vscode from 'vscode';
import type { TreeNode } from '../../views/model/node';
import type { StaleFlagsModel } from '../../views/model/staleFlags';
import type { LiveCodeIndex } from '../../code/liveIndex';

const REFRESH_DELAY_MS = 1500;

export function followCodeInStaleFlags(code: LiveCodeIndex, model: StaleFlagsModel, view: vscode.TreeView<TreeNode>): vscode.Disposable {
  let stale = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    timer = undefined;
    stale = false;
    model.refresh();
  };
  // Only what was shown needs showing again: a view never loaded loads fresh anyway.
  const loaded = () => model.root.status === 'loaded' || model.root.status === 'error';
  const stop = code.onDidChange(() => {
    if (!loaded()) return;
    stale = true;
    if (!view.visible) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, REFRESH_DELAY_MS);
  });
  const visibility = view.onDidChangeVisibility((e) => {
    if (e.visible && stale && !timer) refresh();
  });
  return {
    dispose: () => {
      stop();
      visibility.dispose();
      if (timer) clearTimeout(timer);
    },
  };
}
