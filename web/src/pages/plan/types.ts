// The plan dashboard's response shape as the plan page, the round page and the public page read it.

import type { BasisItem } from '../../components/Basis.tsx';

export interface Item {
  indicator: {
    id: string;
    goal_id: string;
    kind: string;
    title: string;
    source_note: string;
    config: Record<string, unknown>;
    revision: number;
  };
  entry: { text: string; value: number | null } | null;
  evaluation: {
    status: string;
    override: { status: string; reason: string } | null;
    latest: { value: number; period: string | null; source: string } | null;
    target: number | null;
    unit: string;
    progressText: string | null;
    trend: { period: string; value: number | null }[];
    consistency: { consistent: boolean; issues: { field: string; message: string }[] } | null;
    afterDeadline?: { value: number; period: string | null; label: string } | null;
    development?: {
      from: { value: number; period: string | null };
      to: { value: number; period: string | null };
      change: number;
      pct: number | null;
      unit: string;
    } | null;
    whatItTakes?: { text: string } | null;
    basis?: BasisItem[];
  };
}

export interface Dashboard {
  plan: {
    id: string;
    municipality: string;
    slug: string;
    title: string;
    status: string;
    year_from: number;
    year_to: number;
    intro: string;
    adopted_on: string | null;
    revision: number;
  };
  focus: { id: string; title: string; text: string }[];
  goals: {
    id: string;
    number: string;
    kind: string;
    title: string;
    text: string;
    position: number;
    revision: number;
  }[];
  rounds: { id: string; title: string; as_of: string; status: string }[];
  items: Item[];
  asOf: string;
  canEdit: boolean;
}
