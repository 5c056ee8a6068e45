/*
 * concurrency_agg.c
 *		concurrency(started_at, ended_at, width, from, to [, time_zone]
 *		ORDER BY started_at): an operator's chats swept in start order, one
 *		concurrency_state per bucket of [from, to), as an array.
 *
 * Rules: bucket edges are agent_time's (buckets.c).  A chat counts in the
 * `chats` of the bucket where it starts; its time, clipped to [from, to),
 * goes to the level of the number of chats open at each instant.  A chat
 * that ends as another starts does not overlap it (ends are taken first).
 * A chat without an end (ended_at NULL) is still open: it counts up to `to`
 * (now() for a live view).  Chats that started before `from` and are still
 * open at `from` are carried in (their time counts from `from`; they count
 * in no bucket's `chats`); time after `to` is ignored, and so are chats
 * starting at or after `to`.  Rows must come in start order (ORDER BY
 * started_at in the call, or an input sorted by operator and start): a chat
 * that starts before the one before is an error; a row with a NULL
 * started_at is skipped; an end before the start is an error.  width, from,
 * to and the time zone (its text) must be the same on every row of a group
 * (22023 otherwise).
 *
 * The transition state is concurrency_log_state: a flat value updated in
 * place in the aggregate's memory: the parameters and the position (a
 * bucket cursor, buckets.h), a min-heap of the open chats' ends (clipped to
 * `to`) and a dense matrix per bucket of [chats started, µs at level 1..cap].
 * A row costs O(log open chats).  No combine function: a sweep split at
 * arbitrary rows cannot be merged without the chats open across the split
 * (the per-bucket results do merge, with rollup()).
 */
#include "postgres.h"

#include <limits.h>

#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/timestamp.h"

#include "buckets.h"
#include "concurrency_state.h"
#include "timeline.h"

#define CONC_LOG_VERSION 1
#define CONC_LOG_KIND 1
#define CONC_MAX_CELLS (INT64CONST(1) << 24)	/* buckets x (open chats + 1) */

typedef struct ConcLog
{
	SKPI_STATE_HEADER;
	int32		nopen;			/* chats open (entries of the heap) */
	int32		cap;			/* heap entries allocated = levels per bucket */
	SkpiBucketCursor cur;		/* the parameters and the position (last_at: the last start) */
	char		var[FLEXIBLE_ARRAY_MEMBER];
	/*
	 * zone[cur.zone_len + 1]; int64 heap[cap]; int64 acc[nbuckets][cap + 1]:
	 * chats, then µs at level 1..cap
	 */
} ConcLog;

SKPI_STATE_LAYOUT(ConcLog);
SKPI_CURSOR_LAYOUT(ConcLog, cur, var);

#define LOG_HEAP_OFFSET(zone_len) MAXALIGN(offsetof(ConcLog, var) + (zone_len) + 1)
#define LOG_HEAP(l) ((int64 *) ((char *) (l) + LOG_HEAP_OFFSET((l)->cur.zone_len)))
#define LOG_ROW(l, b) (LOG_HEAP(l) + (l)->cap + (Size) (b) * ((l)->cap + 1))

static Size
log_size(int zone_len, int nbuckets, int cap)
{
	return LOG_HEAP_OFFSET(zone_len) + ((Size) cap + (Size) nbuckets * (cap + 1)) * sizeof(int64);
}

static const SkpiStateType skpi_concurrency_log_type;

/* ---- the state ---- */

/* a log at cursor c with room for cap open chats, none open */
static ConcLog *
log_alloc(const SkpiBucketCursor *c, int cap)
{
	ConcLog    *l;

	if ((int64) c->nbuckets * (cap + 1) > CONC_MAX_CELLS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("concurrency would keep too many bucket and level pairs"),
				 errdetail("%d buckets by %d levels exceed the limit of " INT64_FORMAT " pairs.",
						   c->nbuckets, cap, CONC_MAX_CELLS),
				 errhint("Use a wider bucket or a shorter period.")));
	l = skpi_log_alloc(&skpi_concurrency_log_type, log_size(c->zone_len, c->nbuckets, cap),
					   offsetof(ConcLog, cur), c);
	l->cap = cap;
	return l;
}

/* the first row's log (skpi_log_for_row) */
static void *
log_new(const SkpiBucketCursor *c)
{
	return log_alloc(c, 4);
}

/* a copy with room for cap open chats (the caller's context) */
static ConcLog *
log_grow(const ConcLog *l, int cap)
{
	ConcLog    *n = log_alloc(&l->cur, cap);
	int			b;

	n->nopen = l->nopen;
	memcpy(LOG_HEAP(n), LOG_HEAP(l), sizeof(int64) * l->nopen);
	for (b = 0; b < l->cur.nbuckets; b++)
		memcpy(LOG_ROW(n, b), LOG_ROW(l, b), sizeof(int64) * (l->cap + 1));
	return n;
}

/* ---- the heap of open chats' ends ---- */

static void
heap_push(ConcLog *l, int64 end)
{
	int64	   *h = LOG_HEAP(l);
	int			i = l->nopen++;

	while (i > 0 && h[(i - 1) / 2] > end)
	{
		h[i] = h[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h[i] = end;
}

static void
heap_pop(ConcLog *l)
{
	int64	   *h = LOG_HEAP(l);
	int64		last = h[--l->nopen];
	int			n = l->nopen,
				i = 0;

	for (;;)
	{
		int			c = 2 * i + 1;

		if (c >= n)
			break;
		if (c + 1 < n && h[c + 1] < h[c])
			c++;
		if (h[c] >= last)
			break;
		h[i] = h[c];
		i = c;
	}
	if (n > 0)
		h[i] = last;
}

/* credit the chats open up to t (> t0) to the current bucket */
static inline void
log_credit(ConcLog *l, TimestampTz t)
{
	if (l->nopen > 0 && t > l->cur.t0)
		LOG_ROW(l, l->cur.k)[l->nopen] += t - l->cur.t0;
	l->cur.t0 = t;
}

/*
 * Credit the chats open up to t (clipped to `to`), closing the chats that
 * end on the way and moving through buckets.
 */
static void
log_advance(ConcLog *l, TimestampTz t)
{
	SkpiBucketCursor *c = &l->cur;

	if (c->flags & SKPI_CURSOR_DONE)
		return;
	if (t > c->to)
		t = c->to;
	for (;;)
	{
		TimestampTz edge = c->be;

		if (l->nopen > 0 && LOG_HEAP(l)[0] < edge)
			edge = LOG_HEAP(l)[0];
		if (t < edge)
		{
			if (t > c->t0)
				log_credit(l, t);
			return;
		}
		log_credit(l, edge);
		while (l->nopen > 0 && LOG_HEAP(l)[0] <= c->t0)
			heap_pop(l);
		if (c->t0 >= c->be && !skpi_cursor_next(c))
			return;
	}
}

/* one chat: started_at, ended_at (NULL: still open) */
PG_FUNCTION_INFO_V1(skpi_concurrency_accum);
Datum
skpi_concurrency_accum(PG_FUNCTION_ARGS)
{
	ConcLog    *l = skpi_log_for_row(fcinfo, &skpi_concurrency_log_type, 3, "concurrency",
									 offsetof(ConcLog, cur), log_new);
	TimestampTz s,
				e;

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(l);
	s = PG_GETARG_TIMESTAMPTZ(1);
	e = PG_ARGISNULL(2) ? DT_NOEND : PG_GETARG_TIMESTAMPTZ(2);
	if (TIMESTAMP_NOT_FINITE(s) || (!PG_ARGISNULL(2) && TIMESTAMP_NOT_FINITE(e)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("chat times must be finite"),
				 errhint("Give a NULL ended_at for a chat that is still open.")));
	if (e < s)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a chat ends before it starts")));
	if (!skpi_cursor_take(&l->cur, s))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("concurrency rows out of start order"),
				 errdetail("A chat that starts earlier follows one that starts later."),
				 errhint("Write concurrency(... ORDER BY started_at), or feed rows sorted by operator and start.")));
	log_advance(l, s);
	if (l->cur.flags & SKPI_CURSOR_DONE)
		PG_RETURN_POINTER(l);	/* a chat starting at or after `to`: ignored */
	if (s >= l->cur.from)
		LOG_ROW(l, l->cur.k)[0]++;
	e = Min(e, l->cur.to);
	if (e > Max(s, l->cur.from))
	{
		if (l->nopen == l->cap)
		{
			if (l->cap >= CONC_MAX_LEVELS)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("concurrency would keep more than %d chats open at once", CONC_MAX_LEVELS),
						 errhint("Compute it per operator (GROUP BY the operator).")));
			else
			{
				int			cap = Min(2 * l->cap, CONC_MAX_LEVELS);

				/* doubling past the cell limit: room for one more (log_alloc says if even that is too much) */
				if ((int64) l->cur.nbuckets * (cap + 1) > CONC_MAX_CELLS)
					cap = l->cap + 1;
				l = log_grow(l, cap);
			}
		}
		heap_push(l, e);
	}
	PG_RETURN_POINTER(l);
}

/* bucket b of a log (swept to its end) as a state */
static Datum
log_bucket(const void *log, int b, const SkpiBucketBounds *bounds, void *arg)
{
	const ConcLog *l = log;
	const int64 *row = LOG_ROW(l, b);

	return PointerGetDatum(skpi_concurrency_build(bounds, row[0], row + 1, l->cap));
}

PG_FUNCTION_INFO_V1(skpi_concurrency_final);
Datum
skpi_concurrency_final(PG_FUNCTION_ARGS)
{
	ConcLog    *l;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	l = skpi_log_copy(fcinfo, 0, &skpi_concurrency_log_type);
	/* no row counted (all skipped: a NULL start): NULL, as any aggregate */
	if (!(l->cur.flags & SKPI_CURSOR_SEEN))
		PG_RETURN_NULL();
	log_advance(l, l->cur.to);
	PG_RETURN_ARRAYTYPE_P(skpi_cursor_states(fcinfo, &l->cur, "concurrency", log_bucket, l, NULL));
}

/* ---- checks, text and binary forms of concurrency_log_state ---- */

/* the header and the size: constant work (readers index by them) */
static bool
log_header_ok(const ConcLog *l)
{
	Size		size = VARSIZE(l);

	return size >= offsetof(ConcLog, var) && skpi_cursor_header_ok(&l->cur) &&
		l->cap >= 1 && l->cap <= CONC_MAX_LEVELS && l->nopen >= 0 && l->nopen <= l->cap &&
		(int64) l->cur.nbuckets * (l->cap + 1) <= CONC_MAX_CELLS &&
		size == log_size(l->cur.zone_len, l->cur.nbuckets, l->cap);
}

static bool
log_stored_ok(const SkpiStateHeader *h)
{
	return log_header_ok((const ConcLog *) h);
}

/* a bucket's times lie within the time credited in it (skpi_cursor_buckets_problem) */
static const char *
bucket_problem(const void *log, int b, TimestampTz bs, TimestampTz credited)
{
	const ConcLog *l = log;
	int64		sum = 0;
	int			i;

	for (i = 1; i <= l->cap; i++)
		if (pg_add_s64_overflow(sum, LOG_ROW(l, b)[i], &sum))
			return "A bucket's times exceed its length.";
	return sum > credited - bs ? "A bucket's times exceed its length." : NULL;
}

/* why a log read from outside is inconsistent, or NULL */
static const char *
log_problem(const ConcLog *l)
{
	const char *problem;
	const int64 *h;
	int			b,
				i;

	if (!log_header_ok(l))
		return "Its header is inconsistent.";
	if ((problem = skpi_cursor_problem(&l->cur)) != NULL)
		return problem;
	if ((l->cur.flags & SKPI_CURSOR_DONE) && l->nopen != 0)
		return "Its position is inconsistent.";
	h = LOG_HEAP(l);
	for (i = 0; i < l->nopen; i++)
		if (h[i] <= l->cur.t0 || h[i] > l->cur.to || (i > 0 && h[(i - 1) / 2] > h[i]))
			return "An open chat ends where it cannot.";
	for (b = 0; b < l->cur.nbuckets; b++)
		for (i = 0; i <= l->cap; i++)
		{
			int64		v = LOG_ROW(l, b)[i];

			if (v < 0 || (v > 0 && b > l->cur.k))
				return "A bucket holds figures it cannot hold.";
		}
	return skpi_cursor_buckets_problem(&l->cur, "concurrency", bucket_problem, l);
}

static bool
log_valid(const SkpiStateHeader *h, Node *escontext)
{
	return skpi_bucket_state_valid(&skpi_concurrency_log_type, log_problem((const ConcLog *) h), escontext);
}

/*
 * A log from its parts (text and binary input): the cursor, read and
 * checked; room for the open chats and the highest level given; the open
 * chats' ends sorted (a sorted array is a heap).  The checks are
 * log_valid's.
 */
typedef struct LogParts
{
	SkpiBucketCursorBuf cb;
	int			nopen;
	int64	   *open;
	SkpiCells	cells;			/* [bucket, level (0: chats), value] each */
} LogParts;

static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a,
				y = *(const int64 *) b;

	return x < y ? -1 : x > y;
}

/* the log, or NULL after its problem (skpi_log_input_error: tp for text input) */
static ConcLog *
log_from_parts(LogParts *p, TextParser *tp)
{
	int			cap = Max(p->nopen, 1),
				i;
	ConcLog    *l;

	if (p->nopen > CONC_MAX_LEVELS)
		return skpi_log_input_error(tp, &skpi_concurrency_log_type, "Too many open chats.");
	for (i = 0; i < p->cells.n; i++)
	{
		int64	   *c = &p->cells.v[3 * i];

		if (c[0] < 0 || c[0] >= p->cb.cur.nbuckets || c[1] < 0 || c[1] > CONC_MAX_LEVELS || c[2] <= 0)
			return skpi_log_input_error(tp, &skpi_concurrency_log_type,
										"A cell is out of range or not positive.");
		cap = Max(cap, (int) c[1]);
	}
	l = log_alloc(&p->cb.cur, cap);
	qsort(p->open, p->nopen, sizeof(int64), cmp_int64);
	memcpy(LOG_HEAP(l), p->open, sizeof(int64) * p->nopen);
	l->nopen = p->nopen;
	for (i = 0; i < p->cells.n; i++)
	{
		int64	   *c = &p->cells.v[3 * i];

		if (LOG_ROW(l, c[0])[c[1]] != 0)
			return skpi_log_input_error(tp, &skpi_concurrency_log_type, "A cell is repeated.");
		LOG_ROW(l, c[0])[c[1]] = c[2];
	}
	return l;
}

/*
 * {"version":1,"kind":"concurrency_log", the cursor (buckets.h), its last
 *  row's time named last_start, "open":["...",...],"chats":[[0,3],...],
 *  "levels":[[0,1,300000000],...]}
 * open: the open chats' ends (clipped to `to`), ascending; chats: [bucket, chats started], levels:
 * [bucket, level, microseconds], the non-zero ones.
 */
#define LOG_LAST_KEY "last_start"

static const char *const log_keys[] = {
	SKPI_CURSOR_KEYS(LOG_LAST_KEY), "open", "chats", "levels"
};

typedef struct LogTextIn
{
	SkpiCursorTextIn cur;
	LogParts	p;
	int			capopen;
} LogTextIn;

static void *
log_text_begin(const SkpiStateType *t)
{
	LogTextIn  *in = palloc0(sizeof(LogTextIn));

	skpi_cursor_text_begin(&in->cur, LOG_LAST_KEY, &in->p.cb);
	in->capopen = 16;
	in->p.open = palloc(sizeof(int64) * in->capopen);
	skpi_cells_init(&in->p.cells, 3);
	return in;
}

static bool
log_text_open(TextParser *tp, void *arg)
{
	LogTextIn  *in = (LogTextIn *) arg;

	if (in->p.nopen >= CONC_MAX_LEVELS)
		return skpi_text_error(tp, "Too many open chats.");
	if (in->p.nopen == in->capopen)
	{
		in->capopen *= 2;
		in->p.open = repalloc(in->p.open, sizeof(int64) * in->capopen);
	}
	return skpi_text_timestamp(tp, &in->p.open[in->p.nopen++], "An open chat's end must be finite.");
}

/* [bucket, value] (chats, level 0) or [bucket, level, value] */
static bool
log_text_cell(TextParser *tp, void *arg, bool with_level)
{
	LogTextIn  *in = (LogTextIn *) arg;
	int64	   *c = skpi_cells_add(tp, &in->p.cells, CONC_MAX_CELLS);

	if (c == NULL)
		return false;
	c[1] = 0;
	if (!skpi_text_expect(tp, '[') || !skpi_text_int64(tp, &c[0]) || !skpi_text_expect(tp, ','))
		return false;
	if (with_level)
	{
		if (!skpi_text_int64(tp, &c[1]) || !skpi_text_expect(tp, ','))
			return false;
		if (c[1] < 1)
			return skpi_text_error(tp, "A level must be positive.");
	}
	return skpi_text_int64(tp, &c[2]) && skpi_text_expect(tp, ']');
}

static bool
log_text_chats(TextParser *tp, void *arg)
{
	return log_text_cell(tp, arg, false);
}

static bool
log_text_level(TextParser *tp, void *arg)
{
	return log_text_cell(tp, arg, true);
}

static bool
log_text_field(TextParser *tp, int key, void *ctx)
{
	LogTextIn  *in = (LogTextIn *) ctx;

	if (key < SKPI_CURSOR_NKEYS)
		return skpi_cursor_text_field(tp, key, &in->cur);
	switch (key - SKPI_CURSOR_NKEYS)
	{
		case 0:
			return skpi_text_list(tp, log_text_open, in);
		case 1:
			return skpi_text_list(tp, log_text_chats, in);
		default:
			return skpi_text_list(tp, log_text_level, in);
	}
}

static SkpiStateHeader *
log_text_end(TextParser *tp, void *ctx)
{
	LogTextIn  *in = (LogTextIn *) ctx;

	if (!skpi_cursor_text_end(tp, "concurrency", &in->cur))
		return NULL;
	return (SkpiStateHeader *) log_from_parts(&in->p, tp);
}

/* the open chats' ends, ascending (a copy) */
static int64 *
sorted_open(const ConcLog *l)
{
	int64	   *open = palloc(sizeof(int64) * Max(l->nopen, 1));

	memcpy(open, LOG_HEAP(l), sizeof(int64) * l->nopen);
	qsort(open, l->nopen, sizeof(int64), cmp_int64);
	return open;
}

static void
log_out(StringInfo buf, const SkpiStateHeader *h)
{
	const ConcLog *l = (const ConcLog *) h;
	int64	   *open = sorted_open(l);
	int			b,
				i,
				n = 0;

	skpi_cursor_out(buf, &l->cur, LOG_LAST_KEY);
	appendStringInfoString(buf, ",\"open\":[");
	for (i = 0; i < l->nopen; i++)
	{
		if (i > 0)
			appendStringInfoChar(buf, ',');
		tl_append_timestamp(buf, open[i]);
	}
	appendStringInfoString(buf, "],\"chats\":[");
	for (b = 0; b < l->cur.nbuckets; b++)
		if (LOG_ROW(l, b)[0] != 0)
			appendStringInfo(buf, "%s[%d," INT64_FORMAT "]", n++ > 0 ? "," : "", b, LOG_ROW(l, b)[0]);
	appendStringInfoString(buf, "],\"levels\":[");
	n = 0;
	for (b = 0; b < l->cur.nbuckets; b++)
		for (i = 1; i <= l->cap; i++)
			if (LOG_ROW(l, b)[i] != 0)
				appendStringInfo(buf, "%s[%d,%d," INT64_FORMAT "]", n++ > 0 ? "," : "", b, i, LOG_ROW(l, b)[i]);
	appendStringInfoChar(buf, ']');
}

/*
 * binary: the cursor (buckets.h); int32 open chats, each int64 end
 * (ascending); int32 cells, each int32 bucket, int32 level (0: chats
 * started), int64 value.
 */
static void
log_send(StringInfo buf, const SkpiStateHeader *h)
{
	const ConcLog *l = (const ConcLog *) h;
	int64	   *open = sorted_open(l);
	int			b,
				i,
				n = 0;

	skpi_cursor_send(buf, l->kind, &l->cur);
	pq_sendint32(buf, l->nopen);
	skpi_send_int64s(buf, open, l->nopen);
	for (b = 0; b < l->cur.nbuckets; b++)
		for (i = 0; i <= l->cap; i++)
			n += LOG_ROW(l, b)[i] != 0;
	pq_sendint32(buf, n);
	for (b = 0; b < l->cur.nbuckets; b++)
		for (i = 0; i <= l->cap; i++)
			if (LOG_ROW(l, b)[i] != 0)
			{
				pq_sendint32(buf, b);
				pq_sendint32(buf, i);
				pq_sendint64(buf, LOG_ROW(l, b)[i]);
			}
}

static SkpiStateHeader *
log_recv(StringInfo buf, const SkpiStateType *t)
{
	LogParts	p;

	memset(&p, 0, sizeof(p));
	skpi_cursor_recv(buf, t, "concurrency", &p.cb);
	p.nopen = pq_getmsgint(buf, 4);
	if (p.nopen < 0 || p.nopen > CONC_MAX_LEVELS || p.nopen > (buf->len - buf->cursor) / 8)
		skpi_state_recv_error(t, "%d open chats do not fit the value.", p.nopen);
	p.open = palloc(sizeof(int64) * Max(p.nopen, 1));
	skpi_recv_int64s(buf, p.open, p.nopen);
	skpi_cells_recv(buf, t, 3, &p.cells);
	return (SkpiStateHeader *) log_from_parts(&p, NULL);
}

static const SkpiStateType skpi_concurrency_log_type = {
	.typname = "concurrency_log_state",
	.version = CONC_LOG_VERSION,
	.kind = CONC_LOG_KIND,
	.kindname = "concurrency_log",
	.stored_ok = log_stored_ok,
	.valid = log_valid,
	.keys = log_keys,
	.nkeys = lengthof(log_keys),
	.optional = 0,
	.text_begin = log_text_begin,
	.text_field = log_text_field,
	.text_end = log_text_end,
	.out = log_out,
	.send = log_send,
	.recv = log_recv,
};

SKPI_STATE_IO(skpi_concurrency_log_state, skpi_concurrency_log_type)
