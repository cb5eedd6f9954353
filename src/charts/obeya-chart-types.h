/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain data types shared by every chart. Charts take plain data (doubles,
 * GDate julian days, status enums, strings): the app and the command line
 * convert the model into these, so src/charts never sees src/core.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _ObeyaChart           ObeyaChart;
typedef struct _ObeyaChartContext    ObeyaChartContext;
typedef struct _ObeyaChartPalette    ObeyaChartPalette;

/* The status of one day or one value. Status is computed by the caller
 * (core), never by a chart. NONE means "no status": the neutral series
 * colour. NO_DATA is grey, never green. */
typedef enum
{
  OBEYA_CHART_STATUS_NONE,
  OBEYA_CHART_STATUS_MET,
  OBEYA_CHART_STATUS_AMBER,
  OBEYA_CHART_STATUS_MISSED,
  OBEYA_CHART_STATUS_NO_DATA,
  OBEYA_CHART_STATUS_FUTURE,
  OBEYA_CHART_STATUS_NON_WORKING,
} ObeyaChartStatus;

/* File formats of obeya_chart_export(). AUTO picks from the extension. */
typedef enum
{
  OBEYA_CHART_FORMAT_AUTO,
  OBEYA_CHART_FORMAT_PNG,
  OBEYA_CHART_FORMAT_SVG,
  OBEYA_CHART_FORMAT_PDF,
} ObeyaChartFormat;

/* The built-in palettes (see obeya_chart_palette_get()). */
typedef enum
{
  OBEYA_CHART_STYLE_LIGHT,
  OBEYA_CHART_STYLE_DARK,
  OBEYA_CHART_STYLE_HIGH_CONTRAST,
  OBEYA_CHART_STYLE_HIGH_CONTRAST_DARK,
} ObeyaChartStyle;

typedef enum
{
  OBEYA_CHART_ORIENTATION_VERTICAL,
  OBEYA_CHART_ORIENTATION_HORIZONTAL,
} ObeyaChartOrientation;

/* An optional horizontal reference line computed from the data. */
typedef enum
{
  OBEYA_CHART_REFERENCE_NONE,
  OBEYA_CHART_REFERENCE_MEAN,
  OBEYA_CHART_REFERENCE_MEDIAN,
} ObeyaChartReference;

/* The shape of a letter calendar: one of the five SQDCP letters, or a
 * plain 7-column month grid for custom categories. */
typedef enum
{
  OBEYA_CHART_LETTER_GRID,
  OBEYA_CHART_LETTER_S,
  OBEYA_CHART_LETTER_Q,
  OBEYA_CHART_LETTER_D,
  OBEYA_CHART_LETTER_C,
  OBEYA_CHART_LETTER_P,
} ObeyaChartLetter;

/* Components 0..1. A colour with alpha 0 means "automatic": the chart picks
 * one from the palette, so it follows light and dark styles. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} ObeyaChartColor;

/* A rectangle in the user space of the cairo_t a chart was drawn into. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} ObeyaChartRect;

/* One dated value. @day is a GDate julian day; @value NAN means missing. */
typedef struct
{
  guint32          day;
  double           value;
  ObeyaChartStatus status;
} ObeyaChartPoint;

G_END_DECLS
