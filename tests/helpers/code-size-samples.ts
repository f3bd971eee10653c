/**
 * Source files with known line counts, one or more per language code size counts: comments at
 * line ends, block comments over lines, strings holding comment markers, blank lines holding white
 * space. The counter's tests and the generated repositories of the collector's tests share them.
 */

/** A file, what it is counted as, and its lines. */
export interface CodeSample {
  path: string;
  content: string;
  language: string;
  code: number;
  comment: number;
  blank: number;
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** One sample per language (and Text), each line's kind noted in the comment beside it. */
export const SAMPLES: CodeSample[] = [
  {
    path: 'src/main.c',
    content: lines(
      '/* Header comment', //                          comment
      ' * spanning lines', //                          comment
      ' */', //                                        comment
      '#include <stdio.h>', //                         code
      '   \t  ', //                                    blank (white space only)
      'int main(void) // comment at line end', //      code
      '{', //                                          code
      '    const char *s = "/* opens nothing";', //    code: a marker in a string is text
      '    const char *t = "// nor this";', //         code
      "    char c = '\"';", //                         code: a quote in a character
      '    int x = 1; /* trailing block */', //        code
      '    /* a block', //                             code: joined with the next line...
      '       over lines */ int y = 2;', //            comment: ...which the comment ran into
      '    return x + y;', //                          code
      '}', //                                          code
      '', //                                           blank
      '// last comment', //                            comment
    ),
    language: 'C',
    code: 10,
    comment: 5,
    blank: 2,
  },
  {
    path: 'src/main.h',
    content: lines(
      '#define ADD(a, b) \\', //                       code
      '    ((a) + (b))', //                            code
      '#define EMPTY \\', //                           code
      '', //                                           code: continues the line above
      'int f(void);', //                               code
      '/* c */ /* d */', //                            comment
    ),
    language: 'C/C++ Header',
    code: 5,
    comment: 1,
    blank: 0,
  },
  {
    path: 'src/entry.S',
    content: lines(
      '#include <asm/asm.h>', //                       comment: cloc drops # lines in assembly
      '; semicolon comment', //                        comment
      '// line comment', //                            comment
      '    mov x0, x1   // at end', //                 code
      '    /* block', //                               comment (joined, nothing left)
      '       over lines */', //                       comment
      '    add x0, x0, #1 @ arm comment', //           code
      '    @ whole-line arm comment', //               comment
      '* z/OS star comment', //                        comment
      '  ! bang comment', //                           comment
      '-- dash comment', //                            comment
      '    ', //                                       blank
      '    .asciz "a # b"', //                         code
      'label:', //                                     code
    ),
    language: 'Assembly',
    code: 4,
    comment: 9,
    blank: 1,
  },
  {
    path: 'tools/gen.py',
    content: lines(
      '#!/usr/bin/env python3', //                     code: a script's #! line
      '"""Module docstring', //                        comment
      'spanning lines."""', //                         comment
      'import os  # trailing comment', //              code
      's = "# not a comment"', //                      code
      "t = '/* nor this'", //                          code
      '  ', //                                         blank
      'def f():', //                                   code
      "    '''doc'''", //                              comment
      '    return """x""" + s', //                     code
      '# whole line comment', //                       comment
      'x = """', //                                    code: joined with the next two
      'inside', //                                     comment
      '"""', //                                        comment
    ),
    language: 'Python',
    code: 7,
    comment: 6,
    blank: 1,
  },
  {
    path: 'tools/run.sh',
    content: lines(
      '#!/bin/sh', //                                  code
      '# comment', //                                  comment
      'echo "# not a comment"', //                     code
      '   # indented comment', //                      comment
      '\t', //                                         blank
      'x=1 # trailing', //                             code
    ),
    language: 'Bourne Shell',
    code: 3,
    comment: 2,
    blank: 1,
  },
  {
    path: 'tools/start',
    content: lines('#!/bin/bash', 'echo start # trailing'),
    language: 'Bourne Again Shell',
    code: 2,
    comment: 0,
    blank: 0,
  },
  {
    path: 'Makefile',
    content: lines('# comment', 'all: x  # trailing', '\tcc -o x x.c', '   '),
    language: 'make',
    code: 2,
    comment: 1,
    blank: 1,
  },
  {
    path: 'tools/ocaml/xs.ml',
    content: lines(
      '(* comment *)', //                              comment
      'let s = "(* not a comment *)"', //              code
      '(* nested (* inner *) still', //                comment
      '   comment *)', //                              comment
      'let x = 1 (* trailing *)', //                   code
      "let c = '\"'", //                               code
      ' ', //                                          blank
    ),
    language: 'OCaml',
    code: 3,
    comment: 3,
    blank: 1,
  },
  {
    path: 'rust/lib.rs',
    content: lines(
      '// comment', //                                 comment
      "fn main<'a>(s: &'a str) {", //                  code: lifetimes are no quotes
      '    let t = "/* not a comment";', //            code
      '    let r = r#"raw "// quoted" "#;', //         code
      "    let c = '\"';", //                          code
      '    /* block */ let y = 1;', //                 code
      '}', //                                          code
      '/* multi', //                                   comment
      '   line */', //                                 comment
    ),
    language: 'Rust',
    code: 6,
    comment: 3,
    blank: 0,
  },
  {
    path: 'go/main.go',
    content: lines(
      'package main // comment', //                    code
      'import "fmt"', //                               code
      '/* block', //                                   comment
      '*/', //                                         comment
      'func main() {', //                              code
      '\ts := `raw /* string', //                      code
      'still raw */`', //                              code: inside the raw string
      '\tfmt.Println(s, "//", \'/\')', //              code
      '}', //                                          code
    ),
    language: 'Go',
    code: 7,
    comment: 2,
    blank: 0,
  },
  {
    path: 'web/app.ts',
    content: lines(
      '// comment', //                                 comment
      "const a = 'it\\'s /* fine';", //                code
      'const b = `template', //                        code
      '/* not a comment */ ${a}`;', //                 code: inside the template
      '/** docs */', //                                comment
      'export { a, b }; // end', //                    code
    ),
    language: 'TypeScript',
    code: 4,
    comment: 2,
    blank: 0,
  },
  {
    path: 'README',
    content: lines('Hello', '', '# not a comment in text'),
    language: 'Text',
    code: 2,
    comment: 0,
    blank: 1,
  },
];
