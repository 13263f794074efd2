/**
 * Which paths the scan leaves out: the `.gitignore` files on the way from the root (a deeper one
 * may re-include what a shallower one excluded, as git reads them), and the directories that hold
 * other people's code or build output, which nobody edits and which would drown the results in
 * the SDKs' own sources (node_modules, a Python virtualenv, PHP's and Go's `vendor`).
 */
import ignore, { type Ignore } from 'ignore';

/** Directory names never descended into. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  // version control
  '.git',
  '.hg',
  '.svn',
  // dependencies: third-party code
  'node_modules',
  'bower_components',
  'vendor', // PHP (Composer) and Go modules
  '.venv',
  'venv',
  'site-packages',
  '__pypackages__',
  'Pods',
  // build output and caches
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.vercel',
  '.cache',
  '.parcel-cache',
  'coverage',
  '.nyc_output',
  '__pycache__',
  '.mypy_cache',
  '.pytest_cache',
  '.tox',
  'target',
  '.gradle',
]);

/** Bundled or minified files: build output even outside a build directory. */
export function isBuildOutputFile(name: string): boolean {
  return /\.min\.(?:js|mjs|cjs)$|\.bundle\.js$|[.-]chunk\.js$/i.test(name);
}

/** The ignore rules in force in one directory: its ancestors' .gitignore files, then its own. */
export class IgnoreRules {
  private constructor(private readonly layers: readonly { base: string; matcher: Ignore }[]) {}

  static empty(): IgnoreRules {
    return new IgnoreRules([]);
  }

  /** These rules plus a .gitignore (its text) found in the directory `base` ("" for the root, else "a/b"). */
  with(base: string, gitignoreText: string): IgnoreRules {
    return new IgnoreRules([...this.layers, { base, matcher: ignore({ allowRelativePaths: true }).add(gitignoreText) }]);
  }

  /** Whether `path` (relative to the root, "/" separators) is ignored; a directory is asked with isDir. */
  ignores(path: string, isDir: boolean): boolean {
    let ignored = false;
    for (const { base, matcher } of this.layers) {
      const rel = base === '' ? path : path.startsWith(base + '/') ? path.slice(base.length + 1) : undefined;
      if (rel === undefined) continue;
      const r = matcher.test(isDir ? rel + '/' : rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}
