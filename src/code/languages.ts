/**
 * Which language a file is, from its extension, and each language's lexer and rules. A quick
 * text test first: a file that names none of the SDK's calls cannot hold a reference, so it is not
 * tokenized at all (most files of a workspace).
 */
import { lexGo } from './lex/go';
import { lexJavaScript } from './lex/javascript';
import { lexPhp } from './lex/php';
import { lexPython } from './lex/python';
import { lexRuby } from './lex/ruby';
import {
  PYTHON_SUBSTITUTIONS,
  RUBY_SUBSTITUTIONS,
  TEMPLATE_SUBSTITUTIONS,
  withSubstitutions,
  type Substitutions,
} from './lex/substitutions';
import { type Token } from './lex/token';
import { goSlots } from './rules/go';
import { javascriptSlots } from './rules/javascript';
import { phpSlots } from './rules/php';
import { pythonSlots } from './rules/python';
import { rubySlots } from './rules/ruby';
import { type Slot } from './rules/slots';
import { type CodeLanguage } from './types';

export interface LanguageSupport {
  language: CodeLanguage;
  /** Matches a text that may hold a reference (a call name appears somewhere). */
  candidate: RegExp;
  /** Tokens of the text; with windows, only those starting inside one (see scanSource). */
  lex(text: string, windows?: readonly number[]): Token[];
  slots(tokens: Token[]): Slot[];
}

/** A lexer whose strings' substitutions are lexed as code too (calls inside `f"{...}"`, `"#{...}"`, `${...}`). */
function lexing(lex: (text: string, windows?: readonly number[]) => Token[], subs: Substitutions): LanguageSupport['lex'] {
  const whole = (text: string, windows?: readonly number[]): Token[] => withSubstitutions(lex(text, windows), text, subs, (t) => whole(t));
  return whole;
}

const JS_CALLS = /isFeatureEnabled|getFeatureFlag|useFeatureFlag|PostHogFeature|isEnabled|getFlag|getRemoteConfigPayload|capture/;

const javascript: LanguageSupport = {
  language: 'javascript',
  candidate: JS_CALLS,
  lex: lexing(lexJavaScript, TEMPLATE_SUBSTITUTIONS),
  slots: javascriptSlots,
};
const typescript: LanguageSupport = { ...javascript, language: 'typescript' };
const python: LanguageSupport = {
  language: 'python',
  candidate: /feature_enabled|get_feature_flag|remote_config_payload|capture/,
  lex: lexing(lexPython, PYTHON_SUBSTITUTIONS),
  slots: pythonSlots,
};

const go: LanguageSupport = {
  language: 'go',
  candidate: /FeatureFlagPayload|Capture|EvaluateFlags|RemoteConfigPayload/,
  lex: lexGo,
  slots: goSlots,
};
const ruby: LanguageSupport = {
  language: 'ruby',
  candidate: /feature_enabled|get_feature_flag|remote_config_payload|capture/,
  lex: lexing(lexRuby, RUBY_SUBSTITUTIONS),
  slots: rubySlots,
};
const php: LanguageSupport = { language: 'php', candidate: /isFeatureEnabled|getFeatureFlag|capture/, lex: lexPhp, slots: phpSlots };

const BY_EXTENSION: Record<string, LanguageSupport> = {
  '.js': javascript,
  '.jsx': javascript,
  '.mjs': javascript,
  '.cjs': javascript,
  '.ts': typescript,
  '.tsx': typescript,
  '.mts': typescript,
  '.cts': typescript,
  '.py': python,
  '.go': go,
  '.rb': ruby,
  '.php': php,
};

/** The file's language support, or undefined when the scanner does not read that kind of file. */
export function languageOf(file: string): LanguageSupport | undefined {
  const dot = file.lastIndexOf('.');
  if (dot < 0 || dot < file.lastIndexOf('/')) return undefined;
  return BY_EXTENSION[file.slice(dot).toLowerCase()];
}

/** The extensions the scanner reads (with the dot). */
export const SCANNED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);
