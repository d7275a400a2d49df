// The plan's focus areas (pejlemærker).

import type { Dashboard } from './types.ts';

export function FocusAreas({ focus }: { focus: Dashboard['focus'] }) {
  return focus.length ? (
    <section>
      <h2>Pejlemærker</h2>
      <ul>
        {focus.map((f) => (
          <li key={f.id}>
            <strong>{f.title}</strong>: {f.text}
          </li>
        ))}
      </ul>
    </section>
  ) : null;
}
