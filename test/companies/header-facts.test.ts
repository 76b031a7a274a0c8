import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../src/analysis/submission.ts';
import { parseIndexHeaders } from '../../src/edgar/index-headers.ts';
import { fixture } from '../analysis/corpus.ts';

describe('company facts in the SGML header', () => {
  it('reads them from the tag form of -index-headers.html, the header ingestion fetches', () => {
    const page = parseIndexHeaders(fixture('raw/formats/index-headers-23andme-0001193125-24-152391.html').toString('latin1'));
    const header = parseHeader(page!.header);
    expect(header.registrant).toMatchObject({
      cik: '0001804591',
      sic: '2834',
      // The tag form gives the code only.
      sicDescription: null,
      secOffice: '03 Life Sciences',
      fiscalYearEnd: '0331',
      businessCity: 'SOUTH SAN FRANCISCO',
      businessState: 'CA',
      formerNames: [
        { name: 'VG Acquisition Corp.', changedAt: '2020-09-15' },
        { name: 'Virgin Group Acquisition Corp.', changedAt: '2020-09-09' },
        { name: 'Bleecker Street Acquisition Corp.', changedAt: '2020-02-25' },
      ],
    });
  });

  it('reads them from the text form of a complete submission, the SIC title included', () => {
    const text = fixture('raw/formats/8k-nvidia-0001045810-26-000024.txt').toString('latin1');
    const header = parseHeader(text.slice(0, text.indexOf('</SEC-HEADER>')));
    expect(header.registrant).toMatchObject({
      cik: '0001045810',
      sic: '3674',
      sicDescription: 'SEMICONDUCTORS & RELATED DEVICES',
      state: 'DE',
      secOffice: '04 Manufacturing',
      businessCity: 'SANTA CLARA',
      businessState: 'CA',
      formerNames: [
        { name: 'NVIDIA CORP/DE', changedAt: '2002-06-12' },
        { name: 'NVIDIA CORP/CA', changedAt: '1998-03-03' },
      ],
    });
  });
});
