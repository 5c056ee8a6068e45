-- page: training. Before (April-June) and after (August-October) the July
-- training: each period's 95 % interval, the difference's, the verdict and its
-- direction (higher_is_better; improved: significant in the better direction).
-- columns: ord integer, kpi text, n_before bigint, before numeric, before_ci_low numeric,
-- columns: before_ci_high numeric, n_after bigint, after numeric, after_ci_low numeric,
-- columns: after_ci_high numeric, diff numeric, diff_ci_low numeric, diff_ci_high numeric,
-- columns: significant boolean, higher_is_better boolean, improved boolean
SELECT ord, kpi, n_before, before, before_ci_low, before_ci_high,
       n_after, after, after_ci_low, after_ci_high,
       diff, diff_ci_low, diff_ci_high, significant, higher_is_better, improved
FROM bi.training_effect
ORDER BY ord
