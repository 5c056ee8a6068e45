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
#include "utils/memutils.h"
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

/* num * 100 / den computed in numeric, as SQL's num * 100.0 / den does */
static Datum
numeric_pct_compute(int64 num, int64 den)
{
	Datum		scaled;

	/* num * 100 in numeric: cannot overflow, unlike int64 arithmetic */
	scaled = DirectFunctionCall2(numeric_mul,
								 NumericGetDatum(int64_to_numeric(num)),
								 NumericGetDatum(int64_to_numeric(100)));
	return skpi_numeric_div(scaled, den);
}

/*
 * A memo of the results of small fractions.  A KPI over a rolling window of
 * w rows calls its final function once a row with counts of at most w, so
 * the same few fractions come back again and again; building each one in
 * numeric (two conversions, a multiplication and a long division) cost as
 * much as the rest of the row.  The result is a pure function of num and den
 * (no setting changes it), so the bytes of the result computed the first
 * time are kept and copied out afterwards: byte for byte what the
 * computation gives.  Only den <= PCT_MEMO_MAX_DEN and |num| <= den are kept
 * (at most 4 095 fractions, each in a fixed slot of PCT_MEMO_SLOT bytes, one
 * row of slots per denominator allocated on first use in TopMemoryContext:
 * at most 160 kB a backend); any other fraction is computed.  A result is
 * always a fresh palloc'd copy in the caller's context, never the memo's.
 */
#define PCT_MEMO_MAX_DEN	63
#define PCT_MEMO_SLOT		40	/* bytes a slot: length (1) and the numeric */

static uint8 *pct_memo[PCT_MEMO_MAX_DEN + 1];

Datum
skpi_numeric_pct(int64 num, int64 den)
{
	uint8	   *slot;
	Datum		result;
	Size		len;

	Assert(den > 0);
	if (den > PCT_MEMO_MAX_DEN || num < -den || num > den)
		return numeric_pct_compute(num, den);
	if (pct_memo[den] == NULL)
		pct_memo[den] = MemoryContextAllocZero(TopMemoryContext,
											   (Size) (2 * den + 1) * PCT_MEMO_SLOT);
	slot = pct_memo[den] + (num + den) * PCT_MEMO_SLOT;
	if (slot[0] != 0)
	{
		void	   *copy = palloc(slot[0]);

		memcpy(copy, slot + 1, slot[0]);
		return PointerGetDatum(copy);
	}
	result = numeric_pct_compute(num, den);
	len = VARSIZE(DatumGetPointer(result));
	if (len < PCT_MEMO_SLOT)
	{
		memcpy(slot + 1, DatumGetPointer(result), len);
		slot[0] = (uint8) len;
	}
	return result;
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
