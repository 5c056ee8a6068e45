/*
 * stats.c
 *		Numeric and statistical helpers shared by every KPI family.
 *
 * Percentages are computed in numeric from exact integer counts, the same way
 * the SQL an analyst writes does (count * 100.0 / total), so the extension's
 * figures and a hand-written check agree digit for digit.  Confidence
 * intervals are computed in double precision: they are estimates, and the
 * normal quantile is found to full double precision by bisection on erfc()
 * (no table, no approximation constants).
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#include "compat.h"
#include "stats.h"

/* M_SQRT2 is not in every libm header */
#define SQRT2 1.41421356237309504880

Datum
skpi_numeric_div(Datum num, int64 den)
{
	Assert(den > 0);
	return DirectFunctionCall2(numeric_div, num,
							   NumericGetDatum(int64_to_numeric(den)));
}

Datum
skpi_numeric_pct(int64 num, int64 den)
{
	Datum		scaled;

	/* num * 100 in numeric: cannot overflow, unlike int64 arithmetic */
	scaled = DirectFunctionCall2(numeric_mul,
								 NumericGetDatum(int64_to_numeric(num)),
								 NumericGetDatum(int64_to_numeric(100)));
	return skpi_numeric_div(scaled, den);
}

Datum
skpi_float8_numeric(double v)
{
	Assert(isfinite(v));
	return DirectFunctionCall1(float8_numeric, Float8GetDatum(v));
}

double
skpi_level_to_z(double level)
{
	double		alpha;
	double		lo = 0.0;
	double		hi = 40.0;
	int			i;

	if (isnan(level) || level <= 0.0 || level >= 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence level %g is outside the range (0, 1)", level),
				 errhint("Use for example 0.95 for a 95 %% interval.")));

	/* find z with erfc(z / sqrt(2)) = 1 - level; erfc is decreasing */
	alpha = 1.0 - level;
	for (i = 0; i < 200; i++)
	{
		double		mid = 0.5 * (lo + hi);

		if (mid <= lo || mid >= hi)
			break;				/* converged to adjacent doubles */
		if (erfc(mid / SQRT2) > alpha)
			lo = mid;
		else
			hi = mid;
	}
	return 0.5 * (lo + hi);
}

double
skpi_level_arg(FunctionCallInfo fcinfo, int argno)
{
	/* callers are STRICT: a NULL level never reaches here */
	Assert(!PG_ARGISNULL(argno));
	return skpi_level_to_z(PG_GETARG_FLOAT8(argno));
}

void
skpi_wilson(int64 x, int64 n, double z, double *lo, double *hi)
{
	double		dn = (double) n;
	double		p = Min(1.0, Max(0.0, (double) x / dn));
	double		z2 = z * z;
	double		denom = 1.0 + z2 / dn;
	double		centre = (p + z2 / (2.0 * dn)) / denom;
	double		half = z * sqrt(p * (1.0 - p) / dn + z2 / (4.0 * dn * dn)) / denom;

	/* the interval reaches 0 (1) exactly when no (every) trial succeeded */
	*lo = (x <= 0) ? 0.0 : Max(0.0, centre - half);
	*hi = (x >= n) ? 1.0 : Min(1.0, centre + half);
}

Datum
skpi_wilson_bound_pct(int64 x, int64 n, double z, bool upper)
{
	double		lo,
				hi;

	skpi_wilson(x, n, z, &lo, &hi);
	return skpi_float8_numeric(100.0 * (upper ? hi : lo));
}
