import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startSettings } from '../../bench/memory.ts';

describe('npm start memory settings (issue 13 item 5)', () => {
  it('reads the environment and node flags of a start script', () => {
    const s = startSettings('MALLOC_ARENA_MAX=2 A_B=x=y node --max-semi-space-size=2 bin/maaltavle.js serve');
    expect(Object.keys(s.env)).toHaveLength(2);
    expect(s.env).toEqual({ MALLOC_ARENA_MAX: '2', A_B: 'x=y' });
    expect(s.nodeArgs).toEqual(['--max-semi-space-size=2']);
    expect(startSettings('node bin/maaltavle.js serve')).toEqual({ env: {}, nodeArgs: [] });
    expect(() => startSettings('tsx bin/maaltavle.js serve')).toThrow(/does not run node/);
  });

  it('npm start runs the server with the memory settings the benchmark measures', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: { start: string };
    };
    expect(pkg.scripts.start.endsWith('bin/maaltavle.js serve')).toBe(true);
    const s = startSettings(pkg.scripts.start);
    expect(s.env).toEqual({ MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '32768' });
    expect(s.nodeArgs).toEqual(['--max-semi-space-size=2']);
  });
});
