/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaHistogram: counts of values in bins (cycle times, lead times), bars
 * side by side over a numeric axis, with the count written on each bar
 * when there is room.
 *
 * obeya_chart_map() takes (value, count).
 */
#pragma once

#include "obeya-chart.h"

G_BEGIN_DECLS

/* Values in [@low, @high) counted @count times. */
typedef struct
{
  double low;
  double high;
  double count;
} ObeyaChartBin;

#define OBEYA_TYPE_HISTOGRAM (obeya_histogram_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaHistogram, obeya_histogram, OBEYA, HISTOGRAM, ObeyaChart)

ObeyaHistogram *obeya_histogram_new          (void);

/* Copies @bins (any order, sorted here). */
void            obeya_histogram_set_bins     (ObeyaHistogram      *self,
                                              const ObeyaChartBin *bins,
                                              gsize                n_bins);
/* Bins @values (NAN ignored) @bin_width wide, aligned on multiples of it;
 * @bin_width 0 picks a 1-2-5 width giving about ten bins. */
void            obeya_histogram_set_values   (ObeyaHistogram      *self,
                                              const double        *values,
                                              gsize                n_values,
                                              double               bin_width);

/* The unit of the values ("d"), written after the axis numbers. */
const char     *obeya_histogram_get_unit     (ObeyaHistogram      *self);
void            obeya_histogram_set_unit     (ObeyaHistogram      *self,
                                              const char          *unit);

G_END_DECLS
