/*
 * durations.h
 *		Durations from SQL arguments, as exact microseconds.
 *
 * Waits and handle times arrive as interval, as double precision seconds or
 * as a pair of timestamps; all three become int64 microseconds (PostgreSQL's
 * own resolution), so sums are exact and identical however rows are split.
 * An interval's months count 30 days and its days 24 hours, as interval
 * comparison does ('1 mon' = '30 days'; so a year is 360 days, unlike
 * EXTRACT(EPOCH ...)).  Seconds are rounded to the microsecond, half to even,
 * as make_interval(secs => ...) rounds them.
 * Negative durations are errors (22003), and so are infinite or NaN values
 * and durations beyond about 292 000 years (22008 for infinite timestamps and
 * intervals).
 */
#ifndef SKPI_DURATIONS_H
#define SKPI_DURATIONS_H

#include "postgres.h"
#include <math.h>

#include "datatype/timestamp.h"

extern int64 skpi_interval_us_slow(const Interval *iv, const char *what);
extern int64 skpi_seconds_us_slow(double seconds, const char *what);

/* per-row fast paths, inlined; anything unusual goes to the checked slow path */
static inline int64
skpi_interval_us(const Interval *iv, const char *what)
{
	if (likely(iv->month == 0 && iv->day == 0 && iv->time >= 0))
		return iv->time;
	return skpi_interval_us_slow(iv, what);
}

static inline int64
skpi_seconds_us(double seconds, const char *what)
{
	/* also false for NaN; rounds half to even, as make_interval() does */
	if (likely(seconds >= 0.0 && seconds < 9.0e12))
		return (int64) rint(seconds * 1e6);
	return skpi_seconds_us_slow(seconds, what);
}
extern int64 skpi_timestamps_us(TimestampTz from, TimestampTz to,
								const char *from_name, const char *to_name);
/* microseconds as double precision seconds */
#define SKPI_US_TO_SECONDS(us) ((double) (us) / 1000000.0)

#endif							/* SKPI_DURATIONS_H */
