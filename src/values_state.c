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

/* values a grouped state keeps as a plain (small) value before it becomes expanded */
#define VALUES_SMALL_MAX 1024

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

static Size
values_size(uint8 kind, int64 capacity)
{
	return SKPI_VALUES_HDRSZ +
		(Size) capacity * (kind == SKPI_VALUES_TREE ? sizeof(SkpiTreapNode) : sizeof(double));
}

/* size of a small state of npct percentiles and capacity values */
static Size
values_small_size(int npct, int64 capacity)
{
	return SKPI_VALUES_SMALL_HDRSZ(npct) + (Size) capacity * sizeof(double);
}

static void too_many_values(int64 limit) pg_attribute_noreturn();

/*
 * Checks of a stored state (the driver checked the version; the type has
 * two kinds, so the kind is checked here).  Only the flat and small layouts
 * ever leave an aggregate (a tree is flattened to its values in order), so
 * a tree here is corrupt: its node links are never trusted.
 */
static bool
values_stored_ok(const SkpiStateHeader *h)
{
	const SkpiValuesState *st = (const SkpiValuesState *) h;
	int			i;

	if (!((st->kind == SKPI_VALUES_FLAT || st->kind == SKPI_VALUES_SMALL) &&
		  VARSIZE(st) >= SKPI_VALUES_SMALL_HDRSZ(0) &&
		  st->npct <= SKPI_VALUES_MAX_PCTS && st->is_array <= 1 &&
		  (st->is_array || st->npct == 1) &&
		  st->count >= 0 && st->capacity >= st->count &&
		  st->capacity <= FLAT_MAX_ALLOC &&
		  VARSIZE(st) == (st->kind == SKPI_VALUES_SMALL ?
						  values_small_size(st->npct, st->capacity) :
						  values_size(st->kind, st->capacity)) &&
		  st->root == 0 && st->free_list == 0))
		return false;
	/* a percentile out of 0..1 would index outside the values */
	for (i = 0; i < st->npct; i++)
		if (isnan(st->pct[i]) ? !st->is_array : !(st->pct[i] >= 0.0 && st->pct[i] <= 1.0))
			return false;
	return true;
}

static inline SkpiValuesState *
values_getarg(FunctionCallInfo fcinfo, int argno)
{
	return skpi_state_getarg(fcinfo, argno, &skpi_values_type);
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
		/* only npct of them: params may be a small state */
		memcpy(st->pct, params->pct, sizeof(double) * params->npct);
	}
	return st;
}

/*
 * A small state for at least need values asking for the percentiles of
 * params (a state or a request: npct, is_array and pct[] are read), with
 * count values copied from data.  Its capacity fills the allocation's
 * power-of-two chunk (palloc rounds requests up to 8 kB up to one), and is
 * at most VALUES_SMALL_MAX: past 8 kB the state gets a block of its own,
 * of exactly that many values.
 */
static SkpiValuesState *
values_small_alloc(int npct, bool is_array, const double *pct,
				   const double *data, int64 count, int64 need)
{
	Size		hdr = SKPI_VALUES_SMALL_HDRSZ(npct);
	Size		size = 64;
	int64		capacity;
	SkpiValuesState *st;

	Assert(need >= count && need <= VALUES_SMALL_MAX);
	while (size < hdr + sizeof(double) * need)
		size *= 2;
	capacity = (int64) ((size - hdr) / sizeof(double));
	if (capacity > VALUES_SMALL_MAX)
	{
		capacity = VALUES_SMALL_MAX;
		size = values_small_size(npct, capacity);
	}
	st = palloc0(size);			/* spare slots zeroed, as the flat layout's */
	SET_VARSIZE(st, size);
	st->version = SKPI_VALUES_VERSION;
	st->kind = SKPI_VALUES_SMALL;
	st->npct = (uint8) npct;
	st->is_array = is_array ? 1 : 0;
	st->count = count;
	st->capacity = capacity;
	memcpy(st->pct, pct, sizeof(double) * npct);
	if (count > 0)
		memcpy(SKPI_VALUES_DATA(st), data, sizeof(double) * count);
	return st;
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
 *
 * A grouped aggregate's rows append to a flat state through a copy of what
 * an append reads, kept in the object itself (next, end and the percentile
 * asked for): each row then touches the object and the slot it writes, not
 * the state's header as well, which for many large groups is one cache miss
 * less a row.  While next is set, st->count is stale: values_sync() brings
 * it up to date, and every reader of st (values_for_update, the final
 * functions, flattening) calls it first.
 */
typedef struct SkpiValuesExpanded
{
	ExpandedObjectHeader hdr;
	SkpiValuesState *st;		/* flat state with spare capacity, in hdr.eoh_context */
	double	   *next;			/* flat appends: where the next value goes, or NULL */
	double	   *end;			/* ... st->data + st->capacity */
	double		pct0;			/* ... st->pct[0] (when npct is 1) */
	uint8		npct;			/* ... st->npct (0 or 1) */
	uint8		is_array;		/* ... st->is_array */
} SkpiValuesExpanded;

/* st->count after appends through next; the copy is dropped */
static inline void
values_sync(SkpiValuesExpanded *eo)
{
	if (eo->next != NULL)
	{
		eo->st->count = eo->next - eo->st->data;
		eo->next = NULL;
	}
}

static Size
values_flat_size(const SkpiValuesState *st)
{
	/* trimmed to its values; a tree becomes a flat state of its values */
	return values_size(SKPI_VALUES_FLAT, st->count);
}

static Size
values_get_flat_size(ExpandedObjectHeader *eohptr)
{
	values_sync((SkpiValuesExpanded *) eohptr);
	return values_flat_size(((SkpiValuesExpanded *) eohptr)->st);
}

static void
values_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	const SkpiValuesState *st;
	SkpiValuesState *flat = (SkpiValuesState *) result;
	Size		size;

	values_sync((SkpiValuesExpanded *) eohptr);
	st = ((SkpiValuesExpanded *) eohptr)->st;
	size = values_flat_size(st);

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
		skpi_values_tree_values(st, flat->data);
}

static const ExpandedObjectMethods values_methods = {
	values_get_flat_size,
	values_flatten_into
};

/*
 * An expanded object in (a child of) the aggregate's context holding st's
 * copy; a small state becomes a flat one, with room for twice its values.
 */
static SkpiValuesExpanded *
values_expand(MemoryContext parent, const SkpiValuesState *src)
{
	MemoryContext objcxt = AllocSetContextCreate(parent, "duration_values",
												 ALLOCSET_START_SMALL_SIZES);
	SkpiValuesExpanded *eo = MemoryContextAllocZero(objcxt, sizeof(SkpiValuesExpanded));

	EOH_init_header(&eo->hdr, &values_methods, objcxt);
	if (src->kind == SKPI_VALUES_SMALL)
	{
		int64		capacity = Min(Max(src->count * 2, 16),
								   Max((int64) skpi_exact_max_values, src->count));
		SkpiValuesState *st = MemoryContextAllocZero(objcxt,
													 values_size(SKPI_VALUES_FLAT, capacity));

		SET_VARSIZE(st, values_size(SKPI_VALUES_FLAT, capacity));
		st->version = SKPI_VALUES_VERSION;
		st->kind = SKPI_VALUES_FLAT;
		st->npct = src->npct;
		st->is_array = src->is_array;
		st->count = src->count;
		st->capacity = capacity;
		memcpy(st->pct, src->pct, sizeof(double) * src->npct);
		memcpy(st->data, SKPI_VALUES_DATA(src), sizeof(double) * src->count);
		eo->st = st;
		return eo;
	}
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
		{
			values_sync((SkpiValuesExpanded *) eoh);
			return (SkpiValuesExpanded *) eoh;
		}
	}
	flat = values_getarg(fcinfo, argno);
	if (!as_tree)
		return values_expand(aggcontext, flat);
	tree = values_alloc(SKPI_VALUES_TREE, 0, flat);
	eo = values_expand(aggcontext, tree);
	values_reserve(eo, flat->count);
	for (i = 0; i < flat->count; i++)
	{
		skpi_values_tree_insert(eo->st, SKPI_VALUES_DATA(flat)[i]);
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
	/* only the fields read are set (pct[] past npct is never read) */
	if (mode == SKPI_PCT_MEDIAN)
	{
		local->last = NULL;
		local->npct = 1;
		local->is_array = 0;
		local->pct[0] = 0.5;
		return local;
	}
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("percentile must not be NULL")));
	if (mode == SKPI_PCT_SCALAR)
	{
		local->last = NULL;
		local->npct = 1;
		local->is_array = 0;
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

Datum
skpi_values_transition(FunctionCallInfo fcinfo, SkpiStep step, SkpiValueForm form,
					   SkpiPctMode mode)
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
		skpi_state_require_aggregate(fcinfo, &skpi_values_type);	/* ERROR */
	req = row_request(fcinfo, pct_arg, mode, &local);
	has_value = row_value(fcinfo, form, &v);

	/*
	 * A grouped aggregate keeps small groups as a plain value of the small
	 * layout (grown by doubling: a new value that the executor copies into
	 * the aggregate context): an expanded object has its own memory context,
	 * and a hash aggregate walks every context of its groups each time it
	 * creates one, which would make many small groups quadratic.  The small
	 * layout keeps a new group at 64 bytes: the hash aggregate measures its
	 * memory as it creates groups, and spills once work_mem is full.  Past
	 * VALUES_SMALL_MAX values the state becomes an expanded object that
	 * grows in place.
	 */
	if (step == SKPI_FORWARD && aggkind == AGG_CONTEXT_AGGREGATE && !PG_ARGISNULL(0) &&
		VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(PG_GETARG_DATUM(0))))
	{
		/* a large group's append (see SkpiValuesExpanded) */
		eo = (SkpiValuesExpanded *) DatumGetEOHP(PG_GETARG_DATUM(0));
		if (eo->hdr.eoh_methods == &values_methods && eo->next != NULL &&
			eo->npct == req->npct && eo->is_array == req->is_array &&
			(req->npct == 0 || memcmp(&eo->pct0, &req->pct[0], sizeof(double)) == 0) &&
			(!has_value || eo->next < eo->end))
		{
			if (has_value)
				*eo->next++ = v;
			PG_RETURN_DATUM(EOHPGetRWDatum(&eo->hdr));
		}
	}
	else if (step == SKPI_FORWARD && aggkind == AGG_CONTEXT_AGGREGATE &&
			 (PG_ARGISNULL(0) || !VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(PG_GETARG_DATUM(0)))))
	{
		if (PG_ARGISNULL(0))
		{
			if (!has_value)
				PG_RETURN_NULL();
			st = values_small_alloc(req->npct, req->is_array, req->pct, NULL, 0, 1);
			SKPI_VALUES_DATA(st)[st->count++] = v;
			PG_RETURN_POINTER(st);
		}
		/* the aggregate's own state as it is (a checked copy otherwise) */
		st = skpi_state_for_update(fcinfo, 0, &skpi_values_type);
		if (!same_request(st, req))
			percentile_mismatch();
		if (!has_value)
			PG_RETURN_POINTER(st);
		if (st->count >= skpi_exact_max_values)
			too_many_values(skpi_exact_max_values);
		if (st->count < st->capacity)
		{
			/* the aggregate's own state: in place */
			SKPI_VALUES_DATA(st)[st->count++] = v;
			PG_RETURN_POINTER(st);
		}
		if (st->count < VALUES_SMALL_MAX)
		{
			SkpiValuesState *grown = values_small_alloc(st->npct, st->is_array, st->pct,
														SKPI_VALUES_DATA(st), st->count,
														Min(Max(st->count * 2, st->count + 1),
															VALUES_SMALL_MAX));

			SKPI_VALUES_DATA(grown)[grown->count++] = v;
			PG_RETURN_POINTER(grown);
		}
	}

	if (!PG_ARGISNULL(0))
	{
		eo = values_for_update(fcinfo, 0, aggcontext,
							   aggkind == AGG_CONTEXT_WINDOW || step != SKPI_FORWARD);
		if (!same_request(eo->st, req))
			percentile_mismatch();
	}
	else if (step == SKPI_INVERSE)
		PG_RETURN_NULL();		/* nothing to take a row from: recompute */
	else if (has_value || step == SKPI_MOVING)
	{
		/* window calls (moving or not) get the tree: O(log n) finals */
		SkpiValuesState *fresh = values_alloc(aggkind == AGG_CONTEXT_WINDOW || step == SKPI_MOVING ?
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
		if (step == SKPI_INVERSE)
		{
			if (eo->st->kind != SKPI_VALUES_TREE || !skpi_values_tree_delete(eo->st, v))
				PG_RETURN_NULL();	/* not a value of this frame: recompute */
		}
		else if (eo->st->kind == SKPI_VALUES_TREE)
		{
			values_reserve(eo, eo->st->count + 1);
			skpi_values_tree_insert(eo->st, v);
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
			/* the next rows of a grouped aggregate append through eo */
			if (step == SKPI_FORWARD && aggkind == AGG_CONTEXT_AGGREGATE && st->npct <= 1)
			{
				eo->next = st->data + st->count;
				eo->end = st->data + st->capacity;
				eo->npct = st->npct;
				eo->is_array = st->is_array;
				eo->pct0 = st->npct == 1 ? st->pct[0] : 0.0;
			}
		}
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&eo->hdr));
}

/* merged states must ask for the same percentiles */
static void
check_same_percentiles(const SkpiValuesState *a, const SkpiValuesState *b)
{
	if (a->npct != b->npct || a->is_array != b->is_array ||
		memcmp(a->pct, b->pct, sizeof(double) * b->npct) != 0)
		percentile_mismatch();
}

/*
 * Combine (the merge_call hook, state.h): concatenation (parallel workers,
 * flat states only), into the aggregate's state as the transition keeps it.
 */
static Datum
values_merge_call(FunctionCallInfo fcinfo, const SkpiStateHeader *bh, int sign)
{
	const SkpiValuesState *b = (const SkpiValuesState *) bh;
	MemoryContext aggcontext;
	SkpiValuesExpanded *eo;
	SkpiValuesState *a;

	Assert(sign > 0);
	if (!AggCheckCallContext(fcinfo, &aggcontext))
		skpi_state_require_aggregate(fcinfo, &skpi_values_type);	/* ERROR */
	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(PG_GETARG_DATUM(0))))
	{
		/* small merged groups stay plain values too (see the transition) */
		a = values_getarg(fcinfo, 0);
		check_same_percentiles(a, b);
		if (a->count + b->count <= VALUES_SMALL_MAX)
		{
			SkpiValuesState *m;

			if (a->count + b->count > skpi_exact_max_values)
				too_many_values(skpi_exact_max_values);
			if (a->count + b->count <= a->capacity)
				m = a;			/* the aggregate's own state: in place */
			else
				m = values_small_alloc(a->npct, a->is_array, a->pct, SKPI_VALUES_DATA(a),
									   a->count, a->count + b->count);
			memcpy(SKPI_VALUES_DATA(m) + m->count, SKPI_VALUES_DATA(b),
				   sizeof(double) * b->count);
			m->count += b->count;
			PG_RETURN_POINTER(m);
		}
	}
	eo = values_for_update(fcinfo, 0, aggcontext, false);
	a = eo->st;
	if (a->kind != SKPI_VALUES_FLAT || b->kind == SKPI_VALUES_TREE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("duration_values of a window frame cannot be merged")));
	check_same_percentiles(a, b);
	if (b->count > 0)
	{
		values_reserve(eo, a->count + b->count);
		a = eo->st;
		memcpy(a->data + a->count, SKPI_VALUES_DATA(b), sizeof(double) * b->count);
		a->count += b->count;
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&eo->hdr));
}

SKPI_ENTRY(skpi_duration_values_combine, skpi_state_merge(fcinfo, &skpi_values_type, 1))

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
		return (SkpiValuesState *) skpi_state_check(&skpi_values_type, (SkpiStateHeader *) st);
	}
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &values_methods)
	{
		values_sync((SkpiValuesExpanded *) DatumGetEOHP(d));
		return ((SkpiValuesExpanded *) DatumGetEOHP(d))->st;
	}
	st = (SkpiValuesState *) PG_GETARG_POINTER(0);
	if (VARATT_IS_EXTENDED(st))
		return values_getarg(fcinfo, 0);	/* a private copy */
	return (SkpiValuesState *) skpi_state_check(&skpi_values_type, (SkpiStateHeader *) st);
}

PG_FUNCTION_INFO_V1(skpi_duration_values_percentile);
Datum
skpi_duration_values_percentile(PG_FUNCTION_ARGS)
{
	SkpiValuesState *st;
	int64		lo_done = 0;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = final_state(fcinfo);
	if (st->count == 0 || st->is_array)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(skpi_values_percentile(st, st->pct[0], &lo_done));
}

static int
cmp_pct_index(const void *a, const void *b, void *arg)
{
	const double *pct = (const double *) arg;
	double		x = pct[*(const int *) a];
	double		y = pct[*(const int *) b];

	return (x < y) ? -1 : (x > y) ? 1 : 0;
}

PG_FUNCTION_INFO_V1(skpi_duration_values_percentiles);
Datum
skpi_duration_values_percentiles(PG_FUNCTION_ARGS)
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
		out[order[i]] = Float8GetDatum(skpi_values_percentile(st, st->pct[order[i]], &lo_done));
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
		return SKPI_VALUES_DATA(st);
	sorted = palloc(sizeof(double) * Max(st->count, 1));
	skpi_values_tree_values(st, sorted);
	return sorted;
}

static void
values_out(StringInfo buf, const SkpiStateHeader *h)
{
	const SkpiValuesState *st = (const SkpiValuesState *) h;
	const double *vals = values_in_order(st);
	int64		i;

	appendStringInfoString(buf, ",\"percentiles\":[");
	for (i = 0; i < st->npct; i++)
	{
		if (i > 0)
			appendStringInfoChar(buf, ',');
		if (isnan(st->pct[i]))
			appendStringInfoString(buf, "null");
		else
			append_double(buf, st->pct[i]);
	}
	appendStringInfo(buf, "],\"array\":%s,\"values\":[", st->is_array ? "true" : "false");
	for (i = 0; i < st->count; i++)
	{
		if (i > 0)
			appendStringInfoChar(buf, ',');
		append_double(buf, vals[i]);
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	appendStringInfoChar(buf, ']');
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

static const char *const values_keys[] = {"percentiles", "array", "values"};

typedef struct ValuesText
{
	SkpiValuesState *hdr;		/* percentiles and array flag (header only) */
	double	   *vals;
	int64		n;
	int64		cap;
} ValuesText;

static void *
values_text_begin(const SkpiStateType *t)
{
	ValuesText *in = palloc0(sizeof(ValuesText));

	in->hdr = palloc0(SKPI_VALUES_HDRSZ);
	in->cap = 16;
	in->vals = palloc(sizeof(double) * in->cap);
	return in;
}

/* one of "percentiles": at most SKPI_VALUES_MAX_PCTS, null for a NULL element */
static bool
text_percentile(TextParser *tp, void *ctx)
{
	SkpiValuesState *hdr = ((ValuesText *) ctx)->hdr;

	if (hdr->npct >= SKPI_VALUES_MAX_PCTS)
		return skpi_text_error(tp, "Too many percentiles.");
	return skpi_text_float8(tp, &hdr->pct[hdr->npct++], true);
}

/* one of "values": every value counts against the limit, as in the aggregate */
static bool
text_value(TextParser *tp, void *ctx)
{
	ValuesText *in = (ValuesText *) ctx;

	if (in->n >= skpi_exact_max_values)
		return values_limit_error(tp->escontext, skpi_exact_max_values);
	if (in->n >= in->cap)
	{
		in->cap = Min(in->cap * 2, (int64) skpi_exact_max_values);
		in->vals = repalloc_huge(in->vals, sizeof(double) * in->cap);
	}
	if (!skpi_text_float8(tp, &in->vals[in->n++], false))
		return false;
	/* a big text value takes seconds to read */
	if ((in->n & 0xFFFF) == 0)
		CHECK_FOR_INTERRUPTS();
	return true;
}

static bool
values_text_field(TextParser *tp, int key, void *ctx)
{
	ValuesText *in = (ValuesText *) ctx;
	bool		is_array;

	switch (key)
	{
		case 0:
			return skpi_text_list(tp, text_percentile, in);
		case 1:
			if (!skpi_text_bool(tp, &is_array))
				return false;
			in->hdr->is_array = is_array ? 1 : 0;
			return true;
		default:
			return skpi_text_list(tp, text_value, in);
	}
}

static SkpiStateHeader *
values_text_end(TextParser *tp, void *ctx)
{
	ValuesText *in = (ValuesText *) ctx;
	SkpiValuesState *st = values_alloc(SKPI_VALUES_FLAT, in->n, in->hdr);
	const char *bad;

	st->count = in->n;
	memcpy(st->data, in->vals, sizeof(double) * in->n);
	if ((bad = values_invalid(st)) != NULL)
	{
		skpi_text_error(tp, bad);
		return NULL;
	}
	return (SkpiStateHeader *) st;
}

/*
 * Binary form: version (1 byte), array flag (1), percentile count (1), the
 * percentiles (float8 each, NaN for NULL), value count (int64), the values
 * (float8 each).  A tree sends its values in order, as a flat state.
 */
static void
send_float8s(StringInfo buf, const double *v, int64 n)
{
	int64		i;

	for (i = 0; i < n; i++)
		pq_sendfloat8(buf, v[i]);
}

static void
values_send(StringInfo buf, const SkpiStateHeader *h)
{
	const SkpiValuesState *st = (const SkpiValuesState *) h;

	pq_sendbyte(buf, st->is_array);
	pq_sendbyte(buf, st->npct);
	send_float8s(buf, st->pct, st->npct);
	pq_sendint64(buf, st->count);
	send_float8s(buf, values_in_order(st), st->count);
}

#define recv_error(detail) skpi_recv_error("duration_values", "%s", (detail))

static SkpiStateHeader *
values_recv(StringInfo buf, const SkpiStateType *t)
{
	SkpiValuesState *hdr = palloc0(SKPI_VALUES_HDRSZ);
	SkpiValuesState *st;
	int64		n,
				i;
	const char *bad;

	if (buf->len - buf->cursor < 2)
		recv_error("The value is truncated.");
	hdr->is_array = (uint8) pq_getmsgbyte(buf);
	hdr->npct = (uint8) pq_getmsgbyte(buf);
	if (hdr->is_array > 1 || hdr->npct > SKPI_VALUES_MAX_PCTS)
		recv_error("Bad percentile header.");
	if (buf->len - buf->cursor < (int) (8 * hdr->npct + 8))
		recv_error("The value is truncated.");
	for (i = 0; i < hdr->npct; i++)
		hdr->pct[i] = pq_getmsgfloat8(buf);
	n = pq_getmsgint64(buf);
	/* a malformed value first (22P03), then the limit the aggregate applies */
	if (n < 0 || (int64) (buf->len - buf->cursor) / 8 != n || (buf->len - buf->cursor) % 8 != 0)
		recv_error("The value count does not match the data.");
	if (n > skpi_exact_max_values)
		too_many_values(skpi_exact_max_values);
	st = values_alloc(SKPI_VALUES_FLAT, n, hdr);
	st->count = n;
	for (i = 0; i < n; i++)
		st->data[i] = pq_getmsgfloat8(buf);
	for (i = 0; i < hdr->npct; i++)
		if (isnan(hdr->pct[i]) && !hdr->is_array)
			recv_error("A single percentile cannot be null.");
	if ((bad = values_invalid(st)) != NULL)
		recv_error(bad);
	return (SkpiStateHeader *) st;
}

/* two kinds are stored (flat and small): values_stored_ok checks the kind */
const SkpiStateType skpi_values_type = {
	"duration_values", SKPI_VALUES_VERSION, SKPI_NO_KIND, NULL,
	values_stored_ok, NULL, values_keys, lengthof(values_keys), 0,
	values_text_begin, values_text_field, values_text_end, values_out,
	values_send, values_recv, NULL, NULL, values_merge_call
};

SKPI_STATE_IO(skpi_duration_values, skpi_values_type)
