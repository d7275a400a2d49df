// Band multipliers per horizon 1–12 (rows) at coverage 0.5, 0.8, 0.9 and 0.95 (columns): empirical
// quantiles of |error| / scale of the chosen method, pooled over the 1.683 shipped Jobindsats monthly
// series (datasets/jobindsats/*_maaned.csv) and their last 24 origins. Written by
// `npm run bench -- forecast --write-calibration`; test/domain/forecast.test.ts recomputes it.
import type { Calibration } from './forecast-backtest.ts';

export const DEFAULT_CALIBRATION: Calibration = [
  [0.876, 1.787, 2.411, 3.062],
  [0.905, 1.854, 2.506, 3.186],
  [0.926, 1.891, 2.588, 3.27],
  [0.945, 1.926, 2.653, 3.383],
  [0.953, 1.96, 2.695, 3.482],
  [0.951, 1.987, 2.76, 3.569],
  [0.932, 1.965, 2.755, 3.584],
  [0.923, 1.958, 2.776, 3.599],
  [0.91, 1.967, 2.794, 3.623],
  [0.9, 1.97, 2.797, 3.65],
  [0.895, 1.983, 2.815, 3.674],
  [0.89, 1.982, 2.824, 3.715],
];
