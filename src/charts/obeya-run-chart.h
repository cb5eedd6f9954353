/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaRunChart: daily (or weekly) values over dates, each point coloured
 * by its status, the target as a reference line that steps on the day the
 * target changed, optional amber zone and "within a band" band per step,
 * optional mean or median line. A point with a NAN value is a gap: the line
 * breaks there and a grey tick marks the missing day on the axis.
 *
 * obeya_chart_map() takes a julian day and a value.
 */
#pragma once

#include "obeya-chart.h"

G_BEGIN_DECLS

/* The target in force from @from_day (a julian day) until the next step.
 * Every value may be NAN: no target line, no amber zone, no band. With a
 * band, the amber zone is the margin on either side of it: amber_low to
 * band_min and band_max to amber_high. */
typedef struct
{
  guint32 from_day;
  double  target;
  double  amber_low;
  double  amber_high;
  double  band_min;
  double  band_max;
} ObeyaChartTargetStep;

#define OBEYA_TYPE_RUN_CHART (obeya_run_chart_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaRunChart, obeya_run_chart, OBEYA, RUN_CHART, ObeyaChart)

ObeyaRunChart      *obeya_run_chart_new           (void);

/* Copies @points (any order; sorted by day here). */
void                obeya_run_chart_set_points    (ObeyaRunChart              *self,
                                                   const ObeyaChartPoint      *points,
                                                   gsize                       n_points);
/* Copies @steps (any order; sorted by from_day here). */
void                obeya_run_chart_set_targets   (ObeyaRunChart              *self,
                                                   const ObeyaChartTargetStep *steps,
                                                   gsize                       n_steps);

ObeyaChartReference obeya_run_chart_get_reference (ObeyaRunChart              *self);
void                obeya_run_chart_set_reference (ObeyaRunChart              *self,
                                                   ObeyaChartReference         reference);

/* The unit of the values ("%", "min", "€"), shown above the value axis. */
const char         *obeya_run_chart_get_unit      (ObeyaRunChart              *self);
void                obeya_run_chart_set_unit      (ObeyaRunChart              *self,
                                                   const char                 *unit);

/* Decimals of the values written on the chart (target, mean). */
int                 obeya_run_chart_get_decimals  (ObeyaRunChart              *self);
void                obeya_run_chart_set_decimals  (ObeyaRunChart              *self,
                                                   int                         decimals);

/* A span the value axis always covers, whatever the values (0 to 100 for
 * percentages, so that 60 % does not look like the bottom of the scale).
 * Values outside still widen it; NAN for either end: none (the default). */
void                obeya_run_chart_set_value_span (ObeyaRunChart             *self,
                                                    double                     min,
                                                    double                     max);

G_END_DECLS
