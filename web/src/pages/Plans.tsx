import type { PlanAnswer, PlanList } from '@contract/plans.ts';
import { currentYearInCopenhagen } from '@domain/dates.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, get } from '../api.ts';
import { canEdit, ownMunicipality, useMe } from '../auth.tsx';
import { Field, RequiredNote } from '../components/Field.tsx';
import { FormError, useFormSubmit } from '../components/useFormSubmit.tsx';
import { YearFields } from '../components/YearFields.tsx';
import { collator } from '../format.ts';
import { T } from '../texts.ts';

export function useAreas() {
  return (
    useQuery({
      queryKey: ['areas'],
      queryFn: () =>
        get<{
          areas: { id: string; kind: string; name: string; region?: string; comparisonArea?: string }[];
        }>('/areas'),
    }).data?.areas ?? []
  );
}

export function Plans() {
  const me = useMe();
  const areas = useAreas();
  const name = (code: string) => areas.find((a) => a.id === code)?.name ?? code;
  const { data, isLoading } = useQuery({
    queryKey: ['plans'],
    queryFn: () => get<PlanList>('/plans'),
  });
  const plans = [...(data?.plans ?? [])].sort(
    (a, b) => collator.compare(name(a.municipality), name(b.municipality)) || b.yearFrom - a.yearFrom,
  );
  const editable = (
    me.user?.isSuperadmin
      ? areas.filter((a) => a.kind === 'kommune').map((a) => a.id)
      : (me.user?.memberships ?? []).map((m) => m.municipality)
  ).filter((m) => canEdit(me, m));
  return (
    <section>
      <h1>{T.plans.title}</h1>
      {isLoading ? <p>{T.loading}</p> : null}
      {plans.length === 0 && !isLoading ? <p>{T.plans.none}</p> : null}
      <ul className="cards">
        {plans.map((p) => (
          <li key={p.id} className="card">
            <h2>
              <Link to={`/planer/${p.id}`}>
                {name(p.municipality)}: {p.title}
              </Link>
            </h2>
            <p>
              {T.plans.statuses[p.status]} ·{' '}
              {p.yearFrom === p.yearTo ? p.yearFrom : `${p.yearFrom}–${p.yearTo}`}
              {p.status !== 'udkast' ? (
                <>
                  {' · '}
                  <Link to={`/offentlig/${p.municipality}/${p.slug}`}>{T.plans.publicLink}</Link>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      {editable.length > 0 ? <CreatePlan municipalities={editable} name={name} /> : null}
    </section>
  );
}

function CreatePlan({ municipalities, name }: { municipalities: string[]; name: (c: string) => string }) {
  const qc = useQueryClient();
  const nav = useNavigate();
  const me = useMe();
  const year = currentYearInCopenhagen();
  const own = ownMunicipality(me, municipalities[0]!);
  const [f, setF] = useState({
    municipality: municipalities.includes(own) ? own : municipalities[0]!,
    title: `Beskæftigelsesplan ${year + 1}`,
    yearFrom: year + 1,
    yearTo: year + 1,
    intro: '',
  });
  const { error, errors, pending, submit } = useFormSubmit();
  const sorted = [...municipalities].sort((a, b) => collator.compare(name(a), name(b)));
  return (
    <details className="panel">
      <summary>{T.plans.create}</summary>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(
            () => {
              const local: Record<string, string> = {};
              if (!f.title.trim()) local.title = 'Titlen skal udfyldes.';
              if (Number(f.yearTo) < Number(f.yearFrom))
                local.yearTo = 'Slutåret må ikke ligge før startåret.';
              return local;
            },
            async () => {
              const r = await api<PlanAnswer>('POST', `/municipalities/${f.municipality}/plans`, {
                title: f.title,
                yearFrom: Number(f.yearFrom),
                yearTo: Number(f.yearTo),
                intro: f.intro,
              });
              await qc.invalidateQueries({ queryKey: ['plans'] });
              nav(`/planer/${r.plan.id}`);
            },
          );
        }}
      >
        <RequiredNote />
        <Field label={T.plans.municipality} required>
          <select value={f.municipality} onChange={(e) => setF({ ...f, municipality: e.target.value })}>
            {sorted.map((m) => (
              <option key={m} value={m}>
                {name(m)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={T.plans.planTitle} required error={errors.title}>
          <input value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} />
        </Field>
        <div className="row">
          <YearFields f={f} setF={setF} />
        </div>
        {errors.yearTo ? <p className="field-error">{errors.yearTo}</p> : null}
        <label>
          {T.plans.intro}
          <textarea value={f.intro} onChange={(e) => setF({ ...f, intro: e.target.value })} rows={6} />
        </label>
        <FormError error={error} />
        <button type="submit" disabled={pending}>
          {pending ? T.saving : T.plans.create}
        </button>
      </form>
    </details>
  );
}
