// Adding an indicator of any kind. A relative target shows the consistency check's verdict at once.
// The settings are checked in the browser with the server's own rules (bounds per kind, Danish messages),
// and each error is shown next to its field; the server's field errors land in the same places.

import type { Indicator } from '@contract/plans.ts';
import {
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  type IndicatorKind,
  validateConfig,
} from '@domain/indicators.ts';
import { checkTargetConsistency } from '@domain/targets.ts';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { api, fieldErrors, get, newKey } from '../api.ts';
import { byPath, Field, RequiredNote } from '../components/Field.tsx';
import { FormError } from '../components/useFormSubmit.tsx';
import { T } from '../texts.ts';

/** A Danish number as typed ("1.288", "4,5", "−20"); text that is no number gives NaN, which is refused. */
const num = (s: string) =>
  s.trim() === ''
    ? undefined
    : Number(s.trim().replace(/\s/g, '').replace(/\./g, '').replace(',', '.').replace('−', '-'));

/** Where an error on a settings path is shown: the form's field key. */
function fieldKeyOf(path: string, kind: IndicatorKind): string {
  const p = path.replace(/^config\./, '');
  if (p === 'target' && kind === 'optælling') return 'targetValue';
  if (p === 'target.value' || p === 'target' || p === 'targetValue') return 'targetValue';
  if (p === 'target.pct') return 'pct';
  if (p === 'target.persons') return 'persons';
  return p;
}

/** The indicator being edited, as the API answers with it. */
export type ExistingIndicator = Pick<
  Indicator,
  'id' | 'kind' | 'title' | 'config' | 'sourceNote' | 'revision'
>;

const str = (v: unknown) =>
  v === undefined || v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : String(v);

/** The form's fields from a stored indicator's settings. */
function fieldsOf(e: ExistingIndicator): Record<string, string> {
  const c = e.config as Record<string, unknown>;
  const t = (typeof c.target === 'object' && c.target ? c.target : {}) as Record<string, unknown>;
  return {
    measure: str(c.measure),
    baselinePeriod: str(c.baselinePeriod),
    baselineValue: str(c.baselineValue),
    baselineDate: str(c.baselineDate),
    targetValue: str(e.kind === 'optælling' ? c.target : e.kind === 'andel' ? c.targetValue : t.value),
    pct: str(t.pct),
    persons: str(t.persons),
    direction: str(c.direction) || 'at-most',
    deadline: str(c.deadline),
    baselineRank: str(c.baselineRank),
    targetRank: str(c.targetRank),
    compareWith: str(c.compareWith),
    unit: str(c.unit),
    startDate: str(c.startDate),
    sourceNote: e.sourceNote,
    justification: str(c.justification),
  };
}

export function IndicatorForm({
  goalId,
  municipality,
  onDone,
  existing,
  period,
}: {
  goalId: string;
  municipality: string;
  onDone: () => void;
  existing?: ExistingIndicator;
  /** The plan period, for checking deadlines in the browser too. */
  period?: { yearFrom: number; yearTo: number };
}) {
  const id = useId();
  const measures =
    useQuery({
      queryKey: ['measures'],
      queryFn: () => get<{ measures: { id: string; name: string; unit: string }[] }>('/measures'),
    }).data?.measures ?? [];
  const [kind, setKind] = useState<IndicatorKind>(existing?.kind ?? 'niveau');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [f, setF] = useState<Record<string, string>>(
    existing
      ? fieldsOf(existing)
      : {
          deadline: '',
          direction: 'at-most',
          measure: '',
          baselinePeriod: '',
          baselineValue: '',
          targetValue: '',
          pct: '',
          persons: '',
        },
  );
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const key = useRef(newKey());
  const set = (k: string) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const field = (k: string, label: string, type = 'text', hint?: string, required = false) => (
    <Field label={label} required={required} error={errors[k]}>
      <input
        name={k}
        type={type}
        value={f[k] ?? ''}
        onChange={set(k)}
        inputMode={type === 'text' && hint === 'tal' ? 'decimal' : undefined}
      />
    </Field>
  );

  // Live consistency check for stated targets (the Lyngby-Taarbæk kind of mismatch).
  const stated = {
    baseline: num(f.baselineValue ?? ''),
    pct: num(f.pct ?? ''),
    persons: num(f.persons ?? ''),
    target: num(f.targetValue ?? ''),
  };
  const relevant = kind === 'niveau' && (stated.pct !== undefined || stated.persons !== undefined);
  const check = relevant
    ? checkTargetConsistency({
        ...(stated.baseline !== undefined ? { baseline: stated.baseline } : {}),
        ...(stated.pct !== undefined ? { pct: stated.pct } : {}),
        ...(stated.persons !== undefined ? { persons: stated.persons } : {}),
        ...(stated.target !== undefined ? { target: stated.target } : {}),
        direction: f.direction === 'at-least' ? 'at-least' : 'at-most',
      })
    : null;

  function config(): Record<string, unknown> {
    const why = (f.justification ?? '').trim();
    return { ...kindConfig(), ...(why ? { justification: why } : {}) };
  }

  function kindConfig(): Record<string, unknown> {
    const direction = f.direction;
    switch (kind) {
      case 'niveau':
        return {
          ...(f.measure ? { measure: f.measure } : {}),
          area: municipality,
          baselinePeriod: f.baselinePeriod,
          ...(stated.baseline !== undefined ? { baselineValue: stated.baseline } : {}),
          target: {
            kind:
              stated.target !== undefined ? 'absolute' : stated.pct !== undefined ? 'relative' : 'persons',
            ...(stated.target !== undefined ? { value: stated.target } : {}),
            ...(stated.pct !== undefined ? { pct: stated.pct, pctDecimals: 0 } : {}),
            ...(stated.persons !== undefined ? { persons: stated.persons } : {}),
          },
          direction,
          deadline: f.deadline,
        };
      case 'andel':
        return {
          mode: 'manual',
          ...(stated.baseline !== undefined
            ? { baselineValue: stated.baseline, baselineDate: f.baselineDate || f.deadline }
            : {}),
          ...(stated.target !== undefined ? { targetValue: stated.target } : {}),
          direction,
          deadline: f.deadline,
        };
      case 'placering':
        return {
          ...(f.measure ? { measure: f.measure } : {}),
          area: municipality,
          direction: 'lower',
          ...(num(f.baselineRank ?? '') !== undefined ? { baselineRank: num(f.baselineRank ?? '') } : {}),
          ...(num(f.targetRank ?? '') !== undefined ? { targetRank: num(f.targetRank ?? '') } : {}),
          deadline: f.deadline,
        };
      case 'benchmark':
        return {
          measure: f.measure,
          area: municipality,
          compareWith: f.compareWith || 'land',
          direction: 'lower',
          deadline: f.deadline,
        };
      case 'optælling':
        return {
          target: stated.target,
          unit: f.unit || 'stk.',
          startDate: f.startDate,
          deadline: f.deadline,
        };
      case 'milepæl':
        return f.deadline ? { deadline: f.deadline } : {};
    }
  }

  return (
    <form
      className="panel"
      aria-labelledby={`${id}-h`}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (pending) return;
        setError(null);
        const cfg = config();
        const local: Record<string, string> = {};
        if (!title.trim()) local.title = 'Indikatoren skal have en tekst.';
        const checked = validateConfig(kind, cfg, period);
        if (!checked.success)
          for (const fe of checked.fields) {
            const k = fieldKeyOf(fe.path, kind);
            local[k] = local[k] ? `${local[k]} ${fe.message}` : fe.message;
          }
        setErrors(local);
        if (Object.keys(local).length) {
          setError('Ret de markerede felter.');
          return;
        }
        setPending(true);
        try {
          const body = { kind, title, config: cfg, sourceNote: f.sourceNote ?? '' };
          if (existing)
            await api('PUT', `/indicators/${existing.id}`, { ...body, revision: existing.revision });
          else await api('POST', `/goals/${goalId}/indicators`, body, { idempotencyKey: key.current });
          key.current = newKey();
          onDone();
        } catch (err) {
          const server = byPath(fieldErrors(err).map((x) => ({ ...x, path: fieldKeyOf(x.path, kind) })));
          setErrors(server);
          setError((err as Error).message);
        } finally {
          setPending(false);
        }
      }}
    >
      <h4 id={`${id}-h`}>{existing ? `Redigér indikator: ${existing.title}` : T.indicator.add}</h4>
      <RequiredNote />
      <Field label={T.indicator.kind} required>
        <select value={kind} onChange={(e) => setKind(e.target.value as IndicatorKind)} name="kind">
          {INDICATOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {INDICATOR_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={T.indicator.title} required error={errors.title}>
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      {kind === 'niveau' || kind === 'placering' || kind === 'benchmark' ? (
        <Field label={T.benchmark.measure} required={kind === 'benchmark'} error={errors.measure}>
          <select name="measure" value={f.measure} onChange={set('measure')}>
            <option value="">
              {kind === 'benchmark' ? 'Vælg statistik' : 'Ingen (tallet indtastes i statusrunderne)'}
            </option>
            {measures.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {kind === 'niveau' ? (
        <>
          {field(
            'baselinePeriod',
            'Baselineperiode (fx 2013M12 eller december 2013)',
            'text',
            undefined,
            true,
          )}
          <div className="row">
            {field('baselineValue', 'Baseline (tal)', 'text', 'tal')}
            {field('targetValue', 'Måltal (højst/mindst)', 'text', 'tal')}
          </div>
          <div className="row">
            {field('pct', 'Ændring i pct. (fald negativ, fx −20)', 'text', 'tal')}
            {field('persons', 'Ændring i personer (fx −107)', 'text', 'tal')}
          </div>
        </>
      ) : null}
      {kind === 'andel' ? (
        <div className="row">
          {field('baselineValue', 'Baseline (pct.)', 'text', 'tal')}
          {field('baselineDate', 'Baselinedato', 'date')}
          {field('targetValue', 'Mål (pct.)', 'text', 'tal')}
        </div>
      ) : null}
      {kind === 'placering' ? (
        <div className="row">
          {field('baselineRank', 'Placering ved start (1–98)', 'text', 'tal')}
          {field('targetRank', 'Mål for placering (1–98)', 'text', 'tal', true)}
        </div>
      ) : null}
      {kind === 'benchmark' ? (
        <Field label="Sammenlign med" required>
          <select value={f.compareWith ?? 'land'} onChange={set('compareWith')}>
            <option value="land">Hele landet</option>
            <option value="sammenligningsområde">Sammenligningsområdet</option>
          </select>
        </Field>
      ) : null}
      {kind === 'optælling' ? (
        <div className="row">
          {field('targetValue', 'Mål (antal)', 'text', 'tal', true)}
          {field('unit', 'Enhed (fx besøg)')}
          {field('startDate', 'Startdato', 'date', undefined, true)}
        </div>
      ) : null}
      {kind === 'niveau' || kind === 'andel' ? (
        <Field label="Retning" required>
          <select value={f.direction} onChange={set('direction')}>
            <option value="at-most">Lavere er bedre (højst)</option>
            <option value="at-least">Højere er bedre (mindst)</option>
          </select>
        </Field>
      ) : null}
      {field('deadline', 'Frist', 'date', undefined, kind !== 'milepæl')}
      {field('sourceNote', T.indicator.sourceNote)}
      <Field
        label="Begrundelse for resultatniveauet"
        hint="Bruges i udkastet til sagsfremstilling. Skriv gerne flere afsnit."
        error={errors.justification}
      >
        <textarea
          name="justification"
          rows={5}
          value={f.justification ?? ''}
          onChange={set('justification')}
        />
      </Field>
      {check ? (
        <div role="status" className={check.consistent ? 'note ok' : 'note warn'}>
          <strong>{T.indicator.consistency}: </strong>
          {check.consistent
            ? T.indicator.consistent
            : check.issues
                .filter((i) => i.field !== 'direction')
                .map((i) => i.message)
                .join(' ')}
        </div>
      ) : null}
      <FormError error={error} />
      <button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? T.saving : existing ? T.save : T.indicator.add}
      </button>
    </form>
  );
}
