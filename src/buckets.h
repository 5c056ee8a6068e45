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

/*
 * The per-bucket states (agent_time_state, concurrency_state) keep the
 * bounds of the buckets they cover: bucket_start, bucket_end (0 when the
 * state covers no time, span_us = 0).
 */
#include "lib/stringinfo.h"
#include "utils/array.h"

#include "textparse.h"

/* ,"bucket_start":...,"bucket_end":... of the text form (null when span_us is 0) */
extern void skpi_bucket_bounds_out(StringInfo buf, int64 span_us, TimestampTz start, TimestampTz end);

/* a bound of the text form: a finite timestamp, or null (*isnull) */
extern bool skpi_bucket_bound_in(TextParser *tp, TimestampTz *at, bool *isnull);

/*
 * The bounds after merging b into a (sign +1) or taking b out of a (sign -1;
 * span_after: the span that remains).  Taking out: ERROR 22023 "cannot
 * remove <state> that is not part of the other" when b's bounds lie outside
 * a's; when b touches an edge of a and time remains, the bounds are unknown:
 * false inside an aggregate (the window recomputes its frame), else ERROR.
 * state names the type with its article ("an agent_time_state").
 */
extern bool skpi_bucket_bounds_merge(const char *state, int64 a_span, TimestampTz a_start, TimestampTz a_end,
									 int64 b_span, TimestampTz b_start, TimestampTz b_end, int64 span_after,
									 int sign, bool in_aggregate, TimestampTz *start, TimestampTz *end);

/* a final function's result: its n per-bucket states as an array of its return type's element */
extern ArrayType *skpi_bucket_states_array(FunctionCallInfo fcinfo, Datum *states, int n, const char *what);

#endif							/* SKPI_BUCKETS_H */
