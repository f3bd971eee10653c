import { describe, expect, it } from 'vitest';
import { countLines } from '../../../src/lib/code-size/count-lines.ts';
import {
  languageNamed,
  languageOfContent,
  languageOfPath,
  TEXT,
} from '../../../src/lib/code-size/languages.ts';
import { SAMPLES } from '../../helpers/code-size-samples.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const count = (text: string, language: string) => countLines(bytes(text), languageNamed(language)!);

describe('countLines', () => {
  it.each(SAMPLES.map((s) => [s.path, s] as const))('counts %s line by line', (_, sample) => {
    const data = bytes(sample.content);
    const language = languageOfPath(sample.path) ?? languageOfContent(data);
    expect(language.name).toBe(sample.language);
    expect(countLines(data, language)).toEqual({
      code: sample.code,
      comment: sample.comment,
      blank: sample.blank,
    });
  });

  it('reads a comment marker inside a string as text, where cloc would open a comment', () => {
    // cloc's default would comment out the two lines up to the `*/`.
    const c = 'char *a = "/*";\nint b;\nint c; /* x */\n';
    expect(count(c, 'C')).toEqual({ code: 3, comment: 0, blank: 0 });
    // An escaped quote does not end the string; a `'"'` character does not open one.
    expect(count('s = "\\" /*";\nchar q = \'"\'; /* c */\nx;\n', 'C')).toEqual({
      code: 3,
      comment: 0,
      blank: 0,
    });
    // A one-line C string ends with its line, so a stray quote cannot hide the rest of a file.
    expect(count('#error don"t\n/* c */\nint a;\n', 'C')).toEqual({
      code: 2,
      comment: 1,
      blank: 0,
    });
  });

  it('joins the lines a block comment spans, as cloc removes comments from the whole text', () => {
    // `a(); /* … */ b();` over three lines is one code line and two comment lines.
    expect(count('a(); /* one\ntwo\n*/ b();\n', 'C')).toEqual({ code: 1, comment: 2, blank: 0 });
    // A blank line inside a comment stays blank.
    expect(count('/* one\n\n  \ntwo */\n', 'C')).toEqual({ code: 0, comment: 2, blank: 2 });
    // A `//` comment on a line ending in `\` takes the next line with it (cloc's join).
    expect(count('int a; // x \\\nint b;\n', 'C')).toEqual({ code: 1, comment: 1, blank: 0 });
  });

  it('keeps a line left empty after a line ending in `\\` as code, as cloc does', () => {
    expect(count('#define A \\\n\n#define B \\\n/* c */\nx;\n', 'C')).toEqual({
      code: 5,
      comment: 0,
      blank: 0,
    });
    // Rust continues no lines: the blank line is blank.
    expect(count('let a = 1; \\\n\n', 'Rust')).toEqual({ code: 1, comment: 0, blank: 1 });
  });

  it('takes CRLF line ends, a last line without a newline, a byte order mark and empty files', () => {
    expect(count('\uFEFFint a;\r\n  \r\n/* c */', 'C')).toEqual({ code: 1, comment: 1, blank: 1 });
    expect(count('', 'C')).toEqual({ code: 0, comment: 0, blank: 0 });
    expect(count('\n', 'Text')).toEqual({ code: 0, comment: 0, blank: 1 });
  });

  it('counts a #! line as code in scripts only', () => {
    expect(count('#!/bin/sh\n# c\n', 'Bourne Shell')).toEqual({ code: 1, comment: 1, blank: 0 });
    expect(count('#!/x\n', 'Assembly')).toEqual({ code: 0, comment: 1, blank: 0 });
  });
});

describe('languages', () => {
  it('names a language by file name, by extension (case-sensitive) or by the #! line', () => {
    expect(languageOfPath('xen/Makefile')?.name).toBe('make');
    expect(languageOfPath('config/Rules.mk')?.name).toBe('make');
    expect(languageOfPath('a/b.S')?.name).toBe('Assembly');
    expect(languageOfPath('a/b.C')?.name).toBe('C++');
    expect(languageOfPath('a/b.c')?.name).toBe('C');
    expect(languageOfPath('a/.c')).toBeNull();
    expect(languageOfPath('a/configure')).toBeNull();
    expect(languageOfContent(bytes('#!/usr/bin/env python3.11\n')).name).toBe('Python');
    expect(languageOfContent(bytes('#! /bin/bash -e\n')).name).toBe('Bourne Again Shell');
    expect(languageOfContent(bytes('#!/usr/bin/perl\n'))).toBe(TEXT);
    expect(languageOfContent(bytes('plain\n'))).toBe(TEXT);
  });
});
