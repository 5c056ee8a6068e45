/*
 * window.c
 *		The window functions: over one customer's events or contacts, in time
 *		order.
 *
 *	 sessionize(at, gap) OVER (PARTITION BY customer ORDER BY at): the
 *	 session number of each event, increasing when the silence since the
 *	 previous event exceeds gap.
 *
 *	 repeat_contact(contacted_at, within) OVER (PARTITION BY customer ORDER
 *	 BY contacted_at): true when the customer's next contact comes within
 *	 `within` after this one (so this one was not resolved at first contact);
 *	 is_repeat_contact(...) the reverse: this contact comes within `within`
 *	 after the previous one.
 *
 * Each reads the same two arguments of the current row, a finite time and
 * an interval (window_args), and needs its window in time order
 * (order_error).
 *
 * Errors: 22008 infinite times, 22003 negative intervals, 42P20 a window out
 * of order.
 */
#include "postgres.h"

#include "common/int.h"
#include "utils/timestamp.h"
#include "windowapi.h"

#include "compat.h"
#include "durations.h"

static void
check_finite(TimestampTz t, const char *name)
{
	if (TIMESTAMP_NOT_FINITE(t))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be a finite timestamp", name)));
}

static void
order_error(const char *fn, const char *column)
{
	ereport(ERROR,
			(errcode(ERRCODE_WINDOWING_ERROR),
			 errmsg("%s needs its window ordered by %s, ascending", fn, column),
			 errhint("Use OVER (PARTITION BY customer ORDER BY %s).", column)));
}

/*
 * The current row's time (argument 0, called at_name in errors) and interval
 * (argument 1, interval_name) in microseconds; false if either is NULL.
 */
static bool
window_args(WindowObject winobj, const char *at_name, const char *interval_name,
			TimestampTz *at, int64 *interval_us)
{
	bool		isnull;
	Datum		d;

	d = WinGetFuncArgCurrent(winobj, 0, &isnull);
	if (isnull)
		return false;
	*at = DatumGetTimestampTz(d);
	d = WinGetFuncArgCurrent(winobj, 1, &isnull);
	if (isnull)
		return false;
	*interval_us = skpi_interval_us(DatumGetIntervalP(d), interval_name);
	check_finite(*at, at_name);
	return true;
}

/* ---- sessionize ---- */

typedef struct SessionState
{
	int64		session;		/* 0 before the first non-NULL event */
	int64		prev_at;
} SessionState;

PG_FUNCTION_INFO_V1(skpi_sessionize);
Datum
skpi_sessionize(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	SessionState *ss = (SessionState *) WinGetPartitionLocalMemory(winobj, sizeof(SessionState));
	TimestampTz at;
	int64		gap_us;
	int64		diff;

	/* no row before the current one is ever read again */
	WinSetMarkPosition(winobj, WinGetCurrentPosition(winobj));
	if (!window_args(winobj, "at", "gap", &at, &gap_us))
		PG_RETURN_NULL();
	if (ss->session == 0)
		ss->session = 1;
	else
	{
		if (at < ss->prev_at)
			order_error("sessionize", "at");
		if (pg_sub_s64_overflow(at, ss->prev_at, &diff) || diff > gap_us)
			ss->session++;
	}
	ss->prev_at = at;
	PG_RETURN_INT32((int32) Min(ss->session, PG_INT32_MAX));
}

/* ---- repeat contacts ---- */

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
	if (!window_args(winobj, "contacted_at", "within", &at, &within_us))
		PG_RETURN_NULL();
	found = neighbour_time(winobj, dir, &other);
	if (dir < 0)
		WinSetMarkPosition(winobj, pos);
	if (!found)
		PG_RETURN_BOOL(false);
	check_finite(other, "contacted_at");
	if (dir > 0 ? other < at : other > at)
		order_error(fn, "contacted_at");
	/* timestamps 294 000 years apart overflow: certainly not within */
	if (pg_sub_s64_overflow(dir > 0 ? other : at, dir > 0 ? at : other, &diff))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(diff <= within_us);
}

SKPI_ENTRY(skpi_repeat_contact, repeat_window(fcinfo, 1, "repeat_contact"))
SKPI_ENTRY(skpi_is_repeat_contact, repeat_window(fcinfo, -1, "is_repeat_contact"))
