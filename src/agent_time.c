/*
 * agent_time.c
 *		agent_time_state: its canonical build, checks, text and binary forms,
 *		merge, and the accessors that read figures by name.
 */
#include "postgres.h"

#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/timestamp.h"

#include "agent_time.h"
#include "buckets.h"

StaticAssertDecl(offsetof(AgentTimeState, bounds) == 16, "agent_time_state keeps its bounds at offset 16");

/* ---- build ---- */

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* index of name in the sorted unique names, -1 for NULL */
static int
name_index(const char *const *names, int n, const char *name)
{
	const char *const *hit;

	if (name == NULL)
		return -1;
	hit = bsearch(&name, names, n, sizeof(char *), cmp_names);
	Assert(hit != NULL);
	return (int) (hit - names);
}

static int
cmp_entries(const void *a, const void *b)
{
	const AgentTimeEntry *x = a,
			   *y = b;

	if (x->plan != y->plan)
		return x->plan < y->plan ? -1 : 1;
	if (x->status != y->status)
		return x->status < y->status ? -1 : 1;
	return 0;
}

static void
name_ok(const char *name)
{
	size_t		len = strlen(name);

	if (len > AT_MAX_NAME_LEN)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("status or activity name too long for agent_time_state"),
				 errdetail("A name has %zu bytes; the limit is %d.", len, AT_MAX_NAME_LEN)));
}

AgentTimeState *
skpi_agent_time_build(AtItem *items, int n, const SkpiBucketBounds *bounds, bool sum)
{
	const char **names = palloc(sizeof(char *) * Max(2 * n, 1));
	int			nnames = 0,
				nuniq = 0,
				i,
				k;
	AgentTimeEntry *ents = palloc(sizeof(AgentTimeEntry) * Max(n, 1));
	int			nents = 0;
	Size		pool_len = 0,
				size;
	AgentTimeState *st;
	char	   *pool;
	int32	   *offs;

	for (i = 0; i < n; i++)
	{
		if (items[i].plan)
			names[nnames++] = items[i].plan;
		if (items[i].status)
			names[nnames++] = items[i].status;
	}
	if (nnames > 0)
	{
		qsort(names, nnames, sizeof(char *), cmp_names);
		for (i = 0; i < nnames; i++)
			if (nuniq == 0 || strcmp(names[nuniq - 1], names[i]) != 0)
				names[nuniq++] = names[i];
	}
	for (i = 0; i < n; i++)
	{
		ents[i].us = items[i].us;
		ents[i].plan = name_index(names, nuniq, items[i].plan);
		ents[i].status = name_index(names, nuniq, items[i].status);
	}
	qsort(ents, n, sizeof(AgentTimeEntry), cmp_entries);
	/* sum duplicates, drop zeros */
	for (i = 0; i < n; i++)
	{
		if (nents > 0 && cmp_entries(&ents[nents - 1], &ents[i]) == 0)
		{
			/* text and binary input refuse duplicates before building */
			if (!sum)
				elog(ERROR, "duplicate agent_time_state entry");
			if (pg_add_s64_overflow(ents[nents - 1].us, ents[i].us, &ents[nents - 1].us))
				skpi_bucket_out_of_range(&skpi_agent_time_type);
		}
		else
			ents[nents++] = ents[i];
	}
	/* drop zero entries and names no entry uses */
	{
		bool	   *used = palloc0(sizeof(bool) * Max(nuniq, 1));
		int		   *remap = palloc(sizeof(int) * Max(nuniq, 1));
		int			m = 0,
					nn = 0;

		for (i = 0; i < nents; i++)
		{
			if (ents[i].us < 0)
				skpi_bucket_not_part(&skpi_agent_time_type);
			if (ents[i].us == 0)
				continue;
			ents[m++] = ents[i];
			if (ents[i].plan >= 0)
				used[ents[i].plan] = true;
			if (ents[i].status >= 0)
				used[ents[i].status] = true;
		}
		nents = m;
		for (k = 0; k < nuniq; k++)
		{
			remap[k] = used[k] ? nn : -1;
			if (used[k])
			{
				names[nn++] = names[k];
				name_ok(names[k]);
				pool_len += strlen(names[k]) + 1;
			}
		}
		for (i = 0; i < nents; i++)
		{
			if (ents[i].plan >= 0)
				ents[i].plan = remap[ents[i].plan];
			if (ents[i].status >= 0)
				ents[i].status = remap[ents[i].status];
		}
		nuniq = nn;
	}
	if (nuniq > AT_MAX_NAMES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many statuses and activities for agent_time_state"),
				 errdetail("The state would name %d; the limit is %d.", nuniq, AT_MAX_NAMES)));
	size = AT_HDRSZ + (Size) nents * sizeof(AgentTimeEntry) + (Size) nuniq * sizeof(int32) + pool_len;
	st = palloc0(size);
	SET_VARSIZE(st, size);
	st->version = SKPI_AGENT_TIME_VERSION;
	st->kind = SKPI_AGENT_TIME_KIND;
	st->nnames = (uint16) nuniq;
	st->nentries = nents;
	st->pool_len = (int32) pool_len;
	st->bounds = skpi_bucket_bounds(bounds->start, bounds->end, bounds->span_us);
	memcpy(st->entries, ents, sizeof(AgentTimeEntry) * nents);
	offs = AT_NAME_OFFS(st);
	pool = AT_POOL(st);
	pool_len = 0;
	for (k = 0; k < nuniq; k++)
	{
		size_t		len = strlen(names[k]) + 1;

		offs[k] = (int32) pool_len;
		memcpy(pool + pool_len, names[k], len);
		pool_len += len;
	}
	return st;
}

/* ---- checks ---- */

/*
 * Everything a reader relies on: sizes, name offsets and terminators, entry
 * indices, order (canonical), positive entries adding up to span_us.  Linear
 * in the (small, bounded) size of the state.
 */
static const char *
at_problem(const AgentTimeState *st)
{
	Size		size = VARSIZE(st);
	const int32 *offs;
	const char *pool;
	int64		total = 0;
	int			i;

	if (size < AT_HDRSZ || st->nentries < 0 || st->pool_len < 0 || st->nnames > AT_MAX_NAMES)
		return "Its header is inconsistent.";
	if (size != AT_HDRSZ + (Size) st->nentries * sizeof(AgentTimeEntry) +
		(Size) st->nnames * sizeof(int32) + (Size) st->pool_len)
		return "Its size does not match its counts.";
	offs = AT_NAME_OFFS(st);
	pool = AT_POOL(st);
	for (i = 0; i < st->nnames; i++)
	{
		const char *end;

		if (offs[i] < 0 || offs[i] >= st->pool_len ||
			(i > 0 && offs[i] <= offs[i - 1]))
			return "A name lies outside its pool.";
		end = memchr(pool + offs[i], '\0', st->pool_len - offs[i]);
		if (end == NULL || (i + 1 < st->nnames && end != pool + offs[i + 1] - 1) ||
			(i + 1 == st->nnames && end != pool + st->pool_len - 1))
			return "A name is not terminated where the next begins.";
		if (end - (pool + offs[i]) > AT_MAX_NAME_LEN)
			return "A name is too long.";
		if (i > 0 && strcmp(pool + offs[i - 1], pool + offs[i]) >= 0)
			return "Its names are not in order.";
	}
	if (st->nnames == 0 && st->pool_len != 0)
		return "Its pool has bytes without names.";
	for (i = 0; i < st->nentries; i++)
	{
		const AgentTimeEntry *e = &st->entries[i];

		if (e->plan < -1 || e->plan >= st->nnames || e->status < -1 || e->status >= st->nnames)
			return "An entry names no name of the state.";
		if (e->us <= 0)
			return "An entry's time is not positive.";
		if (i > 0 && cmp_entries(&st->entries[i - 1], e) >= 0)
			return "Its entries are not in order.";
		if (pg_add_s64_overflow(total, e->us, &total))
			return "Its times overflow.";
	}
	if (total != st->bounds.span_us)
		return "Its times do not add up to its span.";
	if (!skpi_bucket_bounds_ok(&st->bounds))
		return "Its buckets' bounds are inconsistent.";
	return NULL;
}

static bool
at_stored_ok(const SkpiStateHeader *h)
{
	return at_problem((const AgentTimeState *) h) == NULL;
}

static bool
at_valid(const SkpiStateHeader *h, Node *escontext)
{
	const AgentTimeState *st = (const AgentTimeState *) h;
	const char *problem = at_problem(st);
	int			i;

	for (i = 0; problem == NULL && i < st->nnames; i++)
	{
		const char *name = AT_NAME(st, i);

		if (!pg_verifymbstr(name, strlen(name), true))
			problem = "A name is not valid in the database encoding.";
	}
	return skpi_bucket_state_valid(&skpi_agent_time_type, problem, escontext);
}

static bool
at_empty(const SkpiStateHeader *h)
{
	return ((const AgentTimeState *) h)->bounds.span_us == 0;
}

/* ---- merge ---- */

static int
state_items(const AgentTimeState *st, AtItem *items, int sign)
{
	int			i;

	for (i = 0; i < st->nentries; i++)
	{
		items[i].plan = AT_NAME(st, st->entries[i].plan);
		items[i].status = AT_NAME(st, st->entries[i].status);
		items[i].us = sign * st->entries[i].us;
	}
	return st->nentries;
}

static SkpiStateHeader *
at_merge(SkpiStateHeader *ah, const SkpiStateHeader *bh, int sign, bool in_aggregate)
{
	AgentTimeState *a = (AgentTimeState *) ah;
	const AgentTimeState *b = (const AgentTimeState *) bh;
	AtItem	   *items = palloc(sizeof(AtItem) * Max(a->nentries + b->nentries, 1));
	int			n = 0;
	SkpiBucketBounds bounds;

	if (b->bounds.span_us == 0)
		return ah;
	if (!skpi_bucket_bounds_merge(&skpi_agent_time_type, &a->bounds, &b->bounds, sign, in_aggregate, &bounds))
		return NULL;
	n += state_items(a, items, 1);
	n += state_items(b, items + n, sign);
	return (SkpiStateHeader *) skpi_agent_time_build(items, n, &bounds, true);
}

/* ---- text form ---- */

/*
 * {"version":1,"kind":"agent_time","bucket_start":"2026-03-02 00:00:00+00",
 *  "bucket_end":"2026-03-03 00:00:00+00","span_us":86400000000,
 *  "times":[[null,null,3600000000],[null,"ready",82800000000]]}
 * bucket_start and bucket_end are null in an empty state.
 */
static const char *const at_keys[] = {SKPI_BOUNDS_KEYS, "times"};

typedef struct AtTextIn
{
	SkpiBoundsIn bounds;
	AtItem	   *items;
	int			n,
				cap;
	StringInfoData buf;
} AtTextIn;

static void *
at_text_begin(const SkpiStateType *t)
{
	AtTextIn   *in = palloc0(sizeof(AtTextIn));

	in->cap = 16;
	in->items = palloc(sizeof(AtItem) * in->cap);
	initStringInfo(&in->buf);
	return in;
}

static bool
at_text_name(TextParser *tp, AtTextIn *in, const char **name)
{
	if (skpi_text_null(tp))
	{
		*name = NULL;
		return true;
	}
	if (!skpi_text_string(tp, &in->buf, AT_MAX_NAME_LEN, "A status or activity name"))
		return false;
	*name = pstrdup(in->buf.data);
	return true;
}

static bool
text_entry(TextParser *tp, void *arg)
{
	AtTextIn   *in = (AtTextIn *) arg;
	AtItem		it;

	if (!skpi_text_expect(tp, '[') || !at_text_name(tp, in, &it.plan) ||
		!skpi_text_expect(tp, ',') || !at_text_name(tp, in, &it.status) ||
		!skpi_text_expect(tp, ',') || !skpi_text_int64(tp, &it.us) ||
		!skpi_text_expect(tp, ']'))
		return false;
	if (it.us <= 0)
		return skpi_text_error(tp, "A time must be positive.");
	if (in->n >= 2 * AT_MAX_NAMES * AT_MAX_NAMES)
		return skpi_text_error(tp, "Too many entries.");
	if (in->n == in->cap)
	{
		in->cap *= 2;
		in->items = repalloc(in->items, sizeof(AtItem) * in->cap);
	}
	in->items[in->n++] = it;
	return true;
}

static bool
at_text_field(TextParser *tp, int key, void *ctx)
{
	AtTextIn   *in = (AtTextIn *) ctx;

	if (key < SKPI_BOUNDS_NKEYS)
		return skpi_bucket_bounds_field(tp, key, &in->bounds);
	return skpi_text_list(tp, text_entry, in);
}

static int
cmp_items(const void *a, const void *b)
{
	const AtItem *x = a,
			   *y = b;
	int			c;

	if ((x->plan == NULL) != (y->plan == NULL))
		return x->plan == NULL ? -1 : 1;
	if (x->plan && (c = strcmp(x->plan, y->plan)) != 0)
		return c;
	if ((x->status == NULL) != (y->status == NULL))
		return x->status == NULL ? -1 : 1;
	return x->status ? strcmp(x->status, y->status) : 0;
}

static SkpiStateHeader *
at_text_end(TextParser *tp, void *ctx)
{
	AtTextIn   *in = (AtTextIn *) ctx;
	int			i;

	if (!skpi_bucket_bounds_in_end(tp, &in->bounds))
		return NULL;
	qsort(in->items, in->n, sizeof(AtItem), cmp_items);
	for (i = 1; i < in->n; i++)
		if (cmp_items(&in->items[i - 1], &in->items[i]) == 0)
		{
			skpi_text_error(tp, "An activity and status appear twice.");
			return NULL;
		}
	return (SkpiStateHeader *) skpi_agent_time_build(in->items, in->n, &in->bounds.b, false);
}

static void
append_name(StringInfo buf, const char *name)
{
	if (name == NULL)
		appendStringInfoString(buf, "null");
	else
		escape_json(buf, name);
}

static void
at_out(StringInfo buf, const SkpiStateHeader *h)
{
	const AgentTimeState *st = (const AgentTimeState *) h;
	int			i;

	skpi_bucket_bounds_out(buf, &st->bounds);
	appendStringInfoString(buf, ",\"times\":[");
	for (i = 0; i < st->nentries; i++)
	{
		const AgentTimeEntry *e = &st->entries[i];

		if (i > 0)
			appendStringInfoChar(buf, ',');
		appendStringInfoChar(buf, '[');
		append_name(buf, AT_NAME(st, e->plan));
		appendStringInfoChar(buf, ',');
		append_name(buf, AT_NAME(st, e->status));
		appendStringInfo(buf, "," INT64_FORMAT "]", e->us);
	}
	appendStringInfoChar(buf, ']');
}

/* ---- binary form ---- */

/*
 * uint8 kind; int64 bucket_start, bucket_end, span_us; uint16 nnames, each
 * int32 length and its bytes; int32 nentries, each int32 plan, int32 status
 * (name indexes, -1 NULL), int64 us.
 */
static void
at_send(StringInfo buf, const SkpiStateHeader *h)
{
	const AgentTimeState *st = (const AgentTimeState *) h;
	int			i;

	pq_sendbyte(buf, st->kind);
	skpi_bucket_bounds_send(buf, &st->bounds);
	pq_sendint16(buf, st->nnames);
	for (i = 0; i < st->nnames; i++)
	{
		const char *name = AT_NAME(st, i);
		int			len = (int) strlen(name);

		pq_sendint32(buf, len);
		pq_sendbytes(buf, name, len);
	}
	pq_sendint32(buf, st->nentries);
	for (i = 0; i < st->nentries; i++)
	{
		pq_sendint32(buf, st->entries[i].plan);
		pq_sendint32(buf, st->entries[i].status);
		pq_sendint64(buf, st->entries[i].us);
	}
}

static SkpiStateHeader *
at_recv(StringInfo buf, const SkpiStateType *t)
{
	int			kind = pq_getmsgbyte(buf);
	SkpiBucketBounds bounds;
	int			nnames,
				nentries,
				i;
	char	  **names;
	AtItem	   *items;

	if (kind != SKPI_AGENT_TIME_KIND)
		skpi_state_recv_error(t, "Kind %d is not an agent_time_state.", kind);
	skpi_bucket_bounds_recv(buf, &bounds);
	nnames = pq_getmsgint(buf, 2);
	if (nnames > AT_MAX_NAMES)
		skpi_state_recv_error(t, "%d names exceed the limit of %d.", nnames, AT_MAX_NAMES);
	names = palloc(sizeof(char *) * Max(nnames, 1));
	for (i = 0; i < nnames; i++)
	{
		int			len = pq_getmsgint(buf, 4);

		if (len < 0 || len > AT_MAX_NAME_LEN)
			skpi_state_recv_error(t, "A name of %d bytes is not allowed.", len);
		names[i] = palloc(len + 1);
		pq_copymsgbytes(buf, names[i], len);
		names[i][len] = '\0';
		if ((int) strlen(names[i]) != len)
			skpi_state_recv_error(t, "A name contains a zero byte.");
		if (!pg_verifymbstr(names[i], len, true))
			skpi_state_recv_error(t, "A name is not valid in the database encoding.");
		if (i > 0 && strcmp(names[i - 1], names[i]) >= 0)
			skpi_state_recv_error(t, "Its names are not in order.");
	}
	nentries = pq_getmsgint(buf, 4);
	if (nentries < 0 || nentries > (buf->len - buf->cursor) / 16)
		skpi_state_recv_error(t, "%d entries do not fit the value.", nentries);
	items = palloc(sizeof(AtItem) * Max(nentries, 1));
	for (i = 0; i < nentries; i++)
	{
		int			plan = pq_getmsgint(buf, 4),
					status = pq_getmsgint(buf, 4);

		items[i].us = pq_getmsgint64(buf);
		if (plan < -1 || plan >= nnames || status < -1 || status >= nnames)
			skpi_state_recv_error(t, "An entry names no name of the value.");
		if (items[i].us <= 0)
			skpi_state_recv_error(t, "An entry's time is not positive.");
		items[i].plan = plan < 0 ? NULL : names[plan];
		items[i].status = status < 0 ? NULL : names[status];
	}
	if (bounds.span_us == 0 && (bounds.start != 0 || bounds.end != 0))
		skpi_state_recv_error(t, "An empty state has bucket bounds.");
	qsort(items, nentries, sizeof(AtItem), cmp_items);
	for (i = 1; i < nentries; i++)
		if (cmp_items(&items[i - 1], &items[i]) == 0)
			skpi_state_recv_error(t, "An activity and status appear twice.");
	return (SkpiStateHeader *) skpi_agent_time_build(items, nentries, &bounds, false);
}

const SkpiStateType skpi_agent_time_type = {
	.typname = "agent_time_state",
	.version = SKPI_AGENT_TIME_VERSION,
	.kind = SKPI_AGENT_TIME_KIND,
	.kindname = "agent_time",
	.stored_ok = at_stored_ok,
	.valid = at_valid,
	.keys = at_keys,
	.nkeys = lengthof(at_keys),
	.optional = 0,
	.text_begin = at_text_begin,
	.text_field = at_text_field,
	.text_end = at_text_end,
	.out = at_out,
	.send = at_send,
	.recv = at_recv,
	.merge = at_merge,
	.empty = at_empty,
};

SKPI_STATE_IO(skpi_agent_time_state, skpi_agent_time_type)
SKPI_STATE_MERGE(skpi_agent_time_state, skpi_agent_time_type)
SKPI_ENTRY(skpi_agent_time_state_nonempty, skpi_state_nonempty(fcinfo, &skpi_agent_time_type))

/* ---- accessors ---- */

#define AT_ARG(n) ((const AgentTimeState *) skpi_state_getarg(fcinfo, (n), &skpi_agent_time_type))

/* status_seconds(agent_time_state, status text): all the time in that status */
PG_FUNCTION_INFO_V1(skpi_status_seconds);
Datum
skpi_status_seconds(PG_FUNCTION_ARGS)
{
	const AgentTimeState *st = AT_ARG(0);
	char	   *status = text_to_cstring(PG_GETARG_TEXT_PP(1));
	int64		us = 0;
	int			i;

	for (i = 0; i < st->nentries; i++)
		if (st->entries[i].status >= 0 && strcmp(AT_NAME_AT(st, st->entries[i].status), status) == 0)
			us += st->entries[i].us;
	PG_RETURN_FLOAT8(skpi_us_seconds(us));
}

/* unknown_seconds(agent_time_state): the time before any known status */
PG_FUNCTION_INFO_V1(skpi_unknown_seconds);
Datum
skpi_unknown_seconds(PG_FUNCTION_ARGS)
{
	const AgentTimeState *st = AT_ARG(0);
	int64		us = 0;
	int			i;

	for (i = 0; i < st->nentries; i++)
		if (st->entries[i].status < 0)
			us += st->entries[i].us;
	PG_RETURN_FLOAT8(skpi_us_seconds(us));
}

SKPI_ENTRY(skpi_span_seconds, Float8GetDatum(skpi_us_seconds(AT_ARG(0)->bounds.span_us)))
SKPI_ENTRY(skpi_bucket_start, skpi_bucket_bound_datum(fcinfo, &AT_ARG(0)->bounds, false))
SKPI_ENTRY(skpi_bucket_end, skpi_bucket_bound_datum(fcinfo, &AT_ARG(0)->bounds, true))

/* status_times(agent_time_state) → SETOF (activity text, status text, seconds float8) */
PG_FUNCTION_INFO_V1(skpi_status_times);
Datum
skpi_status_times(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const AgentTimeState *st = AT_ARG(0);
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < st->nentries; i++)
	{
		const AgentTimeEntry *e = &st->entries[i];
		Datum		values[3];
		bool		nulls[3] = {e->plan < 0, e->status < 0, false};

		values[0] = e->plan < 0 ? (Datum) 0 : CStringGetTextDatum(AT_NAME(st, e->plan));
		values[1] = e->status < 0 ? (Datum) 0 : CStringGetTextDatum(AT_NAME(st, e->status));
		values[2] = Float8GetDatum(skpi_us_seconds(e->us));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
