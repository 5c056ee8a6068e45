/*
 * support_kpi.c
 *		Module entry point of the support_kpi extension.
 *
 * The KPIs live in one file per family:
 *	voice.c		 NPS, CES, CSAT (customer voice) on score_state.c
 * Shared machinery: score_state.c (score-distribution states), stats.c
 * (numeric and statistical helpers), compat.h (version differences).
 */
#include "postgres.h"
#include "fmgr.h"

PG_MODULE_MAGIC;
