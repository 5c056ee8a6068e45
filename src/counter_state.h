/*
 * counter_state.h
 *		The "counters" state shared by the rate, queue and handling KPIs.
 *
 * Rates (shares, service level, abandon rate) and means of durations (AHT,
 * ASA) are all ratios of sums that only ever grow by whole rows: a fixed set
 * of bigint counters per KPI family is an exact, constant-size, mergeable
 * state.  A kind (share, ...) names the counters ("slots"), may carry one
 * small parameter recorded when the state was built (e.g. an abandon policy),
 * and may declare invariants between slots that every state read from
 * outside must satisfy.  One transition helper, one merge / un-merge, one text
 * and one binary form serve every kind; a KPI family adds its transition
 * (what a row adds to which slot) and its accessors.
 *
 * Text form: {"version":1,"kind":"share","hits":3,"total":5}, a key per slot
 * (and "param" when the kind has a parameter), in any order.
 */
#ifndef SKPI_COUNTER_STATE_H
#define SKPI_COUNTER_STATE_H

#include "postgres.h"
#include "fmgr.h"
#include "common/int.h"

#include "compat.h"
#include "state.h"

#define SKPI_COUNTER_STATE_VERSION	1
#define SKPI_COUNTER_MAX_SLOTS		8

typedef enum SkpiCounterKind
{
	SKPI_CK_SHARE = 1,			/* rates.c */
	SKPI_CK_QUEUE = 2,			/* queue.c */
	SKPI_CK_HANDLE = 3,			/* handling.c: handled, handle_us */
	SKPI_CK_OCCUPANCY = 4		/* handling.c: periods, busy_us, available_us */
} SkpiCounterKind;

#define SKPI_CK_FIRST SKPI_CK_SHARE
#define SKPI_CK_LAST  SKPI_CK_OCCUPANCY

/* queue_state slots and policies (queue.c) */
enum
{
	SKPI_Q_ANSWERED,
	SKPI_Q_ANSWERED_WITHIN,
	SKPI_Q_ABANDONED,
	SKPI_Q_ABANDONED_WITHIN,
	SKPI_Q_SHORT_ABANDONED,
	SKPI_Q_ANSWERED_WAIT_US,
	SKPI_Q_NSLOTS
};
enum
{
	SKPI_SL_AGAINST,
	SKPI_SL_IGNORE_EARLY,
	SKPI_SL_FAVOUR,
	SKPI_SL_ANSWERED_ONLY,
	SKPI_SL_NPOLICIES
};

typedef struct SkpiCounterState
{
	SKPI_STATE_HEADER;			/* version SKPI_COUNTER_STATE_VERSION, kind SkpiCounterKind */
	uint8		param;			/* the kind's parameter, 0 if it has none */
	uint8		nslots;			/* number of slots, fixed by the kind */
	int32		padding;		/* always zero */
	int64		slots[FLEXIBLE_ARRAY_MEMBER];
} SkpiCounterState;

SKPI_STATE_LAYOUT(SkpiCounterState);

#define SKPI_COUNTER_SIZE(nslots) \
	(offsetof(SkpiCounterState, slots) + sizeof(int64) * (nslots))

/* Describes a kind: its SQL name, its slots, its parameter, its invariants */
typedef struct SkpiCounterKindInfo
{
	const char *name;			/* e.g. "share"; the SQL type is name_state */
	int			nslots;
	const char *const *slot_names;	/* JSON keys, one per slot */
	const char *param_key;		/* JSON key of the parameter, NULL if none */
	const char *const *param_names; /* parameter values by number */
	int			nparams;
	/* invariant check of a state from outside; NULL message if it holds */
	const char *(*check) (const SkpiCounterState *st);
} SkpiCounterKindInfo;

extern const SkpiCounterKindInfo *skpi_counter_kind(SkpiCounterKind kind);

/* the state type of each kind (indexed by SkpiCounterKind) */
extern const SkpiStateType skpi_counter_types[];

/* Read a state argument (detoasted, header checked against the kind). */
extern SkpiCounterState *skpi_counter_getarg(FunctionCallInfo fcinfo, int argno,
											 SkpiCounterKind kind);

/*
 * The state of a transition call (argument 0), ready for in-place update:
 * the aggregate's own state, or a new one (a row that is not skipped always
 * gets a state).  Errors if not called from an aggregate, or if the state
 * was built with another parameter.  Returns NULL only for an inverse
 * transition with no state.
 */
extern SkpiCounterState *skpi_counter_for_row(FunctionCallInfo fcinfo,
											  SkpiCounterKind kind, int param,
											  int sign);

/*
 * The per-row hot path of skpi_counter_for_row, inlined into each family's
 * transition: in an aggregate, our own plain state of the kind, built with
 * the same parameter.  NULL when anything else holds (first row, a copy to
 * make, a parameter to check): then call skpi_counter_for_row.  in_agg:
 * the caller knows that this call site is an Agg node's (its Aggref was
 * seen), AggCheckCallContext need not be asked again.
 */
static inline SkpiCounterState *
skpi_counter_fast_in(FunctionCallInfo fcinfo, SkpiCounterKind kind, int param,
					 bool in_agg)
{
	if (likely(!PG_ARGISNULL(0) && (in_agg || AggCheckCallContext(fcinfo, NULL))))
	{
		SkpiCounterState *st = (SkpiCounterState *) PG_GETARG_POINTER(0);

		if (likely(!VARATT_IS_EXTENDED(st) && st->kind == kind && st->param == param))
			return st;
	}
	return NULL;
}

static inline SkpiCounterState *
skpi_counter_fast(FunctionCallInfo fcinfo, SkpiCounterKind kind, int param)
{
	return skpi_counter_fast_in(fcinfo, kind, param, false);
}

/*
 * What a transition returns for a row it skips (NULL input): the state
 * unchanged, or for a moving aggregate an empty state rather than NULL.
 */
extern Datum skpi_counter_skip_row(FunctionCallInfo fcinfo, SkpiCounterKind kind,
								   int param, SkpiStep step);

/*
 * Add delta (sign x value) to a slot.  Forward: ERROR 22003 on overflow.
 * Inverse: false if the slot would go negative (the caller returns NULL so
 * the executor recomputes the frame).
 */
static inline bool
skpi_counter_add(SkpiCounterState *st, int slot, int sign, int64 value)
{
	if (sign > 0)
	{
		if (unlikely(pg_add_s64_overflow(st->slots[slot], value, &st->slots[slot])))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s counter is out of range for type bigint",
							skpi_counter_kind(st->kind)->name)));
		return true;
	}
	if (st->slots[slot] < value)
		return false;
	st->slots[slot] -= value;
	return true;
}

/*
 * Constructors (share_state(hits, total), queue_state(...), handle_state(...),
 * occupancy_state(...)): the state of figures counted elsewhere.  Argument i
 * is slot i: a count (bigint) for i < first_us, a duration in seconds (double
 * precision) for i >= first_us, made exact microseconds as the aggregates
 * make them (durations.h).  A NULL argument is an error (22004), and so are
 * NaN, infinite or negative seconds (22003); the argument of slot "x_us" is
 * named "x_seconds" in messages.  The state, with the parameter param, is
 * checked as text input checks one (no negative counter, the kind's
 * invariants: 22003, the same messages).
 */
extern SkpiCounterState *skpi_counter_from_args(FunctionCallInfo fcinfo, SkpiCounterKind kind,
												int first_us, int param);

/* Type I/O, merge and nonempty entry points of a kind, for its family file */
#define SKPI_COUNTER_TYPE_FUNCTIONS(prefix, KIND) \
SKPI_STATE_IO(skpi_##prefix##_state, skpi_counter_types[KIND]) \
SKPI_STATE_MERGE(skpi_##prefix##_state, skpi_counter_types[KIND]) \
PG_FUNCTION_INFO_V1(skpi_##prefix##_state_nonempty); \
Datum skpi_##prefix##_state_nonempty(PG_FUNCTION_ARGS) \
{ return skpi_state_nonempty(fcinfo, &skpi_counter_types[KIND]); }

#endif							/* SKPI_COUNTER_STATE_H */
