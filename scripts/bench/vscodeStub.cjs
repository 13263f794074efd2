'use strict';
/**
 * A minimal stand-in for the `vscode` module, for measuring activation outside VS Code.
 * A measurement harness, not a test double: calls succeed and do nothing; whatever the
 * extension touches that is not modelled here is answered by a permissive proxy and recorded
 * in `unknownPaths`, so the report can say what the stub did not know.
 *
 * Settings come from `settings` (set BENCH_POSTHOG_HOST to sign in against the stand-in), and
 * the secret store holds BENCH_POSTHOG_KEY for any `posthog.apiKey:*` secret when it is set.
 */
const path = require('node:path');

const unknownPaths = new Set();

function anything(name) {
  const fn = function () {
    return anything(`${name}()`);
  };
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a thenable
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'dispose') return () => undefined;
      if (typeof prop === 'symbol') return undefined;
      unknownPaths.add(`${name}.${String(prop)}`);
      return anything(`${name}.${String(prop)}`);
    },
    apply() {
      return anything(`${name}()`);
    },
    construct() {
      return anything(`new ${name}`);
    },
  });
}

/** An object with the given members; anything else is a recorded permissive proxy. */
function partial(name, members) {
  return new Proxy(members, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON' || prop === '__esModule') return undefined;
      unknownPaths.add(`${name}.${String(prop)}`);
      return anything(`${name}.${String(prop)}`);
    },
  });
}

/** vscode.Disposable (named apart from Node's own global Disposable). */
class StubDisposable {
  constructor(callOnDispose) {
    this._fn = callOnDispose;
  }
  static from(...items) {
    return new StubDisposable(() => items.forEach((d) => d && typeof d.dispose === 'function' && d.dispose()));
  }
  dispose() {
    if (this._fn) this._fn();
    this._fn = undefined;
  }
}

class EventEmitter {
  constructor() {
    this._listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const l = thisArg ? listener.bind(thisArg) : listener;
      this._listeners.add(l);
      const d = new StubDisposable(() => this._listeners.delete(l));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(e) {
    for (const l of [...this._listeners]) l(e);
  }
  dispose() {
    this._listeners.clear();
  }
}

const noEvent = () => new StubDisposable();

class Uri {
  constructor(scheme, authority, p, query, fragment) {
    this.scheme = scheme;
    this.authority = authority || '';
    this.path = p || '';
    this.query = query || '';
    this.fragment = fragment || '';
    this.fsPath = p || '';
  }
  static parse(value) {
    const u = new URL(value);
    return new Uri(u.protocol.replace(/:$/, ''), u.host, u.pathname, u.search.replace(/^\?/, ''), u.hash.replace(/^#/, ''));
  }
  static file(p) {
    return new Uri('file', '', p);
  }
  static joinPath(base, ...parts) {
    return new Uri(base.scheme, base.authority, path.posix.join(base.path, ...parts));
  }
  static from(c) {
    return new Uri(c.scheme, c.authority, c.path, c.query, c.fragment);
  }
  with(change) {
    return new Uri(
      change.scheme ?? this.scheme,
      change.authority ?? this.authority,
      change.path ?? this.path,
      change.query ?? this.query,
      change.fragment ?? this.fragment,
    );
  }
  toString() {
    return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON() {
    return this.toString();
  }
}

class TreeItem {
  constructor(labelOrUri, collapsibleState) {
    if (typeof labelOrUri === 'string' || (labelOrUri && typeof labelOrUri === 'object' && 'label' in labelOrUri)) this.label = labelOrUri;
    else this.resourceUri = labelOrUri;
    this.collapsibleState = collapsibleState;
  }
}

class ThemeIcon {
  constructor(id, color) {
    this.id = id;
    this.color = color;
  }
}
ThemeIcon.File = new ThemeIcon('file');
ThemeIcon.Folder = new ThemeIcon('folder');

class ThemeColor {
  constructor(id) {
    this.id = id;
  }
}

class MarkdownString {
  constructor(value = '', supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
    this.isTrusted = false;
  }
  appendMarkdown(v) {
    this.value += v;
    return this;
  }
  appendText(v) {
    this.value += v;
    return this;
  }
  appendCodeblock(v, lang = '') {
    this.value += `\n\`\`\`${lang}\n${v}\n\`\`\`\n`;
    return this;
  }
}

class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this._emitter = emitter;
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
  }
  cancel() {
    this.token.isCancellationRequested = true;
    this._emitter.fire();
  }
  dispose() {}
}

class McpStdioServerDefinition {
  constructor(label, command, args, env, version) {
    Object.assign(this, { label, command, args: args || [], env: env || {}, version });
  }
}
class McpHttpServerDefinition {
  constructor(label, uri, headers, version) {
    Object.assign(this, { label, uri, headers: headers || {}, version });
  }
}

const settings = {
  'posthog.host': process.env.BENCH_POSTHOG_HOST || 'us',
  'posthog.projectId': null,
  'posthog.mcp.toolsets': [],
  'posthog.mcp.readOnly': false,
};

function getConfiguration(section) {
  const full = (key) => (section ? `${section}.${key}` : key);
  return partial('WorkspaceConfiguration', {
    get(key, defaultValue) {
      const k = full(key);
      return k in settings ? settings[k] : defaultValue;
    },
    has(key) {
      return full(key) in settings;
    },
    inspect(key) {
      const k = full(key);
      return { key: k, defaultValue: undefined, globalValue: settings[k] };
    },
    update(key, value) {
      settings[full(key)] = value;
      return Promise.resolve();
    },
  });
}

function logChannel(name) {
  const nop = () => undefined;
  return partial('LogOutputChannel', {
    name,
    logLevel: 2,
    onDidChangeLogLevel: noEvent,
    trace: nop,
    debug: nop,
    info: nop,
    warn: nop,
    error: nop,
    append: nop,
    appendLine: nop,
    replace: nop,
    clear: nop,
    show: nop,
    hide: nop,
    dispose: nop,
  });
}

function treeView(id) {
  return partial('TreeView', {
    id,
    visible: true,
    selection: [],
    message: undefined,
    title: undefined,
    description: undefined,
    badge: undefined,
    onDidChangeVisibility: noEvent,
    onDidChangeSelection: noEvent,
    onDidExpandElement: noEvent,
    onDidCollapseElement: noEvent,
    onDidChangeCheckboxState: noEvent,
    reveal: () => Promise.resolve(),
    dispose: () => undefined,
  });
}

const registered = { commands: new Map(), treeProviders: new Map(), mcpProviders: new Map() };

const vscode = partial('vscode', {
  version: '1.101.0',
  Disposable: StubDisposable,
  EventEmitter,
  Uri,
  TreeItem,
  ThemeIcon,
  ThemeColor,
  MarkdownString,
  CancellationTokenSource,
  McpStdioServerDefinition,
  McpHttpServerDefinition,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  QuickInputButtons: { Back: { iconPath: new ThemeIcon('arrow-left') } },
  InputBoxValidationSeverity: { Info: 1, Warning: 2, Error: 3 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
  TreeItemCheckboxState: { Unchecked: 0, Checked: 1 },
  CodeActionKind: { QuickFix: { value: 'quickfix' } },
  languages: partial('languages', {
    registerHoverProvider: () => new StubDisposable(),
    registerInlayHintsProvider: () => new StubDisposable(),
    registerCodeLensProvider: () => new StubDisposable(),
    registerDocumentLinkProvider: () => new StubDisposable(),
    registerCompletionItemProvider: () => new StubDisposable(),
    registerCodeActionsProvider: () => new StubDisposable(),
    registerReferenceProvider: () => new StubDisposable(),
    createDiagnosticCollection: () =>
      partial('DiagnosticCollection', { set: () => undefined, delete: () => undefined, clear: () => undefined, dispose: () => undefined }),
  }),
  commands: partial('commands', {
    registerCommand(id, fn) {
      registered.commands.set(id, fn);
      return new StubDisposable(() => registered.commands.delete(id));
    },
    executeCommand: () => Promise.resolve(undefined),
    getCommands: () => Promise.resolve([...registered.commands.keys()]),
  }),
  window: partial('window', {
    createOutputChannel: (name) => logChannel(name),
    createTreeView: (id) => treeView(id),
    registerTreeDataProvider(id, provider) {
      registered.treeProviders.set(id, provider);
      return new StubDisposable();
    },
    registerUriHandler: () => new StubDisposable(),
    registerWebviewViewProvider: () => new StubDisposable(),
    showInformationMessage: () => Promise.resolve(undefined),
    showWarningMessage: () => Promise.resolve(undefined),
    showErrorMessage: () => Promise.resolve(undefined),
    showQuickPick: () => Promise.resolve(undefined),
    showInputBox: () => Promise.resolve(undefined),
    showTextDocument: () => Promise.resolve(anything('TextEditor')),
    withProgress: (_opts, task) => task({ report: () => undefined }, new CancellationTokenSource().token),
    setStatusBarMessage: () => new StubDisposable(),
    createStatusBarItem: () => partial('StatusBarItem', { show: () => undefined, hide: () => undefined, dispose: () => undefined }),
    activeTextEditor: undefined,
    visibleTextEditors: [],
    onDidChangeActiveTextEditor: noEvent,
    onDidChangeWindowState: noEvent,
    state: { focused: true },
  }),
  workspace: partial('workspace', {
    getConfiguration,
    onDidChangeConfiguration: noEvent,
    onDidChangeWorkspaceFolders: noEvent,
    onDidOpenTextDocument: noEvent,
    onDidChangeTextDocument: noEvent,
    onDidCloseTextDocument: noEvent,
    onDidSaveTextDocument: noEvent,
    textDocuments: [],
    createFileSystemWatcher: () =>
      partial('FileSystemWatcher', { onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose: () => undefined }),
    registerTextDocumentContentProvider: () => new StubDisposable(),
    openTextDocument: () => Promise.resolve(anything('TextDocument')),
    workspaceFolders: undefined,
    isTrusted: true,
    onDidGrantWorkspaceTrust: noEvent,
  }),
  env: partial('env', {
    appName: 'Visual Studio Code',
    appHost: 'desktop',
    uriScheme: 'vscode',
    language: 'en',
    machineId: 'bench',
    sessionId: 'bench',
    remoteName: undefined,
    uiKind: 1,
    openExternal: () => Promise.resolve(true),
    asExternalUri: (u) => Promise.resolve(u),
    clipboard: { writeText: () => Promise.resolve(), readText: () => Promise.resolve('') },
  }),
  lm: partial('lm', {
    tools: [],
    registerMcpServerDefinitionProvider(id, provider) {
      registered.mcpProviders.set(id, provider);
      return new StubDisposable();
    },
    registerTool: () => new StubDisposable(),
    onDidChangeChatModels: noEvent,
  }),
  extensions: partial('extensions', { getExtension: () => undefined, all: [], onDidChange: noEvent }),
  UIKind: { Desktop: 1, Web: 2 },
});

function makeContext(extensionPath) {
  const key = process.env.BENCH_POSTHOG_KEY;
  const store = new Map();
  const memento = () => {
    const m = new Map();
    return partial('Memento', {
      get: (k, d) => (m.has(k) ? m.get(k) : d),
      update: (k, v) => (m.set(k, v), Promise.resolve()),
      keys: () => [...m.keys()],
      setKeysForSync: () => undefined,
    });
  };
  const extensionUri = Uri.file(extensionPath);
  const storage = Uri.file(path.join(require('node:os').tmpdir(), 'posthog-bench-storage'));
  return partial('ExtensionContext', {
    subscriptions: [],
    extensionPath,
    extensionUri,
    extensionMode: 1,
    extension: {
      id: 'posthog-community.posthog-vscode',
      extensionUri,
      extensionPath,
      packageJSON: require(path.join(extensionPath, 'package.json')),
      isActive: true,
      exports: undefined,
    },
    globalState: memento(),
    workspaceState: memento(),
    secrets: partial('SecretStorage', {
      get: (k) => Promise.resolve(store.has(k) ? store.get(k) : key && k.startsWith('posthog.apiKey:') ? key : undefined),
      store: (k, v) => (store.set(k, v), Promise.resolve()),
      delete: (k) => (store.delete(k), Promise.resolve()),
      keys: () => Promise.resolve([...store.keys()]),
      onDidChange: noEvent,
    }),
    globalStorageUri: storage,
    storageUri: undefined,
    logUri: storage,
    globalStoragePath: storage.fsPath,
    logPath: storage.fsPath,
    asAbsolutePath: (p) => path.join(extensionPath, p),
    environmentVariableCollection: anything('environmentVariableCollection'),
  });
}

module.exports = { vscode, makeContext, unknownPaths, registered };
