/*
 * concurrency_state.c
 *		concurrency_state: its canonical build, checks, text and binary
 *		forms, merge, and its accessors.
 */
#include "postgres.h"

#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/timestamp.h"

#include "buckets.h"
#include "concurrency_state.h"

StaticAssertDecl(offsetof(ConcurrencyState, bounds) == 16, "concurrency_state keeps its bounds at offset 16");

/* ---- build and checks ---- */

/* sum(k * levels[k - 1]), false on overflow */
static bool
weighted_sum(const int64 *levels, int n, int64 *sum)
{
	int64		s = 0,
				v;
	int			k;

	for (k = 1; k <= n; k++)
		if (pg_mul_s64_overflow(levels[k - 1], k, &v) || pg_add_s64_overflow(s, v, &s))
			return false;
	*sum = s;
	return true;
}

ConcurrencyState *
skpi_concurrency_build(const SkpiBucketBounds *bounds, int64 chats, const int64 *levels, int n)
{
	ConcurrencyState *st;

	while (n > 0 && levels[n - 1] == 0)
		n--;
	if (n > CONC_MAX_LEVELS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("more than %d chats open at once for concurrency_state", CONC_MAX_LEVELS)));
	st = palloc0(CONC_SIZE(n));
	SET_VARSIZE(st, CONC_SIZE(n));
	st->version = SKPI_CONCURRENCY_VERSION;
	st->kind = SKPI_CONCURRENCY_KIND;
	st->nlevels = n;
	st->bounds = skpi_bucket_bounds(bounds->start, bounds->end, bounds->span_us);
	st->chats = chats;
	memcpy(st->level_us, levels, sizeof(int64) * n);
	if (!weighted_sum(st->level_us, n, &st->chat_us))
		skpi_bucket_out_of_range(&skpi_concurrency_type);
	return st;
}

/*
 * Everything a reader relies on: the size, non-negative figures, the last
 * level positive (canonical), the levels' time within the span, chat_us
 * their weighted sum, the bounds.  Linear in nlevels (at most
 * CONC_MAX_LEVELS).
 */
const char *
skpi_concurrency_problem(const ConcurrencyState *st)
{
	int64		busy = 0,
				weighted;
	int			k;

	if (VARSIZE(st) < CONC_HDRSZ || st->zero != 0 || st->nlevels < 0 || st->nlevels > CONC_MAX_LEVELS)
		return "Its header is inconsistent.";
	if (VARSIZE(st) != CONC_SIZE(st->nlevels))
		return "Its size does not match its number of levels.";
	if (st->bounds.span_us < 0 || st->chats < 0 || st->chat_us < 0)
		return "A figure is negative.";
	for (k = 0; k < st->nlevels; k++)
	{
		if (st->level_us[k] < 0)
			return "A level's time is negative.";
		if (pg_add_s64_overflow(busy, st->level_us[k], &busy))
			return "Its times overflow.";
	}
	if (st->nlevels > 0 && st->level_us[st->nlevels - 1] == 0)
		return "Its last level's time is not positive.";
	if (busy > st->bounds.span_us)
		return "Its levels' times exceed its span.";
	if (!weighted_sum(st->level_us, st->nlevels, &weighted) || weighted != st->chat_us)
		return "Its chat time is not the sum of its levels' times by level.";
	if (!skpi_bucket_bounds_ok(&st->bounds) || (st->bounds.span_us == 0 && st->chats != 0))
		return "Its buckets' bounds are inconsistent.";
	return NULL;
}

static bool
conc_stored_ok(const SkpiStateHeader *h)
{
	return skpi_concurrency_problem((const ConcurrencyState *) h) == NULL;
}

static bool
conc_valid(const SkpiStateHeader *h, Node *escontext)
{
	return skpi_bucket_state_valid(&skpi_concurrency_type,
								   skpi_concurrency_problem((const ConcurrencyState *) h), escontext);
}

static bool
conc_empty(const SkpiStateHeader *h)
{
	return ((const ConcurrencyState *) h)->bounds.span_us == 0;
}

/* ---- merge ---- */

static SkpiStateHeader *
conc_merge(SkpiStateHeader *ah, const SkpiStateHeader *bh, int sign, bool in_aggregate)
{
	const ConcurrencyState *a = (const ConcurrencyState *) ah;
	const ConcurrencyState *b = (const ConcurrencyState *) bh;
	int			n = Max(a->nlevels, b->nlevels),
				k;
	int64	   *levels;
	SkpiBucketBounds bounds;
	int64		chats;
	ConcurrencyState *r;

	if (b->bounds.span_us == 0)
		return ah;
	levels = palloc0(sizeof(int64) * Max(n, 1));
	memcpy(levels, a->level_us, sizeof(int64) * a->nlevels);
	if (sign > 0)
	{
		if (pg_add_s64_overflow(a->chats, b->chats, &chats))
			skpi_bucket_out_of_range(&skpi_concurrency_type);
		for (k = 0; k < b->nlevels; k++)
			if (pg_add_s64_overflow(levels[k], b->level_us[k], &levels[k]))
				skpi_bucket_out_of_range(&skpi_concurrency_type);
	}
	else
	{
		chats = a->chats - b->chats;
		if (chats < 0 || b->nlevels > a->nlevels)
			skpi_bucket_not_part(&skpi_concurrency_type);
		for (k = 0; k < b->nlevels; k++)
		{
			levels[k] -= b->level_us[k];
			if (levels[k] < 0)
				skpi_bucket_not_part(&skpi_concurrency_type);
		}
	}
	if (!skpi_bucket_bounds_merge(&skpi_concurrency_type, &a->bounds, &b->bounds, sign, in_aggregate, &bounds))
		return NULL;
	r = skpi_concurrency_build(&bounds, chats, levels, n);
	if (sign < 0 && skpi_concurrency_problem(r) != NULL)
		skpi_bucket_not_part(&skpi_concurrency_type);
	return (SkpiStateHeader *) r;
}

/* ---- text form ---- */

/*
 * {"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00",
 *  "bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":3,
 *  "chat_us":1800000000,"levels":[300000000,300000000,...]}
 * bucket_start and bucket_end are null in an empty state.
 */
static const char *const conc_keys[] = {SKPI_BOUNDS_KEYS, "chats", "chat_us", "levels"};

typedef struct ConcTextIn
{
	SkpiBoundsIn bounds;
	int64		chats,
				chat_us;
	int64	   *levels;
	int			n,
				cap;
} ConcTextIn;

static void *
conc_text_begin(const SkpiStateType *t)
{
	ConcTextIn *in = palloc0(sizeof(ConcTextIn));

	in->cap = 8;
	in->levels = palloc(sizeof(int64) * in->cap);
	return in;
}

static bool
text_level(TextParser *tp, void *arg)
{
	ConcTextIn *in = (ConcTextIn *) arg;

	if (in->n >= CONC_MAX_LEVELS)
		return skpi_text_error(tp, "Too many levels.");
	if (in->n == in->cap)
	{
		in->cap *= 2;
		in->levels = repalloc(in->levels, sizeof(int64) * in->cap);
	}
	return skpi_text_int64(tp, &in->levels[in->n++]);
}

static bool
conc_text_field(TextParser *tp, int key, void *ctx)
{
	ConcTextIn *in = (ConcTextIn *) ctx;

	if (key < SKPI_BOUNDS_NKEYS)
		return skpi_bucket_bounds_field(tp, key, &in->bounds);
	switch (key - SKPI_BOUNDS_NKEYS)
	{
		case 0:
			return skpi_text_int64(tp, &in->chats);
		case 1:
			return skpi_text_int64(tp, &in->chat_us);
		default:
			return skpi_text_list(tp, text_level, in);
	}
}

/* a state exactly as given (the valid hook checks it), or NULL after a soft error */
static ConcurrencyState *
conc_as_given(const SkpiBucketBounds *bounds, int64 chats, int64 chat_us, const int64 *levels, int n)
{
	ConcurrencyState *st = palloc0(CONC_SIZE(n));

	SET_VARSIZE(st, CONC_SIZE(n));
	st->version = SKPI_CONCURRENCY_VERSION;
	st->kind = SKPI_CONCURRENCY_KIND;
	st->nlevels = n;
	st->bounds = *bounds;
	st->chats = chats;
	st->chat_us = chat_us;
	memcpy(st->level_us, levels, sizeof(int64) * n);
	return st;
}

static SkpiStateHeader *
conc_text_end(TextParser *tp, void *ctx)
{
	ConcTextIn *in = (ConcTextIn *) ctx;

	if (!skpi_bucket_bounds_in_end(tp, &in->bounds))
		return NULL;
	return (SkpiStateHeader *) conc_as_given(&in->bounds.b, in->chats, in->chat_us, in->levels, in->n);
}

static void
conc_out(StringInfo buf, const SkpiStateHeader *h)
{
	const ConcurrencyState *st = (const ConcurrencyState *) h;
	int			k;

	skpi_bucket_bounds_out(buf, &st->bounds);
	appendStringInfo(buf, ",\"chats\":" INT64_FORMAT ",\"chat_us\":" INT64_FORMAT ",\"levels\":[",
					 st->chats, st->chat_us);
	for (k = 0; k < st->nlevels; k++)
		appendStringInfo(buf, "%s" INT64_FORMAT, k > 0 ? "," : "", st->level_us[k]);
	appendStringInfoChar(buf, ']');
}

/* ---- binary form ---- */

/*
 * uint8 kind; int64 bucket_start, bucket_end, span_us, chats, chat_us;
 * int32 nlevels; int64 level_us[nlevels].
 */
static void
conc_send(StringInfo buf, const SkpiStateHeader *h)
{
	const ConcurrencyState *st = (const ConcurrencyState *) h;

	pq_sendbyte(buf, st->kind);
	skpi_bucket_bounds_send(buf, &st->bounds);
	pq_sendint64(buf, st->chats);
	pq_sendint64(buf, st->chat_us);
	pq_sendint32(buf, st->nlevels);
	skpi_send_int64s(buf, st->level_us, st->nlevels);
}

static SkpiStateHeader *
conc_recv(StringInfo buf, const SkpiStateType *t)
{
	int			kind = pq_getmsgbyte(buf);
	SkpiBucketBounds bounds;
	int64		v[2];
	int			n;
	int64	   *levels;

	if (kind != SKPI_CONCURRENCY_KIND)
		skpi_state_recv_error(t, "Kind %d is not a concurrency_state.", kind);
	skpi_bucket_bounds_recv(buf, &bounds);
	skpi_recv_int64s(buf, v, 2);
	n = pq_getmsgint(buf, 4);
	if (n < 0 || n > CONC_MAX_LEVELS || n > (buf->len - buf->cursor) / 8)
		skpi_state_recv_error(t, "%d levels do not fit the value.", n);
	levels = palloc(sizeof(int64) * Max(n, 1));
	skpi_recv_int64s(buf, levels, n);
	return (SkpiStateHeader *) conc_as_given(&bounds, v[0], v[1], levels, n);
}

const SkpiStateType skpi_concurrency_type = {
	.typname = "concurrency_state",
	.version = SKPI_CONCURRENCY_VERSION,
	.kind = SKPI_CONCURRENCY_KIND,
	.kindname = "concurrency",
	.stored_ok = conc_stored_ok,
	.valid = conc_valid,
	.keys = conc_keys,
	.nkeys = lengthof(conc_keys),
	.optional = 0,
	.text_begin = conc_text_begin,
	.text_field = conc_text_field,
	.text_end = conc_text_end,
	.out = conc_out,
	.send = conc_send,
	.recv = conc_recv,
	.merge = conc_merge,
	.empty = conc_empty,
};

SKPI_STATE_IO(skpi_concurrency_state, skpi_concurrency_type)
SKPI_STATE_MERGE(skpi_concurrency_state, skpi_concurrency_type)
SKPI_ENTRY(skpi_concurrency_state_nonempty, skpi_state_nonempty(fcinfo, &skpi_concurrency_type))

/* ---- accessors ---- */

#define CONC_ARG(n) ((const ConcurrencyState *) skpi_state_getarg(fcinfo, (n), &skpi_concurrency_type))

/* the time with at least one chat open */
static int64
busy_us(const ConcurrencyState *st)
{
	int64		busy = 0;
	int			k;

	for (k = 0; k < st->nlevels; k++)
		busy += st->level_us[k];	/* checked: no overflow */
	return busy;
}

/* max_concurrency(concurrency_state): the most chats open at once, 0 without any */
PG_FUNCTION_INFO_V1(skpi_max_concurrency_state);
Datum
skpi_max_concurrency_state(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CONC_ARG(0)->nlevels);
}

/* avg_concurrency(concurrency_state): chat time / busy time, NULL when never busy */
PG_FUNCTION_INFO_V1(skpi_avg_concurrency);
Datum
skpi_avg_concurrency(PG_FUNCTION_ARGS)
{
	const ConcurrencyState *st = CONC_ARG(0);
	int64		busy = busy_us(st);

	if (busy == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) st->chat_us / (double) busy);
}

PG_FUNCTION_INFO_V1(skpi_busy_seconds_concurrency);
Datum
skpi_busy_seconds_concurrency(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(skpi_us_seconds(busy_us(CONC_ARG(0))));
}

PG_FUNCTION_INFO_V1(skpi_chat_seconds);
Datum
skpi_chat_seconds(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(skpi_us_seconds(CONC_ARG(0)->chat_us));
}

PG_FUNCTION_INFO_V1(skpi_chat_count);
Datum
skpi_chat_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(CONC_ARG(0)->chats);
}

/* level_seconds(concurrency_state, level): time with exactly level chats open (0: idle) */
PG_FUNCTION_INFO_V1(skpi_level_seconds);
Datum
skpi_level_seconds(PG_FUNCTION_ARGS)
{
	const ConcurrencyState *st = CONC_ARG(0);
	int32		level = PG_GETARG_INT32(1);

	if (level < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a concurrency level must not be negative, not %d", level)));
	if (level == 0)
		PG_RETURN_FLOAT8(skpi_us_seconds(st->bounds.span_us - busy_us(st)));
	PG_RETURN_FLOAT8(level > st->nlevels ? 0 : skpi_us_seconds(st->level_us[level - 1]));
}

/* concurrency_levels(concurrency_state) → SETOF (level integer, seconds float8), levels 1..max */
PG_FUNCTION_INFO_V1(skpi_concurrency_levels);
Datum
skpi_concurrency_levels(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const ConcurrencyState *st = CONC_ARG(0);
	int			k;

	InitMaterializedSRF(fcinfo, 0);
	for (k = 1; k <= st->nlevels; k++)
	{
		Datum		values[2] = {Int32GetDatum(k), Float8GetDatum(skpi_us_seconds(st->level_us[k - 1]))};
		bool		nulls[2] = {false, false};

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

SKPI_ENTRY(skpi_span_seconds_concurrency, Float8GetDatum(skpi_us_seconds(CONC_ARG(0)->bounds.span_us)))
SKPI_ENTRY(skpi_bucket_start_concurrency, skpi_bucket_bound_datum(fcinfo, &CONC_ARG(0)->bounds, false))
SKPI_ENTRY(skpi_bucket_end_concurrency, skpi_bucket_bound_datum(fcinfo, &CONC_ARG(0)->bounds, true))
