/**
 * The languages code size counts, in one table: how a file's path (or its first line) names its
 * language, and the comment syntax its lines are counted by (count-lines.ts). Names, extensions and
 * rules are cloc's (version 1.96), so a figure can be checked with `cloc`; docs/code-size.md says
 * where they differ. A file no rule names is `Text`; a binary file is `Binary` and not counted.
 */

/** How a string literal opens and ends, for the C-like syntaxes. */
export interface StringRule {
  /** The quote byte (`"`, `'` or a backquote). */
  quote: number;
  /** True when the string may run over several lines (Go and TypeScript backquotes, Rust). */
  multiline: boolean;
  /** True when a backslash escapes the next character (and, at a line's end, continues it). */
  escapes: boolean;
}

/** The comment syntax of a language (see count-lines.ts for each). */
export type Syntax =
  /** `//` and `/* … *\/` (not nested); strings per `strings`; Rust's raw strings and lifetimes. */
  | { kind: 'c'; strings: StringRule[]; rust?: boolean }
  /** cloc's assembly: lines starting `#` or `;`, `//` and `/* … *\/`, then `@ | ! --` and `*` lines. */
  | { kind: 'assembly' }
  /** A line whose first non-blank character is `#` (shell, make). */
  | { kind: 'hash' }
  /** `#` comments, and triple-quoted strings counted as comments, as cloc does. */
  | { kind: 'python' }
  /** `(* … *)`, nested. */
  | { kind: 'ocaml' }
  /** No comments: every line that is not blank is a code line. */
  | { kind: 'text' };

/** One language. */
export interface Language {
  /** cloc's name for it (`C`, `C/C++ Header`, `Assembly`, `Bourne Shell`, `make`, …). */
  name: string;
  /** File extensions after the last `.`, case-sensitive as cloc's (`S` and `s` are assembly). */
  extensions: string[];
  /** Whole file names (`Makefile`). */
  filenames?: string[];
  /** Interpreters a `#!` first line names (`sh`, `python3`), for files no extension names. */
  interpreters?: string[];
  syntax: Syntax;
  /**
   * cloc's line continuation: after a line ending in `\`, a blank line is not blank and a line
   * left empty by its comments is code (cloc's %EOL_Continuation_re; Rust and Text have none).
   */
  continuation: boolean;
  /** A script language: a `#!` first line is code, not a comment. */
  script?: boolean;
}

const DQ = 0x22;
const SQ = 0x27;
const BQ = 0x60;
const line = (quote: number): StringRule => ({ quote, multiline: false, escapes: true });
const C_STRINGS = [line(DQ), line(SQ)];

/** Every language with its own rules, in the order a name is looked up. */
export const LANGUAGES: readonly Language[] = [
  {
    name: 'C',
    extensions: ['c', 'ec', 'pgc', 'cats', 'idc'],
    syntax: { kind: 'c', strings: C_STRINGS },
    continuation: true,
  },
  {
    name: 'C/C++ Header',
    extensions: ['h', 'H', 'hh', 'hpp', 'hxx'],
    syntax: { kind: 'c', strings: C_STRINGS },
    continuation: true,
  },
  {
    name: 'C++',
    extensions: ['C', 'cc', 'cpp', 'CPP', 'cxx', 'c++', 'pcc', 'tcc', 'tpp', 'ipp', 'inl', 'h++'],
    syntax: { kind: 'c', strings: C_STRINGS },
    continuation: true,
  },
  {
    name: 'Assembly',
    extensions: ['s', 'S', 'asm', 'nasm', 'a51'],
    syntax: { kind: 'assembly' },
    continuation: true,
  },
  {
    name: 'Python',
    extensions: ['py', 'pyw', 'pyi', 'py3', 'pyt', 'pyp', 'gyp', 'gypi', 'wsgi', 'xpy', 'tac'],
    interpreters: ['python', 'python2', 'python3'],
    syntax: { kind: 'python' },
    continuation: true,
    script: true,
  },
  {
    name: 'Bourne Shell',
    extensions: ['sh'],
    interpreters: ['sh'],
    syntax: { kind: 'hash' },
    continuation: true,
    script: true,
  },
  {
    name: 'Bourne Again Shell',
    extensions: ['bash'],
    interpreters: ['bash'],
    syntax: { kind: 'hash' },
    continuation: true,
    script: true,
  },
  {
    name: 'make',
    extensions: ['mk', 'am', 'makefile', 'Makefile', 'gnumakefile', 'Gnumakefile'],
    filenames: ['Makefile', 'makefile', 'GNUmakefile', 'Gnumakefile', 'gnumakefile'],
    interpreters: ['make'],
    syntax: { kind: 'hash' },
    continuation: true,
    script: true,
  },
  {
    name: 'OCaml',
    extensions: ['ml', 'mli', 'mly', 'mll', 'ml4', 'eliom', 'eliomi'],
    syntax: { kind: 'ocaml' },
    continuation: true,
  },
  {
    name: 'Rust',
    extensions: ['rs'],
    syntax: {
      kind: 'c',
      strings: [{ quote: DQ, multiline: true, escapes: true }],
      rust: true,
    },
    continuation: false,
  },
  {
    name: 'Go',
    extensions: ['go'],
    syntax: {
      kind: 'c',
      strings: [...C_STRINGS, { quote: BQ, multiline: true, escapes: false }],
    },
    continuation: true,
  },
  {
    name: 'TypeScript',
    extensions: ['ts', 'tsx', 'mts', 'cts'],
    syntax: {
      kind: 'c',
      strings: [...C_STRINGS, { quote: BQ, multiline: true, escapes: true }],
    },
    continuation: true,
  },
];

/** Files no rule names: every non-blank line a code line, no comments. */
export const TEXT: Language = {
  name: 'Text',
  extensions: [],
  syntax: { kind: 'text' },
  continuation: false,
};

/** The language of a binary file (a NUL byte in its first 8,000 bytes, as git decides). */
export const BINARY = 'Binary';

const byExtension = new Map<string, Language>();
const byFilename = new Map<string, Language>();
const byInterpreter = new Map<string, Language>();
const byName = new Map<string, Language>([[TEXT.name, TEXT]]);
for (const language of LANGUAGES) {
  byName.set(language.name, language);
  for (const extension of language.extensions) byExtension.set(extension, language);
  for (const filename of language.filenames ?? []) byFilename.set(filename, language);
  for (const interpreter of language.interpreters ?? []) byInterpreter.set(interpreter, language);
}

/** The language called `name` (`Text` included), or undefined. */
export function languageNamed(name: string): Language | undefined {
  return byName.get(name);
}

/**
 * The language a path names by its file name or extension, as cloc reads them (`Makefile`,
 * `x.S`), or null when the path names none and the file's first line decides.
 */
export function languageOfPath(path: string): Language | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const byFile = byFilename.get(name);
  if (byFile) return byFile;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? (byExtension.get(name.slice(dot + 1)) ?? null) : null;
}

/**
 * The language a file's first line names with `#!` (`#!/bin/sh`, `#!/usr/bin/env python3`, a
 * versioned `python3.11` too), else {@link TEXT}.
 */
export function languageOfContent(data: Uint8Array): Language {
  if (data[0] !== 0x23 || data[1] !== 0x21) return TEXT;
  let end = data.indexOf(0x0a);
  if (end < 0) end = Math.min(data.length, 256);
  const words = new TextDecoder()
    .decode(data.subarray(2, Math.min(end, 256)))
    .trim()
    .split(/\s+/);
  let program = words[0]?.slice(words[0].lastIndexOf('/') + 1) ?? '';
  if (program === 'env') program = words.find((word, i) => i > 0 && !word.startsWith('-')) ?? '';
  return byInterpreter.get(program) ?? byInterpreter.get(program.replace(/[\d.]+$/, '')) ?? TEXT;
}
