/*
 * sketch.c
 *		duration_sketch: percentiles of durations from a mergeable state with
 *		bounded relative error (see sketch.h for the bucket scheme).
 *
 *	 duration_agg(interval | seconds | started_at, ended_at),
 *	 resolution_time_agg(opened_at, resolved_at)		-> duration_sketch
 *	 rollup(duration_sketch)							-> duration_sketch
 *	 duration_percentile(s), duration_median, duration_mean, duration_count,
 *	 duration_min, duration_max, duration_share_within	(sketch_accessors.c)
 *
 * This file holds the state: its transitions, merges, validation and I/O,
 * on the state framework (state.h); the bucket tables are in
 * sketch_buckets.c.
 *
 * Per row the transition adds one to the value's cell, the value to the exact
 * sum, and updates the exact minimum and maximum; in an aggregate the state
 * is updated in place.  Only a value outside the state's bucket range
 * [offset, offset + nbuckets - 1] needs a larger state: it is allocated in
 * the per-call context and the executor copies it into the aggregate context
 * and frees the old one.  (repalloc of the old state would free it under the
 * executor, which frees it again.)  Forward transitions and merges keep the
 * range tight: its first and last buckets are non-empty.
 *
 * The state also counts how many values equal the minimum and the maximum.
 * The inverse transition (window frames, O(1) per row) takes one from the
 * value's cell, and from those counts when it is an extreme.  It returns
 * NULL, and PostgreSQL recomputes the frame, when it cannot do that exactly:
 * for a value the state cannot hold (its cell is empty, it lies outside
 * [min, max]), and when the last copy of the minimum or maximum leaves while
 * other values remain, because the new extreme is then unknown.  Window
 * results are therefore always those of a recomputation.  Buckets emptied by
 * inverse transitions stay in the range until a final function, which
 * returns the trimmed (canonical) state.
 *
 * Removing a merged state outside an aggregate (duration_sketch_uncombine
 * called directly) may likewise remove an extreme: its count then becomes 0
 * (the "inexact" flag) and min_us / max_us hold the bounds of the lowest /
 * highest non-empty bucket; duration_min / duration_max then report that
 * bucket's estimate.  An extreme that the cells determine (a zero value, a
 * bucket holding one whole microsecond, a single value) is always exact.
 *
 * Estimates: the j-th smallest value (0-based) is estimated as the exact
 * min for the first min_count values, the exact max for the last max_count,
 * 0 in the zero counter, and otherwise the representative 2 gamma^i /
 * (gamma + 1) of its bucket, moved into the whole microseconds the bucket
 * can hold and into [min, max].  Each estimate is within alpha (relative) of the true value,
 * so percentiles interpolated from them as percentile_cont interpolates are
 * too.  All arithmetic on estimates is IEEE double (this file is compiled
 * with -ffp-contract=off), so results are the same on every platform.
 *
 * Everything read from outside is checked: text and binary input fully
 * (22P02 / 22P03; 22003 for an integer out of bigint range; 08P01 for a
 * truncated binary value), stored datums by their header (XX001).
 */
#include "postgres.h"

#include <math.h>

#include "common/int.h"
#include "common/int128.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "durations.h"
#include "sketch.h"
#include "state.h"
#include "textparse.h"

#define TYPNAME "duration_sketch"

/* ----------------------------------------------------------------
 * States
 * ----------------------------------------------------------------
 */

static SkpiSketch *
sketch_alloc(int offset, int nbuckets)
{
	Size		size = SKPI_SKETCH_SIZE(nbuckets);
	SkpiSketch *st = palloc0(size);

	SET_VARSIZE(st, size);
	st->version = SKPI_SKETCH_VERSION;
	st->kind = SKPI_SKETCH_KIND_DURATION;
	st->offset = nbuckets > 0 ? offset : 0;
	st->nbuckets = nbuckets;
	return st;
}

static bool
sketch_range_ok(int offset, int nbuckets)
{
	return nbuckets >= 0 && nbuckets <= SKPI_SKETCH_MAX_BUCKETS &&
		offset >= 0 && offset <= SKPI_SKETCH_MAX_BUCKETS - nbuckets &&
		(nbuckets > 0 || offset == 0);
}

/* a stored state: its bucket range and size (the driver checked the header) */
static bool
sketch_stored_ok(const SkpiStateHeader *h)
{
	const SkpiSketch *st = (const SkpiSketch *) h;

	if (!(VARSIZE(st) >= SKPI_SKETCH_HEADER_SIZE &&
		  sketch_range_ok(st->offset, st->nbuckets) &&
		  VARSIZE(st) == SKPI_SKETCH_SIZE(st->nbuckets)))
		return false;
	/*
	 * Nothing negative in the header (constant work: this runs for every
	 * row's final function in a window).  The buckets are not walked here;
	 * the readers that walk them stay within nbuckets whatever the counts.
	 */
	return st->count >= 0 && st->zero >= 0 && st->sum_us >= 0 && st->min_us >= 0 &&
		st->min_count >= 0 && st->max_us >= 0 && st->max_count >= 0;
}

SkpiSketch *
skpi_sketch_getarg(FunctionCallInfo fcinfo, int argno)
{
	SkpiSketch *st = skpi_state_getarg(fcinfo, argno, &skpi_sketch_type);

	sketch_tables();
	return st;
}

SkpiSketch *
skpi_sketch_nonempty_arg(FunctionCallInfo fcinfo)
{
	SkpiSketch *st = skpi_sketch_getarg(fcinfo, 0);

	return st->count == 0 ? NULL : st;
}

/* the aggregate's own state, to be updated in place (state.h) */
static SkpiSketch *
sketch_for_update(FunctionCallInfo fcinfo, int argno)
{
	SkpiSketch *st = skpi_state_for_update(fcinfo, argno, &skpi_sketch_type);

	sketch_tables();
	return st;
}

/* positions of the first and last non-empty buckets; false if none */
static bool
sketch_nonempty_range(const SkpiSketch *st, int *first, int *last)
{
	int			f = 0,
				l = st->nbuckets - 1;

	while (f <= l && st->counts[f] == 0)
		f++;
	if (f > l)
		return false;
	while (st->counts[l] == 0)
		l--;
	*first = f;
	*last = l;
	return true;
}

/* a copy of st with buckets lo..hi (none if hi < lo), which hold all it has */
static SkpiSketch *
sketch_resized(const SkpiSketch *st, int lo, int hi)
{
	SkpiSketch *r = sketch_alloc(lo, hi >= lo ? hi - lo + 1 : 0);
	int			from = Max(lo, st->offset),
				to = Min(hi, st->offset + st->nbuckets - 1);

	memcpy(&r->count, &st->count, offsetof(SkpiSketch, counts) - offsetof(SkpiSketch, count));
	if (from <= to)
		memcpy(&r->counts[from - r->offset], &st->counts[from - st->offset],
			   sizeof(int64) * (to - from + 1));
	return r;
}

/* st without empty buckets at either end: st itself if it has none */
static SkpiSketch *
sketch_canonical(SkpiSketch *st)
{
	int			first,
				last;

	if (!sketch_nonempty_range(st, &first, &last))
		return st->nbuckets == 0 ? st : sketch_resized(st, 0, -1);
	if (first == 0 && last == st->nbuckets - 1)
		return st;
	return sketch_resized(st, st->offset + first, st->offset + last);
}

/* after the last value left: the empty state (its buckets are all zero) */
static void
sketch_clear(SkpiSketch *st)
{
	st->count = st->zero = st->sum_us = 0;
	st->min_us = st->min_count = st->max_us = st->max_count = 0;
	memset(st->counts, 0, sizeof(int64) * st->nbuckets);
}

/*
 * An extreme whose count is 0 (unknown) in a non-empty state: exact when the
 * cells determine it (a single value, the zero counter, a bucket holding one
 * whole microsecond), else the bound of the lowest / highest non-empty
 * bucket, its count staying 0.
 */
static void
sketch_settle(SkpiSketch *st)
{
	int			first = 0,
				last = -1;
	bool		any = sketch_nonempty_range(st, &first, &last);
	int			lo = st->offset + first,
				hi = st->offset + last;

	if (st->count == 1)
	{
		st->min_us = st->max_us = st->sum_us;
		st->min_count = st->max_count = 1;
		return;
	}
	if (st->min_count == 0)
	{
		if (st->zero > 0)
		{
			st->min_us = 0;
			st->min_count = st->zero;
		}
		else if (any)
		{
			st->min_us = bucket_lower(lo);
			if (bucket_lower(lo) == skpi_sketch_upper[lo])
				st->min_count = st->counts[first];
		}
	}
	if (st->max_count == 0)
	{
		if (!any)
		{
			st->max_us = 0;
			st->max_count = st->zero;
		}
		else
		{
			st->max_us = skpi_sketch_upper[hi];
			if (bucket_lower(hi) == skpi_sketch_upper[hi])
				st->max_count = st->counts[last];
		}
	}
}

static void
count_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("duration_sketch count is out of range for type bigint")));
}

static void
sum_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("duration_sketch total duration is out of range for type bigint"),
			 errdetail("The durations add up to more than 9223372036854775807 microseconds (about 292 000 years).")));
}

/* ----------------------------------------------------------------
 * Transitions
 * ----------------------------------------------------------------
 */

/*
 * Add one value: in place when its cell is in the range, else in a larger
 * copy, which is returned.  st may be NULL (a new state).
 */
static SkpiSketch *
sketch_add(SkpiSketch *st, int64 us)
{
	int			i = sketch_cell(us);
	int64		count,
				sum;

	if (st == NULL)
		st = sketch_alloc(i, i >= 0 ? 1 : 0);
	if (pg_add_s64_overflow(st->count, 1, &count))
		count_overflow();
	if (pg_add_s64_overflow(st->sum_us, us, &sum))
		sum_overflow();
	if (i >= 0 && (st->nbuckets == 0 || i < st->offset || i >= st->offset + st->nbuckets))
	{
		int			lo = i,
					hi = i,
					first,
					last;

		if (sketch_nonempty_range(st, &first, &last))
		{
			lo = Min(lo, st->offset + first);
			hi = Max(hi, st->offset + last);
		}
		st = sketch_resized(st, lo, hi);
	}
	if (i < 0)
		st->zero++;
	else
		st->counts[i - st->offset]++;
	if (st->count == 0)
	{
		st->min_us = st->max_us = us;
		st->min_count = st->max_count = 1;
	}
	else
	{
		/* an unknown extreme's bound lies below / above every value */
		if (us < st->min_us)
		{
			st->min_us = us;
			st->min_count = 1;
		}
		else if (us == st->min_us && st->min_count > 0)
			st->min_count++;
		if (us > st->max_us)
		{
			st->max_us = us;
			st->max_count = 1;
		}
		else if (us == st->max_us && st->max_count > 0)
			st->max_count++;
	}
	st->count = count;
	st->sum_us = sum;
	if (st->min_count == 0 || st->max_count == 0)
		sketch_settle(st);
	return st;
}

/* the per-row hot path: exact extremes, the cell in the range, no overflow */
static inline bool
sketch_add_fast(SkpiSketch *st, int64 us)
{
	int64	   *slot;
	int64		sum;

	if (unlikely(st->min_count <= 0 || st->max_count <= 0 || st->count == PG_INT64_MAX))
		return false;
	if (us == 0)
		slot = &st->zero;
	else
	{
		uint32		pos = (uint32) (sketch_index(us) - st->offset);

		if (unlikely(pos >= (uint32) st->nbuckets))
			return false;
		slot = &st->counts[pos];
	}
	if (unlikely(pg_add_s64_overflow(st->sum_us, us, &sum)))
		return false;
	(*slot)++;
	st->count++;
	st->sum_us = sum;
	if (us < st->min_us)
	{
		st->min_us = us;
		st->min_count = 1;
	}
	else if (us == st->min_us)
		st->min_count++;
	if (us > st->max_us)
	{
		st->max_us = us;
		st->max_count = 1;
	}
	else if (us == st->max_us)
		st->max_count++;
	return true;
}

/*
 * Remove one value (inverse transition).  NULL, leaving the state untouched,
 * when that cannot be done exactly (see the head of the file).
 */
static Datum
sketch_retract(FunctionCallInfo fcinfo, int64 us)
{
	SkpiSketch *st;
	int64	   *slot;

	skpi_state_require_aggregate(fcinfo, &skpi_sketch_type);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = sketch_for_update(fcinfo, 0);
	if (st->count <= 0 || st->min_count <= 0 || st->max_count <= 0 ||
		us < st->min_us || us > st->max_us || us > st->sum_us)
		PG_RETURN_NULL();
	if (us == 0)
		slot = &st->zero;
	else
	{
		uint32		pos = (uint32) (sketch_index(us) - st->offset);

		if (pos >= (uint32) st->nbuckets)
			PG_RETURN_NULL();
		slot = &st->counts[pos];
	}
	if (*slot <= 0)
		PG_RETURN_NULL();
	if (st->count == 1)
	{
		if (st->sum_us != us)
			PG_RETURN_NULL();
		sketch_clear(st);
		PG_RETURN_POINTER(st);
	}
	if (st->min_us == st->max_us)
	{
		/* all values are equal: one fewer of them */
		st->min_count--;
		st->max_count--;
	}
	else if (us == st->min_us || us == st->max_us)
	{
		int64	   *n = us == st->min_us ? &st->min_count : &st->max_count;

		/* the last copy of an extreme: the next one is unknown, recompute */
		if (*n == 1)
			PG_RETURN_NULL();
		(*n)--;
	}
	(*slot)--;
	st->count--;
	st->sum_us -= us;
	PG_RETURN_POINTER(st);
}

typedef enum SketchForm
{
	SF_INTERVAL,
	SF_SECONDS,
	SF_STARTED_ENDED,
	SF_OPENED_RESOLVED
} SketchForm;

/* the row's duration; false for a row to skip (a NULL argument) */
static inline bool
sketch_row_us(FunctionCallInfo fcinfo, SketchForm form, int64 *us)
{
	switch (form)
	{
		case SF_INTERVAL:
			if (PG_ARGISNULL(1))
				return false;
			*us = skpi_interval_us(PG_GETARG_INTERVAL_P(1), "duration");
			return true;
		case SF_SECONDS:
			if (PG_ARGISNULL(1))
				return false;
			*us = skpi_seconds_us(PG_GETARG_FLOAT8(1), "duration");
			return true;
		case SF_STARTED_ENDED:
		case SF_OPENED_RESOLVED:
			if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
				return false;
			*us = form == SF_STARTED_ENDED ?
				skpi_timestamps_us(PG_GETARG_TIMESTAMPTZ(1), PG_GETARG_TIMESTAMPTZ(2),
								   "started_at", "ended_at") :
				skpi_timestamps_us(PG_GETARG_TIMESTAMPTZ(1), PG_GETARG_TIMESTAMPTZ(2),
								   "opened_at", "resolved_at");
			return true;
	}
	return false;				/* keep compiler quiet */
}

static Datum
sketch_transition(FunctionCallInfo fcinfo, SkpiStep step, SketchForm form)
{
	int64		us;
	SkpiSketch *st;

	if (!sketch_row_us(fcinfo, form, &us))
	{
		/* skipped: the state unchanged; a moving aggregate never gets NULL */
		skpi_state_require_aggregate(fcinfo, &skpi_sketch_type);
		if (!PG_ARGISNULL(0))
			PG_RETURN_DATUM(PG_GETARG_DATUM(0));
		if (step != SKPI_MOVING)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(sketch_alloc(0, 0));
	}
	if (step == SKPI_INVERSE)
		return sketch_retract(fcinfo, us);
	if (likely(!PG_ARGISNULL(0) && AggCheckCallContext(fcinfo, NULL)))
	{
		st = (SkpiSketch *) PG_GETARG_POINTER(0);
		if (likely(!VARATT_IS_EXTENDED(st) && st->kind == SKPI_SKETCH_KIND_DURATION &&
				   sketch_add_fast(st, us)))
			PG_RETURN_POINTER(st);
	}
	skpi_state_require_aggregate(fcinfo, &skpi_sketch_type);
	st = PG_ARGISNULL(0) ? NULL : sketch_for_update(fcinfo, 0);
	PG_RETURN_POINTER(sketch_add(st, us));
}

/* transitions: form x (forward, moving forward, inverse) */
SKPI_TRANSITIONS(skpi_duration_sketch, _interval, sketch_transition, SF_INTERVAL)
SKPI_TRANSITIONS(skpi_duration_sketch, _seconds, sketch_transition, SF_SECONDS)
SKPI_TRANSITIONS(skpi_duration_sketch, _timestamps, sketch_transition, SF_STARTED_ENDED)
SKPI_TRANSITIONS(skpi_duration_sketch, _resolution, sketch_transition, SF_OPENED_RESOLVED)

/* ----------------------------------------------------------------
 * Merging
 * ----------------------------------------------------------------
 */

/*
 * One extreme of a merge: (*v, *n) from a, (bv, bn) from b; lower picks the
 * minimum.  A count of 0 is an unknown extreme whose value is a bound: the
 * known side wins only when it lies strictly beyond that bound.
 */
static void
merge_extreme(int64 *v, int64 *n, int64 bv, int64 bn, bool lower)
{
	bool		b_beyond = lower ? bv < *v : bv > *v;

	if (*n > 0 && bn > 0)
	{
		if (b_beyond)
		{
			*v = bv;
			*n = bn;
		}
		else if (bv == *v)
			*n += bn;
	}
	else if (*n > 0)
	{
		if (b_beyond || bv == *v)
			*n = 0;
	}
	else if (bn > 0 && b_beyond)
	{
		*v = bv;
		*n = bn;
	}
}

/* a += b; in place when b's buckets fit a's range, else in a larger copy */
static SkpiSketch *
sketch_merge(SkpiSketch *a, const SkpiSketch *b)
{
	int64		count,
				zero,
				sum;
	int			first,
				last,
				i;

	if (b->count == 0)
		return a;
	if (pg_add_s64_overflow(a->count, b->count, &count) ||
		pg_add_s64_overflow(a->zero, b->zero, &zero))
		count_overflow();
	if (pg_add_s64_overflow(a->sum_us, b->sum_us, &sum))
		sum_overflow();
	if (sketch_nonempty_range(b, &first, &last))
	{
		int			lo = b->offset + first,
					hi = b->offset + last,
					afirst,
					alast;

		if (a->nbuckets == 0 || lo < a->offset || hi >= a->offset + a->nbuckets)
		{
			if (sketch_nonempty_range(a, &afirst, &alast))
			{
				lo = Min(lo, a->offset + afirst);
				hi = Max(hi, a->offset + alast);
			}
			a = sketch_resized(a, lo, hi);
		}
		for (i = first; i <= last; i++)
		{
			int64	   *slot = &a->counts[b->offset + i - a->offset];

			if (pg_add_s64_overflow(*slot, b->counts[i], slot))
				count_overflow();
		}
	}
	if (a->count == 0)
	{
		a->min_us = b->min_us;
		a->min_count = b->min_count;
		a->max_us = b->max_us;
		a->max_count = b->max_count;
	}
	else
	{
		merge_extreme(&a->min_us, &a->min_count, b->min_us, b->min_count, true);
		merge_extreme(&a->max_us, &a->max_count, b->max_us, b->max_count, false);
	}
	a->count = count;
	a->zero = zero;
	a->sum_us = sum;
	if (a->min_count == 0 || a->max_count == 0)
		sketch_settle(a);
	return a;
}

static void
not_part(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot remove a duration_sketch that is not part of the other"),
			 errdetail("%s", detail)));
}

/*
 * One extreme of a - b: the count of a's extreme that remains, 0 if the
 * remaining extreme is unknown.  ERROR if b reaches beyond a's extreme.
 */
static int64
unmerge_extreme(int64 v, int64 n, int64 bv, int64 bn, bool lower)
{
	bool		b_inside = lower ? bv > v : bv < v;

	if (n == 0)
		return 0;
	if (b_inside)
		return n;
	if (bn == 0)
		return 0;				/* b's extreme is a bound: unknown */
	if (bv != v || bn > n)
		not_part("Its minimum or maximum lies beyond the other's.");
	return n - bn;
}

/*
 * a -= b, in place.  When an extreme of the rest is unknown: NULL in an
 * aggregate (recompute the frame), else its count becomes 0 (inexact).
 */
static SkpiSketch *
sketch_unmerge(SkpiSketch *a, const SkpiSketch *b, bool in_aggregate)
{
	int			first = 0,
				last = -1,
				i;
	int64		min_count,
				max_count;

	if (b->count == 0)
		return a;
	if (b->count > a->count || b->zero > a->zero || b->sum_us > a->sum_us)
		not_part("It holds more values, zero values or time than the other.");
	if (sketch_nonempty_range(b, &first, &last))
	{
		if (b->offset + first < a->offset ||
			b->offset + last >= a->offset + a->nbuckets)
			not_part("It has values in buckets the other does not have.");
		for (i = first; i <= last; i++)
			if (b->counts[i] > a->counts[b->offset + i - a->offset])
				not_part("It has more values in a bucket than the other.");
	}
	min_count = unmerge_extreme(a->min_us, a->min_count, b->min_us, b->min_count, true);
	max_count = unmerge_extreme(a->max_us, a->max_count, b->max_us, b->max_count, false);
	if (b->count == a->count)
	{
		if (b->zero != a->zero || b->sum_us != a->sum_us)
			not_part("It holds as many values as the other, but not the same ones.");
		sketch_clear(a);
		return a;
	}
	if ((min_count == 0 || max_count == 0) && in_aggregate)
		return NULL;
	for (i = first; i <= last; i++)
		a->counts[b->offset + i - a->offset] -= b->counts[i];
	a->count -= b->count;
	a->zero -= b->zero;
	a->sum_us -= b->sum_us;
	a->min_count = min_count;
	a->max_count = max_count;
	if (min_count == 0 || max_count == 0)
		sketch_settle(a);
	return a;
}

/* what a validation checks: text input, binary input, or a direct uncombine */
#define SKETCH_CHECK_TEXT		0
#define SKETCH_CHECK_BINARY		1
#define SKETCH_CHECK_UNMERGE	2

static bool sketch_valid(const SkpiSketch *st, int how, Node *escontext);

/*
 * The merge hook (state.h): combine, uncombine.  Outside an aggregate the
 * result is trimmed; an uncombine called directly may be given a sketch that
 * passes the checks above without being part of a: what remains must be a
 * valid sketch (22023 if not).
 */
static SkpiStateHeader *
sketch_merge_hook(SkpiStateHeader *ah, const SkpiStateHeader *bh, int sign,
				  bool in_aggregate)
{
	SkpiSketch *a = (SkpiSketch *) ah;
	const SkpiSketch *b = (const SkpiSketch *) bh;

	sketch_tables();
	if (sign > 0)
		a = sketch_merge(a, b);
	else
	{
		a = sketch_unmerge(a, b, in_aggregate);
		if (a == NULL)
			return NULL;
	}
	if (in_aggregate)
		return (SkpiStateHeader *) a;
	a = sketch_canonical(a);
	if (sign < 0)
		(void) sketch_valid(a, SKETCH_CHECK_UNMERGE, NULL);
	return (SkpiStateHeader *) a;
}

static bool
sketch_empty(const SkpiStateHeader *h)
{
	return ((const SkpiSketch *) h)->count == 0;
}

/* final function: NULL for a state without values, else the trimmed state */
PG_FUNCTION_INFO_V1(skpi_duration_sketch_nonempty);
Datum
skpi_duration_sketch_nonempty(PG_FUNCTION_ARGS)
{
	SkpiSketch *st = skpi_sketch_nonempty_arg(fcinfo);

	if (st == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(sketch_canonical(st));
}

/* ----------------------------------------------------------------
 * Validation of values from outside
 * ----------------------------------------------------------------
 */

static bool sketch_invalid(Node *escontext, int how, const char *fmt,...) pg_attribute_printf(3, 4);

static bool
sketch_invalid(Node *escontext, int how, const char *fmt,...)
{
	char		problem[256];
	va_list		args;

	va_start(args, fmt);
	vsnprintf(problem, sizeof(problem), fmt, args);
	va_end(args);
	if (how == SKETCH_CHECK_UNMERGE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove a duration_sketch that is not part of the other"),
				 errdetail("What would remain is not a valid sketch: %s.", problem)));
	ereturn(escontext, false,
			(errcode(how == SKETCH_CHECK_BINARY ? ERRCODE_INVALID_BINARY_REPRESENTATION :
					 ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid duration_sketch: %s", problem)));
}

/*
 * One extreme against its cell (-1: the zero counter) holding c values:
 * exact (n > 0) in that cell, at most c copies, all c if the cell holds one
 * whole microsecond; or unknown (n = 0), the cell's bound, only where the
 * cell does not determine it.  NULL if it holds, else the problem.
 */
static const char *
extreme_problem(int64 v, int64 n, int cell, int64 c, bool lower)
{
	int64		lo = cell < 0 ? 0 : bucket_lower(cell),
				hi = cell < 0 ? 0 : skpi_sketch_upper[cell];

	if (n > 0)
	{
		if (sketch_cell(v) != cell)
			return lower ? "min_us is not in the lowest non-empty cell" :
				"max_us is not in the highest non-empty cell";
		if (n > c || (lo == hi && n != c))
			return lower ? "min_count does not match the lowest cell" :
				"max_count does not match the highest cell";
		return NULL;
	}
	if (lo == hi)
		return lower ? "min_count must be given: the lowest cell determines the minimum" :
			"max_count must be given: the highest cell determines the maximum";
	if (v != (lower ? lo : hi))
		return lower ? "an inexact min_us must be the lower bound of the lowest bucket" :
			"an inexact max_us must be the upper bound of the highest bucket";
	return NULL;
}

/*
 * Everything a state built by in / recv must satisfy (its bucket range was
 * checked before it was allocated): what transitions and merges can
 * produce, in canonical form.
 */
static bool
sketch_valid(const SkpiSketch *st, int how, Node *escontext)
{
	int			n = st->nbuckets;
	int			i,
				low,
				high;
	int64		total = st->zero;
	const char *problem;
	INT128		lo = int64_to_int128(0),
				hi = int64_to_int128(0);

	sketch_tables();
	if (st->count < 0 || st->zero < 0 || st->sum_us < 0 || st->min_us < 0 ||
		st->min_count < 0 || st->max_us < 0 || st->max_count < 0)
		return sketch_invalid(escontext, how, "no count, sum or extreme may be negative");
	for (i = 0; i < n; i++)
	{
		if (st->counts[i] < 0)
			return sketch_invalid(escontext, how, "negative count in bucket %d",
								  st->offset + i);
		if (st->counts[i] > 0 && bucket_lower(st->offset + i) > skpi_sketch_upper[st->offset + i])
			return sketch_invalid(escontext, how,
								  "bucket %d holds no whole number of microseconds",
								  st->offset + i);
		if (pg_add_s64_overflow(total, st->counts[i], &total))
			return sketch_invalid(escontext, how, "the counts add up to more than bigint holds");
	}
	if (n > 0 && (st->counts[0] == 0 || st->counts[n - 1] == 0))
		return sketch_invalid(escontext, how,
							  "the buckets must start and end with a non-zero count");
	if (total != st->count)
		return sketch_invalid(escontext, how,
							  "count " INT64_FORMAT " is not zero + the bucket counts (" INT64_FORMAT ")",
							  st->count, total);
	if (st->count == 0)
	{
		if (st->sum_us != 0 || st->min_us != 0 || st->min_count != 0 ||
			st->max_us != 0 || st->max_count != 0)
			return sketch_invalid(escontext, how,
								  "an empty sketch has sum_us, min_us, min_count, max_us and max_count 0");
		return true;
	}
	if (st->count == 1 && (st->min_us != st->sum_us || st->max_us != st->sum_us ||
						   st->min_count != 1 || st->max_count != 1))
		return sketch_invalid(escontext, how,
							  "a single value is its sum, minimum and maximum, once each");

	/* the lowest and highest non-empty cells (-1: the zero counter) */
	low = st->zero > 0 ? -1 : st->offset;
	high = n > 0 ? st->offset + n - 1 : -1;
	if ((problem = extreme_problem(st->min_us, st->min_count, low,
								   low < 0 ? st->zero : st->counts[0], true)) != NULL ||
		(problem = extreme_problem(st->max_us, st->max_count, high,
								   high < 0 ? st->zero : st->counts[n - 1], false)) != NULL)
		return sketch_invalid(escontext, how, "%s", problem);
	if (st->min_count > 0 && st->max_count > 0 &&
		(st->min_us == st->max_us ?
		 st->min_count != st->count || st->max_count != st->count :
		 st->min_count > st->count - st->max_count))
		return sketch_invalid(escontext, how,
							  "min_count and max_count do not fit count");

	/* the sum lies between what the cells' smallest and largest values add up to */
	for (i = 0; i < n; i++)
	{
		int64		vlo = Max(bucket_lower(st->offset + i), st->min_us),
					vhi = Min(skpi_sketch_upper[st->offset + i], st->max_us);

		int128_add_int64_mul_int64(&lo, st->counts[i], vlo);
		int128_add_int64_mul_int64(&hi, st->counts[i], vhi);
	}
	if (int128_compare(int64_to_int128(st->sum_us), lo) < 0 ||
		int128_compare(int64_to_int128(st->sum_us), hi) > 0)
		return sketch_invalid(escontext, how,
							  "sum_us " INT64_FORMAT " cannot be the sum of the values the cells hold",
							  st->sum_us);
	return true;
}

/* ----------------------------------------------------------------
 * Text I/O: {"version":1,"kind":"duration","count":..., ...,"buckets":[...]}
 * ----------------------------------------------------------------
 */

/* the int64 fields count .. max_count, in the order of the struct and the binary form */
#define SKETCH_NHEAD ((offsetof(SkpiSketch, counts) - offsetof(SkpiSketch, count)) / sizeof(int64))

/* keys: those fields in that order, then offset and buckets (printed in another order) */
#define K_OFFSET	SKETCH_NHEAD
#define K_BUCKETS	(SKETCH_NHEAD + 1)
static const char *const sketch_keys[] = {
	"count", "zero", "sum_us", "min_us", "min_count", "max_us", "max_count",
	"offset", "buckets"
};

StaticAssertDecl(lengthof(sketch_keys) == SKETCH_NHEAD + 2, "sketch keys: the int64 fields, offset, buckets");

typedef struct SketchText
{
	int64		vals[K_BUCKETS];	/* the int64 fields, then offset */
	int64	   *counts;			/* SKPI_SKETCH_MAX_BUCKETS of them */
	int			ncounts;
} SketchText;

static void *
sketch_text_begin(const SkpiStateType *t)
{
	SketchText *in = palloc0(sizeof(SketchText));

	in->counts = palloc(sizeof(int64) * SKPI_SKETCH_MAX_BUCKETS);
	return in;
}

/* one count of "buckets": at most SKPI_SKETCH_MAX_BUCKETS of them */
static bool
text_bucket(TextParser *tp, void *ctx)
{
	SketchText *in = (SketchText *) ctx;

	if (in->ncounts >= SKPI_SKETCH_MAX_BUCKETS)
		return sketch_invalid(tp->escontext, SKETCH_CHECK_TEXT, "more than %d buckets",
							  SKPI_SKETCH_MAX_BUCKETS);
	return skpi_text_int64(tp, &in->counts[in->ncounts++]);
}

static bool
sketch_text_field(TextParser *tp, int key, void *ctx)
{
	SketchText *in = (SketchText *) ctx;

	if (key == K_BUCKETS)
		return skpi_text_list(tp, text_bucket, in);
	return skpi_text_int64(tp, &in->vals[key]);
}

/* a sketch of the int64 fields head[] */
static SkpiSketch *
sketch_from(int offset, int nbuckets, const int64 *head)
{
	SkpiSketch *st = sketch_alloc(offset, nbuckets);

	memcpy(&st->count, head, sizeof(int64) * SKETCH_NHEAD);
	return st;
}

static SkpiStateHeader *
sketch_text_end(TextParser *tp, void *ctx)
{
	SketchText *in = (SketchText *) ctx;
	SkpiSketch *st;

	if (in->vals[K_OFFSET] < 0 || in->vals[K_OFFSET] > SKPI_SKETCH_MAX_INDEX ||
		!sketch_range_ok((int) in->vals[K_OFFSET], in->ncounts))
	{
		sketch_invalid(tp->escontext, SKETCH_CHECK_TEXT,
					   "%d buckets from index " INT64_FORMAT " (indices run from 0 to %d; no buckets: offset 0)",
					   in->ncounts, in->vals[K_OFFSET], SKPI_SKETCH_MAX_INDEX);
		return NULL;
	}
	st = sketch_from((int) in->vals[K_OFFSET], in->ncounts, in->vals);
	memcpy(st->counts, in->counts, sizeof(int64) * in->ncounts);
	if (!sketch_valid(st, SKETCH_CHECK_TEXT, tp->escontext))
		return NULL;
	return (SkpiStateHeader *) st;
}

static void
sketch_out(StringInfo buf, const SkpiStateHeader *h)
{
	const SkpiSketch *st = sketch_canonical((SkpiSketch *) h);
	int			i;

	appendStringInfo(buf, ",\"count\":" INT64_FORMAT ",\"sum_us\":" INT64_FORMAT
					 ",\"min_us\":" INT64_FORMAT ",\"min_count\":" INT64_FORMAT
					 ",\"max_us\":" INT64_FORMAT ",\"max_count\":" INT64_FORMAT
					 ",\"zero\":" INT64_FORMAT ",\"offset\":%d,\"buckets\":[",
					 st->count, st->sum_us, st->min_us, st->min_count,
					 st->max_us, st->max_count, st->zero, st->offset);
	for (i = 0; i < st->nbuckets; i++)
		appendStringInfo(buf, i ? "," INT64_FORMAT : INT64_FORMAT, st->counts[i]);
	appendStringInfoChar(buf, ']');
}

/* ----------------------------------------------------------------
 * Binary I/O: uint8 version, kind; int16 0; int64 count, zero, sum_us,
 * min_us, min_count, max_us, max_count; int32 offset, nbuckets;
 * int64 x nbuckets
 * ----------------------------------------------------------------
 */

static SkpiStateHeader *
sketch_recv(StringInfo buf, const SkpiStateType *t)
{
	int			kind = pq_getmsgbyte(buf),
				padding = pq_getmsgint(buf, 2),
				offset,
				nbuckets;
	int64		head[SKETCH_NHEAD];
	SkpiSketch *st;

	if (kind != SKPI_SKETCH_KIND_DURATION || padding != 0)
		skpi_state_recv_error(t, "Kind %d and padding %d do not make a duration_sketch.", kind, padding);
	skpi_recv_int64s(buf, head, lengthof(head));
	offset = (int32) pq_getmsgint(buf, 4);
	nbuckets = (int32) pq_getmsgint(buf, 4);
	if (!sketch_range_ok(offset, nbuckets))
		skpi_state_recv_error(t, "%d buckets from index %d: indices run from 0 to %d (no buckets: offset 0).",
							  nbuckets, offset, SKPI_SKETCH_MAX_INDEX);
	st = sketch_from(offset, nbuckets, head);
	skpi_recv_int64s(buf, st->counts, nbuckets);
	(void) sketch_valid(st, SKETCH_CHECK_BINARY, NULL);
	return (SkpiStateHeader *) st;
}

static void
sketch_send(StringInfo buf, const SkpiStateHeader *h)
{
	const SkpiSketch *st = sketch_canonical((SkpiSketch *) h);

	pq_sendbyte(buf, st->kind);
	pq_sendint16(buf, 0);
	skpi_send_int64s(buf, &st->count, SKETCH_NHEAD);
	pq_sendint32(buf, st->offset);
	pq_sendint32(buf, st->nbuckets);
	skpi_send_int64s(buf, st->counts, st->nbuckets);
}

const SkpiStateType skpi_sketch_type = {
	TYPNAME, SKPI_SKETCH_VERSION, SKPI_SKETCH_KIND_DURATION, "duration",
	sketch_stored_ok, NULL, sketch_keys, lengthof(sketch_keys), 0,
	sketch_text_begin, sketch_text_field, sketch_text_end, sketch_out,
	sketch_send, sketch_recv, sketch_merge_hook, sketch_empty, NULL
};

SKPI_STATE_IO(skpi_duration_sketch, skpi_sketch_type)
SKPI_STATE_MERGE(skpi_duration_sketch, skpi_sketch_type)
