// Demo content reads as the municipalities' own: no words about how it was made, no command lines.
import { describe, expect, it } from 'vitest';
import { readDemoPlans } from '../../src/services/demo-plans.ts';

describe('demo plan texts', () => {
  const plans = readDemoPlans();
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(plans);

  it('holds the three plans and their texts', () => {
    expect(plans.map((p) => p.municipality)).toEqual(['320', '607', '173']);
    expect(texts.length).toBeGreaterThan(150);
  });

  it('has no developer words ("seed 002", "demodata", a maaltavle command)', () => {
    const bad = texts.filter((t) => /\bseed\b|demodata|maaltavle |\(seed/i.test(t));
    expect(bad).toEqual([]);
  });

  it('gives the Lyngby-Taarbæk levels the justification the committee case states', () => {
    const ltk = plans.find((p) => p.municipality === '173')!;
    const goal1 = ltk.goals.find((g) => g.number === '1')!;
    expect(goal1.indicators[0]!.config.justification).toBe('Status oktober 2014 viser et fald på 15 pct.');
  });
});
