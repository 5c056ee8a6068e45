/*
 * sketch_accessors.c
 *		What is read from a duration_sketch (see sketch.h, sketch.c):
 *
 *	 duration_percentile(s), duration_median, duration_mean, duration_count,
 *	 duration_min, duration_max, duration_share_within
 *
 * Estimates: the j-th smallest value (0-based) is estimated as the exact
 * min for the first min_count values, the exact max for the last max_count,
 * 0 in the zero counter, and otherwise the representative 2 gamma^i /
 * (gamma + 1) of its bucket, moved into the whole microseconds the bucket
 * can hold and into [min, max].  All arithmetic on estimates is IEEE double
 * (this file is compiled with -ffp-contract=off), so results are the same
 * on every platform.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "utils/array.h"

#include "compat.h"
#include "durations.h"
#include "sketch.h"
#include "stats.h"

/* estimate of the values in bucket i that are not a known extreme */
static double
bucket_value(const SkpiSketch *st, int i)
{
	double		v = skpi_sketch_rep[i];
	double		lo = (double) Max(bucket_lower(i), st->min_us);
	double		hi = (double) Min(skpi_sketch_upper[i], st->max_us);

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
		if (st->counts[b] < 0)
			break;				/* damaged: the stored check reads no bucket */
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

/* percentile p of argument 0, NULL for a sketch without values */
static Datum
percentile_or_null(FunctionCallInfo fcinfo, double p)
{
	SkpiSketch *st = skpi_sketch_nonempty_arg(fcinfo);

	if (st == NULL)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sketch_percentile(st, p));
}

PG_FUNCTION_INFO_V1(skpi_duration_percentile);
Datum
skpi_duration_percentile(PG_FUNCTION_ARGS)
{
	double		p = PG_GETARG_FLOAT8(1);

	check_percentile(p);
	return percentile_or_null(fcinfo, p);
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
	if ((st = skpi_sketch_nonempty_arg(fcinfo)) == NULL)
		PG_RETURN_NULL();
	for (k = 0; k < n; k++)
		if (!nulls[k])
			elems[k] = Float8GetDatum(sketch_percentile(st, DatumGetFloat8(elems[k])));
	PG_RETURN_ARRAYTYPE_P(construct_md_array(elems, nulls, ARR_NDIM(ps), ARR_DIMS(ps),
											 ARR_LBOUND(ps), FLOAT8OID, sizeof(float8),
											 FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

SKPI_ENTRY(skpi_duration_median, percentile_or_null(fcinfo, 0.5))

PG_FUNCTION_INFO_V1(skpi_duration_count);
Datum
skpi_duration_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(skpi_sketch_getarg(fcinfo, 0)->count);
}

typedef enum SketchStat
{
	STAT_MEAN,
	STAT_MIN,
	STAT_MAX
} SketchStat;

/* mean, minimum or maximum in seconds, NULL for a sketch without values */
static Datum
sketch_stat(FunctionCallInfo fcinfo, SketchStat stat)
{
	SkpiSketch *st = skpi_sketch_nonempty_arg(fcinfo);

	if (st == NULL)
		PG_RETURN_NULL();
	if (stat == STAT_MEAN)
		PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(st->sum_us) / (double) st->count);
	PG_RETURN_FLOAT8(sketch_value_at(st, stat == STAT_MAX ? st->count - 1 : 0) / 1000000.0);
}

SKPI_ENTRY(skpi_duration_mean, sketch_stat(fcinfo, STAT_MEAN))
SKPI_ENTRY(skpi_duration_min, sketch_stat(fcinfo, STAT_MIN))
SKPI_ENTRY(skpi_duration_max, sketch_stat(fcinfo, STAT_MAX))

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
	SkpiSketch *st = skpi_sketch_nonempty_arg(fcinfo);
	int64		hits,
				seen;
	int			b;

	if (st == NULL)
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
		if (skpi_sketch_upper[i] <= t)
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
