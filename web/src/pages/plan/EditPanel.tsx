// The editor's panel under the goals: the plan's status, its details, a new goal and a new indicator.

import { AddGoalForm } from './AddGoalForm.tsx';
import { AddIndicator } from './AddIndicator.tsx';
import { PlanDetails } from './PlanDetails.tsx';
import { PlanStatusField } from './PlanStatusField.tsx';
import type { Dashboard } from './types.ts';

export function EditPanel({ data, refresh }: { data: Dashboard; refresh: () => void }) {
  return (
    <section className="panel" aria-labelledby="edit-h">
      <h2 id="edit-h">Redigér planen</h2>
      <PlanStatusField data={data} refresh={refresh} />
      <PlanDetails data={data} refresh={refresh} />
      <AddGoalForm data={data} refresh={refresh} />
      <AddIndicator data={data} refresh={refresh} />
    </section>
  );
}
