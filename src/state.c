/*
 * state.c
 *		The driver shared by every state type (see state.h): argument reading,
 *		in-place update, combine, nonempty, text and binary I/O.
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "nodes/primnodes.h"

#include "state.h"

void
skpi_state_require_aggregate(FunctionCallInfo fcinfo, const SkpiStateType *t)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s transition function called in non-aggregate context",
						t->typname)));
}

bool
skpi_agg_args_constant(FunctionCallInfo fcinfo, int a)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);
	int			i;

	/* the transition function's argument i is the aggregate's i - 1 */
	if (aggref == NULL || list_length(aggref->args) < PG_NARGS() - 1)
		return false;
	for (i = a; i < PG_NARGS(); i++)
		if (!IsA(list_nth_node(TargetEntry, aggref->args, i - 1)->expr, Const))
			return false;
	return true;
}

void
skpi_state_corrupted(const SkpiStateType *t)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupted %s value", t->typname)));
}

SkpiStateHeader *
skpi_state_check(const SkpiStateType *t, SkpiStateHeader *st)
{
	if (VARSIZE(st) < SKPI_STATE_HEADER_BYTES ||
		st->version != t->version ||
		(t->kind != SKPI_NO_KIND && st->kind != t->kind) ||
		!t->stored_ok(st))
		skpi_state_corrupted(t);
	return st;
}

void *
skpi_state_getarg(FunctionCallInfo fcinfo, int argno, const SkpiStateType *t)
{
	return skpi_state_check(t, (SkpiStateHeader *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno)));
}

void
skpi_state_arg_not_null(FunctionCallInfo fcinfo, int argno, const char *name)
{
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be null", name),
				 errhint("%s", SKPI_NULL_FIGURE_HINT)));
}

Datum
skpi_state_merge(FunctionCallInfo fcinfo, const SkpiStateType *t, int sign)
{
	SkpiStateHeader *b = skpi_state_getarg(fcinfo, 1, t);
	bool		in_aggregate;
	SkpiStateHeader *a;

	if (t->merge_call)
		return t->merge_call(fcinfo, b, sign);
	in_aggregate = AggCheckCallContext(fcinfo, NULL);
	/*
	 * In an aggregate argument 0 is the running state; with rollup() its
	 * first value is a stored one, copied as it was: check it as argument 1
	 * is checked (constant work: header and size).
	 */
	if (in_aggregate)
		a = skpi_state_check(t, skpi_state_for_update(fcinfo, 0, t));
	else
		a = skpi_state_check(t, (SkpiStateHeader *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0)));
	a = t->merge(a, b, sign, in_aggregate);
	if (a == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(a);
}

Datum
skpi_state_nonempty(FunctionCallInfo fcinfo, const SkpiStateType *t)
{
	SkpiStateHeader *st = skpi_state_getarg(fcinfo, 0, t);

	if (t->empty(st))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(st);
}

/* ---- text ---- */

#define MAX_KEYS 64

typedef struct TextIn
{
	const SkpiStateType *t;
	void	   *ctx;
	int			version;
	int			first_own;		/* index of keys[0] of the type */
} TextIn;

static bool
text_in_field(TextParser *tp, int key, void *arg)
{
	TextIn	   *in = (TextIn *) arg;

	if (key == 0)
		return skpi_text_small_int(tp, "version", &in->version);
	if (key < in->first_own)
		return skpi_text_kind(tp, in->t->kindname);
	return in->t->text_field(tp, key - in->first_own, in->ctx);
}

Datum
skpi_state_in(FunctionCallInfo fcinfo, const SkpiStateType *t)
{
	const char *keys[MAX_KEYS];
	TextParser	tp;
	TextIn		in;
	uint64		required;
	SkpiStateHeader *st;
	int			i;

	Assert(t->nkeys + 2 <= MAX_KEYS);
	in.t = t;
	in.version = 0;
	in.first_own = 1;
	keys[0] = "version";
	if (t->kindname)
		keys[in.first_own++] = "kind";
	for (i = 0; i < t->nkeys; i++)
		keys[in.first_own + i] = t->keys[i];
	required = ~(t->optional << in.first_own);
	skpi_text_init(&tp, PG_GETARG_CSTRING(0), t->typname, fcinfo->context);
	in.ctx = t->text_begin(t);
	if (!skpi_text_object(&tp, keys, in.first_own + t->nkeys, required, text_in_field, &in) ||
		!skpi_text_version(&tp, in.version, t->version) ||
		(st = t->text_end(&tp, in.ctx)) == NULL ||
		(t->valid && !t->valid(st, tp.escontext)))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(st);
}

char *
skpi_state_to_text(const SkpiStateType *t, const SkpiStateHeader *st)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"version\":%d", st->version);
	if (t->kindname)
		appendStringInfo(&buf, ",\"kind\":\"%s\"", t->kindname);
	t->out(&buf, st);
	appendStringInfoChar(&buf, '}');
	return buf.data;
}

Datum
skpi_state_out(FunctionCallInfo fcinfo, const SkpiStateType *t)
{
	PG_RETURN_CSTRING(skpi_state_to_text(t, skpi_state_getarg(fcinfo, 0, t)));
}

/* ---- binary ---- */

/*
 * The one style of binary-input errors: 22P03 "invalid binary <type> value",
 * the detail a sentence saying what is wrong.
 */
void
skpi_recv_error(const char *typname, const char *fmt,...)
{
	char		detail[256];
	va_list		args;

	va_start(args, fmt);
	vsnprintf(detail, sizeof(detail), fmt, args);
	va_end(args);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary %s value", typname),
			 errdetail("%s", detail)));
}

void
skpi_send_int64s(StringInfo buf, const int64 *v, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		pq_sendint64(buf, v[i]);
}

void
skpi_recv_int64s(StringInfo buf, int64 *v, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		v[i] = pq_getmsgint64(buf);
}

Datum
skpi_state_recv(FunctionCallInfo fcinfo, const SkpiStateType *t)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version;
	SkpiStateHeader *st;

	if (buf->cursor >= buf->len)
		skpi_state_recv_error(t, "The value is empty.");
	version = pq_getmsgbyte(buf);

	if (version != t->version)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported %s format version %d", t->typname, version),
				 errdetail("This version of support_kpi reads format version %d.",
						   t->version)));
	st = t->recv(buf, t);
	if (buf->cursor != buf->len)
		skpi_state_recv_error(t, "%d unexpected bytes at the end.", buf->len - buf->cursor);
	if (t->valid)
		(void) t->valid(st, NULL);
	PG_RETURN_POINTER(st);
}

Datum
skpi_state_send(FunctionCallInfo fcinfo, const SkpiStateType *t)
{
	SkpiStateHeader *st = skpi_state_getarg(fcinfo, 0, t);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, st->version);
	t->send(&buf, st);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
