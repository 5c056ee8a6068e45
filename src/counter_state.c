/*
 * counter_state.c
 *		Counter states: the machinery behind share_state (and the queue and
 *		handling states built on it).
 *
 * A state is a fixed set of bigint slots named by its kind (see
 * counter_state.h).  A row adds to some slots (forward transition) or takes
 * from them (inverse transition, window frames: O(1) per row); merging adds
 * slot by slot; a parameter recorded in the state (e.g. a policy) must agree
 * between merged states.  Inside an aggregate the state is updated in place;
 * a new state is allocated in the per-call context and the executor copies it
 * into the aggregate context once.  Final functions never modify it.
 *
 * Everything read from outside is checked: text and binary input fully
 * (version, kind, parameter, every slot present once, no negative slot, the
 * kind's invariants such as hits <= total), the counters given to a
 * constructor (share_state(hits, total), ...) the same way, stored datums by
 * their header.  Errors: 22P02 / 22P03 malformed text / binary, 22003 out of
 * range, 22023 incompatible parameters, 22004 a NULL constructor argument;
 * never a crash.
 */
#include "postgres.h"

#include "libpq/pqformat.h"

#include "compat.h"
#include "counter_state.h"
#include "durations.h"
#include "textparse.h"

/* ---- the kinds ---- */

static const char *const share_slots[] = {"hits", "total"};

static const char *
share_check(const SkpiCounterState *st)
{
	return st->slots[0] > st->slots[1] ? "hits exceed total" : NULL;
}

static const char *const queue_slots[] = {
	"answered", "answered_within", "abandoned", "abandoned_within",
	"short_abandoned", "answered_wait_us"
};
static const char *const queue_policies[] = {
	"against", "ignore_early", "favour", "answered_only"
};

static const char *
queue_check(const SkpiCounterState *st)
{
	if (st->slots[SKPI_Q_ANSWERED_WITHIN] > st->slots[SKPI_Q_ANSWERED])
		return "answered_within exceeds answered";
	if (st->slots[SKPI_Q_ABANDONED_WITHIN] > st->slots[SKPI_Q_ABANDONED])
		return "abandoned_within exceeds abandoned";
	if (st->slots[SKPI_Q_ANSWERED] == 0 && st->slots[SKPI_Q_ANSWERED_WAIT_US] != 0)
		return "answered_wait_us without answered contacts";
	return NULL;
}

static const char *const handle_slots[] = {"handled", "handle_us"};
static const char *const occupancy_slots[] = {"periods", "busy_us", "available_us"};

static const char *
handle_check(const SkpiCounterState *st)
{
	return (st->slots[0] == 0 && st->slots[1] != 0) ? "handle time without handled contacts" : NULL;
}

static const char *
occupancy_check(const SkpiCounterState *st)
{
	return (st->slots[0] == 0 && (st->slots[1] != 0 || st->slots[2] != 0)) ?
		"time without periods" : NULL;
}

static const SkpiCounterKindInfo kinds[] = {
	{0},
	{"share", 2, share_slots, NULL, NULL, 0, share_check},
	{"queue", SKPI_Q_NSLOTS, queue_slots, "policy", queue_policies, SKPI_SL_NPOLICIES, queue_check},
	{"handle", 2, handle_slots, NULL, NULL, 0, handle_check},
	{"occupancy", 3, occupancy_slots, NULL, NULL, 0, occupancy_check},
};

const SkpiCounterKindInfo *
skpi_counter_kind(SkpiCounterKind kind)
{
	Assert(kind >= SKPI_CK_FIRST && kind <= SKPI_CK_LAST);
	return &kinds[kind];
}

static SkpiCounterState *
counter_alloc(SkpiCounterKind kind, int param)
{
	int			nslots = kinds[kind].nslots;
	SkpiCounterState *st = palloc0(SKPI_COUNTER_SIZE(nslots));

	SET_VARSIZE(st, SKPI_COUNTER_SIZE(nslots));
	st->version = SKPI_COUNTER_STATE_VERSION;
	st->kind = (uint8) kind;
	st->param = (uint8) param;
	st->nslots = (uint8) nslots;
	return st;
}

/* ---- the state type hooks (state.h) ---- */

static bool
counter_stored_ok(const SkpiStateHeader *h)
{
	const SkpiCounterState *st = (const SkpiCounterState *) h;
	const SkpiCounterKindInfo *k = &kinds[st->kind];
	int			i;

	if (!(VARSIZE(st) >= offsetof(SkpiCounterState, slots) &&
		  st->nslots == k->nslots && st->param < Max(k->nparams, 1) &&
		  VARSIZE(st) == SKPI_COUNTER_SIZE(st->nslots)))
		return false;
	/* no negative counter: the accessors' sums and differences stay in range */
	for (i = 0; i < st->nslots; i++)
		if (st->slots[i] < 0)
			return false;
	return true;
}

/* every slot non-negative, the kind's invariants */
static bool
counter_valid(const SkpiStateHeader *h, Node *escontext)
{
	const SkpiCounterState *st = (const SkpiCounterState *) h;
	const SkpiCounterKindInfo *k = &kinds[st->kind];
	const char *problem;
	int			i;

	for (i = 0; i < st->nslots; i++)
	{
		if (st->slots[i] < 0)
			ereturn(escontext, false,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("invalid %s_state: negative counter \"%s\" " INT64_FORMAT,
							k->name, k->slot_names[i], st->slots[i])));
	}
	problem = k->check ? k->check(st) : NULL;
	if (problem)
		ereturn(escontext, false,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("invalid %s_state: %s", k->name, problem)));
	return true;
}

static bool
counter_empty(const SkpiStateHeader *h)
{
	const SkpiCounterState *st = (const SkpiCounterState *) h;
	int			i;

	for (i = 0; i < st->nslots; i++)
		if (st->slots[i] != 0)
			return false;
	return true;
}

static void
param_mismatch(SkpiCounterKind kind, int a, int b)
{
	const SkpiCounterKindInfo *k = &kinds[kind];

	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot mix %s_state values with different %s: %s and %s",
					k->name, k->param_key, k->param_names[a], k->param_names[b])));
}

static SkpiStateHeader *
counter_merge(SkpiStateHeader *ah, const SkpiStateHeader *bh, int sign, bool in_aggregate)
{
	SkpiCounterState *a = (SkpiCounterState *) ah;
	const SkpiCounterState *b = (const SkpiCounterState *) bh;
	const SkpiCounterKindInfo *k = &kinds[a->kind];
	int			i;

	if (a->param != b->param)
		param_mismatch(a->kind, a->param, b->param);
	for (i = 0; i < a->nslots; i++)
	{
		if (!skpi_counter_add(a, i, sign, b->slots[i]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove a %s_state that is not part of the other",
							k->name),
					 errdetail("Counter \"%s\" would become negative.",
							   k->slot_names[i])));
	}
	if (sign < 0 && k->check)
	{
		const char *problem = k->check(a);

		if (problem)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove a %s_state that is not part of the other",
							k->name),
					 errdetail("The result would be invalid: %s.", problem)));
	}
	return ah;
}

/*
 * Text form: a key per slot, and the parameter's key when the kind has one.
 * Keys of the descriptor: the slots, then the parameter.
 */
static void *
counter_text_begin(const SkpiStateType *t)
{
	return counter_alloc((SkpiCounterKind) t->kind, 0);
}

static bool
counter_text_field(TextParser *tp, int key, void *ctx)
{
	SkpiCounterState *st = (SkpiCounterState *) ctx;
	const SkpiCounterKindInfo *k = &kinds[st->kind];
	char		word[32];
	char		detail[96];
	int			i;

	if (key < k->nslots)
		return skpi_text_int64(tp, &st->slots[key]);
	if (!skpi_text_word(tp, word, sizeof(word)))
		return false;
	for (i = 0; i < k->nparams; i++)
		if (strcmp(k->param_names[i], word) == 0)
		{
			st->param = (uint8) i;
			return true;
		}
	snprintf(detail, sizeof(detail), "Unknown %s \"%s\".", k->param_key, word);
	return skpi_text_error(tp, detail);
}

static SkpiStateHeader *
counter_text_end(TextParser *tp, void *ctx)
{
	return (SkpiStateHeader *) ctx;
}

static void
counter_out(StringInfo buf, const SkpiStateHeader *h)
{
	const SkpiCounterState *st = (const SkpiCounterState *) h;
	const SkpiCounterKindInfo *k = &kinds[st->kind];
	int			i;

	if (k->param_key)
		appendStringInfo(buf, ",\"%s\":\"%s\"", k->param_key, k->param_names[st->param]);
	for (i = 0; i < st->nslots; i++)
		appendStringInfo(buf, ",\"%s\":" INT64_FORMAT, k->slot_names[i], st->slots[i]);
}

/* binary body: uint8 kind, param, nslots; int64 x nslots */
static void
counter_send(StringInfo buf, const SkpiStateHeader *h)
{
	const SkpiCounterState *st = (const SkpiCounterState *) h;

	pq_sendbyte(buf, st->kind);
	pq_sendbyte(buf, st->param);
	pq_sendbyte(buf, st->nslots);
	skpi_send_int64s(buf, st->slots, st->nslots);
}

static SkpiStateHeader *
counter_recv(StringInfo buf, const SkpiStateType *t)
{
	const SkpiCounterKindInfo *k = &kinds[t->kind];
	int			kind_byte = pq_getmsgbyte(buf),
				param = pq_getmsgbyte(buf),
				nslots = pq_getmsgbyte(buf);
	SkpiCounterState *st;

	if (kind_byte != t->kind || nslots != k->nslots || param >= Max(k->nparams, 1))
		skpi_state_recv_error(t, "Kind %d, parameter %d and %d counters do not make a %s.",
							  kind_byte, param, nslots, t->typname);
	st = counter_alloc((SkpiCounterKind) t->kind, param);
	skpi_recv_int64s(buf, st->slots, nslots);
	return (SkpiStateHeader *) st;
}

#define COUNTER_TYPE(KIND, typname, name, keys, nkeys) \
	[KIND] = {typname, SKPI_COUNTER_STATE_VERSION, KIND, name, \
			  counter_stored_ok, counter_valid, keys, nkeys, 0, \
			  counter_text_begin, counter_text_field, counter_text_end, counter_out, \
			  counter_send, counter_recv, counter_merge, counter_empty}

static const char *const queue_keys[] = {
	"answered", "answered_within", "abandoned", "abandoned_within",
	"short_abandoned", "answered_wait_us", "policy"
};

StaticAssertDecl(lengthof(queue_keys) == SKPI_Q_NSLOTS + 1, "queue keys: slots, then the policy");

const SkpiStateType skpi_counter_types[] = {
	COUNTER_TYPE(SKPI_CK_SHARE, "share_state", "share", share_slots, 2),
	COUNTER_TYPE(SKPI_CK_QUEUE, "queue_state", "queue", queue_keys, SKPI_Q_NSLOTS + 1),
	COUNTER_TYPE(SKPI_CK_HANDLE, "handle_state", "handle", handle_slots, 2),
	COUNTER_TYPE(SKPI_CK_OCCUPANCY, "occupancy_state", "occupancy", occupancy_slots, 3),
};

/* ---- what the families call ---- */

SkpiCounterState *
skpi_counter_getarg(FunctionCallInfo fcinfo, int argno, SkpiCounterKind kind)
{
	return skpi_state_getarg(fcinfo, argno, &skpi_counter_types[kind]);
}

SkpiCounterState *
skpi_counter_for_row(FunctionCallInfo fcinfo, SkpiCounterKind kind, int param,
					 int sign)
{
	const SkpiStateType *t = &skpi_counter_types[kind];
	SkpiCounterState *st;

	skpi_state_require_aggregate(fcinfo, t);
	if (PG_ARGISNULL(0))
		return sign < 0 ? NULL : counter_alloc(kind, param);
	st = skpi_state_for_update(fcinfo, 0, t);
	if (st->param != param)
	{
		/* a state holding nothing yet takes the first counted row's parameter */
		if (sign > 0 && counter_empty((SkpiStateHeader *) st))
			st->param = (uint8) param;
		else
			param_mismatch(kind, st->param, param);
	}
	return st;
}

Datum
skpi_counter_skip_row(FunctionCallInfo fcinfo, SkpiCounterKind kind, int param,
					  SkpiStep step)
{
	skpi_state_require_aggregate(fcinfo, &skpi_counter_types[kind]);
	if (!PG_ARGISNULL(0))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	if (step != SKPI_MOVING)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(counter_alloc(kind, param));
}

/* ---- constructors: a state from its counters ---- */

SkpiCounterState *
skpi_counter_from_args(FunctionCallInfo fcinfo, SkpiCounterKind kind, int first_us,
					   int param)
{
	const SkpiCounterKindInfo *k = &kinds[kind];
	SkpiCounterState *st = counter_alloc(kind, param);
	int			i;

	Assert(PG_NARGS() >= k->nslots);
	for (i = 0; i < k->nslots; i++)
	{
		const char *slot = k->slot_names[i];
		const char *name = slot;

		if (i >= first_us)
		{
			Assert(strlen(slot) > 3 && strcmp(slot + strlen(slot) - 3, "_us") == 0);
			name = psprintf("%.*s_seconds", (int) strlen(slot) - 3, slot);
		}
		skpi_state_arg_not_null(fcinfo, i, name);
		st->slots[i] = (i >= first_us) ? skpi_seconds_us(PG_GETARG_FLOAT8(i), name) :
			PG_GETARG_INT64(i);
	}
	(void) counter_valid((SkpiStateHeader *) st, NULL);
	return st;
}
