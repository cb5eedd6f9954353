/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaBarChart: one bar per category, vertical or horizontal (horizontal
 * for long names such as 5S areas), each bar in the accent colour, its
 * status colour or a colour of its own, with an optional reference line
 * (a target or an average) and the values written at the bars.
 *
 * obeya_chart_map() takes (category index, value) for vertical charts and
 * (value, category index) for horizontal ones.
 */
#pragma once

#include "obeya-chart.h"

G_BEGIN_DECLS

typedef struct
{
  const char      *label;
  double           value;   /* NAN: no value, written "—" */
  ObeyaChartStatus status;  /* NONE: @color, or the accent colour */
  ObeyaChartColor  color;   /* alpha 0: automatic */
} ObeyaChartBar;

#define OBEYA_TYPE_BAR_CHART (obeya_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaBarChart, obeya_bar_chart, OBEYA, BAR_CHART, ObeyaChart)

ObeyaBarChart        *obeya_bar_chart_new                 (void);

/* Copies @bars and their labels, drawn in the given order. */
void                  obeya_bar_chart_set_bars            (ObeyaBarChart         *self,
                                                           const ObeyaChartBar   *bars,
                                                           gsize                  n_bars);

ObeyaChartOrientation obeya_bar_chart_get_orientation     (ObeyaBarChart         *self);
void                  obeya_bar_chart_set_orientation     (ObeyaBarChart         *self,
                                                           ObeyaChartOrientation  orientation);

/* A horizontal (vertical for horizontal charts) line at @value, NAN for
 * none, labelled @label ("Target 80 %", "Average"). */
void                  obeya_bar_chart_set_reference_line  (ObeyaBarChart         *self,
                                                           double                 value,
                                                           const char            *label);

const char           *obeya_bar_chart_get_unit            (ObeyaBarChart         *self);
void                  obeya_bar_chart_set_unit            (ObeyaBarChart         *self,
                                                           const char            *unit);
int                   obeya_bar_chart_get_decimals        (ObeyaBarChart         *self);
void                  obeya_bar_chart_set_decimals        (ObeyaBarChart         *self,
                                                           int                    decimals);

/* A span the value axis always covers, whatever the values (0 to 100 for
 * percentages). Values outside still widen it; NAN for either end: none
 * (the default). */
void                  obeya_bar_chart_set_value_span      (ObeyaBarChart         *self,
                                                           double                 min,
                                                           double                 max);

gboolean              obeya_bar_chart_get_show_values     (ObeyaBarChart         *self);
void                  obeya_bar_chart_set_show_values     (ObeyaBarChart         *self,
                                                           gboolean               show_values);

/* Valid after a draw: the rectangle of bar @index. */
gboolean              obeya_bar_chart_get_bar_rect        (ObeyaBarChart         *self,
                                                           guint                  index,
                                                           ObeyaChartRect        *rect);

G_END_DECLS
