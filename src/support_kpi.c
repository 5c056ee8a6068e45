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

#include "utils/guc.h"

#include "compat.h"
#include "values_state.h"

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "support_kpi", .version = "1.2");
#else
PG_MODULE_MAGIC;
#endif

void		_PG_init(void);

void
_PG_init(void)
{
	skpi_values_define_guc();
	MarkGUCPrefixReserved("support_kpi");
}
