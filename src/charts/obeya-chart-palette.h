/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaChartPalette: every colour a chart uses. The built-in palettes follow
 * libadwaita's named colours so charts sit well in the app in both styles;
 * the app may copy one and change a field (for example a transparent
 * background when the chart sits on a card).
 */
#pragma once

#include "obeya-chart-types.h"

G_BEGIN_DECLS

#define OBEYA_CHART_PALETTE_N_SERIES 8

struct _ObeyaChartPalette
{
  /* Surfaces and ink. A background with alpha 0 is not painted. */
  ObeyaChartColor background;
  ObeyaChartColor foreground;      /* titles, values */
  ObeyaChartColor dim_foreground;  /* tick labels, captions */
  ObeyaChartColor axis;            /* axis lines, tick marks */
  ObeyaChartColor grid;            /* grid lines, radar rings */

  /* Status colours (fills and markers). */
  ObeyaChartColor met;             /* green */
  ObeyaChartColor amber;
  ObeyaChartColor missed;          /* red */
  ObeyaChartColor no_data;         /* grey, never green */
  ObeyaChartColor future;          /* pale */
  ObeyaChartColor future_border;
  ObeyaChartColor non_working;
  ObeyaChartColor non_working_hatch;

  /* Reference lines and data. */
  ObeyaChartColor target;          /* target line of run charts */
  ObeyaChartColor target_band;     /* the good band of "within a band" metrics */
  ObeyaChartColor amber_band;      /* the amber zone around a target */
  ObeyaChartColor reference;       /* mean, median, percentiles */
  ObeyaChartColor line;            /* the line joining run-chart points */
  ObeyaChartColor accent;          /* default bars, first series */
  ObeyaChartColor secondary;       /* Pareto cumulative line */
  ObeyaChartColor previous;        /* second radar series (previous audit) */
  ObeyaChartColor today;           /* today's outline in letter calendars */
  ObeyaChartColor series[OBEYA_CHART_PALETTE_N_SERIES];

  /* TRUE for the high-contrast styles: cells and bars get outlines. */
  gboolean        high_contrast;
  gboolean        dark;
};

#define OBEYA_TYPE_CHART_PALETTE (obeya_chart_palette_get_type ())

GType                    obeya_chart_palette_get_type  (void) G_GNUC_CONST;

/* The built-in palette of @style. Static data: never free it. */
const ObeyaChartPalette *obeya_chart_palette_get       (ObeyaChartStyle          style);

ObeyaChartPalette       *obeya_chart_palette_copy      (const ObeyaChartPalette *palette);
void                     obeya_chart_palette_free      (ObeyaChartPalette       *palette);

/* The colour of @status in @palette (NONE gives the accent colour). */
const ObeyaChartColor   *obeya_chart_palette_get_status_color (const ObeyaChartPalette *palette,
                                                               ObeyaChartStatus         status);

/* Parses "#rgb", "#rrggbb" or "#rrggbbaa". Returns FALSE (and leaves
 * @color untouched) when @text is not one of these. */
gboolean                 obeya_chart_color_parse       (ObeyaChartColor         *color,
                                                        const char              *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObeyaChartPalette, obeya_chart_palette_free)

G_END_DECLS
