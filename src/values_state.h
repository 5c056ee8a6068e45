/*
 * values_state.h
 *		The "values" state: every value of a group, for exact percentiles.
 *
 * An exact percentile needs every value.  The state keeps them as double
 * precision seconds (8 bytes each) and the percentile(s) it must report,
 * recorded from the first row (every row must ask for the same).  Two
 * layouts share the SQL type duration_values:
 *
 *	flat	an unordered array; rows are appended in place (amortized O(1)),
 *			states merge by concatenation (parallel workers), and the final
 *			function finds the k-th value by selection (quickselect, O(n)),
 *			not by sorting.
 *	tree	an order-statistics treap in a flat array of nodes (indices, not
 *			pointers, so the varlena can be copied); used when the aggregate
 *			runs as a window function: insert, delete (inverse transition)
 *			and k-th value in O(log n), so a rolling median over a frame of
 *			w rows costs O(log w) per row.
 *	small	the flat layout without the unused percentile slots: pct[] holds
 *			npct entries and the values follow (SKPI_VALUES_DATA).  A grouped
 *			aggregate keeps a group of few values so (64 bytes for a median
 *			of two values, where the flat layout takes 296 bytes before its
 *			first value): a hash aggregate of 100 000 small groups then fits
 *			in work_mem where the flat layout made it spill.  Such a state
 *			can leave the aggregate as it is (a parallel worker's state, a
 *			custom aggregate without final function), so every reader takes
 *			it; text and binary forms are those of the flat layout.
 *
 * The number of values is bounded by support_kpi.exact_max_values (a state
 * past it fails with 54000 rather than exhausting the server's memory).
 */
#ifndef SKPI_VALUES_STATE_H
#define SKPI_VALUES_STATE_H

#include "postgres.h"
#include "fmgr.h"

#include "compat.h"
#include "state.h"

#define SKPI_VALUES_VERSION		1
#define SKPI_VALUES_FLAT		1
#define SKPI_VALUES_TREE		2
#define SKPI_VALUES_SMALL		3
#define SKPI_VALUES_MAX_PCTS	32

typedef struct SkpiTreapNode
{
	double		v;				/* the value */
	int32		left;			/* node indices; 0 is the empty tree */
	int32		right;
	int32		size;			/* nodes in this subtree */
	uint32		prio;			/* heap priority */
} SkpiTreapNode;

typedef struct SkpiValuesState
{
	SKPI_STATE_HEADER;			/* SKPI_VALUES_VERSION; SKPI_VALUES_FLAT, _TREE or _SMALL */
	uint8		npct;			/* percentiles recorded (1.. MAX_PCTS; 0 for an array of none) */
	uint8		is_array;		/* the result is an array of percentiles */
	int32		root;			/* tree: root node; flat: 0 */
	int64		count;			/* values held */
	int64		capacity;		/* values (flat) or nodes (tree, with node 0) allocated */
	int32		free_list;		/* tree: first free node, chained by left; flat: 0 */
	uint32		reserved;		/* always zero */
	double		pct[SKPI_VALUES_MAX_PCTS];	/* percentiles; NaN for a NULL array element */
	double		data[FLEXIBLE_ARRAY_MEMBER];	/* values, or SkpiTreapNode[] */
} SkpiValuesState;

SKPI_STATE_LAYOUT(SkpiValuesState);

#define SKPI_VALUES_HDRSZ offsetof(SkpiValuesState, data)

/* header of the small layout: up to pct[npct] */
#define SKPI_VALUES_SMALL_HDRSZ(npct) (offsetof(SkpiValuesState, pct) + sizeof(double) * (npct))

/* the values of a flat or small state */
static inline double *
SKPI_VALUES_DATA(const SkpiValuesState *st)
{
	if (st->kind == SKPI_VALUES_SMALL)
		return (double *) ((char *) st + SKPI_VALUES_SMALL_HDRSZ(st->npct));
	return (double *) st->data;
}

/* where a row's value comes from, and which percentile it asks for */
typedef enum SkpiValueForm
{
	SKPI_FORM_TIMESTAMPS,		/* (opened_at timestamptz, resolved_at timestamptz) */
	SKPI_FORM_INTERVAL,			/* (duration interval) */
	SKPI_FORM_SECONDS			/* (seconds double precision) */
} SkpiValueForm;

typedef enum SkpiPctMode
{
	SKPI_PCT_MEDIAN,			/* no argument: 0.5 */
	SKPI_PCT_SCALAR,			/* a double precision argument */
	SKPI_PCT_ARRAY				/* a double precision[] argument */
} SkpiPctMode;

/* largest duration in seconds a state can hold (timestamps span ~9.2e12 s) */
#define SKPI_VALUES_MAX_SECONDS 9.3e12

/*
 * The transition of every exact-percentile aggregate (SKPI_TRANSITIONS): the
 * inverse returns NULL when the row cannot be taken out (the executor then
 * recomputes the frame).
 */
extern Datum skpi_values_transition(FunctionCallInfo fcinfo, SkpiStep step,
									SkpiValueForm form, SkpiPctMode mode);

/* the state type (state.h); only the flat and small layouts are ever stored */
extern const SkpiStateType skpi_values_type;

/* the treap and the selection (values_select.c) */
extern void skpi_values_tree_insert(SkpiValuesState *st, double v);	/* the caller made room */
extern bool skpi_values_tree_delete(SkpiValuesState *st, double v);	/* false: no such value */
extern void skpi_values_tree_values(const SkpiValuesState *st, double *out);	/* in order */
extern double skpi_values_percentile(SkpiValuesState *st, double p, int64 *lo_done);

/* the GUC support_kpi.exact_max_values */
extern int	skpi_exact_max_values;
extern void skpi_values_define_guc(void);

#endif							/* SKPI_VALUES_STATE_H */
