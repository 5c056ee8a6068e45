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
#include "lib/stringinfo.h"
#include "utils/array.h"

#include "state.h"
#include "textparse.h"

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
 * bounds of the buckets they cover, at the same place in both layouts
 * (offset 16): the earliest start and the latest end of the buckets, both 0
 * when the state covers no time (span_us = 0), and span_us, the sum of the
 * buckets' lengths (operator-time).
 */
typedef struct SkpiBucketBounds
{
	TimestampTz start;			/* bucket_start */
	TimestampTz end;			/* bucket_end */
	int64		span_us;
} SkpiBucketBounds;

/* bounds as a state keeps them: 0 when span_us is 0 */
static inline SkpiBucketBounds
skpi_bucket_bounds(TimestampTz start, TimestampTz end, int64 span_us)
{
	SkpiBucketBounds b;

	b.start = span_us == 0 ? 0 : start;
	b.end = span_us == 0 ? 0 : end;
	b.span_us = span_us;
	return b;
}

/* bounds null (0) exactly when span_us is 0, else finite with start before end */
extern bool skpi_bucket_bounds_ok(const SkpiBucketBounds *b);

/* the first keys of a per-bucket state's text form */
#define SKPI_BOUNDS_KEYS "bucket_start", "bucket_end", "span_us"
#define SKPI_BOUNDS_NKEYS 3

typedef struct SkpiBoundsIn
{
	SkpiBucketBounds b;
	bool		start_null,
				end_null;
} SkpiBoundsIn;

/* the value of key (< SKPI_BOUNDS_NKEYS): a finite timestamp or null, or span_us */
extern bool skpi_bucket_bounds_field(TextParser *tp, int key, SkpiBoundsIn *in);

/* after every key: the bounds are null exactly when span_us is 0 (then read as 0) */
extern bool skpi_bucket_bounds_in_end(TextParser *tp, SkpiBoundsIn *in);

/* ,"bucket_start":...,"bucket_end":...,"span_us":... of the text form (null bounds when span_us is 0) */
extern void skpi_bucket_bounds_out(StringInfo buf, const SkpiBucketBounds *b);

/* binary form: int64 bucket_start, bucket_end, span_us */
extern void skpi_bucket_bounds_send(StringInfo buf, const SkpiBucketBounds *b);
extern void skpi_bucket_bounds_recv(StringInfo buf, SkpiBucketBounds *b);

/*
 * The bounds after merging b into a (sign +1) or taking b out of a (sign
 * -1) into *r.  Merging: ERROR 22003 "<typname> out of range" when the
 * spans overflow.  Taking out: ERROR 22023 (skpi_bucket_not_part) when b's
 * span exceeds a's or its bounds lie outside a's; when b touches an edge of
 * a and time remains, the bounds are unknown: false inside an aggregate
 * (the window recomputes its frame), else ERROR.
 */
extern bool skpi_bucket_bounds_merge(const SkpiStateType *t, const SkpiBucketBounds *a,
									 const SkpiBucketBounds *b, int sign, bool in_aggregate,
									 SkpiBucketBounds *r);

/* ERROR 22003 "<typname> out of range" */
extern void skpi_bucket_out_of_range(const SkpiStateType *t) pg_attribute_noreturn();

/* ERROR 22023 "cannot remove a(n) <typname> that is not part of the other" */
extern void skpi_bucket_not_part(const SkpiStateType *t) pg_attribute_noreturn();

/* bucket_start(state) or bucket_end(state) (end): NULL when the state covers no time */
extern Datum skpi_bucket_bound_datum(FunctionCallInfo fcinfo, const SkpiBucketBounds *b, bool end);

static inline double
skpi_us_seconds(int64 us)
{
	return (double) us / USECS_PER_SEC;
}

/*
 * The end of a type's valid hook: true without a problem, else false after
 * ereturn 22023 "invalid <typname> value" with the problem as its detail.
 */
extern bool skpi_bucket_state_valid(const SkpiStateType *t, const char *problem, Node *escontext);

/* a final function's result: its n per-bucket states as an array of its return type's element */
extern ArrayType *skpi_bucket_states_array(FunctionCallInfo fcinfo, Datum *states, int n, const char *what);

#endif							/* SKPI_BUCKETS_H */
