import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../src/lib/report/render-csv.ts';

describe('CSV cells', () => {
  it('neutralises formulas and quotes per RFC 4180', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('Citrix')).toBe('Citrix');
    expect(csvCell(-0.25)).toBe('-0.25'); // a number, not text: no neutralising
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('ends every row with CRLF', () => {
    expect(
      csvText({
        header: ['a', 'b'],
        rows: [
          [1, 'x'],
          [null, 'y"z'],
        ],
      }),
    ).toBe('a,b\r\n1,x\r\n,"y""z"\r\n');
  });
});
