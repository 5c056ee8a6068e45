/*
 * values_select.c
 *		The algorithms of the values state (see values_state.h): the
 *		order-statistics treap of a window frame, and selection of the k-th
 *		value in the flat layout.
 */
#include "postgres.h"

#include <math.h>

#include "common/pg_prng.h"
#include "miscadmin.h"

#include "values_state.h"

#define NODES(st) ((SkpiTreapNode *) (st)->data)

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
void
skpi_values_tree_insert(SkpiValuesState *st, double v)
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
bool
skpi_values_tree_delete(SkpiValuesState *st, double v)
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
			skpi_state_corrupted(&skpi_values_type);
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
void
skpi_values_tree_values(const SkpiValuesState *st, double *out)
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
				skpi_state_corrupted(&skpi_values_type);
			stack[sp++] = t;
			t = n[t].left;
		}
		t = stack[--sp];
		if (i >= st->count)
			skpi_state_corrupted(&skpi_values_type);
		out[i++] = n[t].v;
		t = n[t].right;
	}
	if (i != st->count)
		skpi_state_corrupted(&skpi_values_type);
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
 * The flat (or small) layout is reordered in place by the selection.  The state's value
 * - a multiset - does not change (later transitions append, later final
 * calls select again), which is what the final function's READ_ONLY promise
 * is about; the state is never visible outside the aggregate.
 */
double
skpi_values_percentile(SkpiValuesState *st, double p, int64 *lo_done)
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
		double	   *a = SKPI_VALUES_DATA(st);
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
