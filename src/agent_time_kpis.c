/*
 * agent_time_kpis.c
 *		Status categories and the KPIs of operator time read from an
 *		agent_time_state: occupancy, utilisation, shrinkage, time per
 *		category, schedule adherence and conformance.
 *
 * The categories are a jsonb object from the user's status (and planned
 * activity) names to one of the words below, "*" giving the category of
 * every other name: {"Ready":"available","On call":"handling",
 * "Wrap-up":"after_call_work","Lunch":"break","*":"other"}.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "agent_time.h"
#include "stats.h"

typedef enum AtCategory
{
	AT_HANDLING,
	AT_AFTER_CALL_WORK,
	AT_AVAILABLE,
	AT_BREAK,
	AT_TRAINING,
	AT_MEETING,
	AT_OTHER,
	AT_LOGGED_OUT,
	AT_NCATEGORIES
} AtCategory;

static const char *const category_names[AT_NCATEGORIES] = {
	"handling", "after_call_work", "available", "break", "training", "meeting", "other", "logged_out"
};

#define CATEGORY_LIST "handling, after_call_work, available, break, training, meeting, other, logged_out"

typedef struct AtMapping
{
	int			n;
	char	  **names;			/* the object's keys, in jsonb's order */
	AtCategory *cats;
	int			fallback;		/* category of "*", or -1 */
} AtMapping;

static int
category_of_word(const char *w, int len)
{
	int			c;

	for (c = 0; c < AT_NCATEGORIES; c++)
		if ((int) strlen(category_names[c]) == len && strncmp(category_names[c], w, len) == 0)
			return c;
	return -1;
}

static void
read_mapping(Jsonb *jb, AtMapping *m)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;
	int			cap;

	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("status categories must be a jsonb object"),
				 errhint("Map each status name to one of: " CATEGORY_LIST "; \"*\" maps every other name.")));
	cap = Max(JB_ROOT_COUNT(jb), 1);
	m->names = palloc(sizeof(char *) * cap);
	m->cats = palloc(sizeof(AtCategory) * cap);
	m->n = 0;
	m->fallback = -1;
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		int			c;

		if (tok == WJB_KEY)
			key = pnstrdup(v.val.string.val, v.val.string.len);
		else if (tok == WJB_VALUE)
		{
			if (v.type != jbvString ||
				(c = category_of_word(v.val.string.val, v.val.string.len)) < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("status \"%s\" is mapped to an unknown category", key),
						 errhint("The categories are: " CATEGORY_LIST ".")));
			if (strcmp(key, "*") == 0)
				m->fallback = c;
			else
			{
				m->names[m->n] = key;
				m->cats[m->n++] = (AtCategory) c;
			}
		}
	}
}

static AtCategory
category_of(const AtMapping *m, const char *name)
{
	int			i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->names[i], name) == 0)
			return m->cats[i];
	if (m->fallback < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("status \"%s\" has no category", name),
				 errhint("Add it to the categories, or map every other name with \"*\".")));
	return (AtCategory) m->fallback;
}

/* the group adherence compares: working (handling, after-call work, available) or the category */
static int
adherence_group(AtCategory c)
{
	return c == AT_HANDLING || c == AT_AFTER_CALL_WORK || c == AT_AVAILABLE ? -1 : (int) c;
}

typedef struct AtTotals
{
	int64		by_cat[AT_NCATEGORIES]; /* time per status category */
	int64		unknown;		/* time with no known status */
	int64		scheduled;		/* time planned, activity not logged_out */
	int64		adherent;		/* of it, in a status of the planned activity's group */
	int64		logged_in;		/* time in a status not logged_out */
} AtTotals;

static void
totals(FunctionCallInfo fcinfo, AtTotals *t)
{
	const AgentTimeState *st = skpi_state_getarg(fcinfo, 0, &skpi_agent_time_type);
	AtMapping	m;
	AtCategory *cat;
	int			i;

	read_mapping(PG_GETARG_JSONB_P(1), &m);
	memset(t, 0, sizeof(*t));
	cat = palloc(sizeof(AtCategory) * Max(st->nnames, 1));
	for (i = 0; i < st->nnames; i++)
		cat[i] = category_of(&m, AT_NAME(st, i));
	for (i = 0; i < st->nentries; i++)
	{
		const AgentTimeEntry *e = &st->entries[i];
		bool		planned = e->plan >= 0 && cat[e->plan] != AT_LOGGED_OUT;

		if (e->status < 0)
			t->unknown += e->us;
		else
		{
			t->by_cat[cat[e->status]] += e->us;
			if (cat[e->status] != AT_LOGGED_OUT)
				t->logged_in += e->us;
		}
		if (planned)
		{
			t->scheduled += e->us;
			if (e->status >= 0 && adherence_group(cat[e->status]) == adherence_group(cat[e->plan]))
				t->adherent += e->us;
		}
	}
}

#define RETURN_PCT(num, den) \
	do { if ((den) <= 0) PG_RETURN_NULL(); PG_RETURN_DATUM(skpi_numeric_pct((num), (den))); } while (0)

/* occupancy = (handling + after-call work) / (handling + after-call work + available) */
PG_FUNCTION_INFO_V1(skpi_occupancy_categories);
Datum
skpi_occupancy_categories(PG_FUNCTION_ARGS)
{
	AtTotals	t;
	int64		handle;

	totals(fcinfo, &t);
	handle = t.by_cat[AT_HANDLING] + t.by_cat[AT_AFTER_CALL_WORK];
	RETURN_PCT(handle, handle + t.by_cat[AT_AVAILABLE]);
}

/* utilisation = (handling + after-call work) / logged-in time */
PG_FUNCTION_INFO_V1(skpi_utilisation);
Datum
skpi_utilisation(PG_FUNCTION_ARGS)
{
	AtTotals	t;

	totals(fcinfo, &t);
	RETURN_PCT(t.by_cat[AT_HANDLING] + t.by_cat[AT_AFTER_CALL_WORK], t.logged_in);
}

/* shrinkage = (break + training + meeting + other) / logged-in time */
PG_FUNCTION_INFO_V1(skpi_shrinkage);
Datum
skpi_shrinkage(PG_FUNCTION_ARGS)
{
	AtTotals	t;

	totals(fcinfo, &t);
	RETURN_PCT(t.by_cat[AT_BREAK] + t.by_cat[AT_TRAINING] + t.by_cat[AT_MEETING] + t.by_cat[AT_OTHER],
			   t.logged_in);
}

/* adherence = time in a status of the planned activity's group / scheduled time */
PG_FUNCTION_INFO_V1(skpi_adherence);
Datum
skpi_adherence(PG_FUNCTION_ARGS)
{
	AtTotals	t;

	totals(fcinfo, &t);
	RETURN_PCT(t.adherent, t.scheduled);
}

/* conformance = logged-in time / scheduled time (may exceed 100) */
PG_FUNCTION_INFO_V1(skpi_conformance);
Datum
skpi_conformance(PG_FUNCTION_ARGS)
{
	AtTotals	t;

	totals(fcinfo, &t);
	RETURN_PCT(t.logged_in, t.scheduled);
}

/* category_seconds(state, categories, category) */
PG_FUNCTION_INFO_V1(skpi_category_seconds);
Datum
skpi_category_seconds(PG_FUNCTION_ARGS)
{
	text	   *word = PG_GETARG_TEXT_PP(2);
	int			c = category_of_word(VARDATA_ANY(word), VARSIZE_ANY_EXHDR(word));
	AtTotals	t;

	if (c < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown status category \"%s\"", text_to_cstring(word)),
				 errhint("The categories are: " CATEGORY_LIST ".")));
	totals(fcinfo, &t);
	PG_RETURN_FLOAT8((double) t.by_cat[c] / USECS_PER_SEC);
}
