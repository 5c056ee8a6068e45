/*
 * sketch.h
 *		duration_sketch: a mergeable distribution of durations with bounded
 *		relative error (logarithmic buckets, as in DDSketch).
 *
 * A duration of us microseconds (us >= 0, durations.h) is counted in one
 * cell: value 0 in the zero counter, us >= 1 in bucket
 *
 *	 i = ceil(ln(us) / ln(gamma)),	gamma = (1 + alpha) / (1 - alpha) = 201/199,
 *
 * for the fixed relative accuracy alpha = 0.005.  Bucket i holds the values
 * in (gamma^(i-1), gamma^i]; its representative 2 gamma^i / (gamma + 1) is
 * within alpha (relative) of every value in it.  Indices run from 0 (1 us)
 * to SKPI_SKETCH_MAX_INDEX (2^63 - 1 us), so a state never holds more than
 * SKPI_SKETCH_MAX_INDEX + 1 buckets.  The state stores the dense range of
 * buckets [offset, offset + nbuckets - 1] it needs, and next to it the exact
 * count, sum, minimum and maximum.  The bucket of a value depends on the
 * value only, so merging is adding counts: a state does not depend on how the
 * rows were split (serial, parallel, rollup give the same bytes).
 *
 * Which integer values a bucket holds is fixed by a table of bounds computed
 * once per backend with IEEE double-double arithmetic (+, -, * only), so the
 * bucket of a value is the same on every platform (see sketch_buckets.c).
 */
#ifndef SKPI_SKETCH_H
#define SKPI_SKETCH_H

#include "postgres.h"
#include "fmgr.h"

#include "compat.h"
#include "state.h"

#define SKPI_SKETCH_VERSION			1
#define SKPI_SKETCH_KIND_DURATION	1

/* highest bucket index: the smallest i with gamma^i >= 2^63 */
#define SKPI_SKETCH_MAX_INDEX		4367
#define SKPI_SKETCH_MAX_BUCKETS		(SKPI_SKETCH_MAX_INDEX + 1)

/*
 * min_count / max_count: how many values equal min_us / max_us.  0 means
 * that extreme is not known exactly (a merged state was removed from this
 * one outside an aggregate): min_us / max_us then hold the smallest /
 * largest whole microsecond the lowest / highest non-empty bucket can hold.
 */
typedef struct SkpiSketch
{
	SKPI_STATE_HEADER;			/* SKPI_SKETCH_VERSION, SKPI_SKETCH_KIND_DURATION */
	int16		padding;		/* always zero */
	int32		offset;			/* bucket index of counts[0] */
	int32		nbuckets;		/* length of counts[] */
	int64		count;			/* values counted: zero + sum of counts */
	int64		zero;			/* values equal to 0 us */
	int64		sum_us;			/* exact sum of the values */
	int64		min_us;			/* minimum (see above); 0 if empty */
	int64		min_count;		/* values equal to min_us; 0: inexact */
	int64		max_us;			/* maximum (see above); 0 if empty */
	int64		max_count;		/* values equal to max_us; 0: inexact */
	int64		counts[FLEXIBLE_ARRAY_MEMBER];
} SkpiSketch;

SKPI_STATE_LAYOUT(SkpiSketch);

#define SKPI_SKETCH_HEADER_SIZE		offsetof(SkpiSketch, counts)
#define SKPI_SKETCH_SIZE(nbuckets) \
	(SKPI_SKETCH_HEADER_SIZE + sizeof(int64) * (nbuckets))

/*
 * Between the files of the sketch: sketch.c (the state, its aggregates and
 * I/O), sketch_buckets.c (the bucket tables), sketch_accessors.c.
 */
extern const SkpiStateType skpi_sketch_type;

/* argument argno: a stored sketch, checked, with the bucket tables ready */
extern SkpiSketch *skpi_sketch_getarg(FunctionCallInfo fcinfo, int argno);
/* the same for argument 0, NULL when it holds no values */
extern SkpiSketch *skpi_sketch_nonempty_arg(FunctionCallInfo fcinfo);

/* skpi_sketch_upper[i]: largest whole microsecond in bucket i, floor(gamma^i) */
extern int64 skpi_sketch_upper[SKPI_SKETCH_MAX_BUCKETS];
/* skpi_sketch_rep[i]: representative 2 gamma^i / (gamma + 1), microseconds */
extern double skpi_sketch_rep[SKPI_SKETCH_MAX_BUCKETS];
extern bool skpi_sketch_tables_ready;
extern void skpi_sketch_tables_init(void);

static inline void
sketch_tables(void)
{
	if (unlikely(!skpi_sketch_tables_ready))
		skpi_sketch_tables_init();
}

/* coefficients of log2(1 + f) ~ f (C1 + f (C2 + f (C3 + f C4))), 0 <= f < 1 */
#define LOG2_C1 1.438638025890082
#define LOG2_C2 (-0.6777432665502775)
#define LOG2_C3 0.3218797068637608
#define LOG2_C4 (-0.08286069822537617)
#define INV_LOG2_GAMMA 69.3141404294929

/*
 * The bucket of us >= 1: the smallest i with us <= skpi_sketch_upper[i], that is
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
	while (skpi_sketch_upper[i] < us)
		i++;
	while (i > 0 && skpi_sketch_upper[i - 1] >= us)
		i--;
	return i;
}

/* the cell of a value: -1 for the zero counter, else its bucket */
static inline int
sketch_cell(int64 us)
{
	return us == 0 ? -1 : sketch_index(us);
}

/* smallest whole microsecond bucket i holds (> skpi_sketch_upper[i] if none) */
static inline int64
bucket_lower(int i)
{
	return i == 0 ? 1 : skpi_sketch_upper[i - 1] + 1;
}

#endif							/* SKPI_SKETCH_H */
