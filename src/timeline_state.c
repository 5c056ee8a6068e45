/*
 * timeline_state.c
 *		Contact timelines: the aggregate and its event-list state.
 *
 *	 contact_timeline(kind, at [, party [, operator_id]]) and
 *	 contact_timeline(contact_event): an aggregate, grouped by contact, that
 *	 collects the contact's events and summarizes them, once sorted, into a
 *	 contact_timeline value (timeline_summary.c: first response, average /
 *	 maximum response time, handle time, hold, resolution time, counts,
 *	 flags) read by accessors.
 *
 *	contact_timeline_state	the events of ONE contact (the aggregate's state):
 *			16 bytes per event plus its operator_id bytes.  Inside the
 *			aggregate, events of default parties without operator ids are
 *			kept compact (TlCompact: 9 bytes an event, appended in place);
 *			others in a plain value while small, then in an expanded object
 *			whose arrays grow by repalloc, flattened (operator ids compacted)
 *			when PostgreSQL needs a datum, e.g. a parallel worker's partial
 *			state.  Merging concatenates.
 *
 * The type is described by tl_state_type (state.h): its header, stored
 * checks, text and binary forms and the combine entry point go through the
 * state driver; the expanded object, the transitions and the concatenation
 * (merge_call) are its own algorithm.
 *
 * Errors: 22P02 unknown text kind / malformed text input, 22P03 malformed
 * binary input, 22008 infinite timestamps, 22023 a message whose party
 * contradicts its kind, 54000 too many events, XX001 corrupted stored states.
 */
#include "postgres.h"
#include "access/htup_details.h"
#include "utils/typcache.h"

#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "compat.h"
#include "state.h"
#include "textparse.h"
#include "timeline.h"

const char *const tl_kind_names[TL_NKINDS] = {
	"offered", "customer_message", "operator_message", "bot_message", "assigned",
	"transferred", "hold_start", "hold_end", "answered", "abandoned", "ended",
	"wrapup_end", "resolved", "reopened"
};
const char *const tl_party_names[TL_NPARTIES] = {
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

int
tl_lookup_name(const char *const *names, int n, const char *s, int len)
{
	int			i;

	for (i = 0; i < n; i++)
		if ((int) strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return i;
	return -1;
}

StaticAssertDecl(sizeof(TlEvent) == 16, "TlEvent is 16 bytes");
StaticAssertDecl(TL_STATE_HDRSZ + TL_MAX_EVENTS * sizeof(TlEvent) + TL_MAX_POOL <= MaxAllocSize,
				 "a state at both limits fits a PostgreSQL value");

SKPI_STATE_LAYOUT(TlState);

/*
 * The kind byte of a contact_timeline_state tells its two layouts apart:
 * TlState (kind 0), the only one of the text and binary forms and of every
 * value read from them, and TlCompact (kind 1), which only the aggregate
 * makes.
 *
 * TlCompact holds the events of a contact whose every event has its kind's
 * default party and no operator id (contact_timeline(kind, at), the common
 * case) in 9 bytes each, the times then the kinds, in the order the rows
 * came (the order of TlState's events), with room for cap events: the
 * transition appends in place and returns the same value, so the executor
 * neither copies it nor frees the old one, and a full state is copied once
 * into one twice as large.  Its sizes are the powers of two palloc rounds
 * to (64 bytes: 5 events, 128: 12, ..., 8 kB: 908).  An event with a party
 * or operator id of its own, or more events than 8 kB hold, turn it into
 * the general forms (TlState, then the expanded object below).  The text
 * and binary forms, the final function and the combine read it as the
 * TlState of its events.  A compact state leaves an aggregate as a
 * parallel worker's partial state, for the combine, and as the stored
 * running state of a user's aggregate without a final function (with its
 * unused room: 57 bytes for one event where the flat form takes 28); its
 * text and binary forms are those of the flat form.
 */
#define TL_KIND_FLAT 0
#define TL_KIND_COMPACT 1

typedef struct TlCompact
{
	SKPI_STATE_HEADER;			/* version TL_STATE_VERSION, kind TL_KIND_COMPACT */
	uint16		reserved2;		/* zero */
	int32		count;			/* events */
	int32		cap;			/* room for that many: VARSIZE is TL_COMPACT_SIZE(cap) */
	int64		at[FLEXIBLE_ARRAY_MEMBER];	/* cap times, then cap kind bytes */
} TlCompact;

SKPI_STATE_LAYOUT(TlCompact);

#define TL_COMPACT_HDRSZ offsetof(TlCompact, at)
#define TL_COMPACT_SIZE(cap) (TL_COMPACT_HDRSZ + 9 * (Size) (cap))
#define TL_COMPACT_KINDS(cs) ((uint8 *) ((cs)->at + (cs)->cap))
/* the room in a state of that many bytes */
#define TL_COMPACT_CAP(bytes) ((int32) (((bytes) - TL_COMPACT_HDRSZ) / 9))
#define TL_COMPACT_FIRST_BYTES 64
#define TL_COMPACT_MAX_BYTES 8192

StaticAssertDecl(TL_COMPACT_HDRSZ == TL_STATE_HDRSZ, "the two layouts share their header");

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

/* ---- the stored value (state.h) ---- */

static const SkpiStateType tl_state_type;

/*
 * Header and size of a compact state (constant work), and with events its
 * events too: finite times, known kinds.
 */
static bool
tl_compact_ok(const TlCompact *cs, bool events)
{
	const uint8 *kinds;
	int32		i;

	if (VARSIZE(cs) < TL_COMPACT_HDRSZ || cs->reserved2 != 0 ||
		cs->cap < 0 || cs->cap > TL_COMPACT_CAP(TL_COMPACT_MAX_BYTES) ||
		cs->count < 0 || cs->count > cs->cap || VARSIZE(cs) != TL_COMPACT_SIZE(cs->cap))
		return false;
	if (!events)
		return true;
	kinds = TL_COMPACT_KINDS(cs);
	for (i = 0; i < cs->count; i++)
		if (kinds[i] >= TL_NKINDS || TIMESTAMP_NOT_FINITE(cs->at[i]) ||
			!IS_VALID_TIMESTAMP(cs->at[i]))
			return false;
	return true;
}

/* header, size and events of a stored state of either layout */
static bool
tl_stored_ok(const SkpiStateHeader *h)
{
	const TlState *st = (const TlState *) h;

	if (h->kind == TL_KIND_COMPACT)
		return tl_compact_ok((const TlCompact *) h, true);
	return h->kind == TL_KIND_FLAT && VARSIZE(st) >= TL_STATE_HDRSZ && st->reserved2 == 0 &&
		st->count >= 0 && st->count <= TL_MAX_EVENTS &&
		st->pool_len >= 0 && st->pool_len <= TL_MAX_POOL &&
		VARSIZE(st) == TL_STATE_HDRSZ + sizeof(TlEvent) * (Size) st->count + st->pool_len &&
		events_invalid(st->ev, st->count, st->pool_len) == NULL;
}

/* the operator id of an event of a flat state, NULL if none */
static inline const char *
tl_event_op(const TlState *st, const TlEvent *e)
{
	return e->opoff == TL_NO_OPERATOR ? NULL : TL_POOL(st) + e->opoff;
}

/* an event, its operator id (if op) at offset off of the pool */
static inline void
tl_set_event(TlEvent *e, int64 at, uint8 kind, uint8 party, const char *op, uint32 off,
			 int oplen)
{
	e->at = at;
	e->kind = kind;
	e->party = party;
	e->opoff = op == NULL ? TL_NO_OPERATOR : off;
	e->oplen = op == NULL ? 0 : (uint16) oplen;
}

static inline bool
is_compact(const SkpiStateHeader *h)
{
	return h->kind == TL_KIND_COMPACT;
}

/* the TlState of a compact state's events (a new value), in their order */
static TlState *
tl_compact_to_flat(const TlCompact *cs)
{
	Size		size = TL_STATE_HDRSZ + sizeof(TlEvent) * (Size) cs->count;
	TlState    *st = palloc(size);
	const uint8 *kinds = TL_COMPACT_KINDS(cs);
	int32		i;

	memset(st, 0, TL_STATE_HDRSZ);
	SET_VARSIZE(st, size);
	st->version = TL_STATE_VERSION;
	st->count = cs->count;
	for (i = 0; i < cs->count; i++)
		tl_set_event(&st->ev[i], cs->at[i], kinds[i], default_party(kinds[i]), NULL, 0, 0);
	return st;
}

/* a checked state of either layout as a TlState (a compact one converted) */
static inline const TlState *
tl_flat_view(const SkpiStateHeader *h)
{
	if (is_compact(h))
		return tl_compact_to_flat((const TlCompact *) h);
	return (const TlState *) h;
}

static inline TlState *
state_getarg(FunctionCallInfo fcinfo, int argno)
{
	return (TlState *) tl_flat_view(skpi_state_getarg(fcinfo, argno, &tl_state_type));
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

/*
 * The operator ids of eo's events packed into pool, in event order; ev (the
 * events themselves, or a copy of them) gets their new offsets.  Returns the
 * bytes written.
 */
static uint32
tl_pack_pool(const TlExpanded *eo, TlEvent *ev, char *pool)
{
	uint32		off = 0;
	int64		i;

	for (i = 0; i < eo->count; i++)
	{
		if (ev[i].opoff == TL_NO_OPERATOR)
			continue;
		memcpy(pool + off, eo->pool + ev[i].opoff, ev[i].oplen);
		ev[i].opoff = off;
		off += ev[i].oplen;
	}
	return off;
}

static void
tl_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	TlExpanded *eo = (TlExpanded *) eohptr;
	TlState    *st = (TlState *) result;
	uint32		off PG_USED_FOR_ASSERTS_ONLY;
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
	off = tl_pack_pool(eo, st->ev, TL_POOL(st));
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
	uint32		off = tl_pack_pool(eo, eo->ev, pool);

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
	uint32		off = 0;

	if (unlikely(eo->count >= eo->cap))
		tl_reserve(eo, eo->count + 1);
	if (op != NULL)
	{
		off = tl_pool_reserve(eo, oplen);
		memcpy(eo->pool + off, op, oplen);
		eo->pool_len += oplen;
		eo->live_pool += oplen;
	}
	tl_set_event(&eo->ev[eo->count], at, kind, party, op, off, oplen);
	eo->count++;
}

/* the expanded object of state argument argno (a copy of a flat state) */
static TlExpanded *
tl_for_update(FunctionCallInfo fcinfo, int argno, MemoryContext aggcontext)
{
	ExpandedObjectHeader *eoh = skpi_state_expanded(PG_GETARG_DATUM(argno), &tl_methods, true);
	TlState    *st;
	TlExpanded *eo;
	int64		i;

	if (eoh != NULL)
		return (TlExpanded *) eoh;
	st = state_getarg(fcinfo, argno);
	eo = tl_new(aggcontext);
	tl_reserve(eo, st->count);
	for (i = 0; i < st->count; i++)
		tl_add(eo, st->ev[i].at, st->ev[i].kind, st->ev[i].party,
			   tl_event_op(st, &st->ev[i]),
			   st->ev[i].oplen);
	return eo;
}

/* ---- rows: enums, text kinds, composites ---- */

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
int
tl_enum_code(TlCache *c, Datum d, bool party)
{
	Oid			oid = DatumGetObjectId(d);
	int			i;
	char	   *label;
	int			code;

	if (likely(c->slot_oid[oid % lengthof(c->slot_oid)] == oid && oid != InvalidOid))
		return c->slot_code[oid % lengthof(c->slot_oid)];
	for (i = 0; i < c->nentries; i++)
		if (c->oids[i] == oid)
		{
			c->slot_oid[oid % lengthof(c->slot_oid)] = oid;
			c->slot_code[oid % lengthof(c->slot_oid)] = c->codes[i];
			return c->codes[i];
		}
	label = DatumGetCString(DirectFunctionCall1(enum_out, d));
	code = party ? tl_lookup_name(tl_party_names, TL_NPARTIES, label, strlen(label)) :
		tl_lookup_name(tl_kind_names, TL_NKINDS, label, strlen(label));
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
	int			code = tl_lookup_name(tl_kind_names, TL_NKINDS, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

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
				 errmsg("a %s cannot have party %s", tl_kind_names[kind], tl_party_names[party]),
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
		*kind = (uint8) tl_enum_code(c, d, false);
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
						 tl_enum_code(c, PG_GETARG_DATUM(1), false));
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
		p = tl_enum_code(c, dparty, true);
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
		tl_set_event(&nst->ev[n], at, kind, party, op, (uint32) pool_len, oplen);
		if (op != NULL)
			memcpy(TL_POOL(nst) + pool_len, op, oplen);
	}
	PG_RETURN_POINTER(nst);
}

/*
 * A compact state of cap events holding cs's events (none for NULL), the
 * room after them zeroed; in the current (per-call) memory context.
 */
static TlCompact *
tl_compact_new(const TlCompact *cs, int32 cap)
{
	TlCompact  *ncs = palloc0(TL_COMPACT_SIZE(cap));
	int32		n = cs ? cs->count : 0;

	Assert(n <= cap);
	SET_VARSIZE(ncs, TL_COMPACT_SIZE(cap));
	ncs->version = TL_STATE_VERSION;
	ncs->kind = TL_KIND_COMPACT;
	ncs->cap = cap;
	ncs->count = n;
	if (n > 0)
	{
		memcpy(ncs->at, cs->at, sizeof(int64) * n);
		memcpy(TL_COMPACT_KINDS(ncs), TL_COMPACT_KINDS(cs), n);
	}
	return ncs;
}

/* the room of the smallest compact state (a power of two bytes) for n events */
static int32
tl_compact_cap_for(int64 n)
{
	Size		bytes = TL_COMPACT_FIRST_BYTES;

	while (TL_COMPACT_CAP(bytes) < n)
		bytes *= 2;
	Assert(bytes <= TL_COMPACT_MAX_BYTES);
	return TL_COMPACT_CAP(bytes);
}

/* can cs take one more event (in place, or copied into a larger state)? */
static inline bool
tl_compact_has_room(const TlCompact *cs, int64 more)
{
	return cs->count + more <= TL_COMPACT_CAP(TL_COMPACT_MAX_BYTES);
}

/*
 * cs (NULL for a new state) with one more event when has_row: in place
 * when there is room (the same value), else in a copy twice as large.
 */
static Datum
tl_compact_append(TlCompact *cs, bool has_row, int64 at, uint8 kind)
{
	if (cs == NULL)
		cs = tl_compact_new(NULL, TL_COMPACT_CAP(TL_COMPACT_FIRST_BYTES));
	else if (has_row && cs->count == cs->cap)
		cs = tl_compact_new(cs, tl_compact_cap_for(cs->count + 1));
	if (has_row)
	{
		cs->at[cs->count] = at;
		TL_COMPACT_KINDS(cs)[cs->count] = kind;
		cs->count++;
	}
	PG_RETURN_POINTER(cs);
}

/*
 * The aggregate's own compact state in argument argno, or NULL when it is
 * in another form.  Only this aggregate makes compact states: version,
 * header and size are checked, in constant work.  A compact value can also
 * come from disk (a user's aggregate without a final function stores its
 * running state; a rollup-like aggregate over such values starts from one
 * as it is): the readers that may get one, the final function and the
 * combine, check its events too (tl_compact_ok(cs, true)).
 */
static inline TlCompact *
tl_own_compact(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *raw = (struct varlena *) PG_GETARG_POINTER(argno);

	if (VARATT_IS_EXTENDED(raw) || VARSIZE(raw) < TL_COMPACT_HDRSZ ||
		!is_compact((SkpiStateHeader *) raw))
		return NULL;
	if (((SkpiStateHeader *) raw)->version != TL_STATE_VERSION ||
		!tl_compact_ok((TlCompact *) raw, false))
		skpi_state_corrupted(&tl_state_type);
	return (TlCompact *) raw;
}

/* the aggregate's memory context (ERROR outside an aggregate, state.h) */
static MemoryContext
tl_aggcontext(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext = NULL;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		skpi_state_require_aggregate(fcinfo, &tl_state_type);
	return aggcontext;
}

/*
 * Forward transition (also of the moving aggregate): never returns NULL; a
 * state of no events gives a NULL timeline.
 */
PG_FUNCTION_INFO_V1(skpi_contact_timeline_accum);
Datum
skpi_contact_timeline_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = tl_aggcontext(fcinfo);
	TlCache    *c;
	TlExpanded *eo;
	int64		at;
	uint8		kind,
				party;
	const char *op;
	int			oplen;
	bool		has_row;

	TlCompact  *cs;
	bool		compact_row;

	c = get_cache(fcinfo);
	has_row = read_row(fcinfo, c, &at, &kind, &party, &op, &oplen);
	compact_row = has_row && op == NULL && party == default_party(kind);

	/*
	 * Events of default parties without operator ids go into a compact
	 * state (9 bytes an event, appended in place: see TlCompact), until an
	 * event of another party or with an operator id comes, or the contact
	 * outgrows 8 kB.  Other small contacts stay a plain TlState, rebuilt one
	 * event larger at each row (the executor copies it into the aggregate
	 * context and frees the old one): a few hundred bytes per group instead
	 * of an expanded object's memory context (about 1 kB), so a hash
	 * aggregate over a million contacts holds more groups in work_mem.  Past
	 * TL_SMALL_EVENTS events the state becomes an expanded object that grows
	 * in place.
	 */
	if (PG_ARGISNULL(0))
	{
		if (!has_row || compact_row)
			return tl_compact_append(NULL, has_row, at, kind);
		return tl_flat_append(NULL, has_row, at, kind, party, op, oplen);
	}
	if ((cs = tl_own_compact(fcinfo, 0)) != NULL &&
		(!has_row || (compact_row && tl_compact_has_room(cs, 1))))
		return tl_compact_append(cs, has_row, at, kind);
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
PG_FUNCTION_INFO_V1(skpi_contact_timeline_retract);
Datum
skpi_contact_timeline_retract(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = tl_aggcontext(fcinfo);
	TlCache    *c;
	TlExpanded *eo;
	int64		at,
				i;
	uint8		kind,
				party;
	const char *op;
	int			oplen;

	TlCompact  *cs;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	c = get_cache(fcinfo);
	if ((cs = tl_own_compact(fcinfo, 0)) != NULL)
	{
		uint8	   *kinds = TL_COMPACT_KINDS(cs);

		if (!read_row(fcinfo, c, &at, &kind, &party, &op, &oplen))
			PG_RETURN_POINTER(cs);
		/* its events have default parties and no operator ids */
		if (op != NULL || party != default_party(kind))
			PG_RETURN_NULL();
		/* as the expanded object does: the last event moves into the gap */
		for (i = 0; i < cs->count; i++)
			if (cs->at[i] == at && kinds[i] == kind)
			{
				cs->count--;
				cs->at[i] = cs->at[cs->count];
				kinds[i] = kinds[cs->count];
				cs->at[cs->count] = 0;
				kinds[cs->count] = 0;
				PG_RETURN_POINTER(cs);
			}
		PG_RETURN_NULL();
	}
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

/*
 * Combine (parallel workers): concatenation; the descriptor's merge_call
 * (state.h), as the state inside an aggregate is not always a plain value.
 * Small merged contacts stay plain values (see the transition), large ones
 * grow as the expanded object.  No uncombine: a window takes events out by
 * the inverse transition.
 */
static Datum
tl_merge_call(FunctionCallInfo fcinfo, const SkpiStateHeader *bh, int sign)
{
	MemoryContext aggcontext = tl_aggcontext(fcinfo);
	const TlState *b;
	TlExpanded *eo;
	TlCompact  *ca;
	int64		i;

	Assert(sign > 0);

	/*
	 * Two compact states stay one.  The running state may be a stored value
	 * copied as it was (the first of a rollup): checked as b was.
	 */
	if (is_compact(bh) && (ca = tl_own_compact(fcinfo, 0)) != NULL &&
		tl_compact_has_room(ca, ((const TlCompact *) bh)->count))
	{
		const TlCompact *cb = (const TlCompact *) bh;

		if (!tl_compact_ok(ca, true))
			skpi_state_corrupted(&tl_state_type);
		if (ca->count + cb->count > ca->cap)
			ca = tl_compact_new(ca, tl_compact_cap_for(ca->count + cb->count));
		memcpy(ca->at + ca->count, cb->at, sizeof(int64) * cb->count);
		memcpy(TL_COMPACT_KINDS(ca) + ca->count, TL_COMPACT_KINDS(cb), cb->count);
		ca->count += cb->count;
		PG_RETURN_POINTER(ca);
	}
	b = tl_flat_view(bh);
	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(PG_GETARG_DATUM(0))))
	{
		TlState    *a = state_getarg(fcinfo, 0);

		if ((int64) a->count + b->count <= TL_SMALL_EVENTS)
		{
			Datum		m = PointerGetDatum(a);

			for (i = 0; i < b->count; i++)
				m = tl_flat_append((TlState *) DatumGetPointer(m), true, b->ev[i].at,
								   b->ev[i].kind, b->ev[i].party,
								   tl_event_op(b, &b->ev[i]), b->ev[i].oplen);
			PG_RETURN_DATUM(m);
		}
	}
	eo = tl_for_update(fcinfo, 0, aggcontext);
	tl_reserve(eo, eo->count + b->count);
	for (i = 0; i < b->count; i++)
	{
		tl_add(eo, b->ev[i].at, b->ev[i].kind, b->ev[i].party,
			   tl_event_op(b, &b->ev[i]), b->ev[i].oplen);
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&eo->hdr));
}

SKPI_ENTRY(skpi_contact_timeline_combine, skpi_state_merge(fcinfo, &tl_state_type, 1))

/*
 * tl_sort_keys(keys, n): the sort of lib/sort_template.h on uint64 keys,
 * interruptible (the inlined comparison of one integer is what makes it
 * fast).
 */
#define ST_SORT tl_sort_keys
#define ST_ELEMENT_TYPE uint64
#define ST_COMPARE(a, b) (*(a) < *(b) ? -1 : *(a) > *(b) ? 1 : 0)
#define ST_CHECK_FOR_INTERRUPTS
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* an event of a compact state as a sort key: its time after base, then its kind */
#define TL_KEY_KIND_BITS 4
StaticAssertDecl(TL_NKINDS <= (1 << TL_KEY_KIND_BITS), "a kind fits its bits of a key");

/*
 * The summary of a compact state: its events (default parties, no operator
 * ids) in the order of timeline.h, which for them is by time, then kind.
 * When the contact spans less than 2^59 microseconds (18 000 years), each
 * event is one integer key, (at - first) * 16 + kind, sorted as integers
 * (insertion sort for a few dozen events), not at all when they came in
 * order; otherwise the events are sorted as the general path sorts them.
 */
static Datum
tl_compact_final(FunctionCallInfo fcinfo, const TlCompact *cs)
{
	TlEvent		local_ev[64];
	uint64		local_keys[64];
	TlEvent    *ev;
	uint64	   *keys;
	const uint8 *kinds = TL_COMPACT_KINDS(cs);
	int32		n = cs->count,
				i;
	int64		lo,
				hi;
	bool		sorted = true;
	TlSummary  *s;

	if (n == 0)
		PG_RETURN_NULL();
	ev = n <= lengthof(local_ev) ? local_ev : palloc(sizeof(TlEvent) * n);
	lo = hi = cs->at[0];
	for (i = 1; i < n; i++)
	{
		lo = Min(lo, cs->at[i]);
		hi = Max(hi, cs->at[i]);
	}
	/* in unsigned arithmetic: the span of valid timestamps exceeds INT64_MAX */
	if ((uint64) hi - (uint64) lo < (UINT64CONST(1) << (63 - TL_KEY_KIND_BITS)))
	{
		keys = n <= lengthof(local_keys) ? local_keys : palloc(sizeof(uint64) * n);
		for (i = 0; i < n; i++)
		{
			keys[i] = (((uint64) cs->at[i] - (uint64) lo) << TL_KEY_KIND_BITS) | kinds[i];
			if (i > 0 && keys[i] < keys[i - 1])
				sorted = false;
		}
		if (!sorted && n <= 32)
		{
			/* insertion sort */
			for (i = 1; i < n; i++)
			{
				uint64		k = keys[i];
				int32		j = i;

				while (j > 0 && keys[j - 1] > k)
				{
					keys[j] = keys[j - 1];
					j--;
				}
				keys[j] = k;
			}
		}
		else if (!sorted)
			tl_sort_keys(keys, n);
		for (i = 0; i < n; i++)
		{
			uint8		kind = (uint8) (keys[i] & ((1 << TL_KEY_KIND_BITS) - 1));

			tl_set_event(&ev[i], lo + (int64) (keys[i] >> TL_KEY_KIND_BITS), kind,
						 default_party(kind), NULL, 0, 0);
		}
		if (keys != local_keys)
			pfree(keys);
	}
	else
	{
		for (i = 0; i < n; i++)
			tl_set_event(&ev[i], cs->at[i], kinds[i], default_party(kinds[i]), NULL, 0, 0);
		tl_sort_if_needed(ev, n, NULL);
	}
	s = tl_summarize_sorted(ev, n, NULL);
	if (ev != local_ev)
		pfree(ev);
	PG_RETURN_POINTER(s);
}

/* the final function: the summary, or NULL for no events; never modifies the state */
PG_FUNCTION_INFO_V1(skpi_contact_timeline_final);
Datum
skpi_contact_timeline_final(PG_FUNCTION_ARGS)
{
	ExpandedObjectHeader *eoh;
	TlCompact  *cs;
	SkpiStateHeader *h;
	const TlState *st;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	eoh = skpi_state_expanded(PG_GETARG_DATUM(0), &tl_methods, false);
	if (eoh != NULL)
	{
		TlExpanded *eo = (TlExpanded *) eoh;

		if (eo->count == 0)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(tl_summarize(eo->ev, eo->count, eo->pool));
	}

	/*
	 * The aggregate's own compact state (checked in constant work), or a
	 * stored state of either layout (every event checked).
	 */
	if (AggCheckCallContext(fcinfo, NULL) && (cs = tl_own_compact(fcinfo, 0)) != NULL)
	{
		/* possibly a stored value as it was: its events checked (O(n)) */
		if (!tl_compact_ok(cs, true))
			skpi_state_corrupted(&tl_state_type);
		return tl_compact_final(fcinfo, cs);
	}
	h = skpi_state_getarg(fcinfo, 0, &tl_state_type);
	if (is_compact(h))
		return tl_compact_final(fcinfo, (TlCompact *) h);
	st = (const TlState *) h;
	if (st->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(tl_summarize(st->ev, st->count, TL_POOL(st)));
}

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
static void
tl_state_out(StringInfo buf, const SkpiStateHeader *h)
{
	const TlState *st = tl_flat_view(h);
	int64		i;

	appendStringInfoString(buf, ",\"events\":[");
	for (i = 0; i < st->count; i++)
	{
		const TlEvent *e = &st->ev[i];

		if (i > 0)
			appendStringInfoChar(buf, ',');
		appendStringInfoChar(buf, '[');
		tl_append_timestamp(buf, e->at);
		appendStringInfo(buf, ",\"%s\",\"%s\",", tl_kind_names[e->kind], tl_party_names[e->party]);
		if (e->opoff == TL_NO_OPERATOR)
			appendStringInfoString(buf, "null");
		else
			append_json_string(buf, TL_POOL(st) + e->opoff, e->oplen);
		appendStringInfoChar(buf, ']');
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	appendStringInfoChar(buf, ']');
}

static TlState *
tl_flatten(TlExpanded *eo)
{
	Size		size = tl_get_flat_size(&eo->hdr);
	TlState    *st = palloc(size);

	tl_flatten_into(&eo->hdr, st, size);
	return st;
}

/* the text reader's events so far, and a buffer for an operator id */
typedef struct TlTextIn
{
	TlExpanded *eo;
	StringInfoData opbuf;
} TlTextIn;

static void *
tl_text_begin(const SkpiStateType *t)
{
	TlTextIn   *in = palloc(sizeof(TlTextIn));

	in->eo = tl_new(CurrentMemoryContext);
	initStringInfo(&in->opbuf);
	return in;
}

/* a quoted word among names: its index */
static bool
text_label(TextParser *tp, const char *const *names, int n, int *code)
{
	char		word[32];

	if (!skpi_text_word(tp, word, sizeof(word)))
		return false;
	*code = tl_lookup_name(names, n, word, strlen(word));
	if (*code < 0)
		return skpi_text_error(tp, "Unknown event kind or party.");
	return true;
}

/* one event: ["2026-03-02 09:00:00+00","offered","system",null] */
static bool
text_event(TextParser *tp, void *arg)
{
	TlTextIn   *in = (TlTextIn *) arg;
	TlExpanded *eo = in->eo;
	TimestampTz at;
	int			kind,
				party;
	bool		has_op;

	if (!skpi_text_expect(tp, '[') || !skpi_text_timestamp(tp, &at, TL_INFINITE_DETAIL) ||
		!skpi_text_expect(tp, ',') ||
		!text_label(tp, tl_kind_names, TL_NKINDS, &kind) ||
		!skpi_text_expect(tp, ',') ||
		!text_label(tp, tl_party_names, TL_NPARTIES, &party) ||
		!skpi_text_expect(tp, ','))
		return false;
	has_op = !skpi_text_null(tp);
	if (has_op && !skpi_text_string(tp, &in->opbuf, TL_MAX_OPERATOR_LEN, "An operator id"))
		return false;
	if (!skpi_text_expect(tp, ']'))
		return false;
	if (is_message(kind) && party != default_party(kind))
		return skpi_text_error(tp, "A message's party contradicts its kind.");
	/* the aggregate's limits, with its errors */
	if (eo->count >= TL_MAX_EVENTS)
		return events_limit_error(tp->escontext);
	if (has_op && eo->live_pool + in->opbuf.len > TL_MAX_POOL)
		return operator_ids_limit_error(tp->escontext, eo->live_pool + in->opbuf.len);
	tl_add(eo, at, (uint8) kind, (uint8) party,
		   has_op ? in->opbuf.data : NULL, has_op ? in->opbuf.len : 0);
	/* a big text value takes seconds to read */
	if ((eo->count & 0xFFFF) == 0)
		CHECK_FOR_INTERRUPTS();
	return true;
}

/* the one key of the type: "events":[event,...] */
static bool
tl_text_field(TextParser *tp, int key, void *ctx)
{
	Assert(key == 0);
	return skpi_text_list(tp, text_event, ctx);
}

static SkpiStateHeader *
tl_text_end(TextParser *tp, void *ctx)
{
	return (SkpiStateHeader *) tl_flatten(((TlTextIn *) ctx)->eo);
}

/*
 * Binary form: version (1 byte), event count (int32), then per event: at
 * (int64), kind (1 byte), party (1 byte), operator id length (int32, -1 for
 * NULL) and its bytes.
 */
static void
tl_state_send(StringInfo buf, const SkpiStateHeader *h)
{
	const TlState *st = tl_flat_view(h);
	int64		i;

	pq_sendint32(buf, st->count);
	for (i = 0; i < st->count; i++)
	{
		const TlEvent *e = &st->ev[i];

		pq_sendint64(buf, e->at);
		pq_sendbyte(buf, e->kind);
		pq_sendbyte(buf, e->party);
		if (e->opoff == TL_NO_OPERATOR)
			pq_sendint32(buf, -1);
		else
		{
			pq_sendint32(buf, e->oplen);
			pq_sendbytes(buf, TL_POOL(st) + e->opoff, e->oplen);
		}
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
	}
}

static SkpiStateHeader *
tl_state_recv(StringInfo buf, const SkpiStateType *t)
{
	TlExpanded *eo;
	int32		n,
				i;
	TlState    *st;
	const char *bad;

	if (buf->len - buf->cursor < 4)
		skpi_state_recv_error(t, "The value is truncated.");
	n = pq_getmsgint(buf, 4);
	/* every event takes at least 14 bytes: checked before any allocation */
	if (n < 0 || (int64) n * 14 > buf->len - buf->cursor)
		skpi_state_recv_error(t, "The event count does not match the data.");
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
			skpi_state_recv_error(t, "The value is truncated.");
		at = pq_getmsgint64(buf);
		kind = (uint8) pq_getmsgbyte(buf);
		party = (uint8) pq_getmsgbyte(buf);
		len = pq_getmsgint(buf, 4);
		if (len < -1 || len > TL_MAX_OPERATOR_LEN || len > buf->len - buf->cursor)
			skpi_state_recv_error(t, "Bad operator id length.");
		if (len >= 0)
		{
			op = pq_getmsgbytes(buf, len);
			if (memchr(op, '\0', len) != NULL || !pg_verifymbstr(op, len, true))
				skpi_state_recv_error(t, "An operator id is not valid text.");
		}
		if (kind >= TL_NKINDS || party >= TL_NPARTIES)
			skpi_state_recv_error(t, "An event kind or party is out of range.");
		tl_add(eo, at, kind, party, op, len < 0 ? 0 : len);
		/* a big binary value takes seconds to read, as a text one does */
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
	}
	st = tl_flatten(eo);
	if ((bad = events_invalid(st->ev, st->count, st->pool_len)) != NULL)
		skpi_state_recv_error(t, "%s", bad);
	return (SkpiStateHeader *) st;
}

static const char *const tl_state_keys[] = {"events"};

/*
 * No kind name (the text form has no "kind" key), no valid hook (the readers
 * check as they read), the combine through merge_call (the expanded object)
 * and no empty hook (no *_nonempty reads this state).
 */
static const SkpiStateType tl_state_type = {
	.typname = "contact_timeline_state",
	.version = TL_STATE_VERSION,
	.kind = SKPI_NO_KIND,		/* TL_KIND_FLAT or TL_KIND_COMPACT: tl_stored_ok */
	.stored_ok = tl_stored_ok,
	.keys = tl_state_keys,
	.nkeys = lengthof(tl_state_keys),
	.text_begin = tl_text_begin,
	.text_field = tl_text_field,
	.text_end = tl_text_end,
	.out = tl_state_out,
	.send = tl_state_send,
	.recv = tl_state_recv,
	.merge_call = tl_merge_call
};

SKPI_STATE_IO(skpi_contact_timeline_state, tl_state_type)
