/**
 * Whether one file is one scanTree would scan: a language the scanner reads, not build output, not
 * under a skipped directory, not ignored by the .gitignore files on its way from the root. For the
 * live index, which hears about files one at a time (created, changed, renamed). The .gitignore
 * rules of each directory are read once and kept until `forget()` (a .gitignore changed).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { IgnoreRules, SKIPPED_DIRECTORIES, isBuildOutputFile } from './gitignore';
import { languageOf } from './languages';

export class FileFilter {
  /** The rules in force in a directory, by root + "\0" + its path ("" for the root). */
  private readonly rules = new Map<string, IgnoreRules>();

  /** `file` relative to `root`, "/" separators. */
  accepts(root: string, file: string): boolean {
    const parts = file.split('/');
    const name = parts[parts.length - 1];
    if (!languageOf(name) || isBuildOutputFile(name)) return false;
    let rules = this.rulesIn(root, '', IgnoreRules.empty());
    let dir = '';
    for (const part of parts.slice(0, -1)) {
      if (part === '..' || SKIPPED_DIRECTORIES.has(part)) return false;
      dir = dir ? `${dir}/${part}` : part;
      if (rules.ignores(dir, true)) return false;
      rules = this.rulesIn(root, dir, rules);
    }
    return !rules.ignores(file, false);
  }

  /** A .gitignore changed: read them again. */
  forget(): void {
    this.rules.clear();
  }

  private rulesIn(root: string, dir: string, parent: IgnoreRules): IgnoreRules {
    const key = `${root}\u0000${dir}`;
    let rules = this.rules.get(key);
    if (!rules) {
      let text = '';
      try {
        text = readFileSync(path.join(root, ...(dir ? dir.split('/') : []), '.gitignore'), 'utf8');
      } catch {
        // none here
      }
      rules = text ? parent.with(dir, text) : parent;
      this.rules.set(key, rules);
    }
    return rules;
  }
}
