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
 *	 repeat_contact(contacted_at, within) OVER (PARTITION BY customer ORDER
 *	 BY contacted_at): true when the customer's next contact comes within
 *	 `within` after this one (so this one was not resolved at first contact);
 *	 is_repeat_contact(...) the reverse: this contact comes within `within`
 *	 after the previous one.
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
#define VALUES_TRANSITIONS(prefix, form, mode) \
	SKPI_TRANSITIONS(prefix, , skpi_values_transition, form, mode)

VALUES_TRANSITIONS(skpi_rt_ts, SKPI_FORM_TIMESTAMPS, SKPI_PCT_MEDIAN)
VALUES_TRANSITIONS(skpi_rt_ts_p, SKPI_FORM_TIMESTAMPS, SKPI_PCT_SCALAR)
VALUES_TRANSITIONS(skpi_rt_ts_pa, SKPI_FORM_TIMESTAMPS, SKPI_PCT_ARRAY)
VALUES_TRANSITIONS(skpi_rt_iv, SKPI_FORM_INTERVAL, SKPI_PCT_MEDIAN)
VALUES_TRANSITIONS(skpi_rt_iv_p, SKPI_FORM_INTERVAL, SKPI_PCT_SCALAR)
VALUES_TRANSITIONS(skpi_rt_iv_pa, SKPI_FORM_INTERVAL, SKPI_PCT_ARRAY)
VALUES_TRANSITIONS(skpi_rt_sec, SKPI_FORM_SECONDS, SKPI_PCT_MEDIAN)
VALUES_TRANSITIONS(skpi_rt_sec_p, SKPI_FORM_SECONDS, SKPI_PCT_SCALAR)
VALUES_TRANSITIONS(skpi_rt_sec_pa, SKPI_FORM_SECONDS, SKPI_PCT_ARRAY)

/* ---- repeat contacts (window functions) ---- */

static void
order_error(const char *fn)
{
	ereport(ERROR,
			(errcode(ERRCODE_WINDOWING_ERROR),
			 errmsg("%s needs its window ordered by contacted_at, ascending", fn),
			 errhint("Use OVER (PARTITION BY customer ORDER BY contacted_at).")));
}

/*
 * The contact time of the nearest non-NULL row in direction dir (+1 next,
 * -1 previous) within the partition; false if there is none.
 */
static bool
neighbour_time(WindowObject winobj, int dir, TimestampTz *t)
{
	int			offset;

	for (offset = dir;; offset += dir)
	{
		bool		isnull,
					isout;
		Datum		d = WinGetFuncArgInPartition(winobj, 0, offset, WINDOW_SEEK_CURRENT,
												 false, &isnull, &isout);

		if (isout)
			return false;
		if (!isnull)
		{
			*t = DatumGetTimestampTz(d);
			return true;
		}
	}
}

static Datum
repeat_window(FunctionCallInfo fcinfo, int dir, const char *fn)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	bool		isnull;
	Datum		d;
	TimestampTz at,
				other;
	int64		within_us;
	int64		pos = WinGetCurrentPosition(winobj);
	int64		diff;
	bool		found;

	/*
	 * Rows before the current one are never read again looking forward;
	 * looking back, nothing before the last non-NULL row is (set below).
	 */
	if (dir > 0)
		WinSetMarkPosition(winobj, pos);
	d = WinGetFuncArgCurrent(winobj, 0, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	at = DatumGetTimestampTz(d);
	d = WinGetFuncArgCurrent(winobj, 1, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	within_us = skpi_interval_us(DatumGetIntervalP(d), "within");
	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("contacted_at must be a finite timestamp")));
	found = neighbour_time(winobj, dir, &other);
	if (dir < 0)
		WinSetMarkPosition(winobj, pos);
	if (!found)
		PG_RETURN_BOOL(false);
	if (TIMESTAMP_NOT_FINITE(other))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("contacted_at must be a finite timestamp")));
	if (dir > 0 ? other < at : other > at)
		order_error(fn);
	/* timestamps 294 000 years apart overflow: certainly not within */
	if (pg_sub_s64_overflow(dir > 0 ? other : at, dir > 0 ? at : other, &diff))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(diff <= within_us);
}

PG_FUNCTION_INFO_V1(skpi_repeat_contact);
Datum
skpi_repeat_contact(PG_FUNCTION_ARGS)
{
	return repeat_window(fcinfo, 1, "repeat_contact");
}

PG_FUNCTION_INFO_V1(skpi_is_repeat_contact);
Datum
skpi_is_repeat_contact(PG_FUNCTION_ARGS)
{
	return repeat_window(fcinfo, -1, "is_repeat_contact");
}
