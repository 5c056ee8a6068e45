/*
 * rates.c
 *		Share-of-contacts rates on a boolean: share_pct, transfer_rate,
 *		containment_rate.
 *
 *	 share_pct(flag) = rows where flag is true x 100 / rows where flag is not
 *	 NULL.  transfer_rate and containment_rate compute the same on a flag
 *	 that means "transferred" / "closed by the bot without an operator"; they
 *	 exist so that reports say what they measure.  NULL flags are ignored; no
 *	 non-NULL flag gives NULL.  The Wilson score interval of the share is read
 *	 from the two-step state (share_agg, rollup, share_ci_lower / _upper).
 *
 * State: share_state, a counter state (counter_state.c) with two slots,
 * hits (true flags) and total (non-NULL flags); share_state(hits, total)
 * builds one from figures counted elsewhere.
 */
#include "postgres.h"

#include "fmgr.h"

#include "compat.h"
#include "counter_state.h"
#include "stats.h"

#define SHARE_HITS	0
#define SHARE_TOTAL 1

SKPI_COUNTER_TYPE_FUNCTIONS(share, SKPI_CK_SHARE)

static Datum
share_transition(FunctionCallInfo fcinfo, SkpiStep step)
{
	int			sign = SKPI_STEP_SIGN(step);
	SkpiCounterState *st;

	if (PG_ARGISNULL(1))
		return skpi_counter_skip_row(fcinfo, SKPI_CK_SHARE, 0, step);
	st = skpi_counter_fast(fcinfo, SKPI_CK_SHARE, 0);
	if (unlikely(st == NULL))
		st = skpi_counter_for_row(fcinfo, SKPI_CK_SHARE, 0, sign);
	/* an inverse of a row that was never counted returns NULL: recompute */
	if (st == NULL ||
		!skpi_counter_add(st, SHARE_TOTAL, sign, 1) ||
		(PG_GETARG_BOOL(1) && !skpi_counter_add(st, SHARE_HITS, sign, 1)) ||
		unlikely(st->slots[SHARE_HITS] > st->slots[SHARE_TOTAL]))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(st);
}

SKPI_TRANSITIONS(skpi_share_state, , share_transition)

/* constructor: share_state(hits, total) of figures counted elsewhere */
SKPI_ENTRY(skpi_share_state, PointerGetDatum(skpi_counter_from_args(fcinfo, SKPI_CK_SHARE, 2, 0)))

PG_FUNCTION_INFO_V1(skpi_share_pct);
Datum
skpi_share_pct(PG_FUNCTION_ARGS)
{
	SkpiCounterState *st = skpi_counter_getarg(fcinfo, 0, SKPI_CK_SHARE);

	if (st->slots[SHARE_TOTAL] == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(skpi_numeric_pct(st->slots[SHARE_HITS], st->slots[SHARE_TOTAL]));
}

PG_FUNCTION_INFO_V1(skpi_share_hits);
Datum
skpi_share_hits(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(skpi_counter_getarg(fcinfo, 0, SKPI_CK_SHARE)->slots[SHARE_HITS]);
}

PG_FUNCTION_INFO_V1(skpi_share_total);
Datum
skpi_share_total(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(skpi_counter_getarg(fcinfo, 0, SKPI_CK_SHARE)->slots[SHARE_TOTAL]);
}

static Datum
share_ci_bound(FunctionCallInfo fcinfo, bool upper)
{
	double		z = skpi_level_arg(fcinfo, 1);
	SkpiCounterState *st = skpi_counter_getarg(fcinfo, 0, SKPI_CK_SHARE);

	if (st->slots[SHARE_TOTAL] == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(skpi_wilson_bound_pct(st->slots[SHARE_HITS], st->slots[SHARE_TOTAL],
										  z, upper));
}

SKPI_ENTRY(skpi_share_ci_lower, share_ci_bound(fcinfo, false))
SKPI_ENTRY(skpi_share_ci_upper, share_ci_bound(fcinfo, true))
