/**
 * A small workspace that uses PostHog's SDKs, written to a fresh temporary folder: what the `code`
 * tools and `posthog-mcp refs` tests scan. Its flag keys are the stand-in's seeded flags (project 1)
 * in each state: rolled out to everyone (new-onboarding-flow), switched off (legacy-file-viewer), at
 * 0% (public-folder-links), deleted (old-sharing-dialog), at 50% (file-previews), plus a typo
 * (new-onbording-flow) and a dynamic key. Files under node_modules/ must never be reported.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { languageOf, scanSource } from '../../src/code';
import type { CodeIndex, TreeScan } from '../../src/code/types';

export const WORKSPACE_FILES: Record<string, string> = {
  'src/app.ts': `import posthog from 'posthog-js';

// posthog.isFeatureEnabled('commented-out-flag')
export function render(flagName: string) {
  if (posthog.isFeatureEnabled('new-onboarding-flow')) {
    posthog.capture('onboarding_started', { step: 1 });
  }
  const legacy = posthog.isFeatureEnabled('legacy-file-viewer');
  const typo = posthog.getFeatureFlag('new-onbording-flow');
  const dynamic = posthog.isFeatureEnabled(flagName);
  return [legacy, typo, dynamic];
}
`,
  'src/banner.tsx': `import { useFeatureFlagEnabled } from 'posthog-js/react';

export function Banner() {
  const on = useFeatureFlagEnabled('new-onboarding-flow');
  const previews = useFeatureFlagEnabled('file-previews');
  return on && previews ? <div>New</div> : null;
}
`,
  'server/jobs.py': `import posthog


def nightly(user_id):
    if posthog.feature_enabled("public-folder-links", user_id):
        posthog.capture("folder_shared", distinct_id=user_id)
    if posthog.feature_enabled("old-sharing-dialog", user_id):
        pass
`,
  'node_modules/lib/index.js': `const posthog = require('posthog-js');
posthog.isFeatureEnabled('from-node-modules');
`,
  'README.md': "Call posthog.isFeatureEnabled('not-code') in your app.\n",
};

/** The references the workspace holds, as `posthog-mcp refs --json` lists them (by file, then position). */
export const EXPECTED_REFERENCES = [
  { kind: 'flag', key: 'public-folder-links', file: 'server/jobs.py', line: 5, column: 32, call: 'feature_enabled', language: 'python' },
  { kind: 'event', key: 'folder_shared', file: 'server/jobs.py', line: 6, column: 25, call: 'capture', language: 'python' },
  { kind: 'flag', key: 'old-sharing-dialog', file: 'server/jobs.py', line: 7, column: 32, call: 'feature_enabled', language: 'python' },
  { kind: 'flag', key: 'new-onboarding-flow', file: 'src/app.ts', line: 5, column: 32, call: 'isFeatureEnabled', language: 'typescript' },
  { kind: 'event', key: 'onboarding_started', file: 'src/app.ts', line: 6, column: 21, call: 'capture', language: 'typescript' },
  { kind: 'flag', key: 'legacy-file-viewer', file: 'src/app.ts', line: 8, column: 43, call: 'isFeatureEnabled', language: 'typescript' },
  { kind: 'flag', key: 'new-onbording-flow', file: 'src/app.ts', line: 9, column: 39, call: 'getFeatureFlag', language: 'typescript' },
  {
    kind: 'flag',
    key: 'new-onboarding-flow',
    file: 'src/banner.tsx',
    line: 4,
    column: 36,
    call: 'useFeatureFlagEnabled',
    language: 'typescript',
  },
  {
    kind: 'flag',
    key: 'file-previews',
    file: 'src/banner.tsx',
    line: 5,
    column: 42,
    call: 'useFeatureFlagEnabled',
    language: 'typescript',
  },
];

/** The one dynamic call, isFeatureEnabled(flagName): where its argument is. */
export const EXPECTED_DYNAMIC = [{ kind: 'flag', file: 'src/app.ts', line: 10, column: 44, call: 'isFeatureEnabled' }];

/** Writes the workspace to a new temporary folder; returns it and a way to remove it. */
export function makeCodeWorkspace(files: Record<string, string> = WORKSPACE_FILES): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'posthog-code-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * The workspace's files scanned one by one with the scanner's scanSource (node_modules/ left out,
 * as a tree scan leaves it): a CodeIndex for the tools' tests that counts its scans.
 */
export function sourceIndex(files: Record<string, string> = WORKSPACE_FILES, root = '/workspace'): CodeIndex & { scans: number } {
  const index = {
    roots: [root],
    scans: 0,
    async scan(): Promise<TreeScan> {
      index.scans++;
      const out: TreeScan = { root, files: 0, skipped: {}, references: [], dynamic: [] };
      for (const [file, text] of Object.entries(files)) {
        if (file.startsWith('node_modules/') || !languageOf(file)) continue;
        const s = scanSource(text, file);
        out.files++;
        out.references.push(...s.references);
        out.dynamic.push(...s.dynamic);
      }
      return out;
    },
  };
  return index;
}
