// Deleting a goal or an indicator after the editor has confirmed what goes with it.

import { api } from '../../api.ts';
import type { Dashboard } from './types.ts';

export async function deleteItem(
  data: Dashboard,
  refresh: () => void,
  kind: 'goal' | 'indicator',
  id: string,
  title: string,
): Promise<void> {
  const n = data.items.filter((i) => i.indicator.goalId === id).length;
  const what =
    kind === 'goal'
      ? `Målet "${title}" slettes med ${n === 1 ? 'sin indikator' : `sine ${n} indikatorer`} og deres statustekster.`
      : `Indikatoren "${title}" slettes med sine statustekster.`;
  if (!window.confirm(`${what} Det kan ikke fortrydes. Vil du slette?`)) return;
  try {
    await api('DELETE', kind === 'goal' ? `/goals/${id}` : `/indicators/${id}`);
  } catch (err) {
    window.alert((err as Error).message);
  }
  refresh();
}
