/**
 * Lexing with windows (what scanSource does on most files) must keep exactly the tokens a full
 * lex has inside those windows: the lexers jump over text outside them (Cursor.fastForward), and a
 * wrong jump (into a string, a comment, a regex, a heredoc) would change what a call's key is.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { languageOf } from '../../src/code';
import { type Token } from '../../src/code/lex/token';
import { WINDOW_BREAK } from '../../src/code/rules/slots';

const CORPUS = path.join(__dirname, '..', 'corpus');

/** Text in which every stop character of every language appears in awkward places. */
const TRICKY: Record<string, string> = {
  'a.ts': [
    "const a = b / c / d; const re = /'[\"`]/g; x = y\n/ 2 / z; const t = `line ${u + '`'} end`;",
    "if (x) /foo'/.test(s); return /bar\"/; a = (b) / 2 /* it's */ / 3; $return / 2; #p / 1;",
    "// don't\nposthog.capture('after-comment'); const s = 'it\\'s'; const e = \"\\\"\"; 1.5 / 2 / 3",
    'typeof /x/; const k = a.return / 2; label: for (;;) {} /* multi\nline ` comment */ `tpl\n${`nested ${1}`}\n`',
  ].join('\n'),
  'a.py': [
    "x = rb'raw\\'' + f\"{a}{{b}}\" + '''multi\nline ' \" ''' # comment ' \"",
    'y = fr"{x}" + u"u" + BR"b" + xf"no" \\\n  + """doc\n"""\nposthog.capture("k", "e") # "',
  ].join('\n'),
  'a.go': 'package x\n// it\'s\nvar r = \'"\'\nvar s = `raw\n"` + "q\\"" /* c\n */ / 2\nvar t = 1 / 2\n',
  'a.rb': [
    "x = y % 2; z = %w[a b]; q = %q(it's); r = a ? 'b' : \"c#{d}\"; ok? % 3; s = <<~EOS\n  body ' \"\nEOS",
    "list << 'item'; a = <<-'RAW' + 'x'\nraw #{no}\nRAW\n=begin\nit's ' \"\n=end\n$g = '1'; @v = \"2\"; save! ; y = `cmd`",
    "h = {:a => 1}; w = x %  2; v = foo() % 3; u = %(paren 'q')",
  ].join('\n'),
  'a.php': [
    "<html>it's \"not\" php<?php $a = 'x'; # it's\n// don't\n$b = \"v $a {$b}\"; /* ' */ $c = <<<EOT\nbody ' \"\nEOT;",
    "$d = <<<'NOW'\nraw ' $x\nNOW;\n?>html ' \" <?= $e ?> more <?php \\Foo\\Bar::capture('k'); $f?->g('h'); #[Attr('i')] $j = 1 / 2;",
  ].join('\n'),
};

function corpusFiles(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const lang of readdirSync(CORPUS, { withFileTypes: true })) {
    if (!lang.isDirectory()) continue;
    for (const name of readdirSync(path.join(CORPUS, lang.name))) {
      if (languageOf(name)) out.push({ file: name, text: readFileSync(path.join(CORPUS, lang.name, name), 'utf8') });
    }
  }
  return out;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sorted, disjoint [start, end) pairs over a text of `length`. */
function randomWindows(length: number, r: () => number): number[] {
  const out: number[] = [];
  let at = Math.floor(r() * 200);
  while (at < length) {
    const end = at + 1 + Math.floor(r() * 150);
    out.push(at, end);
    at = end + 1 + Math.floor(r() * 400);
  }
  return out;
}

const shape = (t: Token) =>
  `${t.type} ${JSON.stringify(t.value)} ${t.start}-${t.end} ${t.contentStart}-${t.contentEnd} ${t.interpolated} ${t.terminated} ${t.newlineBefore}`;

function assertSameInWindows(file: string, text: string, windows: number[]): void {
  const lex = languageOf(file)!.lex;
  const inside = (t: Token) => {
    for (let i = 0; i < windows.length; i += 2) if (t.start >= windows[i] && t.start < windows[i + 1]) return true;
    return false;
  };
  const full = lex(text);
  const expected = full.filter(inside).map(shape);
  const kept = lex(text, windows).filter((t) => !(t.type === 'op' && t.value === WINDOW_BREAK));
  // An interpolated string that starts before a window and reaches into it is kept too (its
  // substitutions are code), and so is the first token past a window (look-ahead): what counts is
  // that every token inside a window is the same.
  const got = kept.filter(inside).map(shape);
  const where = `${file} with windows ${JSON.stringify(windows)}`;
  assert.deepEqual(got, expected, where);
  // Whatever is kept outside the windows is a token of the full lex too, never a fragment.
  const real = new Set(full.map(shape));
  for (const t of kept) assert.ok(real.has(shape(t)), `${where}: kept ${shape(t)}, which a full lex does not have`);
  // Past the end of a window holding tokens, the next token is kept: a rule can see what follows
  // a call's `)` (a `{` makes it a definition) without reading the whole file again.
  const keptShapes = new Set(kept.map(shape));
  // (A substitution's tokens do not count: they are lexed with their string, not by the cursor.)
  const ownTokens = full.filter((t) => !full.some((s) => s.type === 'str' && s.start < t.start && t.start < s.end));
  for (let i = 0; i < windows.length; i += 2) {
    if (!ownTokens.some((t) => t.start >= windows[i] && t.start < windows[i + 1])) continue;
    const next = full.find((t) => t.start >= windows[i + 1]);
    if (next) assert.ok(keptShapes.has(shape(next)), `${where}: the token after window ${i / 2} (${shape(next)}) was not kept`);
  }
}

describe('lexing with windows', () => {
  it('keeps exactly the tokens of a full lex inside the windows, on tricky text in every language', () => {
    const r = prng(7);
    for (const [file, text] of Object.entries(TRICKY)) {
      for (let n = 0; n < 200; n++) assertSameInWindows(file, text, randomWindows(text.length, r));
      // Every single-character window: each token boundary is a place a jump may land.
      for (let i = 0; i < text.length; i++) assertSameInWindows(file, text, [i, i + 1]);
    }
  });

  it('keeps exactly the tokens of a full lex inside the windows, on every corpus file', () => {
    const r = prng(11);
    const files = corpusFiles();
    assert.ok(files.length >= 30, `corpus files found: ${files.length}`);
    for (const { file, text } of files) for (let n = 0; n < 30; n++) assertSameInWindows(file, text, randomWindows(text.length, r));
  });
});
