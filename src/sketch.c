/*
 * sketch.c
 *		duration_sketch: percentiles of durations from a mergeable state with
 *		bounded relative error (see sketch.h for the bucket scheme).
 *
 *	 duration_agg(interval | seconds | started_at, ended_at),
 *	 resolution_time_agg(opened_at, resolved_at)		-> duration_sketch
 *	 rollup(duration_sketch)							-> duration_sketch
 *	 duration_percentile(s), duration_median, duration_mean, duration_count,
 *	 duration_min, duration_max, duration_share_within	(accessors)
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

#include "catalog/pg_type.h"
#include "common/int.h"
#include "common/int128.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "durations.h"
#include "sketch.h"
#include "state.h"
#include "stats.h"
#include "textparse.h"

#define TYPNAME "duration_sketch"

/* ----------------------------------------------------------------
 * Buckets
 * ----------------------------------------------------------------
 */

/* bucket_upper[i]: largest whole microsecond in bucket i, floor(gamma^i) */
static int64 bucket_upper[SKPI_SKETCH_MAX_BUCKETS];
/* bucket_rep[i]: representative 2 gamma^i / (gamma + 1), microseconds */
static double bucket_rep[SKPI_SKETCH_MAX_BUCKETS];
static bool tables_ready = false;

/* a double-double: hi + lo, |lo| <= ulp(hi) / 2 */
typedef struct DoubleDouble
{
	double		hi;
	double		lo;
} DoubleDouble;

/* p + e = a * b exactly (Dekker, with Veltkamp's split) */
static void
two_prod(double a, double b, double *p, double *e)
{
	const double split = 134217729.0;	/* 2^27 + 1 */
	double		t,
				ah,
				al,
				bh,
				bl;

	*p = a * b;
	t = split * a;
	ah = t - (t - a);
	al = a - ah;
	t = split * b;
	bh = t - (t - b);
	bl = b - bh;
	*e = ((ah * bh - *p) + ah * bl + al * bh) + al * bl;
}

static DoubleDouble
dd_mul(DoubleDouble x, DoubleDouble y)
{
	DoubleDouble r;
	double		p,
				e;

	two_prod(x.hi, y.hi, &p, &e);
	e += x.hi * y.lo + x.lo * y.hi;
	r.hi = p + e;
	r.lo = e - (r.hi - p);
	return r;
}

/* floor(x) for 1 <= x, PG_INT64_MAX from 2^63 on */
static int64
dd_floor(DoubleDouble x)
{
	double		f;

	if (x.hi >= 9223372036854775808.0)
		return PG_INT64_MAX;
	if (x.hi >= 9007199254740992.0)
	{
		/* hi is a whole number; the floor is hi + floor(lo) */
		int64		ih = (int64) x.hi;

		f = floor(x.lo);
		if (f > 0 && ih > PG_INT64_MAX - (int64) f)
			return PG_INT64_MAX;
		return ih + (int64) f;
	}
	f = floor(x.hi);
	if (f == x.hi && x.lo < 0)
		return (int64) f - 1;
	return (int64) f;
}

/*
 * gamma^i by repeated double-double multiplication (about 2^-100 relative
 * error after 4367 steps), so floor(gamma^i) is exact unless gamma^i lies
 * within about 1e-11 of a whole number; the regression tests check every
 * bound against numeric arithmetic.
 */
static void
sketch_tables_init(void)
{
	DoubleDouble g,
				x = {1.0, 0.0};
	double		p,
				e;
	int			i;

	g.hi = 201.0 / 199.0;
	two_prod(g.hi, 199.0, &p, &e);
	g.lo = ((201.0 - p) - e) / 199.0;
	for (i = 0; i <= SKPI_SKETCH_MAX_INDEX; i++)
	{
		if (i > 0)
			x = dd_mul(x, g);
		bucket_upper[i] = dd_floor(x);
		bucket_rep[i] = 2.0 * x.hi / (1.0 + g.hi);
	}
	if (bucket_upper[SKPI_SKETCH_MAX_INDEX] != PG_INT64_MAX ||
		bucket_upper[SKPI_SKETCH_MAX_INDEX - 1] == PG_INT64_MAX)
		elog(ERROR, "duration_sketch: unexpected bucket bounds");
	tables_ready = true;
}

static inline void
sketch_tables(void)
{
	if (unlikely(!tables_ready))
		sketch_tables_init();
}

/* coefficients of log2(1 + f) ~ f (C1 + f (C2 + f (C3 + f C4))), 0 <= f < 1 */
#define LOG2_C1 1.438638025890082
#define LOG2_C2 (-0.6777432665502775)
#define LOG2_C3 0.3218797068637608
#define LOG2_C4 (-0.08286069822537617)
#define INV_LOG2_GAMMA 69.3141404294929

/*
 * The bucket of us >= 1: the smallest i with us <= bucket_upper[i], that is
 * ceil(ln(us) / ln(gamma)).  A polynomial estimate of log2 (within 0.01 of a
 * bucket) finds it, the table decides it: one or two comparisons, no log().
 */
static inline int
sketch_index(int64 us)
{
	union
	{
		double		d;
		uint64		u;
	}			v;
	int			e,
				i;
	double		f;

	sketch_tables();
	v.d = (double) us;
	e = (int) ((v.u >> 52) & 0x7FF) - 1023;
	v.u = (v.u & UINT64CONST(0x000FFFFFFFFFFFFF)) | UINT64CONST(0x3FF0000000000000);
	f = v.d - 1.0;
	i = (int) ((e + f * (LOG2_C1 + f * (LOG2_C2 + f * (LOG2_C3 + f * LOG2_C4)))) *
			   INV_LOG2_GAMMA) + 1;
	if (i > SKPI_SKETCH_MAX_INDEX)
		i = SKPI_SKETCH_MAX_INDEX;
	while (bucket_upper[i] < us)
		i++;
	while (i > 0 && bucket_upper[i - 1] >= us)
		i--;
	return i;
}

/* the cell of a value: -1 for the zero counter, else its bucket */
static int
sketch_cell(int64 us)
{
	return us == 0 ? -1 : sketch_index(us);
}

/* smallest whole microsecond bucket i holds (> bucket_upper[i] if none) */
static inline int64
bucket_lower(int i)
{
	return i == 0 ? 1 : bucket_upper[i - 1] + 1;
}

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

/* states passed between our own functions: the header must be ours */
static void
sketch_check_header(const SkpiSketch *st)
{
	if (VARSIZE(st) < SKPI_SKETCH_HEADER_SIZE ||
		st->version != SKPI_SKETCH_VERSION ||
		st->kind != SKPI_SKETCH_KIND_DURATION ||
		!sketch_range_ok(st->offset, st->nbuckets) ||
		VARSIZE(st) != SKPI_SKETCH_SIZE(st->nbuckets))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted duration_sketch value")));
}

static SkpiSketch *
sketch_getarg(FunctionCallInfo fcinfo, int argno)
{
	SkpiSketch *st = (SkpiSketch *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	sketch_check_header(st);
	sketch_tables();
	return st;
}

/* the aggregate's own state, to be updated in place (state_common.h) */
static SkpiSketch *
sketch_for_update(FunctionCallInfo fcinfo, int argno)
{
	SkpiSketch *st = (SkpiSketch *) PG_GETARG_POINTER(argno);

	if (unlikely(VARATT_IS_EXTENDED(st) || st->kind != SKPI_SKETCH_KIND_DURATION))
	{
		st = (SkpiSketch *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(argno));
		sketch_check_header(st);
	}
	sketch_tables();
	return st;
}

/* argument 0 of a merge: in place in an aggregate, else a copy */
static SkpiSketch *
sketch_first_arg(FunctionCallInfo fcinfo, bool in_aggregate)
{
	SkpiSketch *st;

	if (in_aggregate)
		return sketch_for_update(fcinfo, 0);
	st = (SkpiSketch *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
	sketch_check_header(st);
	return st;
}

static void
require_aggregate(FunctionCallInfo fcinfo)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("duration_sketch transition function called in non-aggregate context")));
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
			if (bucket_lower(lo) == bucket_upper[lo])
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
			st->max_us = bucket_upper[hi];
			if (bucket_lower(hi) == bucket_upper[hi])
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

	require_aggregate(fcinfo);
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
sketch_transition(FunctionCallInfo fcinfo, SketchForm form, bool moving, int sign)
{
	int64		us;
	SkpiSketch *st;

	if (!sketch_row_us(fcinfo, form, &us))
	{
		/* skipped: the state unchanged; a moving aggregate never gets NULL */
		require_aggregate(fcinfo);
		if (!PG_ARGISNULL(0))
			PG_RETURN_DATUM(PG_GETARG_DATUM(0));
		if (!moving || sign < 0)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(sketch_alloc(0, 0));
	}
	if (sign < 0)
		return sketch_retract(fcinfo, us);
	if (likely(!PG_ARGISNULL(0) && AggCheckCallContext(fcinfo, NULL)))
	{
		st = (SkpiSketch *) PG_GETARG_POINTER(0);
		if (likely(!VARATT_IS_EXTENDED(st) && st->kind == SKPI_SKETCH_KIND_DURATION &&
				   sketch_add_fast(st, us)))
			PG_RETURN_POINTER(st);
	}
	require_aggregate(fcinfo);
	st = PG_ARGISNULL(0) ? NULL : sketch_for_update(fcinfo, 0);
	PG_RETURN_POINTER(sketch_add(st, us));
}

/* transitions: form x (forward, moving forward, inverse) */
#define SKPI_SKETCH_TRANSITIONS(name, FORM) \
PG_FUNCTION_INFO_V1(skpi_duration_sketch_accum_##name); \
Datum skpi_duration_sketch_accum_##name(PG_FUNCTION_ARGS) \
{ return sketch_transition(fcinfo, FORM, false, 1); } \
PG_FUNCTION_INFO_V1(skpi_duration_sketch_maccum_##name); \
Datum skpi_duration_sketch_maccum_##name(PG_FUNCTION_ARGS) \
{ return sketch_transition(fcinfo, FORM, true, 1); } \
PG_FUNCTION_INFO_V1(skpi_duration_sketch_retract_##name); \
Datum skpi_duration_sketch_retract_##name(PG_FUNCTION_ARGS) \
{ return sketch_transition(fcinfo, FORM, false, -1); }

SKPI_SKETCH_TRANSITIONS(interval, SF_INTERVAL)
SKPI_SKETCH_TRANSITIONS(seconds, SF_SECONDS)
SKPI_SKETCH_TRANSITIONS(timestamps, SF_STARTED_ENDED)
SKPI_SKETCH_TRANSITIONS(resolution, SF_OPENED_RESOLVED)

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

PG_FUNCTION_INFO_V1(skpi_duration_sketch_combine);
Datum
skpi_duration_sketch_combine(PG_FUNCTION_ARGS)
{
	bool		in_aggregate = AggCheckCallContext(fcinfo, NULL);
	SkpiSketch *b = sketch_getarg(fcinfo, 1);
	SkpiSketch *a = sketch_first_arg(fcinfo, in_aggregate);

	a = sketch_merge(a, b);
	PG_RETURN_POINTER(in_aggregate ? a : sketch_canonical(a));
}

PG_FUNCTION_INFO_V1(skpi_duration_sketch_uncombine);
Datum
skpi_duration_sketch_uncombine(PG_FUNCTION_ARGS)
{
	bool		in_aggregate = AggCheckCallContext(fcinfo, NULL);
	SkpiSketch *b = sketch_getarg(fcinfo, 1);
	SkpiSketch *a = sketch_first_arg(fcinfo, in_aggregate);

	a = sketch_unmerge(a, b, in_aggregate);
	if (a == NULL)
		PG_RETURN_NULL();
	if (in_aggregate)
		PG_RETURN_POINTER(a);
	/*
	 * Called directly, b may be a sketch that passes the checks above without
	 * being part of a: what remains must be a valid sketch (22023 if not).
	 */
	a = sketch_canonical(a);
	(void) sketch_valid(a, SKETCH_CHECK_UNMERGE, NULL);
	PG_RETURN_POINTER(a);
}

/* final function: NULL for a state without values, else the trimmed state */
PG_FUNCTION_INFO_V1(skpi_duration_sketch_nonempty);
Datum
skpi_duration_sketch_nonempty(PG_FUNCTION_ARGS)
{
	SkpiSketch *st = sketch_getarg(fcinfo, 0);

	if (st->count == 0)
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
				hi = cell < 0 ? 0 : bucket_upper[cell];

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
		if (st->counts[i] > 0 && bucket_lower(st->offset + i) > bucket_upper[st->offset + i])
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
					vhi = Min(bucket_upper[st->offset + i], st->max_us);

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
 * Text I/O
 * ----------------------------------------------------------------
 */

enum
{
	K_COUNT,
	K_SUM,
	K_MIN,
	K_MIN_COUNT,
	K_MAX,
	K_MAX_COUNT,
	K_ZERO,
	K_OFFSET,
	K_NINT
};
static const char *const int_keys[K_NINT] = {
	"count", "sum_us", "min_us", "min_count", "max_us", "max_count", "zero", "offset"
};

/* [n, n, ...], possibly empty, at most SKPI_SKETCH_MAX_BUCKETS values */
static bool
parse_buckets(TextParser *tp, int64 *counts, int *n)
{
	*n = 0;
	if (!skpi_text_expect(tp, '['))
		return false;
	if (skpi_text_accept(tp, ']'))
		return true;
	do
	{
		if (*n >= SKPI_SKETCH_MAX_BUCKETS)
			return sketch_invalid(tp->escontext, false, "more than %d buckets",
								  SKPI_SKETCH_MAX_BUCKETS);
		if (!skpi_text_int64(tp, &counts[(*n)++]))
			return false;
	} while (skpi_text_accept(tp, ','));
	return skpi_text_expect(tp, ']');
}

PG_FUNCTION_INFO_V1(skpi_duration_sketch_in);
Datum
skpi_duration_sketch_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	TextParser	tp;
	int64		vals[K_NINT] = {0};
	bool		seen[K_NINT] = {0};
	int64	   *counts = palloc(sizeof(int64) * SKPI_SKETCH_MAX_BUCKETS);
	int			ncounts = 0;
	int			version = 0;
	bool		seen_version = false,
				seen_kind = false,
				seen_buckets = false,
				all = true;
	SkpiSketch *st;
	int			k;

	skpi_text_init(&tp, str, TYPNAME, fcinfo->context);
	if (!skpi_text_expect(&tp, '{'))
		PG_RETURN_NULL();
	do
	{
		char		key[32];
		bool		ok;

		if (!skpi_text_word(&tp, key, sizeof(key)) || !skpi_text_expect(&tp, ':'))
			PG_RETURN_NULL();
		for (k = 0; k < K_NINT; k++)
			if (strcmp(key, int_keys[k]) == 0)
				break;
		if (k < K_NINT && !seen[k])
			ok = seen[k] = skpi_text_int64(&tp, &vals[k]);
		else if (strcmp(key, "version") == 0 && !seen_version)
			ok = seen_version = skpi_text_small_int(&tp, "version", &version);
		else if (strcmp(key, "kind") == 0 && !seen_kind)
			ok = seen_kind = skpi_text_kind(&tp, "duration");
		else if (strcmp(key, "buckets") == 0 && !seen_buckets)
			ok = seen_buckets = parse_buckets(&tp, counts, &ncounts);
		else
			ok = skpi_text_bad_key(&tp, key);
		if (!ok)
			PG_RETURN_NULL();
	} while (skpi_text_accept(&tp, ','));
	if (!skpi_text_end(&tp))
		PG_RETURN_NULL();
	for (k = 0; k < K_NINT; k++)
		all = all && seen[k];
	if (!(all && seen_version && seen_kind && seen_buckets))
	{
		skpi_text_error(&tp, "Every key of the state is required: see the output of the type.");
		PG_RETURN_NULL();
	}
	if (!skpi_text_version(&tp, version, SKPI_SKETCH_VERSION))
		PG_RETURN_NULL();
	if (vals[K_OFFSET] < 0 || vals[K_OFFSET] > SKPI_SKETCH_MAX_INDEX ||
		!sketch_range_ok((int) vals[K_OFFSET], ncounts))
	{
		sketch_invalid(tp.escontext, false,
					   "%d buckets from index " INT64_FORMAT " (indices run from 0 to %d; no buckets: offset 0)",
					   ncounts, vals[K_OFFSET], SKPI_SKETCH_MAX_INDEX);
		PG_RETURN_NULL();
	}
	st = sketch_alloc((int) vals[K_OFFSET], ncounts);
	st->count = vals[K_COUNT];
	st->zero = vals[K_ZERO];
	st->sum_us = vals[K_SUM];
	st->min_us = vals[K_MIN];
	st->min_count = vals[K_MIN_COUNT];
	st->max_us = vals[K_MAX];
	st->max_count = vals[K_MAX_COUNT];
	memcpy(st->counts, counts, sizeof(int64) * ncounts);
	if (!sketch_valid(st, SKETCH_CHECK_TEXT, tp.escontext))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(skpi_duration_sketch_out);
Datum
skpi_duration_sketch_out(PG_FUNCTION_ARGS)
{
	SkpiSketch *st = sketch_canonical(sketch_getarg(fcinfo, 0));
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"version\":%d,\"kind\":\"duration\",\"count\":" INT64_FORMAT
					 ",\"sum_us\":" INT64_FORMAT
					 ",\"min_us\":" INT64_FORMAT ",\"min_count\":" INT64_FORMAT
					 ",\"max_us\":" INT64_FORMAT ",\"max_count\":" INT64_FORMAT
					 ",\"zero\":" INT64_FORMAT ",\"offset\":%d,\"buckets\":[",
					 st->version, st->count, st->sum_us, st->min_us, st->min_count,
					 st->max_us, st->max_count, st->zero, st->offset);
	for (i = 0; i < st->nbuckets; i++)
		appendStringInfo(&buf, i ? "," INT64_FORMAT : INT64_FORMAT, st->counts[i]);
	appendStringInfoString(&buf, "]}");
	PG_RETURN_CSTRING(buf.data);
}

/* ----------------------------------------------------------------
 * Binary I/O: uint8 version, kind; int16 0; int64 count, zero, sum_us,
 * min_us, min_count, max_us, max_count; int32 offset, nbuckets;
 * int64 x nbuckets
 * ----------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(skpi_duration_sketch_recv);
Datum
skpi_duration_sketch_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version,
				kind,
				padding,
				offset,
				nbuckets,
				i;
	int64		head[7];
	SkpiSketch *st;

	version = pq_getmsgbyte(buf);
	if (version != SKPI_SKETCH_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported duration_sketch format version %d", version),
				 errdetail("This version of support_kpi reads format version %d.",
						   SKPI_SKETCH_VERSION)));
	kind = pq_getmsgbyte(buf);
	padding = pq_getmsgint(buf, 2);
	if (kind != SKPI_SKETCH_KIND_DURATION || padding != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid duration_sketch: kind %d, padding %d", kind, padding)));
	for (i = 0; i < lengthof(head); i++)
		head[i] = pq_getmsgint64(buf);
	offset = (int32) pq_getmsgint(buf, 4);
	nbuckets = (int32) pq_getmsgint(buf, 4);
	if (!sketch_range_ok(offset, nbuckets))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid duration_sketch: %d buckets from index %d (indices run from 0 to %d; no buckets: offset 0)",
						nbuckets, offset, SKPI_SKETCH_MAX_INDEX)));
	st = sketch_alloc(offset, nbuckets);
	st->count = head[0];
	st->zero = head[1];
	st->sum_us = head[2];
	st->min_us = head[3];
	st->min_count = head[4];
	st->max_us = head[5];
	st->max_count = head[6];
	for (i = 0; i < nbuckets; i++)
		st->counts[i] = pq_getmsgint64(buf);
	if (buf->cursor != buf->len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid duration_sketch: %d unexpected bytes after the buckets",
						buf->len - buf->cursor)));
	(void) sketch_valid(st, SKETCH_CHECK_BINARY, NULL);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(skpi_duration_sketch_send);
Datum
skpi_duration_sketch_send(PG_FUNCTION_ARGS)
{
	SkpiSketch *st = sketch_canonical(sketch_getarg(fcinfo, 0));
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, st->version);
	pq_sendbyte(&buf, st->kind);
	pq_sendint16(&buf, 0);
	pq_sendint64(&buf, st->count);
	pq_sendint64(&buf, st->zero);
	pq_sendint64(&buf, st->sum_us);
	pq_sendint64(&buf, st->min_us);
	pq_sendint64(&buf, st->min_count);
	pq_sendint64(&buf, st->max_us);
	pq_sendint64(&buf, st->max_count);
	pq_sendint32(&buf, st->offset);
	pq_sendint32(&buf, st->nbuckets);
	for (i = 0; i < st->nbuckets; i++)
		pq_sendint64(&buf, st->counts[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ----------------------------------------------------------------
 * Accessors
 * ----------------------------------------------------------------
 */

/* estimate of the values in bucket i that are not a known extreme */
static double
bucket_value(const SkpiSketch *st, int i)
{
	double		v = bucket_rep[i];
	double		lo = (double) Max(bucket_lower(i), st->min_us);
	double		hi = (double) Min(bucket_upper[i], st->max_us);

	if (v > hi)
		v = hi;
	if (v < lo)
		v = lo;
	return v;
}

/* estimate of the j-th smallest value, 0 <= j < count, in microseconds */
static double
sketch_value_at(const SkpiSketch *st, int64 j)
{
	int			b;

	if (j < st->min_count)
		return (double) st->min_us;
	if (j >= st->count - st->max_count)
		return (double) st->max_us;
	if (j < st->zero)
		return 0.0;
	j -= st->zero;
	for (b = 0; b < st->nbuckets; b++)
	{
		if (j < st->counts[b])
			return bucket_value(st, st->offset + b);
		j -= st->counts[b];
	}
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupted duration_sketch value"),
			 errdetail("Its count exceeds the counts of its cells.")));
	return 0.0;					/* keep compiler quiet */
}

static void
check_percentile(double p)
{
	/* as percentile_cont */
	if (p < 0 || p > 1 || isnan(p))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("percentile value %g is not between 0 and 1", p)));
}

/* percentile p of a non-empty state, in seconds, interpolated as percentile_cont */
static double
sketch_percentile(const SkpiSketch *st, double p)
{
	double		rank = p * (double) (st->count - 1);
	double		k = floor(rank);
	double		f = rank - k;
	int64		j;
	double		lo;

	/* past 2^53 values the rank rounds: never beyond the last value */
	if (k >= (double) (st->count - 1))
	{
		k = (double) (st->count - 1);
		f = 0;
		j = st->count - 1;
	}
	else
		j = (int64) k;
	lo = sketch_value_at(st, j);
	{
		double		hi = (f > 0 && j + 1 < st->count) ? sketch_value_at(st, j + 1) : lo;

		return (lo + (hi - lo) * f) / 1000000.0;
	}
}

PG_FUNCTION_INFO_V1(skpi_duration_percentile);
Datum
skpi_duration_percentile(PG_FUNCTION_ARGS)
{
	double		p = PG_GETARG_FLOAT8(1);
	SkpiSketch *st;

	check_percentile(p);
	st = sketch_getarg(fcinfo, 0);
	if (st->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sketch_percentile(st, p));
}

PG_FUNCTION_INFO_V1(skpi_duration_percentiles);
Datum
skpi_duration_percentiles(PG_FUNCTION_ARGS)
{
	ArrayType  *ps = PG_GETARG_ARRAYTYPE_P(1);
	SkpiSketch *st;
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				k;

	deconstruct_array(ps, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, &n);
	for (k = 0; k < n; k++)
		if (!nulls[k])
			check_percentile(DatumGetFloat8(elems[k]));
	st = sketch_getarg(fcinfo, 0);
	if (st->count == 0)
		PG_RETURN_NULL();
	for (k = 0; k < n; k++)
		if (!nulls[k])
			elems[k] = Float8GetDatum(sketch_percentile(st, DatumGetFloat8(elems[k])));
	PG_RETURN_ARRAYTYPE_P(construct_md_array(elems, nulls, ARR_NDIM(ps), ARR_DIMS(ps),
											 ARR_LBOUND(ps), FLOAT8OID, sizeof(float8),
											 FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

PG_FUNCTION_INFO_V1(skpi_duration_median);
Datum
skpi_duration_median(PG_FUNCTION_ARGS)
{
	SkpiSketch *st = sketch_getarg(fcinfo, 0);

	if (st->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sketch_percentile(st, 0.5));
}

PG_FUNCTION_INFO_V1(skpi_duration_mean);
Datum
skpi_duration_mean(PG_FUNCTION_ARGS)
{
	SkpiSketch *st = sketch_getarg(fcinfo, 0);

	if (st->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(st->sum_us) / (double) st->count);
}

PG_FUNCTION_INFO_V1(skpi_duration_count);
Datum
skpi_duration_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(sketch_getarg(fcinfo, 0)->count);
}

static Datum
sketch_extreme(FunctionCallInfo fcinfo, bool max)
{
	SkpiSketch *st = sketch_getarg(fcinfo, 0);

	if (st->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sketch_value_at(st, max ? st->count - 1 : 0) / 1000000.0);
}

PG_FUNCTION_INFO_V1(skpi_duration_min);
Datum
skpi_duration_min(PG_FUNCTION_ARGS)
{
	return sketch_extreme(fcinfo, false);
}

PG_FUNCTION_INFO_V1(skpi_duration_max);
Datum
skpi_duration_max(PG_FUNCTION_ARGS)
{
	return sketch_extreme(fcinfo, true);
}

/* how many of positions [from, from + n) lie in [lo, hi) */
static int64
overlap(int64 from, int64 n, int64 lo, int64 hi)
{
	int64		a = Max(from, lo),
				b = Min(from + n, hi);

	return b > a ? b - a : 0;
}

/*
 * Percentage of the values <= seconds, counting each value by its estimate
 * (sketch_value_at): exact but for the values in the bucket holding the
 * threshold that are not a known extreme, which count all or none, by their
 * common estimate.
 */
PG_FUNCTION_INFO_V1(skpi_duration_share_within);
Datum
skpi_duration_share_within(PG_FUNCTION_ARGS)
{
	double		secs = PG_GETARG_FLOAT8(1);
	int64		t;
	SkpiSketch *st = sketch_getarg(fcinfo, 0);
	int64		hits,
				seen;
	int			b;

	if (st->count == 0)
		PG_RETURN_NULL();
	/* beyond any duration (up to +Infinity): every value is within */
	if (secs >= 9.0e12)
		PG_RETURN_DATUM(skpi_numeric_pct(st->count, st->count));
	t = skpi_seconds_us(secs, "threshold");
	if (st->max_count > 0 && t >= st->max_us)
		PG_RETURN_DATUM(skpi_numeric_pct(st->count, st->count));
	if (st->min_count > 0 && t < st->min_us)
		PG_RETURN_DATUM(skpi_numeric_pct(0, st->count));
	hits = seen = st->zero;
	for (b = 0; b < st->nbuckets; b++)
	{
		int			i = st->offset + b;
		int64		c = st->counts[b];

		if (bucket_lower(i) > t)
			break;
		if (bucket_upper[i] <= t)
			hits += c;
		else
		{
			/* the threshold's bucket: known minima count, known maxima not */
			int64		nmin = overlap(seen, c, 0, st->min_count),
						nmax = overlap(seen, c, st->count - st->max_count, st->count);

			hits += (st->min_us <= t ? nmin : 0) + (st->max_us <= t ? nmax : 0);
			if (bucket_value(st, i) <= t)
				hits += c - nmin - nmax;
		}
		seen += c;
	}
	PG_RETURN_DATUM(skpi_numeric_pct(hits, st->count));
}
