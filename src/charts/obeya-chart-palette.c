/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <string.h>

#include "obeya-chart-palette.h"

G_DEFINE_BOXED_TYPE (ObeyaChartPalette, obeya_chart_palette,
                     obeya_chart_palette_copy, obeya_chart_palette_free)

/* Colours from libadwaita's named palette (blue_3, green_4, ...). */
#define HEX(h)     { ((h) >> 16 & 0xff) / 255., ((h) >> 8 & 0xff) / 255., ((h) & 0xff) / 255., 1. }
#define HEXA(h, a) { ((h) >> 16 & 0xff) / 255., ((h) >> 8 & 0xff) / 255., ((h) & 0xff) / 255., (a) }

static const ObeyaChartPalette palettes[] = {
  [OBEYA_CHART_STYLE_LIGHT] = {
    .background        = HEX (0xffffff),
    .foreground        = HEXA (0x000000, 0.8),
    .dim_foreground    = HEXA (0x000000, 0.6),
    .axis              = HEXA (0x000000, 0.45),
    .grid              = HEXA (0x000000, 0.09),
    .met               = HEX (0x26a269),
    .amber             = HEX (0xe5a50a),
    .missed            = HEX (0xc01c28),
    .no_data           = HEX (0x9a9996),
    .future            = HEX (0xffffff),
    .future_border     = HEX (0xc0bfbc),
    .non_working       = HEX (0xebebeb),
    .non_working_hatch = HEX (0xc0bfbc),
    .target            = HEX (0x1c71d8),
    .target_band       = HEXA (0x26a269, 0.14),
    .amber_band        = HEXA (0xe5a50a, 0.18),
    .reference         = HEX (0x9141ac),
    .line              = HEX (0x5e5c64),
    .accent            = HEX (0x3584e4),
    .secondary         = HEX (0xe66100),
    .previous          = HEX (0x77767b),
    .today             = HEXA (0x000000, 0.85),
    .series = {
      HEX (0x3584e4), HEX (0x2ec27e), HEX (0xf5c211), HEX (0xff7800),
      HEX (0x9141ac), HEX (0x986a44), HEX (0x99c1f1), HEX (0x77767b),
    },
    .high_contrast = FALSE,
    .dark = FALSE,
  },
  [OBEYA_CHART_STYLE_DARK] = {
    .background        = HEX (0x242424),
    .foreground        = HEX (0xffffff),
    .dim_foreground    = HEXA (0xffffff, 0.65),
    .axis              = HEXA (0xffffff, 0.45),
    .grid              = HEXA (0xffffff, 0.1),
    .met               = HEX (0x33d17a),
    .amber             = HEX (0xf6d32d),
    .missed            = HEX (0xe01b24),
    .no_data           = HEX (0x77767b),
    .future            = HEX (0x2e2e2e),
    .future_border     = HEX (0x5e5c64),
    .non_working       = HEX (0x1a1a1a),
    .non_working_hatch = HEX (0x505050),
    .target            = HEX (0x78aeed),
    .target_band       = HEXA (0x33d17a, 0.16),
    .amber_band        = HEXA (0xf6d32d, 0.16),
    .reference         = HEX (0xdc8add),
    .line              = HEX (0xc0bfbc),
    .accent            = HEX (0x3584e4),
    .secondary         = HEX (0xffa348),
    .previous          = HEX (0x9a9996),
    .today             = HEX (0xffffff),
    .series = {
      HEX (0x3584e4), HEX (0x2ec27e), HEX (0xf5c211), HEX (0xff7800),
      HEX (0x9141ac), HEX (0x986a44), HEX (0x62a0ea), HEX (0x9a9996),
    },
    .high_contrast = FALSE,
    .dark = TRUE,
  },
  [OBEYA_CHART_STYLE_HIGH_CONTRAST] = {
    .background        = HEX (0xffffff),
    .foreground        = HEX (0x000000),
    .dim_foreground    = HEX (0x000000),
    .axis              = HEX (0x000000),
    .grid              = HEXA (0x000000, 0.25),
    .met               = HEX (0x26a269),
    .amber             = HEX (0xe5a50a),
    .missed            = HEX (0xa51d2d),
    .no_data           = HEX (0x77767b),
    .future            = HEX (0xffffff),
    .future_border     = HEX (0x000000),
    .non_working       = HEX (0xffffff),
    .non_working_hatch = HEX (0x77767b),
    .target            = HEX (0x1a5fb4),
    .target_band       = HEXA (0x26a269, 0.22),
    .amber_band        = HEXA (0xe5a50a, 0.3),
    .reference         = HEX (0x613583),
    .line              = HEX (0x000000),
    .accent            = HEX (0x1a5fb4),
    .secondary         = HEX (0xc64600),
    .previous          = HEX (0x5e5c64),
    .today             = HEX (0x000000),
    .series = {
      HEX (0x1a5fb4), HEX (0x26a269), HEX (0xe5a50a), HEX (0xc64600),
      HEX (0x613583), HEX (0x63452c), HEX (0x62a0ea), HEX (0x5e5c64),
    },
    .high_contrast = TRUE,
    .dark = FALSE,
  },
  [OBEYA_CHART_STYLE_HIGH_CONTRAST_DARK] = {
    .background        = HEX (0x000000),
    .foreground        = HEX (0xffffff),
    .dim_foreground    = HEX (0xffffff),
    .axis              = HEX (0xffffff),
    .grid              = HEXA (0xffffff, 0.3),
    .met               = HEX (0x33d17a),
    .amber             = HEX (0xf8e45c),
    .missed            = HEX (0xf66151),
    .no_data           = HEX (0x9a9996),
    .future            = HEX (0x000000),
    .future_border     = HEX (0xc0bfbc),
    .non_working       = HEX (0x000000),
    .non_working_hatch = HEX (0x9a9996),
    .target            = HEX (0x99c1f1),
    .target_band       = HEXA (0x33d17a, 0.25),
    .amber_band        = HEXA (0xf8e45c, 0.25),
    .reference         = HEX (0xdc8add),
    .line              = HEX (0xffffff),
    .accent            = HEX (0x62a0ea),
    .secondary         = HEX (0xffbe6f),
    .previous          = HEX (0xc0bfbc),
    .today             = HEX (0xffffff),
    .series = {
      HEX (0x62a0ea), HEX (0x57e389), HEX (0xf8e45c), HEX (0xffa348),
      HEX (0xc061cb), HEX (0xcdab8f), HEX (0x99c1f1), HEX (0xc0bfbc),
    },
    .high_contrast = TRUE,
    .dark = TRUE,
  },
};

const ObeyaChartPalette *
obeya_chart_palette_get (ObeyaChartStyle style)
{
  g_return_val_if_fail (style < G_N_ELEMENTS (palettes), &palettes[0]);

  return &palettes[style];
}

ObeyaChartPalette *
obeya_chart_palette_copy (const ObeyaChartPalette *palette)
{
  g_return_val_if_fail (palette != NULL, NULL);

  return g_memdup2 (palette, sizeof *palette);
}

void
obeya_chart_palette_free (ObeyaChartPalette *palette)
{
  g_free (palette);
}

const ObeyaChartColor *
obeya_chart_palette_get_status_color (const ObeyaChartPalette *palette,
                                      ObeyaChartStatus         status)
{
  g_return_val_if_fail (palette != NULL, NULL);

  switch (status)
    {
    case OBEYA_CHART_STATUS_MET:
      return &palette->met;
    case OBEYA_CHART_STATUS_AMBER:
      return &palette->amber;
    case OBEYA_CHART_STATUS_MISSED:
      return &palette->missed;
    case OBEYA_CHART_STATUS_NO_DATA:
      return &palette->no_data;
    case OBEYA_CHART_STATUS_FUTURE:
      return &palette->future;
    case OBEYA_CHART_STATUS_NON_WORKING:
      return &palette->non_working;
    case OBEYA_CHART_STATUS_NONE:
    default:
      return &palette->accent;
    }
}

static int
hex_digit (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

gboolean
obeya_chart_color_parse (ObeyaChartColor *color,
                         const char      *text)
{
  int digits[8];
  gsize len;
  gsize i;

  g_return_val_if_fail (color != NULL, FALSE);

  if (text == NULL || text[0] != '#')
    return FALSE;
  text++;
  len = strlen (text);
  if (len != 3 && len != 6 && len != 8)
    return FALSE;
  for (i = 0; i < len; i++)
    if ((digits[i] = hex_digit (text[i])) < 0)
      return FALSE;

  if (len == 3)
    {
      color->red = digits[0] * 17 / 255.;
      color->green = digits[1] * 17 / 255.;
      color->blue = digits[2] * 17 / 255.;
      color->alpha = 1.;
      return TRUE;
    }

  color->red = (digits[0] * 16 + digits[1]) / 255.;
  color->green = (digits[2] * 16 + digits[3]) / 255.;
  color->blue = (digits[4] * 16 + digits[5]) / 255.;
  color->alpha = len == 8 ? (digits[6] * 16 + digits[7]) / 255. : 1.;
  return TRUE;
}
