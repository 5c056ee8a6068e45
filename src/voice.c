/*
 * voice.c
 *		Customer-voice KPIs: NPS, CES, CSAT.
 *
 * All three are read off a score-distribution state (score_state.c):
 *
 *	 NPS   scale 0..10.  (promoters 9-10 - detractors 0-6) x 100 / responses.
 *		   Margin of error: p, d promoter / detractor shares, n responses,
 *		   var = (p + d - (p - d)^2) / n, interval NPS +- z x 100 x sqrt(var),
 *		   clamped to -100..100, z the normal quantile of the level.
 *	 CES   scale 1..scale_max (default 7).  Mean score; "easy" share = the top
 *		   two points, "difficult" share = points below the scale's midpoint
 *		   (1-3 of 7, 1-2 of 5), index = easy % - difficult %.
 *	 CSAT  scale 1..scale_max (default 5).  Share of the top two points (4-5
 *		   of 5) x 100; mean rating; Wilson score interval of the share.
 *
 * NULL scores are ignored; a group with no non-NULL score gives NULL (and the
 * two-step aggregates a NULL state).  A score off its scale is an ERROR
 * (22003), a bad scale_max or confidence level too (22023), and so is merging
 * states of different scales.
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"

#include "compat.h"
#include "score_state.h"
#include "stats.h"

/*
 * Per kind: type I/O, transitions (plain, moving, inverse), merge and
 * un-merge, the generic accessors, the constructor from an array of counts
 * (nps_state(counts bigint[]), ...), and the moving final function of the
 * *_agg aggregates (an empty window frame gives a NULL state, as the plain
 * aggregate does for no rows).
 */
#define SKPI_SCORE_TYPE_FUNCTIONS(prefix, KIND) \
SKPI_STATE_IO(skpi_##prefix##_state, skpi_score_types[KIND]) \
SKPI_STATE_MERGE(skpi_##prefix##_state, skpi_score_types[KIND]) \
PG_FUNCTION_INFO_V1(skpi_##prefix##_state_nonempty); \
Datum skpi_##prefix##_state_nonempty(PG_FUNCTION_ARGS) \
{ return skpi_state_nonempty(fcinfo, &skpi_score_types[KIND]); } \
PG_FUNCTION_INFO_V1(skpi_responses_##prefix); \
Datum skpi_responses_##prefix(PG_FUNCTION_ARGS) \
{ PG_RETURN_INT64(skpi_score_total(skpi_score_getarg(fcinfo, 0, KIND))); } \
PG_FUNCTION_INFO_V1(skpi_score_counts_##prefix); \
Datum skpi_score_counts_##prefix(PG_FUNCTION_ARGS) \
{ PG_RETURN_DATUM(skpi_score_counts_array(skpi_score_getarg(fcinfo, 0, KIND))); } \
PG_FUNCTION_INFO_V1(skpi_##prefix##_state); \
Datum skpi_##prefix##_state(PG_FUNCTION_ARGS) \
{ PG_RETURN_POINTER(skpi_score_from_counts(fcinfo, 0, KIND)); } \
SKPI_TRANSITIONS(skpi_##prefix##_state, , score_transition, KIND)

/* the scale of a transition call: its third argument, or the kind's default */
static int32
scale_of_call(FunctionCallInfo fcinfo, SkpiScoreKind kind)
{
	if (PG_NARGS() > 2)
		return skpi_score_scale_arg(fcinfo, 2, kind);
	return skpi_score_default_max(kind);
}

/* transition of a kind: the scale is its third argument, or the kind's default */
static inline Datum
score_transition(FunctionCallInfo fcinfo, SkpiStep step, SkpiScoreKind kind)
{
	return skpi_score_transition(fcinfo, kind, scale_of_call(fcinfo, kind), step);
}

SKPI_SCORE_TYPE_FUNCTIONS(nps, SKPI_KIND_NPS)
SKPI_SCORE_TYPE_FUNCTIONS(ces, SKPI_KIND_CES)
SKPI_SCORE_TYPE_FUNCTIONS(csat, SKPI_KIND_CSAT)

/* Return the share of scores lo..hi of the state in argument 0, in % */
static Datum
pct_of_arg(FunctionCallInfo fcinfo, SkpiScoreKind kind, int lo, int hi)
{
	SkpiScoreState *st = skpi_score_getarg(fcinfo, 0, kind);
	bool		isnull;
	Datum		result;

	if (lo < 0)					/* counted from the top of the scale */
	{
		hi = st->scale_max;
		lo = hi + lo + 1;
	}
	result = skpi_score_pct_range(st, lo, hi, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(result);
}

/* the mean score of the state in argument 0; NULL without responses */
static Datum
mean_of_arg(FunctionCallInfo fcinfo, SkpiScoreKind kind)
{
	bool		isnull;
	Datum		result = skpi_score_mean(skpi_score_getarg(fcinfo, 0, kind), &isnull);

	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(result);
}

/* ----------------------------------------------------------------
 * NPS
 * ----------------------------------------------------------------
 */
#define NPS_DETRACTOR_MAX	6
#define NPS_PROMOTER_MIN	9

PG_FUNCTION_INFO_V1(skpi_nps);
Datum
skpi_nps(PG_FUNCTION_ARGS)
{
	SkpiScoreState *st = skpi_score_getarg(fcinfo, 0, SKPI_KIND_NPS);
	int64		n = skpi_score_total(st);
	int64		promoters = skpi_score_count_range(st, NPS_PROMOTER_MIN, 10);
	int64		detractors = skpi_score_count_range(st, 0, NPS_DETRACTOR_MAX);

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(skpi_numeric_pct(promoters - detractors, n));
}

SKPI_ENTRY(skpi_promoters_pct, pct_of_arg(fcinfo, SKPI_KIND_NPS, NPS_PROMOTER_MIN, 10))
SKPI_ENTRY(skpi_passives_pct, pct_of_arg(fcinfo, SKPI_KIND_NPS, NPS_DETRACTOR_MAX + 1, NPS_PROMOTER_MIN - 1))
SKPI_ENTRY(skpi_detractors_pct, pct_of_arg(fcinfo, SKPI_KIND_NPS, 0, NPS_DETRACTOR_MAX))

/*
 * NPS and its standard error in points, in double precision; false if the
 * state has no responses.
 */
static bool
nps_estimate(const SkpiScoreState *st, double *nps, double *se)
{
	int64		n = skpi_score_total(st);
	double		p,
				d,
				var;

	if (n == 0)
		return false;
	p = (double) skpi_score_count_range(st, NPS_PROMOTER_MIN, 10) / (double) n;
	d = (double) skpi_score_count_range(st, 0, NPS_DETRACTOR_MAX) / (double) n;
	var = (p + d - (p - d) * (p - d)) / (double) n;
	*nps = 100.0 * (p - d);
	*se = 100.0 * sqrt(Max(var, 0.0));
	return true;
}

PG_FUNCTION_INFO_V1(skpi_nps_stderr);
Datum
skpi_nps_stderr(PG_FUNCTION_ARGS)
{
	double		nps,
				se;

	if (!nps_estimate(skpi_score_getarg(fcinfo, 0, SKPI_KIND_NPS), &nps, &se))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(skpi_float8_numeric(se));
}

static Datum
nps_ci_bound(FunctionCallInfo fcinfo, int side)
{
	double		z = skpi_level_arg(fcinfo, 1);
	double		nps,
				se,
				bound;

	if (!nps_estimate(skpi_score_getarg(fcinfo, 0, SKPI_KIND_NPS), &nps, &se))
		PG_RETURN_NULL();
	bound = nps + side * z * se;
	bound = Max(-100.0, Min(100.0, bound));
	PG_RETURN_DATUM(skpi_float8_numeric(bound));
}

SKPI_ENTRY(skpi_nps_ci_lower, nps_ci_bound(fcinfo, -1))
SKPI_ENTRY(skpi_nps_ci_upper, nps_ci_bound(fcinfo, 1))

/* ----------------------------------------------------------------
 * CES
 * ----------------------------------------------------------------
 */

SKPI_ENTRY(skpi_ces, mean_of_arg(fcinfo, SKPI_KIND_CES))

SKPI_ENTRY(skpi_ces_easy_pct, pct_of_arg(fcinfo, SKPI_KIND_CES, -2, 0))

/* "difficult": the points below the midpoint of 1..scale_max */
static int
ces_difficult_max(const SkpiScoreState *st)
{
	return st->scale_max / 2;
}

PG_FUNCTION_INFO_V1(skpi_ces_difficult_pct);
Datum
skpi_ces_difficult_pct(PG_FUNCTION_ARGS)
{
	SkpiScoreState *st = skpi_score_getarg(fcinfo, 0, SKPI_KIND_CES);

	return pct_of_arg(fcinfo, SKPI_KIND_CES, 1, ces_difficult_max(st));
}

PG_FUNCTION_INFO_V1(skpi_ces_index);
Datum
skpi_ces_index(PG_FUNCTION_ARGS)
{
	SkpiScoreState *st = skpi_score_getarg(fcinfo, 0, SKPI_KIND_CES);
	int64		n = skpi_score_total(st);
	int64		easy = skpi_score_count_range(st, st->scale_max - 1, st->scale_max);
	int64		difficult = skpi_score_count_range(st, 1, ces_difficult_max(st));

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(skpi_numeric_pct(easy - difficult, n));
}

/* ----------------------------------------------------------------
 * CSAT
 * ----------------------------------------------------------------
 */

SKPI_ENTRY(skpi_csat, pct_of_arg(fcinfo, SKPI_KIND_CSAT, -2, 0))

SKPI_ENTRY(skpi_csat_mean, mean_of_arg(fcinfo, SKPI_KIND_CSAT))

static Datum
csat_ci_bound(FunctionCallInfo fcinfo, bool upper)
{
	double		z = skpi_level_arg(fcinfo, 1);
	SkpiScoreState *st = skpi_score_getarg(fcinfo, 0, SKPI_KIND_CSAT);
	int64		n = skpi_score_total(st);

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(skpi_wilson_bound_pct(skpi_score_count_range(st, st->scale_max - 1,
																  st->scale_max),
										  n, z, upper));
}

SKPI_ENTRY(skpi_csat_ci_lower, csat_ci_bound(fcinfo, false))
SKPI_ENTRY(skpi_csat_ci_upper, csat_ci_bound(fcinfo, true))
