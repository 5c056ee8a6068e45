/*
 * durations.c
 *		Durations from SQL arguments, as exact microseconds (durations.h).
 */
#include "postgres.h"

#include <math.h>

#include "common/int.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "durations.h"

static void
negative_error(const char *what, double seconds)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s %g s is negative", what, seconds),
			 errhint("Durations must be zero or positive.")));
}

static void
overflow_error(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("%s is out of range", what)));
}

int64
skpi_interval_us_slow(const Interval *iv, const char *what)
{
	int64		us;
	int64		days_us;

#if PG_VERSION_NUM >= 170000
	if (INTERVAL_NOT_FINITE(iv))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be finite", what)));
#endif
	if (pg_mul_s64_overflow((int64) iv->month * DAYS_PER_MONTH + iv->day,
							USECS_PER_DAY, &days_us) ||
		pg_add_s64_overflow(days_us, iv->time, &us))
		overflow_error(what);
	if (us < 0)
		negative_error(what, (double) us / 1e6);
	return us;
}

int64
skpi_seconds_us_slow(double seconds, const char *what)
{
	double		us;

	if (isnan(seconds) || isinf(seconds))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %g is not a finite number of seconds", what, seconds)));
	if (seconds < 0)
		negative_error(what, seconds);
	us = rint(seconds * 1e6);	/* as the inline fast path rounds */
	if (us >= 9.2e18)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %g s is out of range", what, seconds)));
	return (int64) us;
}

int64
skpi_timestamps_us(TimestampTz from, TimestampTz to, const char *from_name,
				   const char *to_name)
{
	int64		us;

	if (TIMESTAMP_NOT_FINITE(from) || TIMESTAMP_NOT_FINITE(to))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s and %s must be finite timestamps", from_name, to_name)));
	if (pg_sub_s64_overflow(to, from, &us))
		overflow_error(to_name);
	if (us < 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s is %g s before %s", to_name, (double) -us / 1e6, from_name)));
	return us;
}
