/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaRadarChart: N axes (the five S: Sort, Set in order, Shine,
 * Standardize, Sustain) on a 0–100 scale with rings, one or two series
 * (the current audit filled, the previous one dashed). An axis without a
 * value (an S whose items were all N/A) is a gap in the shape and reads
 * "—": never 0.
 */
#pragma once

#include "obeya-chart.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_RADAR_CHART (obeya_radar_chart_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaRadarChart, obeya_radar_chart, OBEYA, RADAR_CHART, ObeyaChart)

/* Series 0 is the current one, series 1 the previous one. */
#define OBEYA_RADAR_CHART_N_SERIES 2

ObeyaRadarChart *obeya_radar_chart_new        (void);

/* Copies the axis names, clockwise from the top. Clears the series. */
void             obeya_radar_chart_set_axes   (ObeyaRadarChart    *self,
                                               const char * const *labels,
                                               gsize               n);
/* Copies one value per axis (NAN: no value) for series @index, named
 * @name in the legend; @values NULL removes the series. */
void             obeya_radar_chart_set_series (ObeyaRadarChart    *self,
                                               guint               index,
                                               const char         *name,
                                               const double       *values);

/* The value of the outer ring (100 by default). */
double           obeya_radar_chart_get_max    (ObeyaRadarChart    *self);
void             obeya_radar_chart_set_max    (ObeyaRadarChart    *self,
                                               double              max);

const char      *obeya_radar_chart_get_unit   (ObeyaRadarChart    *self);
void             obeya_radar_chart_set_unit   (ObeyaRadarChart    *self,
                                               const char         *unit);

/* Valid after a draw: where @value on @axis is. */
gboolean         obeya_radar_chart_get_point  (ObeyaRadarChart    *self,
                                               guint               axis,
                                               double              value,
                                               double             *x,
                                               double             *y);

G_END_DECLS
