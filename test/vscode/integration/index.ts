/**
 * The extension-host side of the integration suite: @vscode/test-electron points
 * `--extensionTestsPath` at this file's bundle (out/vscode-tests/integration/index.js). VS Code calls
 * `run()` inside the extension host; the tests bundle (tests.js, next to this one) is loaded after
 * mocha's globals are in place. The outcome goes to the file named by POSTHOG_VSCODE_RESULTS so the
 * test command can print counts.
 */
import * as path from 'node:path';
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.POSTHOG_VSCODE_TEST_TIMEOUT ?? 60_000),
    grep: process.env.POSTHOG_VSCODE_GREP || undefined,
    // The suite is one story (sign in, start the server, use it, sign out): stop at the first failure
    // only when asked, so one report shows every broken step.
    bail: process.env.POSTHOG_VSCODE_BAIL === '1',
  });
  // mocha.run() loads it (pre-require sets mocha's globals first), as `mocha tests.js` would.
  mocha.addFile(path.join(__dirname, 'tests.js'));
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const finished = (runner: Mocha.Runner, failures: number) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      const out = process.env.POSTHOG_VSCODE_RESULTS;
      if (out) {
        writeFileSync(
          out,
          JSON.stringify({ passed: stats.passes, failed: stats.failures, skipped: stats.pending, ms: Date.now() - started }),
        );
      }
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    };
    try {
      // Loading the bundle can throw (a syntax or import error): that fails the run.
      const runner = mocha.run((failures) => finished(runner, failures));
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
