// The plan period as two year inputs ("Fra år", "Til år"), shared by the create and edit forms.
import { T } from '../texts.ts';

export function YearFields<F extends { yearFrom: number; yearTo: number }>({
  f,
  setF,
}: {
  f: F;
  setF: (next: F) => void;
}) {
  return (
    <>
      <label>
        {T.plans.yearFrom}
        <input
          type="number"
          value={f.yearFrom}
          onChange={(e) => setF({ ...f, yearFrom: Number(e.target.value) })}
        />
      </label>
      <label>
        {T.plans.yearTo}
        <input
          type="number"
          value={f.yearTo}
          onChange={(e) => setF({ ...f, yearTo: Number(e.target.value) })}
        />
      </label>
    </>
  );
}
