/*
 * queue.c
 *		Queue KPIs: service level (sl_pct), abandon rate, average speed of
 *		answer (asa), on queue_state.
 *
 * A contact is offered, then answered or abandoned after a wait.  Per row the
 * state counts (counter_state.c, kind "queue"):
 *	 answered, answered_within (wait <= T), abandoned, abandoned_within
 *	 (wait <= T), short_abandoned (abandoned with wait < short_abandon: left
 *	 out of every figure), answered_wait_us (sum of answered waits, exact us).
 * T may differ per row (calls 20 s, chats 60 s in one aggregate); a wait equal
 * to T counts as within T.
 *
 *	 sl_pct, by policy (recorded in the state; fixed within an aggregate):
 *	   against		 answered_within / (answered + abandoned)
 *	   ignore_early	 answered_within / (answered + abandoned - abandoned_within)
 *	   favour		 (answered_within + abandoned_within) / (answered + abandoned)
 *	   answered_only answered_within / answered
 *	 abandon_rate	 abandoned / (answered + abandoned)
 *	 asa			 answered_wait_us / answered, in seconds
 *
 * Argument forms: (wait interval, answered boolean, ...), (wait seconds,
 * answered boolean, ...) and (offered_at, answered_at, ...) where a NULL
 * answered_at means abandoned.  An abandoned contact whose wait is unknown
 * (NULL wait, NULL answered_at) counts as abandoned after T and is never a
 * short abandon.  A row with a NULL answered flag, an answered row with a
 * NULL wait and a row with a NULL offered_at are skipped.  A NULL or negative
 * threshold, short_abandon or policy is an error (22023 / 22003); a negative
 * wait, answered_at before offered_at (22003) and infinite timestamps (22008)
 * too.
 *
 * queue_state(...) builds a state from figures counted elsewhere, checked
 * as its text input is (NULL figures 22004).
 */
#include "postgres.h"

#include "fmgr.h"
#include "common/int.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "counter_state.h"
#include "durations.h"
#include "stats.h"

typedef enum QueueForm
{
	QF_INTERVAL,
	QF_SECONDS,
	QF_TIMESTAMPS
} QueueForm;

static const char *const policy_names[] = {"against", "ignore_early", "favour", "answered_only"};

/* the policy named by len bytes at name; ERROR 22023 for an unknown name */
static int
policy_lookup(const char *name, int len)
{
	int			i;

	for (i = 0; i < SKPI_SL_NPOLICIES; i++)
		if ((int) strlen(policy_names[i]) == len && memcmp(policy_names[i], name, len) == 0)
			return i;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown service level policy \"%s\"", pnstrdup(name, Min(len, 64))),
			 errhint("Use 'against', 'ignore_early', 'favour' or 'answered_only'.")));
	return 0;					/* keep compiler quiet */
}

static int
policy_from_text(text *t)
{
	return policy_lookup(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

/*
 * The policy argument, looked up again only when it is not the text of the
 * policy *cache (the number of the last one seen, -1 at first; its name is
 * policy_names[number]): it is nearly always a constant.
 */
static int
policy_arg_cached(FunctionCallInfo fcinfo, int argno, int *cache)
{
	text	   *t;
	int			len;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("policy must not be null")));
	t = PG_GETARG_TEXT_PP(argno);
	len = VARSIZE_ANY_EXHDR(t);
	if (likely(*cache >= 0 && (int) strlen(policy_names[*cache]) == len &&
			   memcmp(policy_names[*cache], VARDATA_ANY(t), len) == 0))
		return *cache;
	*cache = policy_from_text(t);	/* errors on an unknown name */
	return *cache;
}

/* the policy argument of a function, its last policy kept in fn_extra */
static int
policy_arg(FunctionCallInfo fcinfo, int argno)
{
	int		   *cache = (int *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		fcinfo->flinfo->fn_extra = cache =
			MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(int));
		*cache = -1;
	}
	return policy_arg_cached(fcinfo, argno, cache);
}

/* a duration parameter (threshold, short_abandon): NULL is an error */
static int64
param_us(FunctionCallInfo fcinfo, int argno, QueueForm form, const char *what)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not be null", what)));
	if (form == QF_SECONDS)
		return skpi_seconds_us(PG_GETARG_FLOAT8(argno), what);
	return skpi_interval_us(PG_GETARG_INTERVAL_P(argno), what);
}

/*
 * The parameters of a transition's call site (fn_extra): threshold,
 * short_abandon and policy, checked and converted on every row unless they
 * are constants of the query (the Aggref's arguments, seen on the first
 * row): then once.
 */
typedef struct QueueParams
{
	bool		constant;		/* an Agg node's call site (its Aggref seen), the
								 * values below holding for every row */
	int64		threshold_us;
	int64		short_us;
	int			policy;
	int			policy_seen;	/* policy_arg_cached's cache */
} QueueParams;

static const QueueParams *
queue_params(FunctionCallInfo fcinfo, QueueForm form, bool has_threshold, int short_arg)
{
	QueueParams *p = (QueueParams *) fcinfo->flinfo->fn_extra;
	int			nargs = PG_NARGS();
	bool		first = false;

	if (likely(p != NULL && p->constant))
		return p;
	if (p == NULL)
	{
		fcinfo->flinfo->fn_extra = p =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(QueueParams));
		p->policy_seen = -1;
		first = true;
	}
	/* parameters, checked on every row */
	p->threshold_us = has_threshold ? param_us(fcinfo, 3, form, "threshold") : 0;
	p->short_us = nargs > short_arg ? param_us(fcinfo, short_arg, form, "short_abandon") : 0;
	p->policy = nargs > short_arg + 1 ?
		policy_arg_cached(fcinfo, short_arg + 1, &p->policy_seen) : SKPI_SL_AGAINST;
	if (first)
		p->constant = skpi_agg_args_constant(fcinfo, 3);
	return p;
}

/* inlined into each entry point: form, threshold and step become constants */
static pg_attribute_always_inline Datum
queue_transition(FunctionCallInfo fcinfo, SkpiStep step, QueueForm form,
				 bool has_threshold)
{
	int			sign = SKPI_STEP_SIGN(step);
	int			nargs = PG_NARGS();
	/* argument 0 is the state; 1, 2 the contact; then the parameters */
	int			short_arg = has_threshold ? 4 : 3;
	const QueueParams *params = queue_params(fcinfo, form, has_threshold, short_arg);
	int64		threshold_us = params->threshold_us;
	int64		short_us = params->short_us;
	int64		wait_us = 0;
	bool		wait_known = true;
	bool		answered;
	int			policy = params->policy;
	SkpiCounterState *st;
	bool		ok;

	/* the contact */
	if (form == QF_TIMESTAMPS ? PG_ARGISNULL(1) :
		(PG_ARGISNULL(2) || (PG_ARGISNULL(1) && PG_GETARG_BOOL(2))))
		return skpi_counter_skip_row(fcinfo, SKPI_CK_QUEUE, policy, step);
	if (form == QF_TIMESTAMPS)
	{
		answered = !PG_ARGISNULL(2);
		if (answered)
			wait_us = skpi_timestamps_us(PG_GETARG_TIMESTAMPTZ(1), PG_GETARG_TIMESTAMPTZ(2),
										 "offered_at", "answered_at");
		else
		{
			TimestampTz offered = PG_GETARG_TIMESTAMPTZ(1);

			if (TIMESTAMP_NOT_FINITE(offered))
				ereport(ERROR,
						(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
						 errmsg("offered_at must be a finite timestamp")));
			wait_known = false;
		}
	}
	else
	{
		answered = PG_GETARG_BOOL(2);
		if (PG_ARGISNULL(1))
			wait_known = false; /* abandoned, wait not recorded */
		else
			wait_us = (form == QF_SECONDS) ?
				skpi_seconds_us(PG_GETARG_FLOAT8(1), "wait") :
				skpi_interval_us(PG_GETARG_INTERVAL_P(1), "wait");
	}

	st = skpi_counter_fast_in(fcinfo, SKPI_CK_QUEUE, policy, params->constant);
	if (unlikely(st == NULL))
		st = skpi_counter_for_row(fcinfo, SKPI_CK_QUEUE, policy, sign);
	if (st == NULL)
		PG_RETURN_NULL();

	/* an inverse of a row that was never counted returns NULL: recompute */
	if (answered)
		ok = skpi_counter_add(st, SKPI_Q_ANSWERED, sign, 1) &&
			(!has_threshold || wait_us > threshold_us ||
			 skpi_counter_add(st, SKPI_Q_ANSWERED_WITHIN, sign, 1)) &&
			skpi_counter_add(st, SKPI_Q_ANSWERED_WAIT_US, sign, wait_us);
	else if (nargs > short_arg && wait_known && wait_us < short_us)
		ok = skpi_counter_add(st, SKPI_Q_SHORT_ABANDONED, sign, 1);
	else
		ok = skpi_counter_add(st, SKPI_Q_ABANDONED, sign, 1) &&
			(!has_threshold || !wait_known || wait_us > threshold_us ||
			 skpi_counter_add(st, SKPI_Q_ABANDONED_WITHIN, sign, 1));
	if (!ok || (sign < 0 && skpi_counter_kind(SKPI_CK_QUEUE)->check(st) != NULL))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(st);
}

/* transitions: form x threshold x (forward, moving forward, inverse) */
SKPI_TRANSITIONS(skpi_queue_state, _interval, queue_transition, QF_INTERVAL, true)
SKPI_TRANSITIONS(skpi_queue_state, _seconds, queue_transition, QF_SECONDS, true)
SKPI_TRANSITIONS(skpi_queue_state, _timestamps, queue_transition, QF_TIMESTAMPS, true)
SKPI_TRANSITIONS(skpi_queue_state, _nothreshold_interval, queue_transition, QF_INTERVAL, false)
SKPI_TRANSITIONS(skpi_queue_state, _nothreshold_seconds, queue_transition, QF_SECONDS, false)
SKPI_TRANSITIONS(skpi_queue_state, _nothreshold_timestamps, queue_transition, QF_TIMESTAMPS, false)

SKPI_COUNTER_TYPE_FUNCTIONS(queue, SKPI_CK_QUEUE)

/*
 * constructor: queue_state(answered, answered_within, abandoned,
 * abandoned_within, short_abandoned, answered_wait_seconds, policy) of
 * figures counted elsewhere (daily exports), the arguments in slot order
 */
SKPI_ENTRY(skpi_queue_state,
		   PointerGetDatum(skpi_counter_from_args(fcinfo, SKPI_CK_QUEUE, SKPI_Q_ANSWERED_WAIT_US,
												  policy_arg(fcinfo, SKPI_Q_NSLOTS))))

/* ---- accessors ---- */

/* a + b (or a - b) of counters, ERROR 22003 if it leaves bigint */
static int64
queue_sum(int64 a, int64 b, int sign)
{
	int64		r;

	if (sign > 0 ? pg_add_s64_overflow(a, b, &r) : pg_sub_s64_overflow(a, b, &r))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("queue counters are out of range for type bigint")));
	return r;
}

/* answered + abandoned (short abandons excluded) */
static int64
queue_offered(const SkpiCounterState *st)
{
	return queue_sum(st->slots[SKPI_Q_ANSWERED], st->slots[SKPI_Q_ABANDONED], 1);
}

/* numerator and denominator of the service level under a policy */
static void
sl_fraction(const SkpiCounterState *st, int policy, int64 *num, int64 *den)
{
	const int64 *q = st->slots;
	int64		offered = queue_offered(st);

	*num = q[SKPI_Q_ANSWERED_WITHIN];
	*den = offered;
	switch (policy)
	{
		case SKPI_SL_IGNORE_EARLY:
			*den = queue_sum(offered, q[SKPI_Q_ABANDONED_WITHIN], -1);
			break;
		case SKPI_SL_FAVOUR:
			*num = queue_sum(*num, q[SKPI_Q_ABANDONED_WITHIN], 1);
			break;
		case SKPI_SL_ANSWERED_ONLY:
			*den = q[SKPI_Q_ANSWERED];
			break;
	}
}

/* the state (argument 0) and its policy, or the policy given as argument 1 */
static SkpiCounterState *
queue_arg(FunctionCallInfo fcinfo, int *policy)
{
	SkpiCounterState *st = skpi_counter_getarg(fcinfo, 0, SKPI_CK_QUEUE);

	*policy = (PG_NARGS() > 1) ?
		policy_from_text(PG_GETARG_TEXT_PP(1)) : st->param;
	return st;
}

PG_FUNCTION_INFO_V1(skpi_sl_pct);
Datum
skpi_sl_pct(PG_FUNCTION_ARGS)
{
	int			policy;
	SkpiCounterState *st = queue_arg(fcinfo, &policy);
	int64		num,
				den;

	sl_fraction(st, policy, &num, &den);
	if (den <= 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(skpi_numeric_pct(num, den));
}

PG_FUNCTION_INFO_V1(skpi_abandon_rate);
Datum
skpi_abandon_rate(PG_FUNCTION_ARGS)
{
	SkpiCounterState *st = skpi_counter_getarg(fcinfo, 0, SKPI_CK_QUEUE);
	int64		offered = queue_offered(st);

	if (offered == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(skpi_numeric_pct(st->slots[SKPI_Q_ABANDONED], offered));
}

PG_FUNCTION_INFO_V1(skpi_asa);
Datum
skpi_asa(PG_FUNCTION_ARGS)
{
	SkpiCounterState *st = skpi_counter_getarg(fcinfo, 0, SKPI_CK_QUEUE);

	if (st->slots[SKPI_Q_ANSWERED] == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(st->slots[SKPI_Q_ANSWERED_WAIT_US]) /
					 (double) st->slots[SKPI_Q_ANSWERED]);
}

#define SKPI_QUEUE_COUNT(name, expr) \
PG_FUNCTION_INFO_V1(skpi_##name); \
Datum skpi_##name(PG_FUNCTION_ARGS) \
{ \
	const int64 *q = skpi_counter_getarg(fcinfo, 0, SKPI_CK_QUEUE)->slots; \
	PG_RETURN_INT64(expr); \
}

SKPI_QUEUE_COUNT(offered, queue_sum(q[SKPI_Q_ANSWERED], q[SKPI_Q_ABANDONED], 1))
SKPI_QUEUE_COUNT(answered, q[SKPI_Q_ANSWERED])
SKPI_QUEUE_COUNT(answered_within, q[SKPI_Q_ANSWERED_WITHIN])
SKPI_QUEUE_COUNT(abandoned, q[SKPI_Q_ABANDONED])
SKPI_QUEUE_COUNT(short_abandoned, q[SKPI_Q_SHORT_ABANDONED])

/* Wilson bounds: argument 1 is the level */
static Datum
queue_ci(FunctionCallInfo fcinfo, bool abandon, bool upper)
{
	double		z = skpi_level_arg(fcinfo, 1);
	SkpiCounterState *st = skpi_counter_getarg(fcinfo, 0, SKPI_CK_QUEUE);
	int64		num,
				den;

	if (abandon)
	{
		num = st->slots[SKPI_Q_ABANDONED];
		den = queue_offered(st);
	}
	else
		sl_fraction(st, st->param, &num, &den);
	if (den <= 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(skpi_wilson_bound_pct(num, den, z, upper));
}

SKPI_ENTRY(skpi_sl_ci_lower, queue_ci(fcinfo, false, false))
SKPI_ENTRY(skpi_sl_ci_upper, queue_ci(fcinfo, false, true))
SKPI_ENTRY(skpi_abandon_rate_ci_lower, queue_ci(fcinfo, true, false))
SKPI_ENTRY(skpi_abandon_rate_ci_upper, queue_ci(fcinfo, true, true))
