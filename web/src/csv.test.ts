import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and one row per measurement, quoting where needed', () => {
    const csv = toCsv({
      jobId: 'j',
      standard: 'ISO 8559-1:2017',
      unit: 'cm',
      fitQualityCm: 0.4,
      measurements: [
        { name: 'waist girth', value: 81.2, uncertainty: 1.1 },
        { name: 'a "quoted", name', value: 1, uncertainty: 0 },
      ],
    });
    expect(csv).toBe('name,value,unit,uncertainty\r\nwaist girth,81.2,cm,1.1\r\n"a ""quoted"", name",1,cm,0\r\n');
  });
});
