/*
 * score_state.h
 *		The "score distribution" state shared by the customer-voice KPIs.
 *
 * NPS, CES and CSAT are all functions of how many responses gave each point
 * of a bounded integer scale.  One state kind therefore serves all three: a
 * varlena holding the scale and one int64 counter per scale point.  It is
 * exact (no sampling), constant in size whatever the row count (at most
 * SKPI_SCALE_MAX_LIMIT + 1 counters), and merging two states is adding
 * their counters, so serial, parallel, window and rollup results are equal.
 *
 * The three SQL types nps_state, ces_state and csat_state share this layout;
 * the kind byte says which one a value is, so a state can never be read as
 * another KPI's state.
 */
#ifndef SKPI_SCORE_STATE_H
#define SKPI_SCORE_STATE_H

#include "postgres.h"
#include "fmgr.h"

#include "compat.h"
#include "state.h"

/* Format version written into every state; bump with an upgrade path. */
#define SKPI_SCORE_STATE_VERSION	1

/* Largest scale_max accepted for CES and CSAT scales (1..scale_max). */
#define SKPI_SCALE_MAX_LIMIT	100
/* Smallest scale_max accepted for CES and CSAT scales. */
#define SKPI_SCALE_MIN_LIMIT	3

typedef enum SkpiScoreKind
{
	SKPI_KIND_NPS = 1,
	SKPI_KIND_CES = 2,
	SKPI_KIND_CSAT = 3
} SkpiScoreKind;

#define SKPI_KIND_FIRST SKPI_KIND_NPS
#define SKPI_KIND_LAST	SKPI_KIND_CSAT

typedef struct SkpiScoreState
{
	SKPI_STATE_HEADER;			/* version SKPI_SCORE_STATE_VERSION, kind SkpiScoreKind */
	int16		scale_min;		/* lowest score: 0 for NPS, 1 otherwise */
	int16		scale_max;		/* highest score */
	int16		padding;		/* always zero */
	int64		counts[FLEXIBLE_ARRAY_MEMBER];	/* one per point, from scale_min */
} SkpiScoreState;

SKPI_STATE_LAYOUT(SkpiScoreState);

/* the state type of each kind (indexed by SkpiScoreKind) */
extern const SkpiStateType skpi_score_types[];

#define SKPI_SCORE_NPOINTS(st)	((int) ((st)->scale_max - (st)->scale_min + 1))
#define SKPI_SCORE_SIZE(npoints) \
	(offsetof(SkpiScoreState, counts) + sizeof(int64) * (npoints))

/* Names and fixed scales of each kind */
extern const char *skpi_score_kind_name(SkpiScoreKind kind);
extern int	skpi_score_kind_min(SkpiScoreKind kind);
extern int	skpi_score_default_max(SkpiScoreKind kind);

/* Validate a scale_max argument (NULL or out of 3..100 is an error). */
extern int32 skpi_score_scale_arg(FunctionCallInfo fcinfo, int argno,
								  SkpiScoreKind kind);

/*
 * Constructor (nps_state(counts), ces_state(counts), csat_state(counts)): a
 * state from the bigint[] argument argno, the counts of the scores from the
 * lowest (0 for NPS, 1 otherwise), so that the length gives scale_max for
 * CES and CSAT.  A NULL array or element is an error (22004), so is an array
 * that is not one-dimensional or does not start at subscript 1, or (NPS)
 * does not hold 11 counts (2202E); a scale off 3..100 (22023) and a negative
 * count (22003) are refused with the messages of the aggregates and of text
 * input.
 */
extern SkpiScoreState *skpi_score_from_counts(FunctionCallInfo fcinfo, int argno,
											  SkpiScoreKind kind);

/* Read a state argument (detoasted, checked to be of the given kind). */
extern SkpiScoreState *skpi_score_getarg(FunctionCallInfo fcinfo, int argno,
										 SkpiScoreKind kind);

/* The transition of every customer-voice aggregate (SkpiStep, state.h). */
extern Datum skpi_score_transition_slow(FunctionCallInfo fcinfo, SkpiScoreKind kind,
										int32 scale_max, SkpiStep step);

/*
 * The per-row hot path, inlined into each KPI's transition function: in an
 * aggregate, our own plain state of the right kind and scale, a score on the
 * scale, a count that cannot overflow.  Anything else (first row, NULLs,
 * errors, inverse transitions that cannot apply) takes the slow path, which
 * re-checks everything and reports errors.
 */
static inline Datum
skpi_score_transition(FunctionCallInfo fcinfo, SkpiScoreKind kind,
					  int32 scale_max, SkpiStep step)
{
	int			sign = SKPI_STEP_SIGN(step);

	if (likely(!PG_ARGISNULL(0) && !PG_ARGISNULL(1) &&
			   AggCheckCallContext(fcinfo, NULL)))
	{
		SkpiScoreState *st = (SkpiScoreState *) PG_GETARG_POINTER(0);
		int32		score = PG_GETARG_INT32(1);

		if (likely(!VARATT_IS_EXTENDED(st) && st->kind == kind &&
				   st->scale_max == scale_max &&
				   score >= st->scale_min && score <= scale_max))
		{
			int64	   *slot = &st->counts[score - st->scale_min];

			if (likely(sign > 0 ? *slot < PG_INT64_MAX : *slot > 0))
			{
				*slot += sign;
				PG_RETURN_POINTER(st);
			}
		}
	}
	return skpi_score_transition_slow(fcinfo, kind, scale_max, step);
}

/* Reading a state */
extern int64 skpi_score_total(const SkpiScoreState *st);
extern int64 skpi_score_count_range(const SkpiScoreState *st, int lo, int hi);
extern Datum skpi_score_pct_range(const SkpiScoreState *st, int lo, int hi,
								  bool *isnull);
extern Datum skpi_score_mean(const SkpiScoreState *st, bool *isnull);
extern Datum skpi_score_counts_array(const SkpiScoreState *st);

#endif							/* SKPI_SCORE_STATE_H */
