/*
 * handling.c
 *		Handling KPIs: average handle time (aht) and occupancy.
 *
 *	 aht		(talk + hold + after-call work) / handled contacts, in seconds.
 *				Forms: aht(talk, hold, wrap) and aht(handle) for one duration,
 *				as interval or double precision seconds.  A NULL component
 *				counts as zero; a row whose components are all NULL is skipped.
 *	 occupancy	sum(busy) x 100 / sum(busy + available), from agent-state
 *				durations (breaks and training belong to neither).  A NULL
 *				component counts as zero; a row with both NULL is skipped.
 *
 * Durations are summed as exact microseconds (durations.c), so results do
 * not depend on how rows are split.  A negative component is an ERROR (22003),
 * as are NaN / infinite seconds and infinite intervals.
 *
 * States (counter_state.c): handle_state (handled, handle_us) and
 * occupancy_state (periods, busy_us, available_us); handle_state(handled,
 * handle_seconds) and occupancy_state(periods, busy_seconds,
 * available_seconds) build them from figures counted elsewhere.
 */
#include "postgres.h"

#include "fmgr.h"
#include "common/int.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "counter_state.h"
#include "durations.h"
#include "stats.h"

#define H_HANDLED	0
#define H_HANDLE_US 1
#define O_PERIODS	0
#define O_BUSY_US	1
#define O_AVAIL_US	2

/* sum of the non-NULL duration arguments first..last; false if all are NULL */
static bool
sum_durations(FunctionCallInfo fcinfo, int first, int last, bool seconds,
			  const char *const *names, int64 *total)
{
	bool		any = false;
	int			i;

	*total = 0;
	for (i = first; i <= last; i++)
	{
		int64		us;

		if (PG_ARGISNULL(i))
			continue;
		any = true;
		us = seconds ? skpi_seconds_us(PG_GETARG_FLOAT8(i), names[i - first]) :
			skpi_interval_us(PG_GETARG_INTERVAL_P(i), names[i - first]);
		if (pg_add_s64_overflow(*total, us, total))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("handle time is out of range")));
	}
	return any;
}

static const char *const handle_names[] = {"talk", "hold", "wrap"};
static const char *const single_name[] = {"handle"};
static const char *const occupancy_names[] = {"busy", "available"};

static Datum
handle_transition(FunctionCallInfo fcinfo, SkpiStep step, bool seconds)
{
	int			sign = SKPI_STEP_SIGN(step);
	int			last = PG_NARGS() - 1;
	int64		us;
	SkpiCounterState *st;

	if (!sum_durations(fcinfo, 1, last, seconds, last == 1 ? single_name : handle_names, &us))
		return skpi_counter_skip_row(fcinfo, SKPI_CK_HANDLE, 0, step);
	st = skpi_counter_fast(fcinfo, SKPI_CK_HANDLE, 0);
	if (unlikely(st == NULL))
		st = skpi_counter_for_row(fcinfo, SKPI_CK_HANDLE, 0, sign);
	/* an inverse of a row that was never counted returns NULL: recompute */
	if (st == NULL ||
		!skpi_counter_add(st, H_HANDLED, sign, 1) ||
		!skpi_counter_add(st, H_HANDLE_US, sign, us))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(st);
}

static Datum
occupancy_transition(FunctionCallInfo fcinfo, SkpiStep step, bool seconds)
{
	int			sign = SKPI_STEP_SIGN(step);
	int64		busy = 0,
				avail = 0;
	SkpiCounterState *st;

	if (PG_ARGISNULL(1) && PG_ARGISNULL(2))
		return skpi_counter_skip_row(fcinfo, SKPI_CK_OCCUPANCY, 0, step);
	(void) sum_durations(fcinfo, 1, 1, seconds, occupancy_names, &busy);
	(void) sum_durations(fcinfo, 2, 2, seconds, occupancy_names + 1, &avail);
	st = skpi_counter_fast(fcinfo, SKPI_CK_OCCUPANCY, 0);
	if (unlikely(st == NULL))
		st = skpi_counter_for_row(fcinfo, SKPI_CK_OCCUPANCY, 0, sign);
	if (st == NULL ||
		!skpi_counter_add(st, O_PERIODS, sign, 1) ||
		!skpi_counter_add(st, O_BUSY_US, sign, busy) ||
		!skpi_counter_add(st, O_AVAIL_US, sign, avail))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(st);
}

SKPI_TRANSITIONS(skpi_handle_state, _interval, handle_transition, false)
SKPI_TRANSITIONS(skpi_handle_state, _seconds, handle_transition, true)
SKPI_TRANSITIONS(skpi_occupancy_state, _interval, occupancy_transition, false)
SKPI_TRANSITIONS(skpi_occupancy_state, _seconds, occupancy_transition, true)

SKPI_COUNTER_TYPE_FUNCTIONS(handle, SKPI_CK_HANDLE)
SKPI_COUNTER_TYPE_FUNCTIONS(occupancy, SKPI_CK_OCCUPANCY)

/*
 * constructors of figures counted elsewhere: handle_state(handled,
 * handle_seconds), occupancy_state(periods, busy_seconds, available_seconds)
 */
SKPI_ENTRY(skpi_handle_state,
		   PointerGetDatum(skpi_counter_from_args(fcinfo, SKPI_CK_HANDLE, H_HANDLE_US, 0)))
SKPI_ENTRY(skpi_occupancy_state,
		   PointerGetDatum(skpi_counter_from_args(fcinfo, SKPI_CK_OCCUPANCY, O_BUSY_US, 0)))

PG_FUNCTION_INFO_V1(skpi_aht);
Datum
skpi_aht(PG_FUNCTION_ARGS)
{
	SkpiCounterState *st = skpi_counter_getarg(fcinfo, 0, SKPI_CK_HANDLE);

	if (st->slots[H_HANDLED] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(st->slots[H_HANDLE_US]) / (double) st->slots[H_HANDLED]);
}

PG_FUNCTION_INFO_V1(skpi_handled);
Datum
skpi_handled(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(skpi_counter_getarg(fcinfo, 0, SKPI_CK_HANDLE)->slots[H_HANDLED]);
}

PG_FUNCTION_INFO_V1(skpi_handle_seconds);
Datum
skpi_handle_seconds(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(skpi_counter_getarg(fcinfo, 0, SKPI_CK_HANDLE)->slots[H_HANDLE_US]));
}

PG_FUNCTION_INFO_V1(skpi_occupancy);
Datum
skpi_occupancy(PG_FUNCTION_ARGS)
{
	SkpiCounterState *st = skpi_counter_getarg(fcinfo, 0, SKPI_CK_OCCUPANCY);
	int64		total;

	if (pg_add_s64_overflow(st->slots[O_BUSY_US], st->slots[O_AVAIL_US], &total))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("occupancy total time is out of range")));
	if (total == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(skpi_numeric_pct(st->slots[O_BUSY_US], total));
}

PG_FUNCTION_INFO_V1(skpi_busy_seconds);
Datum
skpi_busy_seconds(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(skpi_counter_getarg(fcinfo, 0, SKPI_CK_OCCUPANCY)->slots[O_BUSY_US]));
}

PG_FUNCTION_INFO_V1(skpi_available_seconds);
Datum
skpi_available_seconds(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(skpi_counter_getarg(fcinfo, 0, SKPI_CK_OCCUPANCY)->slots[O_AVAIL_US]));
}
