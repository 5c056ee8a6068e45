/*
 * values_state.c
 *		The "values" state behind exact percentiles (see values_state.h).
 *
 * Memory: inside an aggregate the state is an expanded object (see below)
 * owning one flat block that grows by doubling with repalloc.  The values
 * are bounded by support_kpi.exact_max_values; the tree layout costs 24
 * bytes per value instead of 8, but only ever holds a window frame, and
 * never leaves the aggregate: flattening a tree gives the flat layout of its
 * values, so a tree read from outside is corrupt by definition.
 *
 * Errors: 22003 out-of-range values or percentiles, 22004 NULL percentile,
 * 22023 rows or states asking for different percentiles, 54000 too many
 * values, 22P02 / 22P03 malformed text / binary input, XX001 corrupted
 * stored states.  Never a crash: every length and index read from outside is
 * checked before use.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/expandeddatum.h"
#include "common/pg_prng.h"
#include "common/shortest_dec.h"
#include "utils/float.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "durations.h"
#include "textparse.h"
#include "values_state.h"

int			skpi_exact_max_values = 50000000;

/* largest counts the two layouts can hold in one allocation */
#define FLAT_MAX_ALLOC	((int64) ((MaxAllocSize - SKPI_VALUES_HDRSZ) / sizeof(double)))
#define TREE_MAX_ALLOC	((int64) ((MaxAllocSize - SKPI_VALUES_HDRSZ) / sizeof(SkpiTreapNode)) - 1)

void
skpi_values_define_guc(void)
{
	DefineCustomIntVariable("support_kpi.exact_max_values",
							"Most values one exact-percentile aggregate state may hold.",
							"Exact percentiles keep every value (8 bytes each); past this "
							"number the aggregate fails instead of exhausting memory. "
							"duration_agg() sketches have a bounded size.",
							&skpi_exact_max_values,
							50000000, 1, (int) FLAT_MAX_ALLOC,
							PGC_USERSET, 0, NULL, NULL, NULL);
}

#define NODES(st) ((SkpiTreapNode *) (st)->data)

static void
values_corrupted(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupted duration_values value")));
}

static Size
values_size(uint8 kind, int64 capacity)
{
	return SKPI_VALUES_HDRSZ +
		(Size) capacity * (kind == SKPI_VALUES_TREE ? sizeof(SkpiTreapNode) : sizeof(double));
}

static void too_many_values(int64 limit) pg_attribute_noreturn();
static void tree_values(const SkpiValuesState *st, double *out);
static void tree_insert(SkpiValuesState *st, double v);

/*
 * Header checks of a state from outside the aggregate.  Only the flat layout
 * ever leaves an aggregate (a tree is flattened to its values in order), so
 * a tree here is corrupt: its node links are never trusted.
 */
static void
values_check_header(const SkpiValuesState *st)
{
	if (VARSIZE(st) < SKPI_VALUES_HDRSZ ||
		st->version != SKPI_VALUES_VERSION ||
		st->kind != SKPI_VALUES_FLAT ||
		st->npct > SKPI_VALUES_MAX_PCTS || st->is_array > 1 ||
		(!st->is_array && st->npct != 1) ||
		st->count < 0 || st->capacity < st->count ||
		st->capacity > FLAT_MAX_ALLOC ||
		VARSIZE(st) != values_size(st->kind, st->capacity) ||
		st->root != 0 || st->free_list != 0)
		values_corrupted();
}

SkpiValuesState *
skpi_values_getarg(FunctionCallInfo fcinfo, int argno)
{
	SkpiValuesState *st = (SkpiValuesState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	values_check_header(st);
	return st;
}

static SkpiValuesState *
values_alloc(uint8 kind, int64 capacity, const SkpiValuesState *params)
{
	SkpiValuesState *st;

	if (kind == SKPI_VALUES_TREE)
		capacity++;				/* node 0 is the empty tree */
	st = palloc0(values_size(kind, capacity));
	SET_VARSIZE(st, values_size(kind, capacity));
	st->version = SKPI_VALUES_VERSION;
	st->kind = kind;
	st->capacity = capacity;
	if (params)
	{
		st->npct = params->npct;
		st->is_array = params->is_array;
		memcpy(st->pct, params->pct, sizeof(st->pct));
	}
	return st;
}

static void
not_in_aggregate(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("duration_values transition function called in non-aggregate context")));
}

/*
 * More values than a state may hold: limit is the bound that was hit.  It is
 * support_kpi.exact_max_values, or, in a window's order-statistics tree (24
 * bytes a value), the most one allocation of MaxAllocSize (1 GB) holds,
 * about 44.7 million values, which raising the setting cannot move.  Text
 * and binary input apply the same bounds (soft errors where escontext asks
 * for them); returns false after a soft error.
 */
static bool
values_limit_error(Node *escontext, int64 limit)
{
	if (limit < skpi_exact_max_values)
		ereturn(escontext, false,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many values for an exact percentile over a moving window frame: more than " INT64_FORMAT,
						limit),
				 errdetail("A moving frame keeps its values in an order-statistics tree of 24 bytes a value, "
						   "and one allocation holds at most 1 GB: the frame reached that bound "
						   "before support_kpi.exact_max_values (%d).", skpi_exact_max_values),
				 errhint("Use a shorter frame (ROWS or RANGE ... PRECEDING), or duration_agg() and "
						 "duration_percentile(), whose size does not grow with the rows.")));
	if ((int64) skpi_exact_max_values < FLAT_MAX_ALLOC)
		ereturn(escontext, false,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many values for an exact percentile: more than %d",
						skpi_exact_max_values),
				 errdetail("support_kpi.exact_max_values bounds the values one exact percentile state holds."),
				 errhint("Raise support_kpi.exact_max_values (each value takes 8 bytes; at most " INT64_FORMAT
						 "), or use duration_agg() and duration_percentile(), whose size does not grow with the rows.",
						 FLAT_MAX_ALLOC)));
	ereturn(escontext, false,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("too many values for an exact percentile: more than %d",
					skpi_exact_max_values),
			 errdetail("That is the most one allocation of 1 GB holds, and the largest value of support_kpi.exact_max_values."),
			 errhint("Use duration_agg() and duration_percentile(), whose size does not grow with the rows.")));
}

static void
too_many_values(int64 limit)
{
	values_limit_error(NULL, limit);
	pg_unreachable();
}

/* ---- the state inside an aggregate: an expanded object ---- */

/*
 * Inside an aggregate the state is an expanded object (utils/expandeddatum.h)
 * owning a flat state with spare capacity: the executor keeps a read-write
 * expanded transition value whose memory context hangs off the aggregate
 * context as it is, without copying it, so the state grows by repalloc (no
 * copy of the values on most platforms) instead of being copied whole at
 * every growth.  Wherever PostgreSQL needs the value as a datum (a parallel
 * worker's result, a copy) it is flattened to a plain duration_values,
 * trimmed to its values.
 */
typedef struct SkpiValuesExpanded
{
	ExpandedObjectHeader hdr;
	SkpiValuesState *st;		/* flat state with spare capacity, in hdr.eoh_context */
} SkpiValuesExpanded;

static Size
values_flat_size(const SkpiValuesState *st)
{
	/* trimmed to its values; a tree becomes a flat state of its values */
	return values_size(SKPI_VALUES_FLAT, st->count);
}

static Size
values_get_flat_size(ExpandedObjectHeader *eohptr)
{
	return values_flat_size(((SkpiValuesExpanded *) eohptr)->st);
}

static void
values_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	const SkpiValuesState *st = ((SkpiValuesExpanded *) eohptr)->st;
	SkpiValuesState *flat = (SkpiValuesState *) result;
	Size		size = values_flat_size(st);

	Assert(allocated_size == size);
	memcpy(flat, st, SKPI_VALUES_HDRSZ);
	SET_VARSIZE(flat, size);
	flat->kind = SKPI_VALUES_FLAT;
	flat->root = 0;
	flat->free_list = 0;
	flat->capacity = st->count;
	if (st->kind == SKPI_VALUES_FLAT)
		memcpy(flat->data, st->data, sizeof(double) * st->count);
	else
		tree_values(st, flat->data);
}

static const ExpandedObjectMethods values_methods = {
	values_get_flat_size,
	values_flatten_into
};

/* an expanded object in (a child of) the aggregate's context holding st's copy */
static SkpiValuesExpanded *
values_expand(MemoryContext parent, const SkpiValuesState *src)
{
	MemoryContext objcxt = AllocSetContextCreate(parent, "duration_values",
												 ALLOCSET_START_SMALL_SIZES);
	SkpiValuesExpanded *eo = MemoryContextAlloc(objcxt, sizeof(SkpiValuesExpanded));

	EOH_init_header(&eo->hdr, &values_methods, objcxt);
	eo->st = MemoryContextAlloc(objcxt, VARSIZE(src));
	memcpy(eo->st, src, VARSIZE(src));
	return eo;
}

static void values_reserve(SkpiValuesExpanded *eo, int64 need);

/*
 * The state argument argno of a transition or combine call, as our
 * read-write expanded object (converted from a flat value when needed: as a
 * tree when as_tree, i.e. in a window).
 */
static SkpiValuesExpanded *
values_for_update(FunctionCallInfo fcinfo, int argno, MemoryContext aggcontext,
				  bool as_tree)
{
	Datum		d = PG_GETARG_DATUM(argno);
	SkpiValuesState *flat;
	SkpiValuesState *tree;
	SkpiValuesExpanded *eo;
	int64		i;

	if (VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d);

		if (eoh->eoh_methods == &values_methods)
			return (SkpiValuesExpanded *) eoh;
	}
	flat = skpi_values_getarg(fcinfo, argno);
	if (!as_tree)
		return values_expand(aggcontext, flat);
	tree = values_alloc(SKPI_VALUES_TREE, 0, flat);
	eo = values_expand(aggcontext, tree);
	values_reserve(eo, flat->count);
	for (i = 0; i < flat->count; i++)
	{
		tree_insert(eo->st, flat->data[i]);
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
	}
	return eo;
}

/* room in eo's state for at least need values (tree: nodes besides 0) */
static void
values_reserve(SkpiValuesExpanded *eo, int64 need)
{
	SkpiValuesState *st = eo->st;
	bool		tree = st->kind == SKPI_VALUES_TREE;
	int64		limit = Min((int64) skpi_exact_max_values, tree ? TREE_MAX_ALLOC : FLAT_MAX_ALLOC);
	int64		have = tree ? st->capacity - 1 : st->capacity;
	int64		cap;

	if (need <= have)
		return;
	if (need > limit)
		too_many_values(limit);
	cap = Min(Max(Max(have * 2, 16), need), limit);
	if (tree)
		cap++;
	st = repalloc(st, values_size(st->kind, cap));
	SET_VARSIZE(st, values_size(st->kind, cap));
	st->capacity = cap;
	eo->st = st;
}

/* ---- the treap (order-statistics tree in an array) ---- */

static inline void
tree_update(SkpiTreapNode *n, int32 t)
{
	n[t].size = 1 + n[n[t].left].size + n[n[t].right].size;
}

static int32
tree_merge(SkpiTreapNode *n, int32 a, int32 b)
{
	check_stack_depth();
	if (a == 0)
		return b;
	if (b == 0)
		return a;
	if (n[a].prio > n[b].prio)
	{
		n[a].right = tree_merge(n, n[a].right, b);
		tree_update(n, a);
		return a;
	}
	n[b].left = tree_merge(n, a, n[b].left);
	tree_update(n, b);
	return b;
}

/* split t into values < v (or <= v with or_equal) and the rest */
static void
tree_split(SkpiTreapNode *n, int32 t, double v, bool or_equal, int32 *a, int32 *b)
{
	check_stack_depth();
	if (t == 0)
	{
		*a = *b = 0;
		return;
	}
	if (n[t].v < v || (or_equal && n[t].v == v))
	{
		tree_split(n, n[t].right, v, or_equal, &n[t].right, b);
		*a = t;
	}
	else
	{
		tree_split(n, n[t].left, v, or_equal, a, &n[t].left);
		*b = t;
	}
	tree_update(n, t);
}

/* insert v; the caller made room */
static void
tree_insert(SkpiValuesState *st, double v)
{
	SkpiTreapNode *n = NODES(st);
	int32		x,
				a,
				b;

	if (st->free_list != 0)
	{
		x = st->free_list;
		st->free_list = n[x].left;
	}
	else
		x = (int32) (st->count + 1);	/* no free node: nodes 1..count are used */
	n[x].v = v;
	n[x].left = n[x].right = 0;
	n[x].size = 1;
	/*
	 * Random priorities balance the tree whatever the order of the values;
	 * drawn from the backend's generator, no input can be crafted to make
	 * it degenerate (the results never depend on them).
	 */
	n[x].prio = pg_prng_uint32(&pg_global_prng_state);
	tree_split(n, st->root, v, false, &a, &b);
	st->root = tree_merge(n, tree_merge(n, a, x), b);
	st->count++;
}

/* remove one value equal to v; false if there is none */
static bool
tree_delete(SkpiValuesState *st, double v)
{
	SkpiTreapNode *n = NODES(st);
	int32		a,
				m,
				b,
				x;

	tree_split(n, st->root, v, false, &a, &m);
	tree_split(n, m, v, true, &m, &b);
	if (m == 0)
	{
		st->root = tree_merge(n, a, b);
		return false;
	}
	x = m;
	m = tree_merge(n, n[x].left, n[x].right);
	n[x].left = st->free_list;
	n[x].right = 0;
	n[x].size = 0;
	st->free_list = x;
	st->root = tree_merge(n, tree_merge(n, a, m), b);
	st->count--;
	return true;
}

/* the k-th smallest value (0-based), k < count */
static double
tree_kth(const SkpiValuesState *st, int64 k)
{
	const SkpiTreapNode *n = NODES(st);
	int32		t = st->root;

	for (;;)
	{
		int32		ls;

		if (t <= 0 || t >= st->capacity)
			values_corrupted();
		ls = n[n[t].left].size;
		if (k < ls)
			t = n[t].left;
		else if (k == ls)
			return n[t].v;
		else
		{
			k -= ls + 1;
			t = n[t].right;
		}
	}
}

/* in-order values of a tree into out[] (count of them) */
static void
tree_values(const SkpiValuesState *st, double *out)
{
	const SkpiTreapNode *n = NODES(st);
	int32	   *stack = palloc(sizeof(int32) * (st->count + 1));
	int64		sp = 0,
				i = 0;
	int32		t = st->root;

	while (t != 0 || sp > 0)
	{
		while (t != 0)
		{
			if (sp > st->count || t < 0 || t >= st->capacity)
				values_corrupted();
			stack[sp++] = t;
			t = n[t].left;
		}
		t = stack[--sp];
		if (i >= st->count)
			values_corrupted();
		out[i++] = n[t].v;
		t = n[t].right;
	}
	if (i != st->count)
		values_corrupted();
	pfree(stack);
}

/* ---- selection on the flat layout ---- */

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return (x < y) ? -1 : (x > y) ? 1 : 0;
}

/*
 * Put the k-th smallest of a[lo..hi] at a[k], smaller before, larger after.
 * Quickselect with a median-of-three pivot, one of the three drawn from the
 * backend's random generator (so no input is bad for every run), expected
 * O(n); should the range still not have shrunk after 2 log2(n) + 16 rounds
 * (adversarial or unlucky input), the rest is sorted: O(n log n) at worst.
 */
static void
select_kth(double *a, int64 lo, int64 hi, int64 k)
{
	int			rounds = 16;
	int64		n;

	for (n = hi - lo + 1; n > 1; n >>= 1)
		rounds += 2;
	while (hi > lo)
	{
		int64		i = lo,
					j = hi,
					r;
		double		x,
					y,
					z,
					pivot;

		CHECK_FOR_INTERRUPTS();
		if (--rounds < 0)
		{
			qsort(a + lo, hi - lo + 1, sizeof(double), cmp_double);
			return;
		}
		r = lo + (int64) pg_prng_uint64_range(&pg_global_prng_state, 0, (uint64) (hi - lo));
		x = a[lo];
		y = a[r];
		z = a[hi];
		pivot = (x < y) ? ((y < z) ? y : (x < z ? z : x)) : ((x < z) ? x : (y < z ? z : y));
		while (i <= j)
		{
			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i <= j)
			{
				double		t = a[i];

				a[i++] = a[j];
				a[j--] = t;
			}
		}
		/* now a[lo..j] <= pivot, a[i..hi] >= pivot, a[j+1..i-1] = pivot */
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

/*
 * The percentile p (0..1) of the state's values, interpolated exactly as
 * percentile_cont() does.  *lo_done is the lowest index whose position is
 * final in a flat array (percentiles are computed in ascending order, each
 * selection then only scans from there).
 *
 * The flat layout is reordered in place by the selection.  The state's value
 * - a multiset - does not change (later transitions append, later final
 * calls select again), which is what the final function's READ_ONLY promise
 * is about; the state is never visible outside the aggregate.
 */
static double
values_percentile(SkpiValuesState *st, double p, int64 *lo_done)
{
	double		rank = p * (double) (st->count - 1);
	int64		first = (int64) floor(rank);
	int64		second = (int64) ceil(rank);
	double		lo,
				hi;

	if (st->kind == SKPI_VALUES_TREE)
	{
		lo = tree_kth(st, first);
		hi = (second == first) ? lo : tree_kth(st, second);
	}
	else
	{
		double	   *a = st->data;
		int64		i;

		select_kth(a, *lo_done, st->count - 1, first);
		*lo_done = first;
		lo = a[first];
		hi = lo;
		if (second != first)
		{
			/* the next value up: the least of those after the k-th */
			hi = a[second];
			for (i = second + 1; i < st->count; i++)
				if (a[i] < hi)
					hi = a[i];
		}
	}
	if (second == first)
		return lo;
	return lo + (rank - (double) first) * (hi - lo);
}

/* ---- percentiles requested by a row ---- */

static void
check_percentile(double p)
{
	if (isnan(p) || p < 0.0 || p > 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("percentile value %g is not between 0 and 1", p)));
}

static void
percentile_mismatch(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("every row of an exact percentile must ask for the same percentile"),
			 errhint("The percentile argument is a constant of the query, like percentile_cont's.")));
}

/*
 * The percentiles a row asks for.  For array arguments the parsed array is
 * cached per call site with a copy of its bytes: a row asking for the same
 * percentiles (compared byte for byte, not by address) is not parsed again.
 */
typedef struct PctRequest
{
	ArrayType  *last;			/* copy of the array parsed last, or NULL */
	uint8		npct;
	uint8		is_array;
	double		pct[SKPI_VALUES_MAX_PCTS];
} PctRequest;

static void
parse_pct_array(ArrayType *arr, PctRequest *req)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("percentiles must be a one-dimensional array")));
	deconstruct_array(arr, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, &n);
	if (n > SKPI_VALUES_MAX_PCTS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("at most %d percentiles can be asked for at once, not %d",
						SKPI_VALUES_MAX_PCTS, n)));
	memset(req->pct, 0, sizeof(req->pct));
	for (i = 0; i < n; i++)
	{
		if (nulls[i])
			req->pct[i] = get_float8_nan();
		else
		{
			req->pct[i] = DatumGetFloat8(elems[i]);
			check_percentile(req->pct[i]);
		}
	}
	req->npct = (uint8) n;
	req->is_array = 1;
}

static const PctRequest *
row_request(FunctionCallInfo fcinfo, int argno, SkpiPctMode mode, PctRequest *local)
{
	if (mode == SKPI_PCT_MEDIAN)
	{
		memset(local, 0, sizeof(*local));
		local->npct = 1;
		local->pct[0] = 0.5;
		return local;
	}
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("percentile must not be NULL")));
	if (mode == SKPI_PCT_SCALAR)
	{
		memset(local, 0, sizeof(*local));
		local->npct = 1;
		local->pct[0] = PG_GETARG_FLOAT8(argno);
		check_percentile(local->pct[0]);
		return local;
	}
	else
	{
		PctRequest *cache = (PctRequest *) fcinfo->flinfo->fn_extra;
		ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(argno);

		if (cache == NULL)
		{
			cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(PctRequest));
			fcinfo->flinfo->fn_extra = cache;
		}
		else if (cache->last != NULL && VARSIZE(cache->last) == VARSIZE(arr) &&
				 memcmp(cache->last, arr, VARSIZE(arr)) == 0)
			return cache;
		if (cache->last != NULL)
			pfree(cache->last);
		cache->last = NULL;		/* invalid until parsed */
		parse_pct_array(arr, cache);
		cache->last = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, VARSIZE(arr));
		memcpy(cache->last, arr, VARSIZE(arr));
		return cache;
	}
}

static bool
same_request(const SkpiValuesState *st, const PctRequest *req)
{
	return st->npct == req->npct && st->is_array == req->is_array &&
		memcmp(st->pct, req->pct, sizeof(double) * req->npct) == 0;
}

/* ---- the value a row brings ---- */

static bool
row_value(FunctionCallInfo fcinfo, SkpiValueForm form, double *v)
{
	switch (form)
	{
		case SKPI_FORM_TIMESTAMPS:
			if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
				return false;
			*v = SKPI_US_TO_SECONDS(skpi_timestamps_us(PG_GETARG_TIMESTAMPTZ(1),
													   PG_GETARG_TIMESTAMPTZ(2),
													   "opened_at", "resolved_at"));
			return true;
		case SKPI_FORM_INTERVAL:
			if (PG_ARGISNULL(1))
				return false;
			*v = SKPI_US_TO_SECONDS(skpi_interval_us(PG_GETARG_INTERVAL_P(1), "duration"));
			return true;
		case SKPI_FORM_SECONDS:
			if (PG_ARGISNULL(1))
				return false;
			*v = PG_GETARG_FLOAT8(1);
			/* the checked path raises the errors of every duration in seconds */
			if (unlikely(!(*v >= 0.0 && *v < 9.0e12)))
				(void) skpi_seconds_us_slow(*v, "duration");	/* errors */
			return true;
	}
	return false;
}

/* ---- transitions ---- */

/* values a grouped state keeps as a plain value before it becomes expanded */
#define VALUES_SMALL_MAX 1024

Datum
skpi_values_transition(FunctionCallInfo fcinfo, SkpiValueForm form, SkpiPctMode mode,
					   int op)
{
	MemoryContext aggcontext;
	int			aggkind = AggCheckCallContext(fcinfo, &aggcontext);
	int			pct_arg = form == SKPI_FORM_TIMESTAMPS ? 3 : 2;
	PctRequest	local;
	const PctRequest *req;
	SkpiValuesState *st;
	SkpiValuesExpanded *eo;
	double		v = 0.0;
	bool		has_value;

	if (aggkind == 0)
		not_in_aggregate();
	req = row_request(fcinfo, pct_arg, mode, &local);
	has_value = row_value(fcinfo, form, &v);

	/*
	 * A grouped aggregate keeps small groups as a plain value (grown by
	 * doubling: a new value that the executor copies into the aggregate
	 * context): an expanded object has its own memory context, and a hash
	 * aggregate walks every context of its groups each time it creates one,
	 * which would make many small groups quadratic.  Past VALUES_SMALL_MAX
	 * values the state becomes an expanded object that grows in place.
	 */
	if (op == 0 && aggkind == AGG_CONTEXT_AGGREGATE &&
		(PG_ARGISNULL(0) || !VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(PG_GETARG_DATUM(0)))))
	{
		if (PG_ARGISNULL(0))
		{
			if (!has_value)
				PG_RETURN_NULL();
			st = values_alloc(SKPI_VALUES_FLAT, 16, NULL);
			st->npct = req->npct;
			st->is_array = req->is_array;
			memcpy(st->pct, req->pct, sizeof(double) * req->npct);
		}
		else
		{
			st = skpi_values_getarg(fcinfo, 0);
			if (!same_request(st, req))
				percentile_mismatch();
			if (!has_value)
				PG_RETURN_POINTER(st);
		}
		if (st->count >= skpi_exact_max_values)
			too_many_values(skpi_exact_max_values);
		if (st->count < st->capacity)
		{
			st->data[st->count++] = v;	/* the aggregate's own state: in place */
			PG_RETURN_POINTER(st);
		}
		if (st->capacity < VALUES_SMALL_MAX)
		{
			SkpiValuesState *grown = values_alloc(SKPI_VALUES_FLAT, st->capacity * 2, st);

			memcpy(grown->data, st->data, sizeof(double) * st->count);
			grown->count = st->count;
			grown->data[grown->count++] = v;
			PG_RETURN_POINTER(grown);
		}
	}

	if (!PG_ARGISNULL(0))
	{
		eo = values_for_update(fcinfo, 0, aggcontext,
							   aggkind == AGG_CONTEXT_WINDOW || op != 0);
		if (!same_request(eo->st, req))
			percentile_mismatch();
	}
	else if (op < 0)
		PG_RETURN_NULL();		/* nothing to take a row from: recompute */
	else if (has_value || op > 0)
	{
		/* window calls (moving or not) get the tree: O(log n) finals */
		SkpiValuesState *fresh = values_alloc(aggkind == AGG_CONTEXT_WINDOW || op > 0 ?
											  SKPI_VALUES_TREE : SKPI_VALUES_FLAT, 0, NULL);

		fresh->npct = req->npct;
		fresh->is_array = req->is_array;
		memcpy(fresh->pct, req->pct, sizeof(double) * req->npct);
		eo = values_expand(aggcontext, fresh);
	}
	else
		PG_RETURN_NULL();		/* no value yet: the state stays NULL */

	if (has_value)
	{
		if (op < 0)
		{
			if (eo->st->kind != SKPI_VALUES_TREE || !tree_delete(eo->st, v))
				PG_RETURN_NULL();	/* not a value of this frame: recompute */
		}
		else if (eo->st->kind == SKPI_VALUES_TREE)
		{
			values_reserve(eo, eo->st->count + 1);
			tree_insert(eo->st, v);
		}
		else
		{
			st = eo->st;
			if (unlikely(st->count >= st->capacity))
			{
				values_reserve(eo, st->count + 1);
				st = eo->st;
			}
			st->data[st->count++] = v;
		}
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&eo->hdr));
}

/* combine: concatenation (parallel workers, flat states only) */
PG_FUNCTION_INFO_V1(skpi_values_combine);
Datum
skpi_values_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	SkpiValuesExpanded *eo;
	SkpiValuesState *a;
	SkpiValuesState *b;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		not_in_aggregate();
	b = skpi_values_getarg(fcinfo, 1);
	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(PG_GETARG_DATUM(0))))
	{
		/* small merged groups stay plain values too (see the transition) */
		a = skpi_values_getarg(fcinfo, 0);
		if (a->npct != b->npct || a->is_array != b->is_array ||
			memcmp(a->pct, b->pct, sizeof(double) * b->npct) != 0)
			percentile_mismatch();
		if (a->count + b->count <= VALUES_SMALL_MAX)
		{
			SkpiValuesState *m;

			if (a->count + b->count > skpi_exact_max_values)
				too_many_values(skpi_exact_max_values);
			if (a->count + b->count <= a->capacity)
				m = a;			/* the aggregate's own state: in place */
			else
			{
				m = values_alloc(SKPI_VALUES_FLAT, a->count + b->count, a);
				memcpy(m->data, a->data, sizeof(double) * a->count);
				m->count = a->count;
			}
			memcpy(m->data + m->count, b->data, sizeof(double) * b->count);
			m->count += b->count;
			PG_RETURN_POINTER(m);
		}
	}
	eo = values_for_update(fcinfo, 0, aggcontext, false);
	a = eo->st;
	if (a->kind != SKPI_VALUES_FLAT || b->kind != SKPI_VALUES_FLAT)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("duration_values of a window frame cannot be merged")));
	if (a->npct != b->npct || a->is_array != b->is_array ||
		memcmp(a->pct, b->pct, sizeof(double) * b->npct) != 0)
		percentile_mismatch();
	if (b->count > 0)
	{
		values_reserve(eo, a->count + b->count);
		a = eo->st;
		memcpy(a->data + a->count, b->data, sizeof(double) * b->count);
		a->count += b->count;
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&eo->hdr));
}

/* ---- final functions ---- */

/*
 * The state a final function may select in: the aggregate's own, or - when
 * called directly on a stored value, which may point into a shared buffer -
 * a private copy.
 */
static SkpiValuesState *
final_state(FunctionCallInfo fcinfo)
{
	SkpiValuesState *st;
	Datum		d = PG_GETARG_DATUM(0);

	if (AggCheckCallContext(fcinfo, NULL) == 0)
	{
		/* flattens an expanded value too */
		st = (SkpiValuesState *) PG_DETOAST_DATUM_COPY(d);
		values_check_header(st);
		return st;
	}
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &values_methods)
		return ((SkpiValuesExpanded *) DatumGetEOHP(d))->st;
	st = (SkpiValuesState *) PG_GETARG_POINTER(0);
	if (VARATT_IS_EXTENDED(st))
		return skpi_values_getarg(fcinfo, 0);	/* a private copy */
	values_check_header(st);
	return st;
}

PG_FUNCTION_INFO_V1(skpi_values_final);
Datum
skpi_values_final(PG_FUNCTION_ARGS)
{
	SkpiValuesState *st;
	int64		lo_done = 0;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = final_state(fcinfo);
	if (st->count == 0 || st->is_array)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(values_percentile(st, st->pct[0], &lo_done));
}

static int
cmp_pct_index(const void *a, const void *b, void *arg)
{
	const double *pct = (const double *) arg;
	double		x = pct[*(const int *) a];
	double		y = pct[*(const int *) b];

	return (x < y) ? -1 : (x > y) ? 1 : 0;
}

PG_FUNCTION_INFO_V1(skpi_values_final_array);
Datum
skpi_values_final_array(PG_FUNCTION_ARGS)
{
	SkpiValuesState *st;
	Datum		out[SKPI_VALUES_MAX_PCTS];
	bool		nulls[SKPI_VALUES_MAX_PCTS];
	int			order[SKPI_VALUES_MAX_PCTS];
	int			n = 0,
				i;
	int64		lo_done = 0;
	int			dims[1];
	int			lbs[1] = {1};

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = final_state(fcinfo);
	if (st->count == 0 || !st->is_array)
		PG_RETURN_NULL();
	/* ascending order of percentiles: each selection starts where the last ended */
	for (i = 0; i < st->npct; i++)
	{
		nulls[i] = isnan(st->pct[i]);
		if (!nulls[i])
			order[n++] = i;
	}
	qsort_arg(order, n, sizeof(int), cmp_pct_index, st->pct);
	for (i = 0; i < n; i++)
		out[order[i]] = Float8GetDatum(values_percentile(st, st->pct[order[i]], &lo_done));
	for (i = 0; i < st->npct; i++)
		if (nulls[i])
			out[i] = (Datum) 0;
	dims[0] = st->npct;
	if (st->npct == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(FLOAT8OID));
	PG_RETURN_ARRAYTYPE_P(construct_md_array(out, nulls, 1, dims, lbs, FLOAT8OID,
											 sizeof(float8), FLOAT8PASSBYVAL,
											 TYPALIGN_DOUBLE));
}

/* ---- text form: {"version":1,"percentiles":[0.5],"array":false,"values":[...]} ---- */

/* shortest exact decimal, whatever extra_float_digits says */
static void
append_double(StringInfo buf, double v)
{
	char		s[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(v, s);
	appendStringInfoString(buf, s);
}

/* the values to print or send: a flat state's as stored, a tree's in order */
static const double *
values_in_order(const SkpiValuesState *st)
{
	double	   *sorted;

	if (st->kind != SKPI_VALUES_TREE)
		return st->data;
	sorted = palloc(sizeof(double) * Max(st->count, 1));
	tree_values(st, sorted);
	return sorted;
}

PG_FUNCTION_INFO_V1(skpi_values_out);
Datum
skpi_values_out(PG_FUNCTION_ARGS)
{
	SkpiValuesState *st = skpi_values_getarg(fcinfo, 0);
	StringInfoData buf;
	const double *vals = values_in_order(st);
	int64		i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"version\":%d,\"percentiles\":[", SKPI_VALUES_VERSION);
	for (i = 0; i < st->npct; i++)
	{
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		if (isnan(st->pct[i]))
			appendStringInfoString(&buf, "null");
		else
			append_double(&buf, st->pct[i]);
	}
	appendStringInfo(&buf, "],\"array\":%s,\"values\":[", st->is_array ? "true" : "false");
	for (i = 0; i < st->count; i++)
	{
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		append_double(&buf, vals[i]);
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	appendStringInfoString(&buf, "]}");
	PG_RETURN_CSTRING(buf.data);
}

/*
 * A plain decimal number: -?digits[.digits][e[+-]digits], as float8out
 * prints finite values; no NaN or Infinity, no hex.  "null" gives NaN when
 * allow_null.
 */
static bool
text_double(TextParser *tp, double *v, bool allow_null)
{
	const char *s;
	char	   *end;
	char		num[64];
	int			len;

	skpi_text_skip_ws(tp);
	s = tp->p;
	if (allow_null && strncmp(s, "null", 4) == 0)
	{
		tp->p += 4;
		*v = get_float8_nan();
		return true;
	}
	if (*tp->p == '-')
		tp->p++;
	if (!(*tp->p >= '0' && *tp->p <= '9'))
		return skpi_text_error(tp, "Expected a number.");
	while ((*tp->p >= '0' && *tp->p <= '9') || *tp->p == '.' || *tp->p == 'e' ||
		   *tp->p == 'E' ||
		   ((*tp->p == '+' || *tp->p == '-') && (tp->p[-1] == 'e' || tp->p[-1] == 'E')))
		tp->p++;
	len = (int) (tp->p - s);
	if (len >= (int) sizeof(num))
		return skpi_text_error(tp, "A number is too long.");
	memcpy(num, s, len);
	num[len] = '\0';
	errno = 0;
	*v = strtod(num, &end);
	/* as float8in: ERANGE is fine for a subnormal, not for 0 or infinity */
	if (*end != '\0' || isnan(*v) || isinf(*v) ||
		(errno != 0 && !(errno == ERANGE && *v != 0.0)))
		return skpi_text_error(tp, "Expected a finite number.");
	return true;
}

/* the checks of a state built from outside (text or binary) */
static const char *
values_invalid(const SkpiValuesState *st)
{
	int			i;
	int64		j;

	if (!st->is_array && st->npct != 1)
		return "A single percentile is expected when \"array\" is false.";
	for (i = 0; i < st->npct; i++)
		if (!isnan(st->pct[i]) && (st->pct[i] < 0.0 || st->pct[i] > 1.0))
			return "A percentile is not between 0 and 1.";
		else if (isnan(st->pct[i]) && !st->is_array)
			return "A single percentile cannot be null.";
	for (j = 0; j < st->count; j++)
		if (!(st->data[j] >= 0.0 && st->data[j] < SKPI_VALUES_MAX_SECONDS))
			return "A value is negative or out of range.";
	return NULL;
}

PG_FUNCTION_INFO_V1(skpi_values_in);
Datum
skpi_values_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	Node	   *escontext = fcinfo->context;
	TextParser	tp;
	SkpiValuesState hdr;
	SkpiValuesState *st;
	int			version;
	int64		cap = 16;
	double	   *vals;
	int64		n = 0;
	const char *bad;
	char		key[32];
	bool		seen[4] = {false, false, false, false};

	memset(&hdr, 0, sizeof(hdr));
	vals = palloc(sizeof(double) * cap);
	skpi_text_init(&tp, input, "duration_values", escontext);
	if (!skpi_text_expect(&tp, '{'))
		PG_RETURN_NULL();
	do
	{
		int			which;

		if (!skpi_text_word(&tp, key, sizeof(key)) || !skpi_text_expect(&tp, ':'))
			PG_RETURN_NULL();
		which = strcmp(key, "version") == 0 ? 0 : strcmp(key, "percentiles") == 0 ? 1 :
			strcmp(key, "array") == 0 ? 2 : strcmp(key, "values") == 0 ? 3 : -1;
		if (which < 0 || seen[which])
		{
			skpi_text_error(&tp, which < 0 ? "Unknown key." : "A key appears twice.");
			PG_RETURN_NULL();
		}
		seen[which] = true;
		if (which == 0)
		{
			if (!skpi_text_small_int(&tp, "version", &version))
				PG_RETURN_NULL();
			if (version != SKPI_VALUES_VERSION)
			{
				skpi_text_error(&tp, "Unsupported version.");
				PG_RETURN_NULL();
			}
		}
		else if (which == 1)
		{
			if (!skpi_text_expect(&tp, '['))
				PG_RETURN_NULL();
			if (!skpi_text_accept(&tp, ']'))
			{
				do
				{
					if (hdr.npct >= SKPI_VALUES_MAX_PCTS)
					{
						skpi_text_error(&tp, "Too many percentiles.");
						PG_RETURN_NULL();
					}
					if (!text_double(&tp, &hdr.pct[hdr.npct++], true))
						PG_RETURN_NULL();
				} while (skpi_text_accept(&tp, ','));
				if (!skpi_text_expect(&tp, ']'))
					PG_RETURN_NULL();
			}
		}
		else if (which == 2)
		{
			bool		is_array;

			if (!skpi_text_bool(&tp, &is_array))
				PG_RETURN_NULL();
			hdr.is_array = is_array ? 1 : 0;
		}
		else
		{
			if (!skpi_text_expect(&tp, '['))
				PG_RETURN_NULL();
			if (!skpi_text_accept(&tp, ']'))
			{
				do
				{
					/* every value counts against the limit, as in the aggregate */
					if (n >= skpi_exact_max_values)
					{
						values_limit_error(fcinfo->context, skpi_exact_max_values);
						PG_RETURN_NULL();
					}
					if (n >= cap)
					{
						cap = Min(cap * 2, (int64) skpi_exact_max_values);
						vals = repalloc_huge(vals, sizeof(double) * cap);
					}
					if (!text_double(&tp, &vals[n++], false))
						PG_RETURN_NULL();
					/* a big text value takes seconds to read */
					if ((n & 0xFFFF) == 0)
						CHECK_FOR_INTERRUPTS();
				} while (skpi_text_accept(&tp, ','));
				if (!skpi_text_expect(&tp, ']'))
					PG_RETURN_NULL();
			}
		}
	} while (skpi_text_accept(&tp, ','));
	if (!skpi_text_end(&tp))
		PG_RETURN_NULL();
	if (!seen[0] || !seen[1] || !seen[2] || !seen[3])
	{
		skpi_text_error(&tp, "Keys version, percentiles, array and values are required.");
		PG_RETURN_NULL();
	}
	st = values_alloc(SKPI_VALUES_FLAT, n, &hdr);
	st->count = n;
	memcpy(st->data, vals, sizeof(double) * n);
	if ((bad = values_invalid(st)) != NULL)
	{
		skpi_text_error(&tp, bad);
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(st);
}

/*
 * Binary form: version (1 byte), array flag (1), percentile count (1), the
 * percentiles (float8 each, NaN for NULL), value count (int64), the values
 * (float8 each).  A tree sends its values in order, as a flat state.
 */
PG_FUNCTION_INFO_V1(skpi_values_send);
Datum
skpi_values_send(PG_FUNCTION_ARGS)
{
	SkpiValuesState *st = skpi_values_getarg(fcinfo, 0);
	StringInfoData buf;
	const double *vals = values_in_order(st);
	int64		i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, SKPI_VALUES_VERSION);
	pq_sendbyte(&buf, st->is_array);
	pq_sendbyte(&buf, st->npct);
	for (i = 0; i < st->npct; i++)
		pq_sendfloat8(&buf, st->pct[i]);
	pq_sendint64(&buf, st->count);
	for (i = 0; i < st->count; i++)
		pq_sendfloat8(&buf, vals[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
recv_error(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary duration_values value"),
			 errdetail("%s", detail)));
}

PG_FUNCTION_INFO_V1(skpi_values_recv);
Datum
skpi_values_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	SkpiValuesState hdr;
	SkpiValuesState *st;
	int64		n,
				i;
	const char *bad;

	memset(&hdr, 0, sizeof(hdr));
	if (buf->len - buf->cursor < 3)
		recv_error("The value is truncated.");
	if (pq_getmsgbyte(buf) != SKPI_VALUES_VERSION)
		recv_error("Unsupported version.");
	hdr.is_array = (uint8) pq_getmsgbyte(buf);
	hdr.npct = (uint8) pq_getmsgbyte(buf);
	if (hdr.is_array > 1 || hdr.npct > SKPI_VALUES_MAX_PCTS)
		recv_error("Bad percentile header.");
	if (buf->len - buf->cursor < (int) (8 * hdr.npct + 8))
		recv_error("The value is truncated.");
	for (i = 0; i < hdr.npct; i++)
		hdr.pct[i] = pq_getmsgfloat8(buf);
	n = pq_getmsgint64(buf);
	/* a malformed value first (22P03), then the limit the aggregate applies */
	if (n < 0 || (int64) (buf->len - buf->cursor) / 8 != n || (buf->len - buf->cursor) % 8 != 0)
		recv_error("The value count does not match the data.");
	if (n > skpi_exact_max_values)
		too_many_values(skpi_exact_max_values);
	st = values_alloc(SKPI_VALUES_FLAT, n, &hdr);
	st->count = n;
	for (i = 0; i < n; i++)
		st->data[i] = pq_getmsgfloat8(buf);
	for (i = 0; i < hdr.npct; i++)
		if (isnan(hdr.pct[i]) && !hdr.is_array)
			recv_error("A single percentile cannot be null.");
	if ((bad = values_invalid(st)) != NULL)
		recv_error(bad);
	PG_RETURN_POINTER(st);
}
