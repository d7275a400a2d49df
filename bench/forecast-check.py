#!/usr/bin/env python3
"""Second, independent computation of the forecast benchmark's MAPE figures (no code shared with src/).

Reads datasets/jobindsats/*_maaned.csv directly and recomputes, for evaluation origins given on the command
line (default 2024M07 and 2025M07), the MAPE of seasonal naive, of the damped-trend model, of their
average and of the method chosen per series by the backtest, as defined in src/domain/forecast*.ts.
Run: python3 bench/forecast-check.py [2024M07 2025M07]
"""
import csv
import glob
import math
import sys

M = 12


def ordinal(code):
    return int(code[:4]) * 12 + int(code[5:7]) - 1


def load():
    out = []
    for path in sorted(glob.glob('datasets/jobindsats/*_maaned.csv')):
        with open(path, encoding='utf-8') as f:
            rows = list(csv.DictReader(f, delimiter=';'))
        start = min(ordinal(r['periode']) for r in rows)
        end = max(ordinal(r['periode']) for r in rows)
        cols = [c for c in rows[0] if c not in ('kommunekode', 'omraade', 'periode')]
        for col in cols:
            areas = {}
            for r in rows:
                y = areas.setdefault(r['kommunekode'], [None] * (end - start + 1))
                y[ordinal(r['periode']) - start] = None if r[col] == '' else float(r[col])
            for y in areas.values():
                while y and y[-1] is None:
                    y.pop()
                out.append((start, y))
    return out


def snaive(y, c, H):
    last = next((y[t] for t in range(c - 1, -1, -1) if y[t] is not None), None)
    res = []
    for h in range(1, H + 1):
        t = c + h - 1
        k = math.ceil(h / M)
        v = None
        while t - k * M >= 0 and v is None:
            v = y[t - k * M]
            k += 1
        res.append(last if v is None else v)
    return res


def decompose(s):
    if len(s) < 2 * M:
        return [0.0] * M, 0.0
    trend = [None] * len(s)
    for t in range(6, len(s) - 6):
        trend[t] = (0.5 * s[t - 6] + sum(s[t - 5:t + 6]) + 0.5 * s[t + 6]) / M
    buckets = [[] for _ in range(M)]
    for t, v in enumerate(s):
        if trend[t] is not None:
            buckets[t % M].append(v - trend[t])
    raw = [sum(b) / len(b) if b else 0.0 for b in buckets]
    adj = sum(raw) / M
    eff = [e - adj for e in raw]
    detr = [v - trend[t] for t, v in enumerate(s) if trend[t] is not None]
    rem = [v - trend[t] - eff[t % M] for t, v in enumerate(s) if trend[t] is not None]

    def var(xs):
        mu = sum(xs) / len(xs)
        return sum((x - mu) ** 2 for x in xs) / max(1, len(xs) - 1)

    vd = var(detr)
    return eff, (max(0.0, 1 - var(rem) / vd) if vd > 0 else 0.0)


def holt(y, c, H):
    end = c
    while end > 0 and y[end - 1] is None:
        end -= 1
    start = end
    while start > 0 and y[start - 1] is not None:
        start -= 1
    s = y[start:end]
    if len(s) < 6:
        return snaive(y, c, H)
    eff, strength = decompose(s)
    seasonal = len(s) >= 2 * M and strength >= 0.4
    e = (lambda t: eff[(t - start) % M]) if seasonal else (lambda t: 0.0)
    a = [v - e(start + i) for i, v in enumerate(s)]
    level, trend = a[0], (a[1] - a[0] if len(a) > 1 else 0.0)
    for v in a[1:]:
        prev = level
        level = 0.7 * v + 0.3 * (prev + 0.9 * trend)
        trend = 0.1 * (level - prev) + 0.9 * 0.9 * trend
    res = []
    for h in range(1, H + 1):
        t = c + h - 1
        steps = t - end + 1
        damp = sum(0.9 ** j for j in range(1, steps + 1))
        res.append(level + damp * trend + e(t))
    return res


def methods(y, c):
    nonneg = all(v is None or v >= 0 for v in y[:c])
    sn = snaive(y, c, 12)
    dh = [max(0.0, v) if nonneg else v for v in holt(y, c, 12)]
    return {'seasonal-naive': sn, 'damped-holt': dh, 'ensemble': [(a + b) / 2 for a, b in zip(sn, dh)]}


def choose(y, c, cache):
    ape = {k: 0.0 for k in ('seasonal-naive', 'damped-holt', 'ensemble')}
    n = 0
    for o in range(max(1, c - 24), c):
        if o < M or not any(v is not None for v in y[:o]):
            continue
        if o not in cache:
            cache[o] = methods(y, o)
        f = cache[o]
        for h in range(1, 13):
            if o + h - 1 >= c:
                break
            a = y[o + h - 1]
            if a is None or a == 0:
                continue
            n += 1
            for k in ape:
                ape[k] += abs(a - f[k][h - 1]) / abs(a)
    best = 'seasonal-naive'
    if n >= 12:
        for k in ape:
            if ape[k] < ape[best]:
                best = k
    return best


def main():
    origins = sys.argv[1:] or ['2024M07', '2025M07']
    panel = load()
    print(f'{len(panel)} series')
    for code in origins:
        E = ordinal(code)
        tot = {k: 0.0 for k in ('chosen', 'seasonal-naive', 'damped-holt', 'ensemble')}
        pts = 0
        series = 0
        for start, y in panel:
            c = E - start
            if c < M or c > len(y) or sum(v is not None for v in y[:c]) < 12:
                continue
            cache = {}
            f = methods(y, c)
            best = choose(y, c, cache)
            scored = False
            for h in range(1, 13):
                if c + h - 1 >= len(y) or y[c + h - 1] is None:
                    continue
                scored = True
                a = y[c + h - 1]
                if a == 0:
                    continue
                pts += 1
                tot['chosen'] += abs(a - f[best][h - 1]) / abs(a)
                for k in ('seasonal-naive', 'damped-holt', 'ensemble'):
                    tot[k] += abs(a - f[k][h - 1]) / abs(a)
            series += scored
        print(code, f'series {series}, points {pts}:', ', '.join(f'{k} {100 * v / pts:.2f}' for k, v in tot.items()))


main()
