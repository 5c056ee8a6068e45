/*
 * timeline.c
 *		Contact timelines: per-contact timings from an event log.
 *
 *	 contact_timeline(kind, at [, party [, operator_id]]) and
 *	 contact_timeline(contact_event): an aggregate, grouped by contact, that
 *	 collects the contact's events and summarizes them, once sorted, into a
 *	 contact_timeline value (first response, average / maximum response time,
 *	 handle time, hold, resolution time, counts, flags) read by accessors.
 *
 *	 sessionize(at, gap) OVER (PARTITION BY customer ORDER BY at): the
 *	 session number of each event, increasing when the silence since the
 *	 previous event exceeds gap.
 *
 * Two types:
 *
 *	contact_timeline_state	the events of ONE contact (the aggregate's state):
 *			16 bytes per event plus its operator_id bytes.  Inside the
 *			aggregate it is an expanded object whose arrays grow by repalloc;
 *			flattened (operator ids compacted) when PostgreSQL needs a datum,
 *			e.g. a parallel worker's partial state.  Merging concatenates.
 *	contact_timeline		the summary (fixed size, 160 bytes).
 *
 * Event order: by at, then kind (in the order of contact_event_kind), then
 * party, then operator_id (NULL first, then bytewise), so the result never
 * depends on the order the rows arrive in nor on how they were split between
 * workers.
 *
 * Errors: 22P02 unknown text kind / malformed text input, 22P03 malformed
 * binary input, 22008 infinite timestamps, 22023 a message whose party
 * contradicts its kind, 22003 negative gap, 42P20 sessionize window out of
 * order, 54000 too many events, XX001 corrupted stored states.
 */
#include "postgres.h"
#include "access/htup_details.h"
#include "utils/typcache.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "executor/executor.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/expandeddatum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "windowapi.h"

#include "compat.h"
#include "durations.h"
#include "textparse.h"

/* ---- kinds and parties, in the order of the SQL enums ---- */

#define TL_NKINDS 14
#define TL_NPARTIES 4

enum
{
	K_OFFERED, K_CUSTOMER_MESSAGE, K_OPERATOR_MESSAGE, K_BOT_MESSAGE, K_ASSIGNED,
	K_TRANSFERRED, K_HOLD_START, K_HOLD_END, K_ANSWERED, K_ABANDONED, K_ENDED,
	K_WRAPUP_END, K_RESOLVED, K_REOPENED
};
enum
{
	P_CUSTOMER, P_OPERATOR, P_BOT, P_SYSTEM
};

static const char *const kind_names[TL_NKINDS] = {
	"offered", "customer_message", "operator_message", "bot_message", "assigned",
	"transferred", "hold_start", "hold_end", "answered", "abandoned", "ended",
	"wrapup_end", "resolved", "reopened"
};
static const char *const party_names[TL_NPARTIES] = {
	"customer", "operator", "bot", "system"
};

/* the party of a kind when none is given; messages must have it */
static inline uint8
default_party(uint8 kind)
{
	switch (kind)
	{
		case K_CUSTOMER_MESSAGE:
			return P_CUSTOMER;
		case K_OPERATOR_MESSAGE:
			return P_OPERATOR;
		case K_BOT_MESSAGE:
			return P_BOT;
		default:
			return P_SYSTEM;
	}
}

static inline bool
is_message(uint8 kind)
{
	return kind == K_CUSTOMER_MESSAGE || kind == K_OPERATOR_MESSAGE || kind == K_BOT_MESSAGE;
}

static int
lookup_name(const char *const *names, int n, const char *s, int len)
{
	int			i;

	for (i = 0; i < n; i++)
		if ((int) strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return i;
	return -1;
}

/* ---- the state: events of one contact ---- */

#define TL_STATE_VERSION 1
#define TL_NO_OPERATOR	0xFFFFFFFFu
#define TL_MAX_OPERATOR_LEN 65535

typedef struct TlEvent
{
	int64		at;				/* timestamptz, finite */
	uint32		opoff;			/* operator_id's offset in the pool, or TL_NO_OPERATOR */
	uint16		oplen;			/* its length in bytes */
	uint8		kind;
	uint8		party;
} TlEvent;

typedef struct TlState
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* TL_STATE_VERSION */
	uint8		reserved1;		/* zero */
	uint16		reserved2;		/* zero */
	int32		count;			/* events */
	int32		pool_len;		/* bytes of operator ids after the events */
	TlEvent		ev[FLEXIBLE_ARRAY_MEMBER];	/* then the pool */
} TlState;

#define TL_STATE_HDRSZ offsetof(TlState, ev)
#define TL_POOL(st) ((char *) ((st)->ev + (st)->count))

/*
 * The two limits of one contact's state.  Its flat form (header, 16 bytes
 * an event, then the operator ids) must fit a PostgreSQL value, at most
 * MaxAllocSize (1 GB): half of that for the events (33 554 431 of them) and
 * half for the bytes of their operator ids (each event keeps its own copy,
 * so 10 000 events with 60 kB ids are 600 MB of them).  The aggregate, the
 * merge, the text input and the binary input apply the same two limits, and
 * each error names the one that was hit.
 */
#define TL_MAX_EVENTS ((int64) ((MaxAllocSize - TL_STATE_HDRSZ) / sizeof(TlEvent)) / 2)
#define TL_MAX_POOL ((int64) (MaxAllocSize / 2))

StaticAssertDecl(sizeof(TlEvent) == 16, "TlEvent is 16 bytes");
StaticAssertDecl(TL_STATE_HDRSZ + TL_MAX_EVENTS * sizeof(TlEvent) + TL_MAX_POOL <= MaxAllocSize,
				 "a state at both limits fits a PostgreSQL value");

static void
state_corrupted(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupted contact_timeline_state value")));
}

/*
 * More events, or more bytes of operator ids, than a state may hold: each
 * error names the limit that was hit.  Text and binary input apply the same
 * limits with the same errors (soft errors where escontext asks for them);
 * these return false after a soft error.
 */
static void too_many_events(void) pg_attribute_noreturn();
static void operator_ids_too_long(int64 bytes) pg_attribute_noreturn();

static bool
events_limit_error(Node *escontext)
{
	ereturn(escontext, false,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("too many events for one contact_timeline: more than " INT64_FORMAT,
					TL_MAX_EVENTS),
			 errdetail("A contact_timeline_state keeps 16 bytes an event, and half of the 1 GB "
					   "a PostgreSQL value may take holds at most that many."),
			 errhint("Group the events by contact, and split very long contacts, e.g. into "
					 "sessions with sessionize().")));
}

/* bytes: what the operator ids of the events so far would take */
static bool
operator_ids_limit_error(Node *escontext, int64 bytes)
{
	ereturn(escontext, false,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("the operator ids of one contact_timeline take more than " INT64_FORMAT
					" bytes", TL_MAX_POOL),
			 errdetail("Each event keeps its own copy of its operator_id: these events need "
					   INT64_FORMAT " bytes of them, and a contact_timeline_state holds at most "
					   "half of the 1 GB a PostgreSQL value may take.", bytes),
			 errhint("Use short operator ids (map long ones to small keys, e.g. an integer id), "
					 "or pass NULL where the operator does not matter.")));
}

static void
too_many_events(void)
{
	events_limit_error(NULL);
	pg_unreachable();
}

static void
operator_ids_too_long(int64 bytes)
{
	operator_ids_limit_error(NULL, bytes);
	pg_unreachable();
}

/* every event and every operator id inside the pool; NULL if fine */
static const char *
events_invalid(const TlEvent *ev, int64 n, int64 pool_len)
{
	int64		i;

	for (i = 0; i < n; i++)
	{
		if (ev[i].kind >= TL_NKINDS || ev[i].party >= TL_NPARTIES)
			return "An event kind or party is out of range.";
		if (is_message(ev[i].kind) && ev[i].party != default_party(ev[i].kind))
			return "A message's party contradicts its kind.";
		if (TIMESTAMP_NOT_FINITE(ev[i].at) || !IS_VALID_TIMESTAMP(ev[i].at))
			return "An event time is infinite or out of range.";
		if (ev[i].opoff == TL_NO_OPERATOR ? ev[i].oplen != 0 :
			(int64) ev[i].opoff + ev[i].oplen > pool_len)
			return "An operator id lies outside the value.";
	}
	return NULL;
}

/* header and events of a stored state */
static TlState *
state_getarg(FunctionCallInfo fcinfo, int argno)
{
	TlState    *st = (TlState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	if (VARSIZE(st) < TL_STATE_HDRSZ || st->version != TL_STATE_VERSION ||
		st->reserved1 != 0 || st->reserved2 != 0 ||
		st->count < 0 || st->count > TL_MAX_EVENTS ||
		st->pool_len < 0 || st->pool_len > TL_MAX_POOL ||
		VARSIZE(st) != TL_STATE_HDRSZ + sizeof(TlEvent) * (Size) st->count + st->pool_len ||
		events_invalid(st->ev, st->count, st->pool_len) != NULL)
		state_corrupted();
	return st;
}

/*
 * Inside an aggregate: an expanded object owning the events array and the
 * operator-id pool (both grown by doubling with repalloc).  A window's
 * inverse transition removes an event by moving the last one into its
 * place (the order is restored by sorting in the final function) and leaves
 * its operator id in the pool as garbage, compacted when it exceeds the live
 * bytes.
 */
typedef struct TlExpanded
{
	ExpandedObjectHeader hdr;
	TlEvent    *ev;
	int64		count;
	int64		cap;
	char	   *pool;
	int64		pool_len;
	int64		pool_cap;
	int64		live_pool;		/* bytes of the pool referenced by events */
} TlExpanded;

static Size
tl_get_flat_size(ExpandedObjectHeader *eohptr)
{
	TlExpanded *eo = (TlExpanded *) eohptr;

	return TL_STATE_HDRSZ + sizeof(TlEvent) * (Size) eo->count + (Size) eo->live_pool;
}

static void
tl_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	TlExpanded *eo = (TlExpanded *) eohptr;
	TlState    *st = (TlState *) result;
	char	   *pool;
	uint32		off = 0;
	int64		i;

	Assert(allocated_size == tl_get_flat_size(eohptr));
	memset(st, 0, TL_STATE_HDRSZ);
	SET_VARSIZE(st, allocated_size);
	st->version = TL_STATE_VERSION;
	st->count = (int32) eo->count;
	st->pool_len = (int32) eo->live_pool;
	/* in slices: a first touch of hundreds of MB of fresh memory takes seconds */
	for (i = 0; i < eo->count; i += 65536)
	{
		memcpy(st->ev + i, eo->ev + i, sizeof(TlEvent) * Min(eo->count - i, 65536));
		CHECK_FOR_INTERRUPTS();
	}
	pool = TL_POOL(st);
	for (i = 0; i < eo->count; i++)
	{
		if (st->ev[i].opoff == TL_NO_OPERATOR)
			continue;
		memcpy(pool + off, eo->pool + eo->ev[i].opoff, eo->ev[i].oplen);
		st->ev[i].opoff = off;
		off += eo->ev[i].oplen;
	}
	Assert(off == eo->live_pool);
}

static const ExpandedObjectMethods tl_methods = {
	tl_get_flat_size,
	tl_flatten_into
};

static TlExpanded *
tl_new(MemoryContext parent)
{
	MemoryContext objcxt = AllocSetContextCreate(parent, "contact_timeline_state",
												 ALLOCSET_START_SMALL_SIZES);
	TlExpanded *eo = MemoryContextAllocZero(objcxt, sizeof(TlExpanded));

	EOH_init_header(&eo->hdr, &tl_methods, objcxt);
	eo->cap = 16;
	eo->ev = MemoryContextAlloc(objcxt, sizeof(TlEvent) * eo->cap);
	eo->pool_cap = 64;
	eo->pool = MemoryContextAlloc(objcxt, eo->pool_cap);
	return eo;
}

static void
tl_reserve(TlExpanded *eo, int64 need)
{
	int64		cap;

	if (need <= eo->cap)
		return;
	if (need > TL_MAX_EVENTS)
		too_many_events();
	cap = Min(Max(eo->cap * 2, need), TL_MAX_EVENTS);
	eo->ev = repalloc_huge(eo->ev, sizeof(TlEvent) * cap);
	eo->cap = cap;
}

/* drop unreferenced operator ids from the pool */
static void
tl_compact_pool(TlExpanded *eo)
{
	char	   *pool = MemoryContextAlloc(eo->hdr.eoh_context, Max(eo->live_pool, 64));
	uint32		off = 0;
	int64		i;

	for (i = 0; i < eo->count; i++)
	{
		if (eo->ev[i].opoff == TL_NO_OPERATOR)
			continue;
		memcpy(pool + off, eo->pool + eo->ev[i].opoff, eo->ev[i].oplen);
		eo->ev[i].opoff = off;
		off += eo->ev[i].oplen;
	}
	pfree(eo->pool);
	eo->pool = pool;
	eo->pool_len = off;
	eo->pool_cap = Max(eo->live_pool, 64);
}

/*
 * Room for len more pool bytes; the offset where they go.  The limit is on
 * the live bytes (those the flat form keeps): ids that a window's inverse
 * transition left behind are compacted away before it is declared hit.
 */
static uint32
tl_pool_reserve(TlExpanded *eo, int64 len)
{
	if (eo->pool_len + len > eo->pool_cap)
	{
		int64		cap;

		if (eo->pool_len > 2 * eo->live_pool + 4096 ||
			(eo->pool_len + len > TL_MAX_POOL && eo->pool_len > eo->live_pool))
			tl_compact_pool(eo);
		if (eo->live_pool + len > TL_MAX_POOL)
			operator_ids_too_long(eo->live_pool + len);
		if (eo->pool_len + len > eo->pool_cap)
		{
			/* doubling, up to the limit (the offsets stay below 2^32) */
			cap = Min(Max(eo->pool_cap * 2, eo->pool_len + len), TL_MAX_POOL);
			eo->pool = repalloc_huge(eo->pool, cap);
			eo->pool_cap = cap;
		}
	}
	return (uint32) eo->pool_len;
}

static void
tl_add(TlExpanded *eo, int64 at, uint8 kind, uint8 party, const char *op, int oplen)
{
	TlEvent    *e;

	if (unlikely(eo->count >= eo->cap))
		tl_reserve(eo, eo->count + 1);
	e = &eo->ev[eo->count];
	e->at = at;
	e->kind = kind;
	e->party = party;
	if (op == NULL)
	{
		e->opoff = TL_NO_OPERATOR;
		e->oplen = 0;
	}
	else
	{
		uint32		off = tl_pool_reserve(eo, oplen);

		e = &eo->ev[eo->count];
		memcpy(eo->pool + off, op, oplen);
		e->opoff = off;
		e->oplen = (uint16) oplen;
		eo->pool_len += oplen;
		eo->live_pool += oplen;
	}
	eo->count++;
}

/* the expanded object of state argument argno (a copy of a flat state) */
static TlExpanded *
tl_for_update(FunctionCallInfo fcinfo, int argno, MemoryContext aggcontext)
{
	Datum		d = PG_GETARG_DATUM(argno);
	TlState    *st;
	TlExpanded *eo;
	int64		i;

	if (VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d);

		if (eoh->eoh_methods == &tl_methods)
			return (TlExpanded *) eoh;
	}
	st = state_getarg(fcinfo, argno);
	eo = tl_new(aggcontext);
	tl_reserve(eo, st->count);
	for (i = 0; i < st->count; i++)
		tl_add(eo, st->ev[i].at, st->ev[i].kind, st->ev[i].party,
			   st->ev[i].opoff == TL_NO_OPERATOR ? NULL : TL_POOL(st) + st->ev[i].opoff,
			   st->ev[i].oplen);
	return eo;
}

/* ---- rows: enums, text kinds, composites ---- */

/* per call site: enum OIDs already mapped to codes */
typedef struct TlCache
{
	int			nentries;
	Oid			oids[TL_NKINDS + TL_NPARTIES + 4];
	int8		codes[TL_NKINDS + TL_NPARTIES + 4];
	bool		kind_is_text;
	bool		is_composite;
	bool		composite_checked;	/* its attribute types were verified */
} TlCache;

/* the declared type of argument argno of function fn, InvalidOid if none */
static Oid
declared_argtype(Oid fn, int argno)
{
	Oid		   *argtypes;
	int			nargs;
	Oid			result = InvalidOid;

	if (!OidIsValid(fn))
		return InvalidOid;
	(void) get_func_signature(fn, &argtypes, &nargs);
	if (argno < nargs)
		result = argtypes[argno];
	pfree(argtypes);
	return result;
}

static TlCache *
get_cache(FunctionCallInfo fcinfo)
{
	TlCache    *c = (TlCache *) fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		/*
		 * The declared type of the argument, which is how the datum is laid
		 * out: every SQL signature of this C function has a fixed type there
		 * (kind enum, text or contact_event).  Not the expression's type: a
		 * user's CREATE AGGREGATE may take any type binary-coercible to the
		 * declared one (varchar, a domain over text, whose datums are text
		 * and were read as enum OIDs), and C callers such as Citus's
		 * worker_partial_agg have no expression tree at all.
		 */
		Oid			argtype = declared_argtype(fcinfo->flinfo->fn_oid, 1);

		if (!OidIsValid(argtype) || IsPolymorphicType(argtype))
			argtype = get_fn_expr_argtype(fcinfo->flinfo, 1);
		if (OidIsValid(argtype))
			argtype = getBaseType(argtype);

		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TlCache));
		c->kind_is_text = argtype == TEXTOID;
		c->is_composite = argtype != InvalidOid && type_is_rowtype(argtype);
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}

/* the code of an enum value (kind or party) by its label */
static int
enum_code(TlCache *c, Datum d, bool party)
{
	Oid			oid = DatumGetObjectId(d);
	int			i;
	char	   *label;
	int			code;

	for (i = 0; i < c->nentries; i++)
		if (c->oids[i] == oid)
			return c->codes[i];
	label = DatumGetCString(DirectFunctionCall1(enum_out, d));
	code = party ? lookup_name(party_names, TL_NPARTIES, label, strlen(label)) :
		lookup_name(kind_names, TL_NKINDS, label, strlen(label));
	if (code < 0)				/* not one of our enums: a forged OID */
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" is not a contact %s", label, party ? "party" : "event kind")));
	if (c->nentries < (int) lengthof(c->oids))
	{
		c->oids[c->nentries] = oid;
		c->codes[c->nentries++] = (int8) code;
	}
	return code;
}

/*
 * A text argument for an error message, bounded as skpi_input_excerpt()
 * bounds a cstring: whole when short, else its first SKPI_EXCERPT_BYTES
 * bytes (on a character boundary) and its length.  Only those bytes are
 * copied: the argument may be up to 1 GB.
 */
static const char *
text_excerpt(text *t)
{
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);

	if (len <= SKPI_EXCERPT_BYTES)
		return text_to_cstring(t);
	return psprintf("%.*s... (%d bytes)",
					pg_mbcliplen(s, SKPI_EXCERPT_BYTES + 1, SKPI_EXCERPT_BYTES), s, len);
}

static int
text_kind(text *t)
{
	int			code = lookup_name(kind_names, TL_NKINDS, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (code < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid contact event kind: \"%s\"", text_excerpt(t)),
				 errhint("Kinds are offered, customer_message, operator_message, bot_message, "
						 "assigned, transferred, hold_start, hold_end, answered, abandoned, "
						 "ended, wrapup_end, resolved, reopened.")));
	return code;
}

static void
check_at(TimestampTz at)
{
	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("contact event times must be finite")));
}

static uint8
check_party(uint8 kind, int party)
{
	if (party < 0)
		return default_party(kind);
	if (is_message(kind) && party != default_party(kind))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a %s cannot have party %s", kind_names[kind], party_names[party]),
				 errdetail("Messages are sent by their own party: customer_message by the customer, "
						   "operator_message by the operator, bot_message by the bot.")));
	return (uint8) party;
}

/*
 * One row of the aggregate: false if it is skipped (NULL kind or time);
 * op/oplen point into the row's detoasted operator id.
 */
/*
 * The composite's attributes must be (kind enum, timestamptz, party enum,
 * text): contact_event may have been altered since the extension was
 * installed, and its values are read by position.
 */
static void
check_event_rowtype(TlCache *c, HeapTupleHeader row)
{
	TupleDesc	desc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(row),
											  HeapTupleHeaderGetTypMod(row));
	bool		ok = desc->natts == 4;
	int			i;
	Oid			types[4];

	for (i = 0; ok && i < 4; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		ok = !att->attisdropped;
		types[i] = att->atttypid;
	}
	ReleaseTupleDesc(desc);
	if (!ok || types[1] != TIMESTAMPTZOID || types[3] != TEXTOID ||
		!type_is_enum(types[0]) || !type_is_enum(types[2]))
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("contact_event must be (kind contact_event_kind, at timestamptz, party contact_party, operator_id text)"),
				 errhint("The type was altered after the extension was installed.")));
	c->composite_checked = true;
}

static bool
read_row(FunctionCallInfo fcinfo, TlCache *c, int64 *at, uint8 *kind, uint8 *party,
		 const char **op, int *oplen)
{
	int			p = -1;
	Datum		dparty = 0;
	Datum		dop = 0;
	bool		party_null = true;
	bool		op_null = true;

	if (c->is_composite)
	{
		HeapTupleHeader row;
		bool		isnull;
		Datum		d;

		if (PG_ARGISNULL(1))
			return false;
		row = PG_GETARG_HEAPTUPLEHEADER(1);
		if (!c->composite_checked)
			check_event_rowtype(c, row);
		d = GetAttributeByNum(row, 1, &isnull);
		if (isnull)
			return false;
		*kind = (uint8) enum_code(c, d, false);
		d = GetAttributeByNum(row, 2, &isnull);
		if (isnull)
			return false;
		*at = DatumGetTimestampTz(d);
		dparty = GetAttributeByNum(row, 3, &party_null);
		dop = GetAttributeByNum(row, 4, &op_null);
	}
	else
	{
		if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
			return false;
		*kind = (uint8) (c->kind_is_text ? text_kind(PG_GETARG_TEXT_PP(1)) :
						 enum_code(c, PG_GETARG_DATUM(1), false));
		*at = PG_GETARG_TIMESTAMPTZ(2);
		if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
		{
			party_null = false;
			dparty = PG_GETARG_DATUM(3);
		}
		if (PG_NARGS() > 4 && !PG_ARGISNULL(4))
		{
			op_null = false;
			dop = PG_GETARG_DATUM(4);
		}
	}
	check_at(*at);
	if (!party_null)
		p = enum_code(c, dparty, true);
	*party = check_party(*kind, p);
	*op = NULL;
	*oplen = 0;
	if (!op_null)
	{
		text	   *t = DatumGetTextPP(dop);

		*oplen = VARSIZE_ANY_EXHDR(t);
		if (*oplen > TL_MAX_OPERATOR_LEN)
			ereport(ERROR,
					(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
					 errmsg("operator_id is longer than %d bytes", TL_MAX_OPERATOR_LEN)));
		*op = VARDATA_ANY(t);
	}
	return true;
}

/* events a state keeps as a plain value before it becomes an expanded object */
#define TL_SMALL_EVENTS 32

/*
 * A new plain state: st's events (none for NULL) and, with has_row, one more
 * event.  Allocated in the current (per-call) memory context.
 */
static Datum
tl_flat_append(const TlState *st, bool has_row, int64 at, uint8 kind, uint8 party,
			   const char *op, int oplen)
{
	int32		n = st ? st->count : 0;
	int64		pool_len = st ? st->pool_len : 0;
	int64		add = (has_row && op != NULL) ? oplen : 0;
	Size		size = TL_STATE_HDRSZ + sizeof(TlEvent) * (Size) (n + (has_row ? 1 : 0)) +
		(Size) (pool_len + add);
	TlState    *nst = palloc(size);

	memset(nst, 0, TL_STATE_HDRSZ);
	SET_VARSIZE(nst, size);
	nst->version = TL_STATE_VERSION;
	nst->count = n + (has_row ? 1 : 0);
	nst->pool_len = (int32) (pool_len + add);
	if (n > 0)
		memcpy(nst->ev, st->ev, sizeof(TlEvent) * n);
	if (pool_len > 0)
		memcpy(TL_POOL(nst), TL_POOL(st), pool_len);
	if (has_row)
	{
		TlEvent    *e = &nst->ev[n];

		e->at = at;
		e->kind = kind;
		e->party = party;
		if (op == NULL)
		{
			e->opoff = TL_NO_OPERATOR;
			e->oplen = 0;
		}
		else
		{
			e->opoff = (uint32) pool_len;
			e->oplen = (uint16) oplen;
			memcpy(TL_POOL(nst) + pool_len, op, oplen);
		}
	}
	PG_RETURN_POINTER(nst);
}

static void
not_in_aggregate(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("contact_timeline_state transition function called in non-aggregate context")));
}

/*
 * Forward transition (also of the moving aggregate): never returns NULL; a
 * state of no events gives a NULL timeline.
 */
PG_FUNCTION_INFO_V1(skpi_timeline_accum);
Datum
skpi_timeline_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	TlCache    *c;
	TlExpanded *eo;
	int64		at;
	uint8		kind,
				party;
	const char *op;
	int			oplen;

	bool		has_row;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		not_in_aggregate();
	c = get_cache(fcinfo);
	has_row = read_row(fcinfo, c, &at, &kind, &party, &op, &oplen);

	/*
	 * Small contacts stay a plain value, rebuilt one event larger at each
	 * row (the executor copies it into the aggregate context and frees the
	 * old one): a few hundred bytes per group instead of an expanded
	 * object's memory context (about 1 kB), so a hash aggregate over a
	 * million contacts holds 5x more groups in work_mem.  Past
	 * TL_SMALL_EVENTS events the state becomes an expanded object that grows
	 * in place.
	 */
	if (PG_ARGISNULL(0))
		return tl_flat_append(NULL, has_row, at, kind, party, op, oplen);
	if (!VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(PG_GETARG_DATUM(0))))
	{
		TlState    *st = state_getarg(fcinfo, 0);

		if (!has_row)
			PG_RETURN_POINTER(st);
		if (st->count < TL_SMALL_EVENTS)
			return tl_flat_append(st, true, at, kind, party, op, oplen);
	}
	eo = tl_for_update(fcinfo, 0, aggcontext);
	if (has_row)
		tl_add(eo, at, kind, party, op, oplen);
	PG_RETURN_DATUM(EOHPGetRWDatum(&eo->hdr));
}

/*
 * Inverse transition (window frames): removes one event equal to the row;
 * NULL (the executor then recomputes the frame) when there is none.
 */
PG_FUNCTION_INFO_V1(skpi_timeline_retract);
Datum
skpi_timeline_retract(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	TlCache    *c;
	TlExpanded *eo;
	int64		at,
				i;
	uint8		kind,
				party;
	const char *op;
	int			oplen;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		not_in_aggregate();
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	c = get_cache(fcinfo);
	eo = tl_for_update(fcinfo, 0, aggcontext);
	if (!read_row(fcinfo, c, &at, &kind, &party, &op, &oplen))
		PG_RETURN_DATUM(EOHPGetRWDatum(&eo->hdr));
	for (i = 0; i < eo->count; i++)
	{
		TlEvent    *e = &eo->ev[i];

		if (e->at == at && e->kind == kind && e->party == party &&
			(op == NULL ? e->opoff == TL_NO_OPERATOR :
			 (e->opoff != TL_NO_OPERATOR && e->oplen == oplen &&
			  memcmp(eo->pool + e->opoff, op, oplen) == 0)))
		{
			eo->live_pool -= e->oplen;
			eo->ev[i] = eo->ev[eo->count - 1];
			eo->count--;
			PG_RETURN_DATUM(EOHPGetRWDatum(&eo->hdr));
		}
	}
	PG_RETURN_NULL();
}

/* combine (parallel workers): concatenation */
PG_FUNCTION_INFO_V1(skpi_timeline_combine);
Datum
skpi_timeline_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	TlExpanded *eo;
	TlState    *b;
	int64		i;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		not_in_aggregate();
	b = state_getarg(fcinfo, 1);
	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(PG_GETARG_DATUM(0))))
	{
		/* small merged contacts stay plain values (see the transition) */
		TlState    *a = state_getarg(fcinfo, 0);

		if ((int64) a->count + b->count <= TL_SMALL_EVENTS)
		{
			Datum		m = PointerGetDatum(a);

			for (i = 0; i < b->count; i++)
				m = tl_flat_append((TlState *) DatumGetPointer(m), true, b->ev[i].at,
								   b->ev[i].kind, b->ev[i].party,
								   b->ev[i].opoff == TL_NO_OPERATOR ? NULL : TL_POOL(b) + b->ev[i].opoff,
								   b->ev[i].oplen);
			PG_RETURN_DATUM(m);
		}
	}
	eo = tl_for_update(fcinfo, 0, aggcontext);
	tl_reserve(eo, eo->count + b->count);
	for (i = 0; i < b->count; i++)
	{
		tl_add(eo, b->ev[i].at, b->ev[i].kind, b->ev[i].party,
			   b->ev[i].opoff == TL_NO_OPERATOR ? NULL : TL_POOL(b) + b->ev[i].opoff,
			   b->ev[i].oplen);
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&eo->hdr));
}

/* ---- the summary ---- */

#define TL_VERSION 1
#define TL_NONE (-1)			/* a duration that does not apply */

#define TL_HAS_CUSTOMER	0x01	/* first_customer_at is set */
#define TL_BOT_HANDOFF	0x02
#define TL_ABANDONED	0x04
#define TL_RESOLVED		0x08
#define TL_ALL_FLAGS	0x0F

typedef struct TlSummary
{
	int32		vl_len_;
	uint8		version;		/* TL_VERSION */
	uint8		flags;
	uint16		reserved;
	int32		reserved2;
	int64		events;
	int64		customer_messages;
	int64		operator_messages;
	int64		bot_messages;
	int64		operators;		/* distinct non-NULL operator ids */
	int64		transfers;
	int64		reopens;
	int64		turns;			/* answered customer turns */
	int64		first_at;
	int64		last_at;
	int64		first_customer_at;	/* 0 unless TL_HAS_CUSTOMER */
	/* durations in microseconds, TL_NONE when they do not apply */
	int64		first_response;
	int64		response_total;
	int64		response_max;
	int64		assignment_to_reply;
	int64		handle;
	int64		hold;			/* always applies (0 without holds) */
	int64		resolution;
} TlSummary;

#define TL_NCOUNTS 8
#define TL_NDURATIONS 7

static inline int64 *
summary_counts(TlSummary *s)
{
	return &s->events;
}

static inline int64 *
summary_durations(TlSummary *s)
{
	return &s->first_response;
}

static const char *const count_keys[TL_NCOUNTS] = {
	"events", "customer_messages", "operator_messages", "bot_messages", "operators",
	"transfers", "reopens", "response_turns"
};
static const char *const duration_keys[TL_NDURATIONS] = {
	"first_response", "response_total", "response_max", "assignment_to_reply",
	"handle", "hold", "resolution"
};

static int
cmp_event(const void *a, const void *b, void *arg)
{
	const TlEvent *x = (const TlEvent *) a;
	const TlEvent *y = (const TlEvent *) b;
	const char *pool = (const char *) arg;
	int			r;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->party != y->party)
		return x->party < y->party ? -1 : 1;
	if (x->opoff == TL_NO_OPERATOR || y->opoff == TL_NO_OPERATOR)
		return (x->opoff == TL_NO_OPERATOR ? 0 : 1) - (y->opoff == TL_NO_OPERATOR ? 0 : 1);
	r = memcmp(pool + x->opoff, pool + y->opoff, Min(x->oplen, y->oplen));
	if (r != 0)
		return r;
	return (int) x->oplen - (int) y->oplen;
}

typedef struct OpRef
{
	const char *s;
	int			len;
} OpRef;

static int
cmp_opref(const void *a, const void *b, void *arg)
{
	const OpRef *x = (const OpRef *) a;
	const OpRef *y = (const OpRef *) b;
	int			r = memcmp(x->s, y->s, Min(x->len, y->len));

	return r != 0 ? r : x->len - y->len;
}

/*
 * The summary of n events (n >= 1), sorted here in a private copy.  The
 * definitions are those of docs/reference.md, "Contact timelines".
 */
static TlSummary *
summarize(const TlEvent *events, int64 n, const char *pool)
{
	TlSummary  *s = palloc0(sizeof(TlSummary));
	TlEvent    *ev = palloc(sizeof(TlEvent) * n);
	OpRef	   *ops = palloc(sizeof(OpRef) * n);
	int64		nops = 0,
				i;
	/* instants found so far; "unset" is tracked by the has_ flags */
	int64		waiting_since = 0,
				answered_at = 0,
				ended_at = 0,
				wrap_at = 0,
				first_op_at = 0,
				last_op_at = 0,
				res_after_op = 0,
				start_at = 0,
				res_after_start = 0,
				assigned_at = 0,
				reply_after_assign = 0,
				hold_since = 0;
	bool		waiting = false,
				has_answered = false,
				has_ended = false,
				has_wrap = false,
				has_op = false,
				has_res_after_op = false,
				has_start = false,
				has_res_after_start = false,
				has_assigned = false,
				has_reply_after_assign = false,
				holding = false,
				bot_before_op = false,
				resolved = false;

	SET_VARSIZE(s, sizeof(TlSummary));
	s->version = TL_VERSION;
	/* in slices: a first touch of hundreds of MB of fresh memory takes seconds */
	for (i = 0; i < n; i += 65536)
	{
		memcpy(ev + i, events + i, sizeof(TlEvent) * Min(n - i, 65536));
		CHECK_FOR_INTERRUPTS();
	}

	/*
	 * A contact of millions of events takes seconds to sort: the sort checks
	 * for interrupts (qsort_arg did not, and a check after it came too late).
	 */
	qsort_interruptible(ev, n, sizeof(TlEvent), cmp_event, (void *) pool);

	s->events = n;
	s->first_at = ev[0].at;
	s->last_at = ev[n - 1].at;
	{
		int64		span;

		/* every duration is at most the span: one check covers them all */
		if (pg_sub_s64_overflow(s->last_at, s->first_at, &span))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("contact events are too far apart"),
					 errdetail("The first and last events are more than 292 000 years apart.")));
	}
	s->response_max = 0;
	for (i = 0; i < n; i++)
	{
		const TlEvent *e = &ev[i];
		int64		at = e->at;

		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();

		if (e->opoff != TL_NO_OPERATOR)
		{
			ops[nops].s = pool + e->opoff;
			ops[nops++].len = e->oplen;
		}
		switch (e->kind)
		{
			case K_OFFERED:
				if (!has_start)
					has_start = true, start_at = at;
				break;
			case K_CUSTOMER_MESSAGE:
				s->customer_messages++;
				if (!(s->flags & TL_HAS_CUSTOMER))
				{
					s->flags |= TL_HAS_CUSTOMER;
					s->first_customer_at = at;
				}
				if (!has_start)
					has_start = true, start_at = at;
				if (!waiting)
					waiting = true, waiting_since = at;
				break;
			case K_OPERATOR_MESSAGE:
				s->operator_messages++;
				if (!has_op)
					has_op = true, first_op_at = at;
				last_op_at = at;
				if (has_assigned && !has_reply_after_assign)
					has_reply_after_assign = true, reply_after_assign = at;
				if (waiting)
				{
					int64		turn = at - waiting_since;

					if (s->turns == 0)
						s->first_response = turn;
					s->turns++;
					s->response_total += turn;
					s->response_max = Max(s->response_max, turn);
					waiting = false;
				}
				break;
			case K_BOT_MESSAGE:
				s->bot_messages++;
				if (!has_op)
					bot_before_op = true;
				break;
			case K_ASSIGNED:
				if (!has_assigned)
				{
					has_assigned = true;
					assigned_at = at;
					/* a reply at the same instant sorts before: it still counts (0 s) */
					if (has_op && last_op_at == at)
						has_reply_after_assign = true, reply_after_assign = at;
				}
				break;
			case K_TRANSFERRED:
				s->transfers++;
				break;
			case K_HOLD_START:
				if (!holding)
					holding = true, hold_since = at;
				break;
			case K_HOLD_END:
				if (holding)
					holding = false, s->hold += at - hold_since;
				break;
			case K_ANSWERED:
				if (!has_answered)
					has_answered = true, answered_at = at;
				break;
			case K_ABANDONED:
				s->flags |= TL_ABANDONED;
				if (holding)
					holding = false, s->hold += at - hold_since;
				break;
			case K_ENDED:
				if (has_answered && !has_ended)
					has_ended = true, ended_at = at;
				if (holding)
					holding = false, s->hold += at - hold_since;
				break;
			case K_WRAPUP_END:
				if (has_ended && !has_wrap)
					has_wrap = true, wrap_at = at;
				break;
			case K_RESOLVED:
				resolved = true;
				if (has_op && !has_res_after_op)
					has_res_after_op = true, res_after_op = at;
				if (has_start && !has_res_after_start)
					has_res_after_start = true, res_after_start = at;
				break;
			case K_REOPENED:
				s->reopens++;
				resolved = false;
				break;
		}
	}
	if (holding)
		s->hold += s->last_at - hold_since;
	if (s->turns == 0)
		s->first_response = s->response_total = s->response_max = TL_NONE;
	s->assignment_to_reply = has_reply_after_assign ? reply_after_assign - assigned_at : TL_NONE;
	if (has_answered)
		s->handle = has_ended ? (has_wrap ? wrap_at : ended_at) - answered_at : TL_NONE;
	else if (has_op)
		s->handle = (has_res_after_op ? res_after_op : last_op_at) - first_op_at;
	else
		s->handle = TL_NONE;
	s->resolution = has_res_after_start ? res_after_start - start_at : TL_NONE;
	if (bot_before_op && has_op)
		s->flags |= TL_BOT_HANDOFF;
	if (resolved)
		s->flags |= TL_RESOLVED;
	if (nops > 0)
	{
		qsort_interruptible(ops, nops, sizeof(OpRef), cmp_opref, NULL);
		s->operators = 1;
		for (i = 1; i < nops; i++)
			if (cmp_opref(&ops[i - 1], &ops[i], NULL) != 0)
				s->operators++;
	}
	pfree(ev);
	pfree(ops);
	return s;
}

/* the final function: the summary, or NULL for no events; never modifies the state */
PG_FUNCTION_INFO_V1(skpi_timeline_final);
Datum
skpi_timeline_final(PG_FUNCTION_ARGS)
{
	Datum		d;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	d = PG_GETARG_DATUM(0);
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &tl_methods)
	{
		TlExpanded *eo = (TlExpanded *) DatumGetEOHP(d);

		if (eo->count == 0)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(summarize(eo->ev, eo->count, eo->pool));
	}
	else
	{
		TlState    *st = state_getarg(fcinfo, 0);

		if (st->count == 0)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(summarize(st->ev, st->count, TL_POOL(st)));
	}
}

/* ---- text helpers: timestamps, seconds, strings ---- */

/* an instant as ISO text in UTC: 2026-03-02 09:00:00+00 */
static void
append_timestamp(StringInfo buf, int64 at)
{
	struct pg_tm tm;
	fsec_t		fsec;
	char		s[MAXDATELEN + 1];

	if (timestamp2tm(at, NULL, &tm, &fsec, NULL, NULL) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	tm.tm_isdst = 0;			/* print the +00 offset */
	EncodeDateTime(&tm, fsec, true, 0, NULL, USE_ISO_DATES, s);
	appendStringInfoChar(buf, '"');
	appendStringInfoString(buf, s);
	appendStringInfoChar(buf, '"');
}

/* microseconds as exact decimal seconds: 45, 45.5, 0.000001 */
static void
append_seconds(StringInfo buf, int64 us)
{
	int64		frac = us % 1000000;
	char		digits[8];
	int			len = 6;

	appendStringInfo(buf, INT64_FORMAT, us / 1000000);
	if (frac == 0)
		return;
	snprintf(digits, sizeof(digits), "%06d", (int) frac);
	while (digits[len - 1] == '0')
		len--;
	digits[len] = '\0';
	appendStringInfo(buf, ".%s", digits);
}

/* a double-quoted timestamp, finite */
static bool
text_timestamp(TextParser *tp, int64 *at)
{
	const char *start;
	char		s[MAXDATELEN + 1];
	int			len;

	if (!skpi_text_expect(tp, '"'))
		return false;
	start = tp->p;
	while (*tp->p != '"' && *tp->p != '\0')
		tp->p++;
	len = tp->p - start;
	if (*tp->p != '"' || len == 0 || len > MAXDATELEN)
		return skpi_text_error(tp, "Expected a timestamp in double quotes.");
	memcpy(s, start, len);
	s[len] = '\0';
	tp->p++;
	if (!skpi_timestamptz_in(s, tp->escontext, at))
		return false;
	if (TIMESTAMP_NOT_FINITE(*at))
		return skpi_text_error(tp, "Event times must be finite.");
	return true;
}

/* seconds with at most 6 decimals, not negative, as microseconds; or null */
static bool
text_seconds(TextParser *tp, int64 *us)
{
	int64		whole = 0;
	int64		frac = 0;
	int			nfrac = 0;
	bool		any = false;

	skpi_text_skip_ws(tp);
	if (strncmp(tp->p, "null", 4) == 0)
	{
		tp->p += 4;
		*us = TL_NONE;
		return true;
	}
	while (*tp->p >= '0' && *tp->p <= '9')
	{
		/* whole * 1 000 000 + frac must fit too: checked at the end */
		if (whole > PG_INT64_MAX / 10000000)
			return skpi_text_error(tp, "A duration is out of range.");
		whole = whole * 10 + (*tp->p++ - '0');
		any = true;
	}
	if (!any)
		return skpi_text_error(tp, "Expected seconds (a number with at most 6 decimals) or null.");
	if (*tp->p == '.')
	{
		tp->p++;
		while (*tp->p >= '0' && *tp->p <= '9')
		{
			if (++nfrac > 6)
				return skpi_text_error(tp, "Seconds have at most 6 decimals.");
			frac = frac * 10 + (*tp->p++ - '0');
		}
		if (nfrac == 0)
			return skpi_text_error(tp, "Expected digits after the decimal point.");
	}
	while (nfrac++ < 6)
		frac *= 10;
	/* up to 9 223 372 036 859 whole seconds pass the loop: more than fits */
	if (pg_mul_s64_overflow(whole, 1000000, us) || pg_add_s64_overflow(*us, frac, us))
		return skpi_text_error(tp, "A duration is out of range.");
	return true;
}

/* ---- contact_timeline: validation, text and binary forms ---- */

/* the invariants of a summary built from outside; NULL if it is fine */
static const char *
summary_invalid(TlSummary *s)
{
	int64	   *c = summary_counts(s);
	int64	   *d = summary_durations(s);
	int64		span;
	bool		needs_offered = false;
	int			i;

	if (s->flags & ~TL_ALL_FLAGS)
		return "Unknown flags.";
	for (i = 0; i < TL_NCOUNTS; i++)
		if (c[i] < 0)
			return "A count is negative.";
	if (s->events < 1 || s->events > TL_MAX_EVENTS)
		return "A timeline has at least one event.";
	/* each count is checked before the sum, so the sum cannot wrap */
	if (s->customer_messages > s->events || s->operator_messages > s->events ||
		s->bot_messages > s->events || s->transfers > s->events || s->reopens > s->events ||
		s->customer_messages + s->operator_messages + s->bot_messages + s->transfers +
		s->reopens > s->events || s->operators > s->events)
		return "The counts exceed the events.";
	if (TIMESTAMP_NOT_FINITE(s->first_at) || TIMESTAMP_NOT_FINITE(s->last_at) ||
		!IS_VALID_TIMESTAMP(s->first_at) || !IS_VALID_TIMESTAMP(s->last_at) ||
		s->last_at < s->first_at ||
		pg_sub_s64_overflow(s->last_at, s->first_at, &span))
		return "The first and last event times are out of order or out of range.";
	if ((s->customer_messages > 0) != ((s->flags & TL_HAS_CUSTOMER) != 0))
		return "A first customer message is given exactly when there are customer messages.";
	if ((s->flags & TL_HAS_CUSTOMER) &&
		(s->first_customer_at < s->first_at || s->first_customer_at > s->last_at))
		return "The first customer message lies outside the timeline.";
	if (!(s->flags & TL_HAS_CUSTOMER) && s->first_customer_at != 0)
		return "The first customer message is set without the flag.";
	for (i = 0; i < TL_NDURATIONS; i++)
		if (d[i] < TL_NONE || d[i] > span)
			return "A duration is negative or longer than the timeline.";
	if (s->hold == TL_NONE)
		return "The hold time always applies.";

	/* one event is one instant */
	if (s->events == 1 && span != 0)
		return "One event, but the first and last event times differ.";

	/*
	 * What the flags and durations say happened needs events of its own
	 * kind, besides the messages, transfers and reopens counted: an
	 * abandoned event, a resolved event (resolved, or a resolution time), a
	 * hold_start (hold time), an assigned event (assignment to reply), the
	 * answered and ended events of a call (a handle time without operator
	 * messages), an answered event without its ended one (no handle time
	 * although operators wrote: a chat's handle time always applies), an
	 * offered event (a resolution time without customer messages, or one
	 * longer than the time from the first customer message to the last
	 * event: the resolution runs from the first offered event or customer
	 * message to a resolved event, so it then started at an earlier
	 * offered event).  The kinds differ, so their sum is a lower bound of
	 * the events (each term is at most the events, checked above: no
	 * overflow).
	 */
	if (s->assignment_to_reply != TL_NONE && s->operator_messages == 0)
		return "An assignment-to-reply time needs an operator message.";
	if (s->resolution != TL_NONE)
		needs_offered = s->customer_messages == 0 ||
			s->resolution > s->last_at - s->first_customer_at;
	if (s->customer_messages + s->operator_messages + s->bot_messages + s->transfers +
		s->reopens +
		((s->flags & TL_ABANDONED) ? 1 : 0) +
		(((s->flags & TL_RESOLVED) || s->resolution != TL_NONE) ? 1 : 0) +
		(s->hold > 0 ? 1 : 0) +
		(s->assignment_to_reply != TL_NONE ? 1 : 0) +
		((s->handle != TL_NONE && s->operator_messages == 0) ? 2 : 0) +
		((s->handle == TL_NONE && s->operator_messages > 0) ? 1 : 0) +
		(needs_offered ? 1 : 0) > s->events)
		return "The flags and durations need more events than the timeline has.";
	/* what lies before the first customer message is another event */
	if ((s->flags & TL_HAS_CUSTOMER) && s->first_customer_at > s->first_at &&
		s->customer_messages >= s->events)
		return "Only customer messages, but the first of them is not the first event.";
	if (s->turns > s->customer_messages || s->turns > s->operator_messages)
		return "More response turns than messages.";
	if (s->turns == 0)
	{
		if (s->first_response != TL_NONE || s->response_total != TL_NONE ||
			s->response_max != TL_NONE)
			return "Response times without response turns.";

		/*
		 * An operator message at or after the first customer message
		 * answers it (at the same instant it sorts after it): with both
		 * kinds of message and no turn, every operator message came first.
		 */
		if (s->customer_messages > 0 && s->operator_messages > 0 &&
			s->first_customer_at == s->first_at)
			return "Customer and operator messages without a response turn need an operator message before the first customer message.";
	}
	else
	{
		int64		rest,
					bound,
					end;

		/*
		 * The turns are disjoint intervals, each from a customer message to
		 * the operator reply that ends it; the next turn starts at a later
		 * customer message.  The first starts at the first customer message
		 * and lasts first_response; the others (turns - 1 of them) sum to the
		 * rest of the total, each at most the maximum, one of them equal to
		 * it when the first is shorter; and the last ends by the last event.
		 * (Products and sums are checked for overflow.)
		 */
		if (s->first_response == TL_NONE || s->response_total == TL_NONE ||
			s->response_max == TL_NONE)
			return "Response turns without response times.";
		if (s->first_response > s->response_max || s->response_max > s->response_total)
			return "The first response exceeds the maximum, or the maximum the total.";
		rest = s->response_total - s->first_response;
		if (s->turns == 1 && rest != 0)
			return "One response turn, but its first, maximum and total response times differ.";
		if (s->response_max > s->first_response && rest < s->response_max)
			return "The maximum response is not the first, but the other turns sum to less than it.";
		if (!pg_mul_s64_overflow(s->turns - 1, s->response_max, &bound) && rest > bound)
			return "The response total exceeds the first response plus the other turns at the maximum.";
		if (pg_add_s64_overflow(s->first_customer_at, s->response_total, &end) ||
			end > s->last_at)
			return "The response turns end after the last event.";
	}

	if ((s->flags & TL_BOT_HANDOFF) && (s->bot_messages == 0 || s->operator_messages == 0))
		return "A bot handoff needs bot and operator messages.";

	/*
	 * A bot message at the instant of the first operator message sorts
	 * after it: a handoff needs the bot earlier, so the timeline lasts.
	 */
	if ((s->flags & TL_BOT_HANDOFF) && span == 0)
		return "A bot handoff, but every event is at the same instant.";
	if (s->reserved != 0 || s->reserved2 != 0)
		return "Reserved fields are not zero.";
	return NULL;
}

static TlSummary *
summary_getarg(FunctionCallInfo fcinfo, int argno)
{
	TlSummary  *s = (TlSummary *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	if (VARSIZE(s) != sizeof(TlSummary) || s->version != TL_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted contact_timeline value")));
	return s;
}

PG_FUNCTION_INFO_V1(skpi_timeline_out);
Datum
skpi_timeline_out(PG_FUNCTION_ARGS)
{
	TlSummary  *s = summary_getarg(fcinfo, 0);
	StringInfoData buf;
	int64	   *c = summary_counts(s);
	int64	   *d = summary_durations(s);
	int			i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"version\":%d,\"first_event\":", TL_VERSION);
	append_timestamp(&buf, s->first_at);
	appendStringInfoString(&buf, ",\"last_event\":");
	append_timestamp(&buf, s->last_at);
	appendStringInfoString(&buf, ",\"first_customer_message\":");
	if (s->flags & TL_HAS_CUSTOMER)
		append_timestamp(&buf, s->first_customer_at);
	else
		appendStringInfoString(&buf, "null");
	for (i = 0; i < TL_NCOUNTS; i++)
		appendStringInfo(&buf, ",\"%s\":" INT64_FORMAT, count_keys[i], c[i]);
	for (i = 0; i < TL_NDURATIONS; i++)
	{
		appendStringInfo(&buf, ",\"%s\":", duration_keys[i]);
		if (d[i] == TL_NONE)
			appendStringInfoString(&buf, "null");
		else
			append_seconds(&buf, d[i]);
	}
	appendStringInfo(&buf, ",\"bot_handoff\":%s,\"abandoned\":%s,\"resolved\":%s}",
					 (s->flags & TL_BOT_HANDOFF) ? "true" : "false",
					 (s->flags & TL_ABANDONED) ? "true" : "false",
					 (s->flags & TL_RESOLVED) ? "true" : "false");
	PG_RETURN_CSTRING(buf.data);
}

#define TL_NKEYS (1 + 3 + TL_NCOUNTS + TL_NDURATIONS + 3)

PG_FUNCTION_INFO_V1(skpi_timeline_in);
Datum
skpi_timeline_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	TextParser	tp;
	TlSummary  *s = palloc0(sizeof(TlSummary));
	bool		seen[TL_NKEYS];
	char		key[32];
	int64	   *c = summary_counts(s);
	int64	   *d = summary_durations(s);
	const char *bad;
	int			i;

	memset(seen, 0, sizeof(seen));
	SET_VARSIZE(s, sizeof(TlSummary));
	s->version = TL_VERSION;
	skpi_text_init(&tp, input, "contact_timeline", fcinfo->context);
	if (!skpi_text_expect(&tp, '{'))
		PG_RETURN_NULL();
	do
	{
		int			which = -1;
		bool		b = false;

		if (!skpi_text_word(&tp, key, sizeof(key)) || !skpi_text_expect(&tp, ':'))
			PG_RETURN_NULL();
		if (strcmp(key, "version") == 0)
			which = 0;
		else if (strcmp(key, "first_event") == 0)
			which = 1;
		else if (strcmp(key, "last_event") == 0)
			which = 2;
		else if (strcmp(key, "first_customer_message") == 0)
			which = 3;
		else if ((i = lookup_name(count_keys, TL_NCOUNTS, key, strlen(key))) >= 0)
			which = 4 + i;
		else if ((i = lookup_name(duration_keys, TL_NDURATIONS, key, strlen(key))) >= 0)
			which = 4 + TL_NCOUNTS + i;
		else if (strcmp(key, "bot_handoff") == 0)
			which = TL_NKEYS - 3;
		else if (strcmp(key, "abandoned") == 0)
			which = TL_NKEYS - 2;
		else if (strcmp(key, "resolved") == 0)
			which = TL_NKEYS - 1;
		if (which < 0 || seen[which])
		{
			skpi_text_bad_key(&tp, key);
			PG_RETURN_NULL();
		}
		seen[which] = true;
		if (which == 0)
		{
			int			version;

			if (!skpi_text_small_int(&tp, "version", &version) ||
				!skpi_text_version(&tp, version, TL_VERSION))
				PG_RETURN_NULL();
		}
		else if (which == 1 || which == 2)
		{
			if (!text_timestamp(&tp, which == 1 ? &s->first_at : &s->last_at))
				PG_RETURN_NULL();
		}
		else if (which == 3)
		{
			skpi_text_skip_ws(&tp);
			if (strncmp(tp.p, "null", 4) == 0)
				tp.p += 4;
			else
			{
				if (!text_timestamp(&tp, &s->first_customer_at))
					PG_RETURN_NULL();
				s->flags |= TL_HAS_CUSTOMER;
			}
		}
		else if (which < 4 + TL_NCOUNTS)
		{
			if (!skpi_text_int64(&tp, &c[which - 4]))
				PG_RETURN_NULL();
		}
		else if (which < 4 + TL_NCOUNTS + TL_NDURATIONS)
		{
			if (!text_seconds(&tp, &d[which - 4 - TL_NCOUNTS]))
				PG_RETURN_NULL();
		}
		else
		{
			if (!skpi_text_bool(&tp, &b))
				PG_RETURN_NULL();
			if (b)
				s->flags |= which == TL_NKEYS - 3 ? TL_BOT_HANDOFF :
					which == TL_NKEYS - 2 ? TL_ABANDONED : TL_RESOLVED;
		}
	} while (skpi_text_accept(&tp, ','));
	if (!skpi_text_end(&tp))
		PG_RETURN_NULL();
	for (i = 0; i < TL_NKEYS; i++)
		if (!seen[i])
		{
			skpi_text_error(&tp, "Every key of the text form is required.");
			PG_RETURN_NULL();
		}
	if ((bad = summary_invalid(s)) != NULL)
	{
		skpi_text_error(&tp, bad);
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(s);
}

/*
 * Binary form: version (1 byte), flags (1), then the 8 counts, first and
 * last event times, the first customer message time (0 without one) and the
 * 7 durations (-1 when they do not apply), each an int64.
 */
#define TL_SUMMARY_WIRE (2 + 8 * (TL_NCOUNTS + 3 + TL_NDURATIONS))

PG_FUNCTION_INFO_V1(skpi_timeline_send);
Datum
skpi_timeline_send(PG_FUNCTION_ARGS)
{
	TlSummary  *s = summary_getarg(fcinfo, 0);
	StringInfoData buf;
	int64	   *c = summary_counts(s);
	int			i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, TL_VERSION);
	pq_sendbyte(&buf, s->flags);
	/* counts, first_at, last_at, first_customer_at, durations: contiguous */
	for (i = 0; i < TL_NCOUNTS + 3 + TL_NDURATIONS; i++)
		pq_sendint64(&buf, c[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
recv_error(const char *type, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary %s value", type),
			 errdetail("%s", detail)));
}

PG_FUNCTION_INFO_V1(skpi_timeline_recv);
Datum
skpi_timeline_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	TlSummary  *s = palloc0(sizeof(TlSummary));
	int64	   *c = summary_counts(s);
	const char *bad;
	int			i;

	if (buf->len - buf->cursor != TL_SUMMARY_WIRE)
		recv_error("contact_timeline", "The value has the wrong length.");
	SET_VARSIZE(s, sizeof(TlSummary));
	s->version = (uint8) pq_getmsgbyte(buf);
	if (s->version != TL_VERSION)
		recv_error("contact_timeline", "Unsupported version.");
	s->flags = (uint8) pq_getmsgbyte(buf);
	for (i = 0; i < TL_NCOUNTS + 3 + TL_NDURATIONS; i++)
		c[i] = pq_getmsgint64(buf);
	if ((bad = summary_invalid(s)) != NULL)
		recv_error("contact_timeline", bad);
	PG_RETURN_POINTER(s);
}

StaticAssertDecl(offsetof(TlSummary, first_response) ==
				 offsetof(TlSummary, events) + 8 * (TL_NCOUNTS + 3),
				 "TlSummary fields are contiguous");

/* ---- contact_timeline_state: text and binary forms ---- */

static void
append_json_string(StringInfo buf, const char *s, int len)
{
	int			i;

	appendStringInfoChar(buf, '"');
	for (i = 0; i < len; i++)
	{
		unsigned char ch = (unsigned char) s[i];

		if (ch == '"' || ch == '\\')
		{
			appendStringInfoChar(buf, '\\');
			appendStringInfoChar(buf, ch);
		}
		else if (ch < 0x20)
			appendStringInfo(buf, "\\u%04x", ch);
		else
			appendStringInfoChar(buf, ch);
	}
	appendStringInfoChar(buf, '"');
}

/* {"version":1,"events":[["2026-03-02 09:00:00+00","offered","system",null],...]} */
PG_FUNCTION_INFO_V1(skpi_timeline_state_out);
Datum
skpi_timeline_state_out(PG_FUNCTION_ARGS)
{
	TlState    *st = state_getarg(fcinfo, 0);
	StringInfoData buf;
	int64		i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"version\":%d,\"events\":[", TL_STATE_VERSION);
	for (i = 0; i < st->count; i++)
	{
		const TlEvent *e = &st->ev[i];

		if (i > 0)
			appendStringInfoChar(&buf, ',');
		appendStringInfoChar(&buf, '[');
		append_timestamp(&buf, e->at);
		appendStringInfo(&buf, ",\"%s\",\"%s\",", kind_names[e->kind], party_names[e->party]);
		if (e->opoff == TL_NO_OPERATOR)
			appendStringInfoString(&buf, "null");
		else
			append_json_string(&buf, TL_POOL(st) + e->opoff, e->oplen);
		appendStringInfoChar(&buf, ']');
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	appendStringInfoString(&buf, "]}");
	PG_RETURN_CSTRING(buf.data);
}

/*
 * A JSON string into buf: escapes \" \\ \/ \b \f \n \r \t and \uXXXX below
 * 0x80 (not \u0000); any other character as is, the whole checked against
 * the database encoding.
 */
static bool
text_json_string(TextParser *tp, StringInfo buf)
{
	resetStringInfo(buf);
	if (!skpi_text_expect(tp, '"'))
		return false;
	for (;;)
	{
		char		ch = *tp->p;

		if (ch == '\0')
			return skpi_text_error(tp, "An unterminated string.");
		tp->p++;
		if (ch == '"')
			break;
		if ((unsigned char) ch < 0x20)
			return skpi_text_error(tp, "A control character in a string.");
		if (ch != '\\')
		{
			appendStringInfoChar(buf, ch);
			continue;
		}
		ch = *tp->p++;
		switch (ch)
		{
			case '"':
			case '\\':
			case '/':
				appendStringInfoChar(buf, ch);
				break;
			case 'b':
				appendStringInfoChar(buf, '\b');
				break;
			case 'f':
				appendStringInfoChar(buf, '\f');
				break;
			case 'n':
				appendStringInfoChar(buf, '\n');
				break;
			case 'r':
				appendStringInfoChar(buf, '\r');
				break;
			case 't':
				appendStringInfoChar(buf, '\t');
				break;
			case 'u':
				{
					int			v = 0,
								k;

					for (k = 0; k < 4; k++)
					{
						char		h = *tp->p;

						if (h >= '0' && h <= '9')
							v = v * 16 + (h - '0');
						else if (h >= 'a' && h <= 'f')
							v = v * 16 + (h - 'a' + 10);
						else if (h >= 'A' && h <= 'F')
							v = v * 16 + (h - 'A' + 10);
						else
							return skpi_text_error(tp, "A \\u escape needs 4 hex digits.");
						tp->p++;
					}
					if (v == 0 || v >= 0x80)
						return skpi_text_error(tp, "Only \\u0001 to \\u007f escapes are accepted.");
					appendStringInfoChar(buf, (char) v);
					break;
				}
			default:
				tp->p--;
				return skpi_text_error(tp, "An unknown escape in a string.");
		}
		if (buf->len > TL_MAX_OPERATOR_LEN)
			return skpi_text_error(tp, "An operator id is longer than 65535 bytes.");
	}
	if (buf->len > TL_MAX_OPERATOR_LEN)
		return skpi_text_error(tp, "An operator id is longer than 65535 bytes.");
	if (!pg_verifymbstr(buf->data, buf->len, true))
		return skpi_text_error(tp, "An operator id is not valid in the database encoding.");
	return true;
}

/* a quoted word among names: its index */
static bool
text_label(TextParser *tp, const char *const *names, int n, int *code)
{
	char		word[32];

	if (!skpi_text_word(tp, word, sizeof(word)))
		return false;
	*code = lookup_name(names, n, word, strlen(word));
	if (*code < 0)
		return skpi_text_error(tp, "Unknown event kind or party.");
	return true;
}

PG_FUNCTION_INFO_V1(skpi_timeline_state_in);
Datum
skpi_timeline_state_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	TextParser	tp;
	TlExpanded *eo = tl_new(CurrentMemoryContext);
	StringInfoData opbuf;
	bool		seen_version = false,
				seen_events = false;
	char		key[32];
	TlState    *st;

	initStringInfo(&opbuf);
	skpi_text_init(&tp, input, "contact_timeline_state", fcinfo->context);
	if (!skpi_text_expect(&tp, '{'))
		PG_RETURN_NULL();
	do
	{
		if (!skpi_text_word(&tp, key, sizeof(key)) || !skpi_text_expect(&tp, ':'))
			PG_RETURN_NULL();
		if (strcmp(key, "version") == 0 && !seen_version)
		{
			int			version;

			seen_version = true;
			if (!skpi_text_small_int(&tp, "version", &version) ||
				!skpi_text_version(&tp, version, TL_STATE_VERSION))
				PG_RETURN_NULL();
		}
		else if (strcmp(key, "events") == 0 && !seen_events)
		{
			seen_events = true;
			if (!skpi_text_expect(&tp, '['))
				PG_RETURN_NULL();
			if (!skpi_text_accept(&tp, ']'))
			{
				do
				{
					int64		at;
					int			kind,
								party;
					bool		has_op = true;

					if (!skpi_text_expect(&tp, '[') || !text_timestamp(&tp, &at) ||
						!skpi_text_expect(&tp, ',') ||
						!text_label(&tp, kind_names, TL_NKINDS, &kind) ||
						!skpi_text_expect(&tp, ',') ||
						!text_label(&tp, party_names, TL_NPARTIES, &party) ||
						!skpi_text_expect(&tp, ','))
						PG_RETURN_NULL();
					skpi_text_skip_ws(&tp);
					if (strncmp(tp.p, "null", 4) == 0)
					{
						tp.p += 4;
						has_op = false;
					}
					else if (!text_json_string(&tp, &opbuf))
						PG_RETURN_NULL();
					if (!skpi_text_expect(&tp, ']'))
						PG_RETURN_NULL();
					if (is_message(kind) && party != default_party(kind))
					{
						skpi_text_error(&tp, "A message's party contradicts its kind.");
						PG_RETURN_NULL();
					}
					/* the aggregate's limits, with its errors */
					if (eo->count >= TL_MAX_EVENTS)
					{
						events_limit_error(fcinfo->context);
						PG_RETURN_NULL();
					}
					if (has_op && eo->live_pool + opbuf.len > TL_MAX_POOL)
					{
						operator_ids_limit_error(fcinfo->context, eo->live_pool + opbuf.len);
						PG_RETURN_NULL();
					}
					tl_add(eo, at, (uint8) kind, (uint8) party,
						   has_op ? opbuf.data : NULL, has_op ? opbuf.len : 0);
					/* a big text value takes seconds to read */
					if ((eo->count & 0xFFFF) == 0)
						CHECK_FOR_INTERRUPTS();
				} while (skpi_text_accept(&tp, ','));
				if (!skpi_text_expect(&tp, ']'))
					PG_RETURN_NULL();
			}
		}
		else
		{
			skpi_text_bad_key(&tp, key);
			PG_RETURN_NULL();
		}
	} while (skpi_text_accept(&tp, ','));
	if (!skpi_text_end(&tp))
		PG_RETURN_NULL();
	if (!seen_version || !seen_events)
	{
		skpi_text_error(&tp, "Keys version and events are required.");
		PG_RETURN_NULL();
	}
	st = palloc(tl_get_flat_size(&eo->hdr));
	tl_flatten_into(&eo->hdr, st, tl_get_flat_size(&eo->hdr));
	PG_RETURN_POINTER(st);
}

/*
 * Binary form: version (1 byte), event count (int32), then per event: at
 * (int64), kind (1 byte), party (1 byte), operator id length (int32, -1 for
 * NULL) and its bytes.
 */
PG_FUNCTION_INFO_V1(skpi_timeline_state_send);
Datum
skpi_timeline_state_send(PG_FUNCTION_ARGS)
{
	TlState    *st = state_getarg(fcinfo, 0);
	StringInfoData buf;
	int64		i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, TL_STATE_VERSION);
	pq_sendint32(&buf, st->count);
	for (i = 0; i < st->count; i++)
	{
		const TlEvent *e = &st->ev[i];

		pq_sendint64(&buf, e->at);
		pq_sendbyte(&buf, e->kind);
		pq_sendbyte(&buf, e->party);
		if (e->opoff == TL_NO_OPERATOR)
			pq_sendint32(&buf, -1);
		else
		{
			pq_sendint32(&buf, e->oplen);
			pq_sendbytes(&buf, TL_POOL(st) + e->opoff, e->oplen);
		}
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(skpi_timeline_state_recv);
Datum
skpi_timeline_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	TlExpanded *eo;
	int32		n,
				i;
	TlState    *st;
	const char *bad;

	if (buf->len - buf->cursor < 5)
		recv_error("contact_timeline_state", "The value is truncated.");
	if (pq_getmsgbyte(buf) != TL_STATE_VERSION)
		recv_error("contact_timeline_state", "Unsupported version.");
	n = pq_getmsgint(buf, 4);
	/* every event takes at least 14 bytes: checked before any allocation */
	if (n < 0 || (int64) n * 14 > buf->len - buf->cursor)
		recv_error("contact_timeline_state", "The event count does not match the data.");
	/* a malformed value first (22P03), then the aggregate's limits, with its errors */
	if (n > TL_MAX_EVENTS)
		too_many_events();
	eo = tl_new(CurrentMemoryContext);
	tl_reserve(eo, n);
	for (i = 0; i < n; i++)
	{
		int64		at;
		uint8		kind,
					party;
		int32		len;
		const char *op = NULL;

		if (buf->len - buf->cursor < 14)
			recv_error("contact_timeline_state", "The value is truncated.");
		at = pq_getmsgint64(buf);
		kind = (uint8) pq_getmsgbyte(buf);
		party = (uint8) pq_getmsgbyte(buf);
		len = pq_getmsgint(buf, 4);
		if (len < -1 || len > TL_MAX_OPERATOR_LEN || len > buf->len - buf->cursor)
			recv_error("contact_timeline_state", "Bad operator id length.");
		if (len >= 0)
		{
			op = pq_getmsgbytes(buf, len);
			if (memchr(op, '\0', len) != NULL || !pg_verifymbstr(op, len, true))
				recv_error("contact_timeline_state", "An operator id is not valid text.");
		}
		if (kind >= TL_NKINDS || party >= TL_NPARTIES)
			recv_error("contact_timeline_state", "An event kind or party is out of range.");
		tl_add(eo, at, kind, party, op, len < 0 ? 0 : len);
		/* a big binary value takes seconds to read, as a text one does */
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
	}
	if (buf->cursor != buf->len)
		recv_error("contact_timeline_state", "Trailing bytes.");
	st = palloc(tl_get_flat_size(&eo->hdr));
	tl_flatten_into(&eo->hdr, st, tl_get_flat_size(&eo->hdr));
	if ((bad = events_invalid(st->ev, st->count, st->pool_len)) != NULL)
		recv_error("contact_timeline_state", bad);
	PG_RETURN_POINTER(st);
}

/* ---- accessors ---- */

static inline Datum
seconds_or_null(FunctionCallInfo fcinfo, int64 us)
{
	if (us == TL_NONE)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(us));
}

#define TL_SECONDS_ACCESSOR(name, expr) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS) \
	{ \
		TlSummary  *s = summary_getarg(fcinfo, 0); \
		return seconds_or_null(fcinfo, (expr)); \
	}

TL_SECONDS_ACCESSOR(skpi_tl_first_response, s->first_response)
TL_SECONDS_ACCESSOR(skpi_tl_max_response, s->response_max)
TL_SECONDS_ACCESSOR(skpi_tl_assignment_to_reply, s->assignment_to_reply)
TL_SECONDS_ACCESSOR(skpi_tl_handle, s->handle)
TL_SECONDS_ACCESSOR(skpi_tl_hold, s->hold)
TL_SECONDS_ACCESSOR(skpi_tl_duration, s->last_at - s->first_at)
TL_SECONDS_ACCESSOR(skpi_tl_resolution, s->resolution)

PG_FUNCTION_INFO_V1(skpi_tl_avg_response);
Datum
skpi_tl_avg_response(PG_FUNCTION_ARGS)
{
	TlSummary  *s = summary_getarg(fcinfo, 0);

	if (s->turns == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(SKPI_US_TO_SECONDS(s->response_total) / (double) s->turns);
}

#define TL_COUNT_ACCESSOR(name, field) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_INT64(summary_getarg(fcinfo, 0)->field); \
	}

TL_COUNT_ACCESSOR(skpi_tl_events, events)
TL_COUNT_ACCESSOR(skpi_tl_turns, turns)
TL_COUNT_ACCESSOR(skpi_tl_transfers, transfers)
TL_COUNT_ACCESSOR(skpi_tl_reopens, reopens)
TL_COUNT_ACCESSOR(skpi_tl_operators, operators)

PG_FUNCTION_INFO_V1(skpi_tl_messages);
Datum
skpi_tl_messages(PG_FUNCTION_ARGS)
{
	TlSummary  *s = summary_getarg(fcinfo, 0);
	TlCache    *c = (TlCache *) fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TlCache));
		fcinfo->flinfo->fn_extra = c;
	}
	switch (enum_code(c, PG_GETARG_DATUM(1), true))
	{
		case P_CUSTOMER:
			PG_RETURN_INT64(s->customer_messages);
		case P_OPERATOR:
			PG_RETURN_INT64(s->operator_messages);
		case P_BOT:
			PG_RETURN_INT64(s->bot_messages);
		default:
			PG_RETURN_INT64(0);
	}
}

PG_FUNCTION_INFO_V1(skpi_tl_all_messages);
Datum
skpi_tl_all_messages(PG_FUNCTION_ARGS)
{
	TlSummary  *s = summary_getarg(fcinfo, 0);

	PG_RETURN_INT64(s->customer_messages + s->operator_messages + s->bot_messages);
}

#define TL_FLAG_ACCESSOR(name, flag) \
	PG_FUNCTION_INFO_V1(name); \
	Datum name(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BOOL((summary_getarg(fcinfo, 0)->flags & (flag)) != 0); \
	}

TL_FLAG_ACCESSOR(skpi_tl_bot_handoff, TL_BOT_HANDOFF)
TL_FLAG_ACCESSOR(skpi_tl_abandoned, TL_ABANDONED)
TL_FLAG_ACCESSOR(skpi_tl_resolved, TL_RESOLVED)

PG_FUNCTION_INFO_V1(skpi_tl_started_at);
Datum
skpi_tl_started_at(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(summary_getarg(fcinfo, 0)->first_at);
}

PG_FUNCTION_INFO_V1(skpi_tl_first_customer_at);
Datum
skpi_tl_first_customer_at(PG_FUNCTION_ARGS)
{
	TlSummary  *s = summary_getarg(fcinfo, 0);

	if (!(s->flags & TL_HAS_CUSTOMER))
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(s->first_customer_at);
}

/* ---- sessionize (window function) ---- */

typedef struct SessionState
{
	int64		session;		/* 0 before the first non-NULL event */
	int64		prev_at;
} SessionState;

PG_FUNCTION_INFO_V1(skpi_sessionize);
Datum
skpi_sessionize(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	SessionState *ss = (SessionState *) WinGetPartitionLocalMemory(winobj, sizeof(SessionState));
	bool		isnull;
	Datum		d;
	TimestampTz at;
	int64		gap_us;
	int64		diff;

	/* no row before the current one is ever read again */
	WinSetMarkPosition(winobj, WinGetCurrentPosition(winobj));
	d = WinGetFuncArgCurrent(winobj, 0, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	at = DatumGetTimestampTz(d);
	d = WinGetFuncArgCurrent(winobj, 1, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	gap_us = skpi_interval_us(DatumGetIntervalP(d), "gap");
	if (TIMESTAMP_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("at must be a finite timestamp")));
	if (ss->session == 0)
		ss->session = 1;
	else
	{
		if (at < ss->prev_at)
			ereport(ERROR,
					(errcode(ERRCODE_WINDOWING_ERROR),
					 errmsg("sessionize needs its window ordered by at, ascending"),
					 errhint("Use OVER (PARTITION BY customer ORDER BY at).")));
		if (pg_sub_s64_overflow(at, ss->prev_at, &diff) || diff > gap_us)
			ss->session++;
	}
	ss->prev_at = at;
	PG_RETURN_INT32((int32) Min(ss->session, PG_INT32_MAX));
}
