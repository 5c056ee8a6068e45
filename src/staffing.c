/*
 * staffing.c
 *		Erlang C: probability of waiting, predicted service level, ASA and
 *		occupancy for a number of agents, and the agents needed for a target.
 *
 * Traffic A = contacts x AHT / interval length (Erlangs), N agents.
 *	 P_w = N B / (N - A (1 - B)), B = Erlang B(N, A) by the recursion
 *		   B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1))
 *	 SL(T) = 1 - P_w exp(-(N - A) T / AHT)
 *	 ASA = P_w AHT / (N - A),  occupancy = A / N
 * The recursion never forms A^N or N!, so it is stable for any realistic
 * centre (thousands of agents) and accurate to double precision (checked
 * against a 60-digit reference up to 100 000 Erlangs).  With N <= A the queue grows without bound:
 * P_w = 1, SL = 0, ASA = +Infinity, occupancy = 1 (capped).
 *
 * Probabilities and SL are fractions 0..1 (as the model is published), the
 * ASA is in seconds.  The _pct forms (erlang_c_pw_pct, erlang_c_sl_pct,
 * erlang_c_occupancy_pct, erlang_c_agents_pct) speak percentages 0..100 as
 * the rest of the API does: results numeric, 100 x the fraction (computed in
 * double precision, then converted as float8::numeric does); the agents'
 * target and maximum occupancy taken as percentages.  Inputs are double
 * precision seconds; a NaN, infinite, negative (or for interval and AHT zero)
 * input is an ERROR (22023).
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/float.h"

#include "compat.h"
#include "stats.h"

/* largest agent count accepted or searched for */
#define SKPI_MAX_AGENTS 1000000

typedef struct ErlangInput
{
	double		traffic;		/* A, Erlangs */
	double		aht;			/* seconds */
} ErlangInput;

static double
finite_arg(FunctionCallInfo fcinfo, int argno, const char *what, bool positive)
{
	double		v = PG_GETARG_FLOAT8(argno);

	if (isnan(v) || isinf(v) || v < 0.0 || (positive && v == 0.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %g is not a %s finite number", what, v,
						positive ? "positive" : "non-negative")));
	return v + 0.0;				/* no negative zero */
}

/* arguments 0..2: contacts per interval, interval length (s), AHT (s) */
static ErlangInput
erlang_input(FunctionCallInfo fcinfo)
{
	ErlangInput in;
	double		contacts = finite_arg(fcinfo, 0, "contacts", false);
	double		interval = finite_arg(fcinfo, 1, "interval length", true);

	in.aht = finite_arg(fcinfo, 2, "AHT", true);
	/* no contacts: no traffic, even when aht / interval overflows (0 * inf is NaN) */
	in.traffic = contacts == 0.0 ? 0.0 : contacts * (in.aht / interval);
	if (!isfinite(in.traffic))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("traffic intensity is out of range")));
	return in;
}

static int
agents_arg(FunctionCallInfo fcinfo, int argno)
{
	int32		n = PG_GETARG_INT32(argno);

	if (n < 1 || n > SKPI_MAX_AGENTS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agents %d is outside the range 1..%d", n, SKPI_MAX_AGENTS)));
	return n;
}

/* Erlang B(n, a) from B(n - 1, a) */
static inline double
erlang_b_step(double b, int n, double a)
{
	return a * b / (n + a * b);
}

static double
erlang_b(int n, double a)
{
	double		b = 1.0;
	int			k;

	for (k = 1; k <= n; k++)
	{
		b = erlang_b_step(b, k, a);
		if ((k & 0xffff) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	return b;
}

/* probability of waiting for n agents, given B(n, a) */
static double
pw_from_b(int n, double a, double b)
{
	if (a == 0.0)
		return 0.0;
	if ((double) n <= a)
		return 1.0;
	return n * b / (n - a * (1.0 - b));
}

static double
sl_from_pw(double pw, int n, ErlangInput in, double threshold)
{
	if ((double) n <= in.traffic)
		return 0.0;
	return 1.0 - pw * exp(-((double) n - in.traffic) * threshold / in.aht);
}

/* P_w, SL(T), occupancy of the arguments (contacts, interval, aht, agents [, threshold]) */
static double
erlang_pw(FunctionCallInfo fcinfo)
{
	ErlangInput in = erlang_input(fcinfo);
	int			n = agents_arg(fcinfo, 3);

	return pw_from_b(n, in.traffic, erlang_b(n, in.traffic));
}

static double
erlang_sl(FunctionCallInfo fcinfo)
{
	ErlangInput in = erlang_input(fcinfo);
	int			n = agents_arg(fcinfo, 3);
	double		threshold = finite_arg(fcinfo, 4, "threshold", false);
	double		pw = pw_from_b(n, in.traffic, erlang_b(n, in.traffic));

	return sl_from_pw(pw, n, in, threshold);
}

static double
erlang_occupancy(FunctionCallInfo fcinfo)
{
	ErlangInput in = erlang_input(fcinfo);
	int			n = agents_arg(fcinfo, 3);

	return Min(1.0, in.traffic / n);
}

SKPI_ENTRY(skpi_erlang_c_pw, Float8GetDatum(erlang_pw(fcinfo)))
SKPI_ENTRY(skpi_erlang_c_sl, Float8GetDatum(erlang_sl(fcinfo)))
SKPI_ENTRY(skpi_erlang_c_occupancy, Float8GetDatum(erlang_occupancy(fcinfo)))

/* the same on the 0..100 scale: 100 x the fraction, as numeric */
SKPI_ENTRY(skpi_erlang_c_pw_pct, skpi_float8_numeric(100.0 * erlang_pw(fcinfo)))
SKPI_ENTRY(skpi_erlang_c_sl_pct, skpi_float8_numeric(100.0 * erlang_sl(fcinfo)))
SKPI_ENTRY(skpi_erlang_c_occupancy_pct, skpi_float8_numeric(100.0 * erlang_occupancy(fcinfo)))

PG_FUNCTION_INFO_V1(skpi_erlang_c_asa);
Datum
skpi_erlang_c_asa(PG_FUNCTION_ARGS)
{
	ErlangInput in = erlang_input(fcinfo);
	int			n = agents_arg(fcinfo, 3);
	double		pw = pw_from_b(n, in.traffic, erlang_b(n, in.traffic));

	if ((double) n <= in.traffic)
		PG_RETURN_FLOAT8(get_float8_infinity());
	PG_RETURN_FLOAT8(pw * in.aht / ((double) n - in.traffic));
}

/*
 * The fewest agents N whose predicted service level within threshold
 * reaches target (a fraction) and whose occupancy A / N does not exceed
 * max_occ (a fraction).  SL grows with N, so a walk up from the smallest
 * stable N, carrying the Erlang B recursion along, finds it in O(N).
 */
static int
agents_needed(ErlangInput in, double target, double threshold, double max_occ)
{
	double		b = 1.0;
	int			n;

	for (n = 1; n <= SKPI_MAX_AGENTS; n++)
	{
		b = erlang_b_step(b, n, in.traffic);
		if ((double) n > in.traffic && in.traffic / n <= max_occ &&
			sl_from_pw(pw_from_b(n, in.traffic, b), n, in, threshold) >= target)
			return n;
		if ((n & 0xffff) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("more than %d agents would be needed", SKPI_MAX_AGENTS)));
	return 0;					/* keep compiler quiet */
}

/*
 * erlang_c_agents(contacts, interval, aht, target_sl, threshold
 *				   [, max_occupancy]): target and maximum occupancy as fractions
 *				   (unit 1);
 * erlang_c_agents_pct(contacts, interval, aht, target_sl_pct, threshold
 *					   [, max_occupancy_pct]): as percentages (unit 100), the
 *				   same as erlang_c_agents(..., target_sl_pct / 100, ...,
 *				   max_occupancy_pct / 100).
 */
static Datum
agents_call(FunctionCallInfo fcinfo, double unit)
{
	ErlangInput in = erlang_input(fcinfo);
	double		target = PG_GETARG_FLOAT8(3);
	double		threshold = finite_arg(fcinfo, 4, "threshold", false);
	double		max_occ = PG_NARGS() > 5 ? PG_GETARG_FLOAT8(5) : unit;
	bool		pct = (unit != 1.0);

	if (isnan(target) || target <= 0.0 || target >= unit)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 pct ? errmsg("target service level %g %% is outside the range (0, 100)", target) :
				 errmsg("target service level %g is outside the range (0, 1)", target),
				 pct ? errhint("Give the target as a percentage, e.g. 80 for 80 %% (erlang_c_agents takes the fraction 0.8).") :
				 errhint("Give the target as a fraction, e.g. 0.8 for 80 %%.")));
	if (isnan(max_occ) || max_occ <= 0.0 || max_occ > unit)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 pct ? errmsg("maximum occupancy %g %% is outside the range (0, 100]", max_occ) :
				 errmsg("maximum occupancy %g is outside the range (0, 1]", max_occ),
				 pct ? errhint("Give the maximum occupancy as a percentage, e.g. 85 for 85 %%.") : 0));
	PG_RETURN_INT32(agents_needed(in, target / unit, threshold, max_occ / unit));
}

SKPI_ENTRY(skpi_erlang_c_agents, agents_call(fcinfo, 1.0))
SKPI_ENTRY(skpi_erlang_c_agents_pct, agents_call(fcinfo, 100.0))
