/*
 * stats.h
 *		Small numeric and statistical helpers shared by every KPI family.
 */
#ifndef SKPI_STATS_H
#define SKPI_STATS_H

#include "postgres.h"
#include "fmgr.h"

/* numeric value of num * 100 / den (den > 0), as SQL's num * 100.0 / den */
extern Datum skpi_numeric_pct(int64 num, int64 den);
/* numeric value of num / den (den > 0); num given as numeric Datum */
extern Datum skpi_numeric_div(Datum num, int64 den);
/* a float8 as numeric (finite values only) */
extern Datum skpi_float8_numeric(double v);

/*
 * Two-sided normal quantile for a confidence level in (0, 1): the z with
 * P(|Z| <= z) = level, e.g. 1.959963984540054 for 0.95.  Errors (22023) on a
 * level outside (0, 1).
 */
extern double skpi_level_to_z(double level);

/* Read a (non-NULL) confidence-level argument and return its z. */
extern double skpi_level_arg(FunctionCallInfo fcinfo, int argno);

/*
 * Wilson score interval for x successes out of n (n > 0) at the given z:
 * *lo and *hi are proportions in [0, 1], exactly 0 for x = 0 and exactly 1
 * for x = n.
 */
extern void skpi_wilson(int64 x, int64 n, double z, double *lo, double *hi);

/* one bound of the Wilson interval of x of n (n > 0), in % as numeric */
extern Datum skpi_wilson_bound_pct(int64 x, int64 n, double z, bool upper);

#endif							/* SKPI_STATS_H */
