/*
 * sketch_buckets.c
 *		The bucket bounds of duration_sketch (see sketch.h): which whole
 *		microseconds each bucket holds, and its representative, computed once
 *		per backend with IEEE double-double arithmetic (+, -, * only; this
 *		file is compiled with -ffp-contract=off), so the bucket of a value is
 *		the same on every platform.
 */
#include "postgres.h"

#include <math.h>

#include "sketch.h"

/* skpi_sketch_upper[i]: largest whole microsecond in bucket i, floor(gamma^i) */
int64		skpi_sketch_upper[SKPI_SKETCH_MAX_BUCKETS];
/* skpi_sketch_rep[i]: representative 2 gamma^i / (gamma + 1), microseconds */
double		skpi_sketch_rep[SKPI_SKETCH_MAX_BUCKETS];
bool		skpi_sketch_tables_ready = false;

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
void
skpi_sketch_tables_init(void)
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
		skpi_sketch_upper[i] = dd_floor(x);
		skpi_sketch_rep[i] = 2.0 * x.hi / (1.0 + g.hi);
	}
	if (skpi_sketch_upper[SKPI_SKETCH_MAX_INDEX] != PG_INT64_MAX ||
		skpi_sketch_upper[SKPI_SKETCH_MAX_INDEX - 1] == PG_INT64_MAX)
		elog(ERROR, "duration_sketch: unexpected bucket bounds");
	skpi_sketch_tables_ready = true;
}
