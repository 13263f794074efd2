/** Multi-step input helpers: quick picks and input boxes with a Back button. */
import * as vscode from 'vscode';

export const BACK = Symbol('back');
export type Answer<T> = T | typeof BACK | undefined;

export interface Step {
  title: string;
  step?: number;
  totalSteps?: number;
}

export interface TextOptions extends Step {
  prompt: string;
  placeholder?: string;
  value?: string;
  password?: boolean;
  validate?: (value: string) => string | undefined;
  /** Runs on Enter with the input busy; return an error message to keep the box open. */
  accept?: (value: string) => Promise<string | undefined>;
  buttons?: Array<{ button: vscode.QuickInputButton; run: () => unknown }>;
}

export function askText(opts: TextOptions): Promise<Answer<string>> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = opts.title;
    box.step = opts.step;
    box.totalSteps = opts.totalSteps;
    box.prompt = opts.prompt;
    box.placeholder = opts.placeholder;
    box.value = opts.value ?? '';
    box.password = opts.password === true;
    box.ignoreFocusOut = true;
    const extra = opts.buttons ?? [];
    box.buttons = [...((opts.step ?? 1) > 1 ? [vscode.QuickInputButtons.Back] : []), ...extra.map((b) => b.button)];
    let done = false;
    const finish = (v: Answer<string>) => {
      if (done) return;
      done = true;
      resolve(v);
      box.dispose();
    };
    box.onDidChangeValue((v) => {
      box.validationMessage = v ? opts.validate?.(v) : undefined;
    });
    box.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) return finish(BACK);
      extra.find((x) => x.button === b)?.run();
    });
    box.onDidAccept(async () => {
      const value = box.value;
      const problem = opts.validate?.(value);
      if (problem) {
        box.validationMessage = problem;
        return;
      }
      if (opts.accept) {
        box.busy = true;
        box.enabled = false;
        let error: string | undefined;
        try {
          error = await opts.accept(value);
        } finally {
          box.busy = false;
          box.enabled = true;
        }
        if (error) {
          box.validationMessage = { message: error, severity: vscode.InputBoxValidationSeverity.Error };
          return;
        }
      }
      finish(value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

export interface PickItem<T> extends vscode.QuickPickItem {
  value?: T;
}

export interface PickOptions<T> extends Step {
  placeholder?: string;
  /** A promise shows the pick busy until the items arrive. */
  items: Array<PickItem<T>> | Promise<Array<PickItem<T>>>;
  active?: T;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
}

export function askPick<T>(opts: PickOptions<T>): Promise<Answer<PickItem<T>>> {
  return new Promise((resolve, reject) => {
    const pick = vscode.window.createQuickPick<PickItem<T>>();
    pick.title = opts.title;
    pick.step = opts.step;
    pick.totalSteps = opts.totalSteps;
    pick.placeholder = opts.placeholder;
    pick.matchOnDescription = opts.matchOnDescription ?? true;
    pick.matchOnDetail = opts.matchOnDetail ?? false;
    pick.ignoreFocusOut = true;
    let done = false;
    if ((opts.step ?? 1) > 1) pick.buttons = [vscode.QuickInputButtons.Back];
    const setItems = (items: Array<PickItem<T>>) => {
      pick.items = items;
      const active = items.find(
        (i) => i.kind !== vscode.QuickPickItemKind.Separator && opts.active !== undefined && i.value === opts.active,
      );
      if (active) pick.activeItems = [active];
    };
    if (Array.isArray(opts.items)) setItems(opts.items);
    else {
      pick.busy = true;
      pick.enabled = false;
      opts.items.then(
        (items) => {
          pick.busy = false;
          pick.enabled = true;
          setItems(items);
        },
        (err: unknown) => {
          if (done) return;
          done = true;
          pick.dispose();
          reject(err);
        },
      );
    }
    const finish = (v: Answer<PickItem<T>>) => {
      if (done) return;
      done = true;
      resolve(v);
      pick.dispose();
    };
    pick.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) finish(BACK);
    });
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) finish(chosen);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
