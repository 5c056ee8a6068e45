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
 * bucket of a value is the same on every platform (see sketch.c).
 */
#ifndef SKPI_SKETCH_H
#define SKPI_SKETCH_H

#include "postgres.h"
#include "fmgr.h"

#include "compat.h"

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
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* SKPI_SKETCH_VERSION */
	uint8		kind;			/* SKPI_SKETCH_KIND_DURATION */
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

#define SKPI_SKETCH_HEADER_SIZE		offsetof(SkpiSketch, counts)
#define SKPI_SKETCH_SIZE(nbuckets) \
	(SKPI_SKETCH_HEADER_SIZE + sizeof(int64) * (nbuckets))

#endif							/* SKPI_SKETCH_H */
