/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-audit-charts: 5S audits as chart data. The one conversion from the
 * 5S model (src/core) to the charts (src/charts) that the app's audit
 * results and 5S overview, the stand-up mode and the command line share.
 * Core and charts only, never GTK.
 *
 * Scores always come from core (obeya-audit-score.h); a score that does
 * not exist (an S whose items were all N/A, an area never audited) is NAN
 * here, which every chart draws as "—" or a gap: never 0, never 100.
 *
 *  - radar: the five S of an audit (filled) and of the previous audit of
 *    its area (dashed), each series named by its audit's date;
 *  - S bars: one bar per S of an audit, in the S order;
 *  - trend: one point per finished audit of an area, by date, of the
 *    overall score or of one S; a point without a score is a gap;
 *  - areas: one horizontal bar per area with its latest finished audit's
 *    overall score ("—" when never audited), the average across areas (the
 *    mean of the percentages, never pooled points) as the reference line.
 *
 * The fill functions replace the chart's data and title; change the title
 * (or set NULL) afterwards where the surroundings already say it.
 */
#pragma once

#include "obeya-audit-score.h"
#include "obeya-audits.h"
#include "obeya-charts.h"

G_BEGIN_DECLS

/* Which score a trend follows: an ObeyaFiveS, or this for the overall one. */
#define OBEYA_AUDIT_CHARTS_OVERALL (-1)

/* The percentage of @score, NAN when it has none. */
double  obeya_audit_charts_score_value     (const ObeyaScore      *score);
/* The five S of @score into @values (OBEYA_FIVE_S_N doubles, NAN for none). */
void    obeya_audit_charts_get_s_values    (const ObeyaAuditScore *score,
                                            double                *values);

/* The current audit and, when it has one, the previous finished audit of
 * the same area (obeya_audits_get_previous()). @audit may be a draft. */
void    obeya_audit_charts_fill_radar      (ObeyaRadarChart       *chart,
                                            ObeyaAudit            *audit);
void    obeya_audit_charts_fill_s_bars     (ObeyaBarChart         *chart,
                                            ObeyaAudit            *audit);

/* The trend points (a new GArray of ObeyaChartPoint, by date) of @area:
 * @s is an ObeyaFiveS or OBEYA_AUDIT_CHARTS_OVERALL. */
GArray *obeya_audit_charts_dup_trend_points (ObeyaAudits          *audits,
                                             ObeyaArea            *area,
                                             int                   s);
void    obeya_audit_charts_fill_trend      (ObeyaRunChart         *chart,
                                            ObeyaAudits           *audits,
                                            ObeyaArea             *area,
                                            int                    s);

/* The latest overall score of every area, in the areas' order, and the
 * average line. */
void    obeya_audit_charts_fill_areas      (ObeyaBarChart         *chart,
                                            ObeyaAudits           *audits);

G_END_DECLS
