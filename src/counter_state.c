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
 * kind's invariants such as hits <= total), stored datums by their header.
 * Errors: 22P02 / 22P03 malformed text / binary, 22003 out of range,
 * 22023 incompatible parameters; never a crash.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "libpq/pqformat.h"

#include "compat.h"
#include "counter_state.h"
#include "state_common.h"
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

static void
counter_check_header(const SkpiCounterState *st, SkpiCounterKind kind)
{
	if (VARSIZE(st) < offsetof(SkpiCounterState, slots) ||
		st->version != SKPI_COUNTER_STATE_VERSION || st->kind != kind ||
		st->nslots != kinds[kind].nslots ||
		st->param >= Max(kinds[kind].nparams, 1) ||
		VARSIZE(st) != SKPI_COUNTER_SIZE(st->nslots))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted %s_state value", kinds[kind].name)));
}

SkpiCounterState *
skpi_counter_getarg(FunctionCallInfo fcinfo, int argno, SkpiCounterKind kind)
{
	SkpiCounterState *st = (SkpiCounterState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	counter_check_header(st, kind);
	return st;
}

/* the aggregate's own state, to be updated in place (state_common.h) */
static SkpiCounterState *
counter_for_update(FunctionCallInfo fcinfo, int argno, SkpiCounterKind kind)
{
	bool		check;
	SkpiCounterState *st = skpi_state_for_update(fcinfo, argno, kind, &check);

	if (unlikely(check))
		counter_check_header(st, kind);
	return st;
}

static void
require_aggregate(FunctionCallInfo fcinfo, SkpiCounterKind kind)
{
	skpi_require_aggregate(fcinfo, kinds[kind].name);
}

static bool
counter_is_empty(const SkpiCounterState *st)
{
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

SkpiCounterState *
skpi_counter_for_row(FunctionCallInfo fcinfo, SkpiCounterKind kind, int param,
					 int sign)
{
	SkpiCounterState *st;

	require_aggregate(fcinfo, kind);
	if (PG_ARGISNULL(0))
		return sign < 0 ? NULL : counter_alloc(kind, param);
	st = counter_for_update(fcinfo, 0, kind);
	if (st->param != param)
	{
		/* a state holding nothing yet takes the first counted row's parameter */
		if (sign > 0 && counter_is_empty(st))
			st->param = (uint8) param;
		else
			param_mismatch(kind, st->param, param);
	}
	return st;
}

Datum
skpi_counter_skip_row(FunctionCallInfo fcinfo, SkpiCounterKind kind, int param,
					  bool moving, int sign)
{
	require_aggregate(fcinfo, kind);
	if (!PG_ARGISNULL(0))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	if (!moving || sign < 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(counter_alloc(kind, param));
}

Datum
skpi_counter_merge(FunctionCallInfo fcinfo, SkpiCounterKind kind, int sign)
{
	SkpiCounterState *a;
	SkpiCounterState *b = skpi_counter_getarg(fcinfo, 1, kind);
	int			i;

	if (AggCheckCallContext(fcinfo, NULL))
		a = counter_for_update(fcinfo, 0, kind);
	else
	{
		a = (SkpiCounterState *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
		counter_check_header(a, kind);
	}
	if (a->param != b->param)
		param_mismatch(kind, a->param, b->param);
	for (i = 0; i < a->nslots; i++)
	{
		if (!skpi_counter_add(a, i, sign, b->slots[i]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove a %s_state that is not part of the other",
							kinds[kind].name),
					 errdetail("Counter \"%s\" would become negative.",
							   kinds[kind].slot_names[i])));
	}
	if (sign < 0 && kinds[kind].check)
	{
		const char *problem = kinds[kind].check(a);

		if (problem)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove a %s_state that is not part of the other",
							kinds[kind].name),
					 errdetail("The result would be invalid: %s.", problem)));
	}
	PG_RETURN_POINTER(a);
}

Datum
skpi_counter_nonempty(FunctionCallInfo fcinfo, SkpiCounterKind kind)
{
	SkpiCounterState *st = skpi_counter_getarg(fcinfo, 0, kind);

	if (counter_is_empty(st))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(st);
}

/* ---- validation of values from outside ---- */

static bool
counter_valid(const SkpiCounterState *st, Node *escontext)
{
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

/* ---- text I/O ---- */

static int
lookup(const char *const *names, int n, const char *word)
{
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], word) == 0)
			return i;
	return -1;
}

Datum
skpi_counter_in(FunctionCallInfo fcinfo, SkpiCounterKind kind)
{
	char	   *str = PG_GETARG_CSTRING(0);
	const SkpiCounterKindInfo *k = &kinds[kind];
	char		typname[32];
	TextParser	tp;
	SkpiCounterState *st = counter_alloc(kind, 0);
	int			version = 0;
	bool		seen_version = false,
				seen_kind = false,
				seen_param = (k->param_key == NULL);
	bool		seen_slot[SKPI_COUNTER_MAX_SLOTS] = {0};
	bool		all_slots = true;
	int			i;

	snprintf(typname, sizeof(typname), "%s_state", k->name);
	skpi_text_init(&tp, str, typname, fcinfo->context);
	if (!skpi_text_expect(&tp, '{'))
		PG_RETURN_NULL();
	do
	{
		char		key[32];
		char		word[32];
		char		detail[96];
		bool		ok;
		int			slot;

		if (!skpi_text_word(&tp, key, sizeof(key)) || !skpi_text_expect(&tp, ':'))
			PG_RETURN_NULL();
		slot = lookup(k->slot_names, k->nslots, key);
		if (slot >= 0 && !seen_slot[slot])
			ok = seen_slot[slot] = skpi_text_int64(&tp, &st->slots[slot]);
		else if (strcmp(key, "version") == 0 && !seen_version)
			ok = seen_version = skpi_text_small_int(&tp, "version", &version);
		else if (strcmp(key, "kind") == 0 && !seen_kind)
			ok = seen_kind = skpi_text_kind(&tp, k->name);
		else if (k->param_key && strcmp(key, k->param_key) == 0 && !seen_param)
		{
			ok = seen_param = skpi_text_word(&tp, word, sizeof(word));
			if (ok && (slot = lookup(k->param_names, k->nparams, word)) < 0)
			{
				snprintf(detail, sizeof(detail), "Unknown %s \"%s\".", k->param_key, word);
				ok = skpi_text_error(&tp, detail);
			}
			else if (ok)
				st->param = (uint8) slot;
		}
		else
			ok = skpi_text_bad_key(&tp, key);
		if (!ok)
			PG_RETURN_NULL();
	} while (skpi_text_accept(&tp, ','));
	if (!skpi_text_end(&tp))
		PG_RETURN_NULL();
	for (i = 0; i < k->nslots; i++)
		all_slots = all_slots && seen_slot[i];
	if (!(all_slots && seen_version && seen_kind && seen_param))
	{
		skpi_text_error(&tp, "Every key of the state is required: see the output of the type.");
		PG_RETURN_NULL();
	}
	if (!skpi_text_version(&tp, version, SKPI_COUNTER_STATE_VERSION))
		PG_RETURN_NULL();
	if (!counter_valid(st, tp.escontext))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(st);
}

Datum
skpi_counter_out(FunctionCallInfo fcinfo, SkpiCounterKind kind)
{
	SkpiCounterState *st = skpi_counter_getarg(fcinfo, 0, kind);
	const SkpiCounterKindInfo *k = &kinds[kind];
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"version\":%d,\"kind\":\"%s\"", st->version, k->name);
	if (k->param_key)
		appendStringInfo(&buf, ",\"%s\":\"%s\"", k->param_key, k->param_names[st->param]);
	for (i = 0; i < st->nslots; i++)
		appendStringInfo(&buf, ",\"%s\":" INT64_FORMAT, k->slot_names[i], st->slots[i]);
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/* ---- binary I/O: uint8 version, kind, param, nslots; int64 x nslots ---- */

Datum
skpi_counter_recv(FunctionCallInfo fcinfo, SkpiCounterKind kind)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const SkpiCounterKindInfo *k = &kinds[kind];
	int			version,
				kind_byte,
				param,
				nslots,
				i;
	SkpiCounterState *st;

	version = pq_getmsgbyte(buf);
	if (version != SKPI_COUNTER_STATE_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported %s_state format version %d", k->name, version),
				 errdetail("This version of support_kpi reads format version %d.",
						   SKPI_COUNTER_STATE_VERSION)));
	kind_byte = pq_getmsgbyte(buf);
	param = pq_getmsgbyte(buf);
	nslots = pq_getmsgbyte(buf);
	if (kind_byte != (int) kind || nslots != k->nslots ||
		param >= Max(k->nparams, 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid %s_state: kind %d, parameter %d, %d counters",
						k->name, kind_byte, param, nslots)));
	st = counter_alloc(kind, param);
	for (i = 0; i < nslots; i++)
		st->slots[i] = pq_getmsgint64(buf);
	if (buf->cursor != buf->len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid %s_state: %d unexpected bytes after the counters",
						k->name, buf->len - buf->cursor)));
	(void) counter_valid(st, NULL);
	PG_RETURN_POINTER(st);
}

Datum
skpi_counter_send(FunctionCallInfo fcinfo, SkpiCounterKind kind)
{
	SkpiCounterState *st = skpi_counter_getarg(fcinfo, 0, kind);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, st->version);
	pq_sendbyte(&buf, st->kind);
	pq_sendbyte(&buf, st->param);
	pq_sendbyte(&buf, st->nslots);
	for (i = 0; i < st->nslots; i++)
		pq_sendint64(&buf, st->slots[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
