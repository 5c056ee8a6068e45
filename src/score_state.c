/*
 * score_state.c
 *		Score-distribution states: the machinery behind nps_state, ces_state
 *		and csat_state.
 *
 * A state counts how many responses gave each point of a scale (0..10 for
 * NPS, 1..scale_max for CES and CSAT).  Every customer-voice KPI is a function
 * of those counts, so one transition, one inverse, one merge and one set of
 * I/O functions serve all of them:
 *
 *	 transition		counts[score - scale_min] += 1 (NULL scores are ignored)
 *	 inverse		counts[score - scale_min] -= 1 (window frames: O(1) per row)
 *	 merge			counts += other.counts (combine, rollup; same scale only)
 *	 un-merge		counts -= other.counts (rollup over a moving window frame)
 *
 * The state is a concrete varlena type, not "internal": parallel workers hand
 * it to the leader as an ordinary datum, it can be stored in tables and
 * materialized views, and Citus ships it between nodes through its text form.
 * Inside an aggregate it is updated in place in the aggregate memory context
 * (as PostgreSQL's float8_accum does), so a row costs one increment and no
 * allocation.  Final functions and accessors never modify it.
 *
 * Text form (round-trips exactly; keys in any order, each exactly once,
 * whitespace allowed between tokens):
 *
 *	 {"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,2,0,0,4,5]}
 *
 * Binary form (send/recv, network byte order):
 *
 *	 uint8 version, uint8 kind, int16 scale_min, int16 scale_max,
 *	 int64 count x (scale_max - scale_min + 1)
 *
 * Every state read from outside is checked: text and binary input fully
 * (version, kind, scale, number of counts, non-negative counts), stored
 * datums by their header (size, version, kind, scale).  Bad input is an
 * ERROR with SQLSTATE 22P02 (text), 22P03 (binary), 22003 (out of range) or
 * 22023 (incompatible parameters), never a crash.  Text input reports soft
 * errors on PostgreSQL 16+ (pg_input_is_valid, COPY ... ON_ERROR).  The
 * constructors (nps_state(counts bigint[]), ...) check their array as text
 * input checks the counts, and its shape (2202E) and NULLs (22004).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#include "compat.h"
#include "score_state.h"
#include "stats.h"
#include "textparse.h"

static const char *const kind_names[] = {NULL, "nps", "ces", "csat"};

const char *
skpi_score_kind_name(SkpiScoreKind kind)
{
	Assert(kind >= SKPI_KIND_FIRST && kind <= SKPI_KIND_LAST);
	return kind_names[kind];
}

int
skpi_score_kind_min(SkpiScoreKind kind)
{
	return kind == SKPI_KIND_NPS ? 0 : 1;
}

int
skpi_score_default_max(SkpiScoreKind kind)
{
	switch (kind)
	{
		case SKPI_KIND_NPS:
			return 10;
		case SKPI_KIND_CES:
			return 7;
		case SKPI_KIND_CSAT:
			return 5;
	}
	return 0;					/* keep compiler quiet */
}

/* Is scale_max acceptable for this kind? */
static bool
scale_max_ok(SkpiScoreKind kind, int scale_max)
{
	if (kind == SKPI_KIND_NPS)
		return scale_max == 10;
	return scale_max >= SKPI_SCALE_MIN_LIMIT && scale_max <= SKPI_SCALE_MAX_LIMIT;
}

/* ERROR 22023 for a scale_max that scale_max_ok refuses, detail saying why */
static void
scale_max_error(SkpiScoreKind kind, int scale_max, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s scale_max %d is outside the range %d..%d",
					skpi_score_kind_name(kind), scale_max,
					SKPI_SCALE_MIN_LIMIT, SKPI_SCALE_MAX_LIMIT),
			 errdetail("%s", detail)));
}

int32
skpi_score_scale_arg(FunctionCallInfo fcinfo, int argno, SkpiScoreKind kind)
{
	int32		scale_max;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s scale_max must not be null", skpi_score_kind_name(kind))));
	scale_max = PG_GETARG_INT32(argno);
	if (!scale_max_ok(kind, scale_max))
		scale_max_error(kind, scale_max, "The scale runs from 1 to scale_max.");
	return scale_max;
}

static SkpiScoreState *
state_alloc(MemoryContext ctx, SkpiScoreKind kind, int scale_max)
{
	int			npoints = scale_max - skpi_score_kind_min(kind) + 1;
	Size		size = SKPI_SCORE_SIZE(npoints);
	SkpiScoreState *st = MemoryContextAllocZero(ctx, size);

	SET_VARSIZE(st, size);
	st->version = SKPI_SCORE_STATE_VERSION;
	st->kind = (uint8) kind;
	st->scale_min = (int16) skpi_score_kind_min(kind);
	st->scale_max = (int16) scale_max;
	return st;
}

/*
 * Sum of the counts; an ERROR if it does not fit in bigint (only reachable
 * through merging forged or absurd states).
 */
int64
skpi_score_total(const SkpiScoreState *st)
{
	return skpi_score_count_range(st, st->scale_min, st->scale_max);
}

int64
skpi_score_count_range(const SkpiScoreState *st, int lo, int hi)
{
	int64		total = 0;
	int			s;

	lo = Max(lo, st->scale_min);
	hi = Min(hi, st->scale_max);
	for (s = lo; s <= hi; s++)
	{
		if (pg_add_s64_overflow(total, st->counts[s - st->scale_min], &total))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s response count is out of range for type bigint",
							skpi_score_kind_name(st->kind))));
	}
	return total;
}

/*
 * Check the counters of a state built by in/recv (whose header is right by
 * construction): none may be negative.  Reports through escontext (soft
 * errors, PostgreSQL 16+) when given one; returns false on failure.
 *
 * The total is deliberately not checked: each counter fits in bigint, as a
 * transition guarantees, so every state an aggregate can build also reads
 * back in (pg_dump).  Accessors that need the total raise 22003 if it does
 * not fit.
 */
static bool
counts_valid(const SkpiScoreState *st, Node *escontext)
{
	int			i;

	for (i = 0; i < SKPI_SCORE_NPOINTS(st); i++)
	{
		if (st->counts[i] < 0)
			ereturn(escontext, false,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("invalid %s_state: negative count " INT64_FORMAT " for score %d",
							skpi_score_kind_name(st->kind), st->counts[i],
							st->scale_min + i)));
	}
	return true;
}

/* ---- the state type hooks (state.h) ---- */

static bool
score_stored_ok(const SkpiStateHeader *h)
{
	const SkpiScoreState *st = (const SkpiScoreState *) h;
	int			i;

	if (!(VARSIZE(st) >= offsetof(SkpiScoreState, counts) &&
		  st->scale_min == skpi_score_kind_min(st->kind) &&
		  scale_max_ok(st->kind, st->scale_max) &&
		  VARSIZE(st) == SKPI_SCORE_SIZE(SKPI_SCORE_NPOINTS(st))))
		return false;
	/* no negative count: promoters - detractors and the like stay in range */
	for (i = 0; i < SKPI_SCORE_NPOINTS(st); i++)
		if (st->counts[i] < 0)
			return false;
	return true;
}

static bool
score_valid(const SkpiStateHeader *h, Node *escontext)
{
	return counts_valid((const SkpiScoreState *) h, escontext);
}

static bool
score_empty(const SkpiStateHeader *h)
{
	return skpi_score_total((const SkpiScoreState *) h) == 0;
}

/* counts += b's (sign +1) or -= b's (sign -1); same scale only */
static SkpiStateHeader *
score_merge(SkpiStateHeader *ah, const SkpiStateHeader *bh, int sign, bool in_aggregate)
{
	SkpiScoreState *a = (SkpiScoreState *) ah;
	const SkpiScoreState *b = (const SkpiScoreState *) bh;
	const char *name = skpi_score_kind_name(a->kind);
	int			i;

	if (a->scale_max != b->scale_max)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge %s states with different scales %d..%d and %d..%d",
						name, a->scale_min, a->scale_max, b->scale_min, b->scale_max)));

	for (i = 0; i < SKPI_SCORE_NPOINTS(a); i++)
	{
		if (sign > 0)
		{
			if (pg_add_s64_overflow(a->counts[i], b->counts[i], &a->counts[i]))
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("%s response count is out of range for type bigint",
								name)));
		}
		else
		{
			if (a->counts[i] < b->counts[i])
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("cannot remove a %s state that is not part of the other", name),
						 errdetail("Score %d would have a negative count.",
								   a->scale_min + i)));
			a->counts[i] -= b->counts[i];
		}
	}
	return ah;
}

/* text: "scale":[min,max],"counts":[...] */
typedef struct ScoreText
{
	SkpiScoreKind kind;
	int			scale_min;
	int			scale_max;
	int			ncounts;
	int64		counts[SKPI_SCALE_MAX_LIMIT + 1];
} ScoreText;

static const char *const score_keys[] = {"scale", "counts"};

static void *
score_text_begin(const SkpiStateType *t)
{
	ScoreText  *c = palloc0(sizeof(ScoreText));

	c->kind = (SkpiScoreKind) t->kind;
	return c;
}

static bool
score_text_field(TextParser *tp, int key, void *ctx)
{
	ScoreText  *c = (ScoreText *) ctx;

	if (key == 0)
		return skpi_text_expect(tp, '[') &&
			skpi_text_small_int(tp, "scale minimum", &c->scale_min) &&
			skpi_text_expect(tp, ',') &&
			skpi_text_small_int(tp, "scale maximum", &c->scale_max) &&
			skpi_text_expect(tp, ']');
	return skpi_text_int_array(tp, c->counts, lengthof(c->counts), &c->ncounts);
}

static SkpiStateHeader *
score_text_end(TextParser *tp, void *ctx)
{
	ScoreText  *c = (ScoreText *) ctx;
	const char *name = skpi_score_kind_name(c->kind);
	SkpiScoreState *st;

	if (c->scale_min != skpi_score_kind_min(c->kind) || !scale_max_ok(c->kind, c->scale_max))
		ereturn(tp->escontext, NULL,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid %s_state: scale %d..%d is not allowed",
						name, c->scale_min, c->scale_max),
				 errdetail(c->kind == SKPI_KIND_NPS ? "The NPS scale is 0..10." :
						   "The scale is 1..scale_max with scale_max between 3 and 100.")));
	if (c->ncounts != c->scale_max - c->scale_min + 1)
		ereturn(tp->escontext, NULL,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid %s_state: %d counts given for the %d points of scale %d..%d",
						name, c->ncounts, c->scale_max - c->scale_min + 1,
						c->scale_min, c->scale_max)));
	st = state_alloc(CurrentMemoryContext, c->kind, c->scale_max);
	memcpy(st->counts, c->counts, sizeof(int64) * c->ncounts);
	return (SkpiStateHeader *) st;
}

static void
score_out(StringInfo buf, const SkpiStateHeader *h)
{
	const SkpiScoreState *st = (const SkpiScoreState *) h;
	int			i;

	appendStringInfo(buf, ",\"scale\":[%d,%d],\"counts\":[", st->scale_min, st->scale_max);
	for (i = 0; i < SKPI_SCORE_NPOINTS(st); i++)
		appendStringInfo(buf, i ? "," INT64_FORMAT : INT64_FORMAT, st->counts[i]);
	appendStringInfoChar(buf, ']');
}

/* binary body: uint8 kind, int16 scale_min, int16 scale_max, int64 x points */
static void
score_send(StringInfo buf, const SkpiStateHeader *h)
{
	const SkpiScoreState *st = (const SkpiScoreState *) h;

	pq_sendbyte(buf, st->kind);
	pq_sendint16(buf, st->scale_min);
	pq_sendint16(buf, st->scale_max);
	skpi_send_int64s(buf, st->counts, SKPI_SCORE_NPOINTS(st));
}

static SkpiStateHeader *
score_recv(StringInfo buf, const SkpiStateType *t)
{
	SkpiScoreKind kind = (SkpiScoreKind) t->kind;
	int			k = pq_getmsgbyte(buf),
				scale_min,
				scale_max;
	SkpiScoreState *st;

	if (k != (int) kind)
		skpi_state_recv_error(t, "It holds a state of another kind (%d).", k);
	scale_min = (int16) pq_getmsgint(buf, 2);
	scale_max = (int16) pq_getmsgint(buf, 2);
	if (scale_min != skpi_score_kind_min(kind) || !scale_max_ok(kind, scale_max))
		skpi_state_recv_error(t, "Scale %d..%d is not allowed.", scale_min, scale_max);
	st = state_alloc(CurrentMemoryContext, kind, scale_max);
	skpi_recv_int64s(buf, st->counts, SKPI_SCORE_NPOINTS(st));
	return (SkpiStateHeader *) st;
}

#define SCORE_TYPE(KIND, typname, name) \
	[KIND] = {typname, SKPI_SCORE_STATE_VERSION, KIND, name, \
			  score_stored_ok, score_valid, score_keys, 2, 0, \
			  score_text_begin, score_text_field, score_text_end, score_out, \
			  score_send, score_recv, score_merge, score_empty}

const SkpiStateType skpi_score_types[] = {
	SCORE_TYPE(SKPI_KIND_NPS, "nps_state", "nps"),
	SCORE_TYPE(SKPI_KIND_CES, "ces_state", "ces"),
	SCORE_TYPE(SKPI_KIND_CSAT, "csat_state", "csat"),
};

SkpiScoreState *
skpi_score_getarg(FunctionCallInfo fcinfo, int argno, SkpiScoreKind kind)
{
	return skpi_state_getarg(fcinfo, argno, &skpi_score_types[kind]);
}

SkpiScoreState *
skpi_score_from_counts(FunctionCallInfo fcinfo, int argno, SkpiScoreKind kind)
{
	const char *typname = skpi_score_types[kind].typname;
	int			min = skpi_score_kind_min(kind);
	ArrayType  *arr;
	int			n;
	int			scale_max;
	SkpiScoreState *st;

	skpi_state_arg_not_null(fcinfo, argno, "counts");
	arr = PG_GETARG_ARRAYTYPE_P(argno);
	Assert(ARR_ELEMTYPE(arr) == INT8OID);
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s counts must be a one-dimensional array", typname)));
	n = ARR_NDIM(arr) == 1 ? ARR_DIMS(arr)[0] : 0;
	if (n > 0 && ARR_LBOUND(arr)[0] != 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s counts must start at subscript 1, not %d",
						typname, ARR_LBOUND(arr)[0]),
				 errdetail("counts[1] is the count of score %d.", min)));
	if (array_contains_nulls(arr))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s counts must not contain nulls", typname),
				 errhint("%s", SKPI_NULL_FIGURE_HINT)));
	scale_max = n - 1 + min;
	if (kind == SKPI_KIND_NPS && scale_max != skpi_score_default_max(kind))
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("invalid %s: %d counts given for the %d points of scale %d..%d",
						typname, n, skpi_score_default_max(kind) - min + 1,
						min, skpi_score_default_max(kind))));
	if (!scale_max_ok(kind, scale_max))
		scale_max_error(kind, scale_max,
						"The counts are those of the scores 1..scale_max: the array's length is the scale_max.");
	st = state_alloc(CurrentMemoryContext, kind, scale_max);
	memcpy(st->counts, ARR_DATA_PTR(arr), sizeof(int64) * n);
	(void) counts_valid(st, NULL);
	return st;
}

Datum
skpi_score_transition_slow(FunctionCallInfo fcinfo, SkpiScoreKind kind,
						   int32 scale_max, SkpiStep step)
{
	const SkpiStateType *t = &skpi_score_types[kind];
	int			sign = SKPI_STEP_SIGN(step);
	SkpiScoreState *st;
	int32		score;
	int			min = skpi_score_kind_min(kind);
	int64	   *slot;

	skpi_state_require_aggregate(fcinfo, t);

	/*
	 * A NULL score is ignored (and its row's scale_max is not compared with
	 * the state's).  A moving-aggregate transition must never return NULL, so
	 * there an all-NULL start gives an empty state, which the final functions
	 * read as NULL and which the first scored row may still re-scale.
	 */
	if (PG_ARGISNULL(1))
	{
		if (!PG_ARGISNULL(0))
			PG_RETURN_DATUM(PG_GETARG_DATUM(0));
		if (step != SKPI_MOVING)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state_alloc(CurrentMemoryContext, kind, scale_max));
	}

	score = PG_GETARG_INT32(1);
	if (score < min || score > scale_max)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s score %d is outside the scale %d..%d",
						skpi_score_kind_name(kind), score, min, scale_max)));

	if (PG_ARGISNULL(0))
	{
		/* nothing to remove from: let the executor recompute the frame */
		if (sign < 0)
			PG_RETURN_NULL();
		st = state_alloc(CurrentMemoryContext, kind, scale_max);
	}
	else
	{
		st = skpi_state_for_update(fcinfo, 0, t);
		if (st->scale_max != scale_max)
		{
			/* a state holding no response yet takes the first scored row's scale */
			if (sign > 0 && skpi_score_total(st) == 0)
				st = state_alloc(CurrentMemoryContext, kind, scale_max);
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s scale changed within one aggregate: 1..%d, then 1..%d",
								skpi_score_kind_name(kind), st->scale_max, scale_max),
						 errhint("Aggregate each scale separately, or convert the scores first.")));
		}
	}

	slot = &st->counts[score - min];
	if (sign > 0)
	{
		if (*slot == PG_INT64_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s response count is out of range for type bigint",
							skpi_score_kind_name(kind))));
		(*slot)++;
	}
	else
	{
		/* removing a row that was never added: recompute rather than go wrong */
		if (*slot <= 0)
			PG_RETURN_NULL();
		(*slot)--;
	}
	PG_RETURN_POINTER(st);
}

/* ----------------------------------------------------------------
 * Reading a state
 * ----------------------------------------------------------------
 */

/* count of scores lo..hi as a percentage of all responses; NULL if none */
Datum
skpi_score_pct_range(const SkpiScoreState *st, int lo, int hi, bool *isnull)
{
	int64		n = skpi_score_total(st);

	*isnull = (n == 0);
	if (n == 0)
		return (Datum) 0;
	return skpi_numeric_pct(skpi_score_count_range(st, lo, hi), n);
}

/* mean score; NULL if no responses */
Datum
skpi_score_mean(const SkpiScoreState *st, bool *isnull)
{
	int64		n = skpi_score_total(st);
	Datum		sum = NumericGetDatum(int64_to_numeric(0));
	int			i;

	*isnull = (n == 0);
	if (n == 0)
		return (Datum) 0;
	for (i = 0; i < SKPI_SCORE_NPOINTS(st); i++)
	{
		Datum		term;

		if (st->counts[i] == 0 || st->scale_min + i == 0)
			continue;
		term = DirectFunctionCall2(numeric_mul,
								   NumericGetDatum(int64_to_numeric(st->counts[i])),
								   NumericGetDatum(int64_to_numeric(st->scale_min + i)));
		sum = DirectFunctionCall2(numeric_add, sum, term);
	}
	return skpi_numeric_div(sum, n);
}

Datum
skpi_score_counts_array(const SkpiScoreState *st)
{
	int			n = SKPI_SCORE_NPOINTS(st);
	Datum	   *elems = palloc(sizeof(Datum) * n);
	int			i;

	for (i = 0; i < n; i++)
		elems[i] = Int64GetDatum(st->counts[i]);
	return PointerGetDatum(construct_array(elems, n, INT8OID, sizeof(int64),
										   FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}
