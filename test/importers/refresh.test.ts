// The scheduled refresh fetches every configured source, logs each, and one failing source does not stop the rest.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { refreshAll } from '../../src/services/refresh.ts';
import { datasetPath } from '../helpers/datasets.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { fixtureServer } from '../helpers/http.ts';

describe('refresh of configured sources', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pglite');
  });
  afterAll(async () => t?.cleanup());

  it('imports what answers, logs what fails, and records the failure', async () => {
    const folk = readFileSync(datasetPath('statbank/FOLK1AM_befolkning_2021M10-2026M02_en.csv'));
    const lines = folk
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/)
      .slice(1);
    // FOLK1AM tableinfo in the recorded STAR42 tableinfo shape, with the real file's periods (see statbank.test.ts).
    const info = {
      id: 'FOLK1AM',
      text: 'Befolkningen den 1. i måneden',
      unit: 'antal',
      updated: '2026-02-10T08:00:00',
      variables: [
        { id: 'OMRÅDE', text: 'område', values: ['000', '320', '607'].map((id) => ({ id, text: id })) },
        { id: 'KØN', text: 'køn', values: [{ id: 'TOT', text: 'I alt' }] },
        { id: 'ALDER', text: 'alder', values: [{ id: 'IALT', text: 'Alder i alt' }] },
        {
          id: 'Tid',
          text: 'tid',
          time: true,
          values: [...new Set(lines.map((l) => l.split(';')[3]!))].map((id) => ({ id, text: id })),
        },
      ],
    };
    const srv = await fixtureServer((req) => {
      if (req.url.includes('id=FOLK1AM')) return { body: JSON.stringify(info) };
      if (req.url.includes('id=AUK01')) return { status: 503, body: 'Service Unavailable' };
      return { body: folk };
    });
    const log: string[] = [];
    try {
      const config = { ...loadConfig({}), statbankBaseUrl: srv.base };
      const results = await refreshAll(t.services, config, (m) => log.push(m));
      expect(results.map((r) => [r.source, r.ok])).toEqual([
        ['statbank:AUK01-ydelsesgrupper', false],
        ['statbank:AUK01', false],
        ['statbank:FOLK1AM', true],
      ]);
    } finally {
      await srv.close();
    }
    expect(log.some((l) => l.startsWith('Opdatering statbank:AUK01 fejlede: HTTP 503'))).toBe(true);
    expect(log.some((l) => /^Opdatering statbank:FOLK1AM: 5512 nye/.test(l))).toBe(true);
  }, 120_000);
});
