/*
 * buckets.h
 *		The bucket edges of the splitting aggregates (agent_time,
 *		concurrency): buckets of [from, to) with edges from + k * width,
 *		computed in a time zone when width has days or months (as
 *		timestamptz + interval): a day bucket across a DST change is 23 or 25
 *		hours; month k of a start on the 31st is the month's last day.  The
 *		last bucket ends at `to`.
 */
#ifndef SKPI_BUCKETS_H
#define SKPI_BUCKETS_H

#include "postgres.h"
#include "fmgr.h"
#include "datatype/timestamp.h"

/* the most buckets one call may split [from, to) into */
#define SKPI_MAX_BUCKETS 100000

/* from + k * width (not clipped), in zone when width has days or months */
extern TimestampTz skpi_bucket_edge_at(const Interval *width, TimestampTz from, const char *zone, int64 k);

/* the end of bucket k - 1 (k = 0: from): the edge, clipped to `to`; k >= nbuckets: to */
extern TimestampTz skpi_bucket_edge(const Interval *width, TimestampTz from, TimestampTz to,
									const char *zone, int32 nbuckets, int64 k);

/*
 * The number of buckets of [from, to); ERROR past SKPI_MAX_BUCKETS, or when
 * the width does not move time forward.  what names the aggregate in the
 * messages ("agent_time").
 */
extern int32 skpi_bucket_count(const char *what, const Interval *width, TimestampTz from,
							   TimestampTz to, const char *zone);

/*
 * The arguments width, from, to [, time_zone] of a splitting aggregate, from
 * argument a on, checked (22023: NULL, a width that is not positive, from not
 * before to, an unknown zone); returns the zone's name (the session's when
 * the call has no time_zone argument) and the number of buckets.
 */
extern const char *skpi_bucket_args(FunctionCallInfo fcinfo, int a, const char *what,
									Interval *width, TimestampTz *from, TimestampTz *to,
									int32 *nbuckets);

#endif							/* SKPI_BUCKETS_H */
