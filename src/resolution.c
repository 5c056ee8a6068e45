/*
 * resolution.c
 *		Resolution KPIs: exact resolution-time percentiles, repeat contacts.
 *
 *	 resolution_time(opened_at, resolved_at [, p | p[]]), and the same on an
 *	 interval or on seconds: the exact percentile (default the median) in
 *	 seconds of the durations, equal to percentile_cont() on the same data,
 *	 but parallel-safe and by selection, not by sorting.  The state is a
 *	 values state (values_state.c); as a window function it is an
 *	 order-statistics tree, so a rolling median is O(log w) per row.
 *
 *	 repeat_contact and is_repeat_contact are window functions (window.c).
 *
 * fcr_rate, resolution_rate and reopen_rate are share aggregates (rates.c).
 */
#include "postgres.h"

#include "common/int.h"
#include "utils/timestamp.h"
#include "windowapi.h"

#include "compat.h"
#include "durations.h"
#include "values_state.h"

/* exact resolution-time percentiles: form x percentile argument x step */
#define VALUES_TRANSITIONS(suffix, form, mode) \
	SKPI_TRANSITIONS(skpi_duration_values, suffix, skpi_values_transition, form, mode)

VALUES_TRANSITIONS(_timestamps, SKPI_FORM_TIMESTAMPS, SKPI_PCT_MEDIAN)
VALUES_TRANSITIONS(_timestamps_pct, SKPI_FORM_TIMESTAMPS, SKPI_PCT_SCALAR)
VALUES_TRANSITIONS(_timestamps_pcts, SKPI_FORM_TIMESTAMPS, SKPI_PCT_ARRAY)
VALUES_TRANSITIONS(_interval, SKPI_FORM_INTERVAL, SKPI_PCT_MEDIAN)
VALUES_TRANSITIONS(_interval_pct, SKPI_FORM_INTERVAL, SKPI_PCT_SCALAR)
VALUES_TRANSITIONS(_interval_pcts, SKPI_FORM_INTERVAL, SKPI_PCT_ARRAY)
VALUES_TRANSITIONS(_seconds, SKPI_FORM_SECONDS, SKPI_PCT_MEDIAN)
VALUES_TRANSITIONS(_seconds_pct, SKPI_FORM_SECONDS, SKPI_PCT_SCALAR)
VALUES_TRANSITIONS(_seconds_pcts, SKPI_FORM_SECONDS, SKPI_PCT_ARRAY)
