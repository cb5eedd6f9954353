/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "obeya-chart-enums.h"
#include "obeya-chart-private.h"
#include "obeya-letter-calendar.h"

#define LETTER_COLS 8
#define LETTER_ROWS 9

/* The cell layouts: '#' is a day cell, numbered in reading order. Vertical
 * strokes are two cells wide and horizontal ones one cell high, so each
 * letter reads as a bold letter at a glance. S, Q, D and C have exactly 31
 * cells, P 32: a long month fills the letter. */
static const char * const letter_masks[][LETTER_ROWS] = {
  [OBEYA_CHART_LETTER_S] = {
    ".######.",
    "##......",
    "##......",
    "##......",
    ".######.",
    "......##",
    "......##",
    "......##",
    "#######.",
  },
  [OBEYA_CHART_LETTER_Q] = {
    ".######.",
    "##....##",
    "##....##",
    "##....##",
    "##....##",
    ".######.",
    ".....#..",
    "......#.",
    ".......#",
  },
  [OBEYA_CHART_LETTER_D] = {
    "#####...",
    "##...#..",
    "##....#.",
    "##....#.",
    "##....#.",
    "##....#.",
    "##....#.",
    "##...#..",
    "#####...",
  },
  [OBEYA_CHART_LETTER_C] = {
    ".######.",
    "##....##",
    "##......",
    "##......",
    "##......",
    "##......",
    "##......",
    "##....##",
    ".#######",
  },
  [OBEYA_CHART_LETTER_P] = {
    "#######.",
    "##....##",
    "##....##",
    "#######.",
    "##......",
    "##......",
    "##......",
    "##......",
    "##......",
  },
};

struct _ObeyaLetterCalendar
{
  ObeyaChart        parent_instance;

  GDateYear         year;
  GDateMonth        month;
  ObeyaChartStatus  days[31];
  ObeyaChartLetter  letter;
  guint             today;
  GDateWeekday      first_weekday;
  ObeyaChartRect    rects[31];
};

G_DEFINE_FINAL_TYPE (ObeyaLetterCalendar, obeya_letter_calendar, OBEYA_TYPE_CHART)

enum {
  PROP_0,
  PROP_LETTER,
  PROP_TODAY,
  PROP_FIRST_WEEKDAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ObeyaChartLetter
obeya_chart_letter_from_char (gunichar c)
{
  switch (g_unichar_toupper (c))
    {
    case 'S':
      return OBEYA_CHART_LETTER_S;
    case 'Q':
      return OBEYA_CHART_LETTER_Q;
    case 'D':
      return OBEYA_CHART_LETTER_D;
    case 'C':
      return OBEYA_CHART_LETTER_C;
    case 'P':
      return OBEYA_CHART_LETTER_P;
    default:
      return OBEYA_CHART_LETTER_GRID;
    }
}

guint
obeya_chart_letter_get_n_cells (ObeyaChartLetter letter)
{
  guint n = 0;
  guint r;

  if (letter <= OBEYA_CHART_LETTER_GRID || letter > OBEYA_CHART_LETTER_P)
    return 0;
  for (r = 0; r < LETTER_ROWS; r++)
    {
      const char *p;

      for (p = letter_masks[letter][r]; *p; p++)
        n += *p == '#';
    }
  return n;
}

static gboolean
obeya_letter_calendar_is_empty (ObeyaChart *chart)
{
  ObeyaLetterCalendar *self = OBEYA_LETTER_CALENDAR (chart);

  return !g_date_valid_dmy (1, self->month, self->year);
}

typedef struct
{
  double x;
  double y;
  double size;
} Cell;

static void
draw_cell (ObeyaLetterCalendar *self,
           ObeyaChartContext   *ctx,
           const Cell          *cell,
           guint                day,
           gboolean             today)
{
  const ObeyaChartPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  double gap = MAX (1., round (cell->size * 0.1));
  double s = cell->size - gap;
  double x = cell->x + gap / 2.;
  double y = cell->y + gap / 2.;
  double radius = s * 0.14;
  ObeyaChartStatus status;
  const ObeyaChartColor *fill;
  const ObeyaChartColor *ink;
  ObeyaChartRect bounds = { x, y, s, s };

  if (day == 0)
    {
      /* A cell past the end of the month: faint, so the letter still reads. */
      obeya_chart_rounded_rect (cr, x, y, s, s, radius);
      obeya_chart_set_color (cr, &palette->grid);
      cairo_fill (cr);
      return;
    }

  status = self->days[day - 1];
  if (status == OBEYA_CHART_STATUS_NONE)
    status = OBEYA_CHART_STATUS_NO_DATA;
  fill = obeya_chart_palette_get_status_color (palette, status);

  obeya_chart_rounded_rect (cr, x, y, s, s, radius);
  obeya_chart_set_color (cr, fill);
  cairo_fill (cr);

  switch ((int) status)
    {
    case OBEYA_CHART_STATUS_NON_WORKING:
      obeya_chart_rounded_rect (cr, x, y, s, s, radius);
      _obeya_chart_hatch_path (ctx, &bounds, &palette->non_working_hatch, MAX (3., s / 5.));
      ink = &palette->dim_foreground;
      break;
    case OBEYA_CHART_STATUS_FUTURE:
      ink = &palette->dim_foreground;
      break;
    default:
      ink = _obeya_chart_ink_on (fill);
      break;
    }

  if (status == OBEYA_CHART_STATUS_FUTURE || status == OBEYA_CHART_STATUS_NON_WORKING ||
      palette->high_contrast)
    {
      double lw = MAX (1., round (s * 0.04));

      obeya_chart_rounded_rect (cr, x + lw / 2., y + lw / 2., s - lw, s - lw, radius);
      obeya_chart_set_color (cr, &palette->future_border);
      cairo_set_line_width (cr, lw);
      cairo_stroke (cr);
    }

  {
    char number[4];
    double size = s * 0.45 / ctx->font_size;

    g_snprintf (number, sizeof number, "%u", day);
    if (status == OBEYA_CHART_STATUS_NON_WORKING)
      {
        /* A plaque so the hatching does not cross the digits. */
        double tw, th;

        _obeya_chart_text_size (ctx, number, size, TRUE, -1, &tw, &th);
        obeya_chart_rounded_rect (cr, x + (s - tw) / 2. - s * 0.06, y + (s - th) / 2.,
                                  tw + s * 0.12, th, s * 0.08);
        obeya_chart_set_color (cr, fill);
        cairo_fill (cr);
      }
    _obeya_chart_draw_text (ctx, number, x + s / 2., y + s / 2., 0.5, 0.5, size, TRUE, ink, -1, 0.);
  }

  if (today)
    {
      double lw = MAX (2., round (cell->size * 0.09));

      obeya_chart_rounded_rect (cr, x - gap / 2. + lw / 2., y - gap / 2. + lw / 2.,
                                s + gap - lw, s + gap - lw, radius + gap / 2.);
      obeya_chart_set_color (cr, &palette->today);
      cairo_set_line_width (cr, lw);
      cairo_stroke (cr);
    }

  self->rects[day - 1] = (ObeyaChartRect) { cell->x, cell->y, cell->size, cell->size };
}

static void
obeya_letter_calendar_draw (ObeyaChart           *chart,
                            ObeyaChartContext    *ctx,
                            const ObeyaChartRect *area)
{
  ObeyaLetterCalendar *self = OBEYA_LETTER_CALENDAR (chart);
  guint n_days = g_date_get_days_in_month (self->month, self->year);
  guint today_day = 0;
  GDate date;
  ObeyaChartRect plot;
  ObeyaChartScale xs, ys;
  Cell cell;
  guint cols, rows, r, c;
  double header = 0.;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, self->month, self->year);
  if (self->today >= g_date_get_julian (&date) && self->today < g_date_get_julian (&date) + n_days)
    today_day = self->today - g_date_get_julian (&date) + 1;
  memset (self->rects, 0, sizeof self->rects);

  if (self->letter != OBEYA_CHART_LETTER_GRID)
    {
      cols = LETTER_COLS;
      rows = LETTER_ROWS;
    }
  else
    {
      guint offset = (g_date_get_weekday (&date) - self->first_weekday + 7) % 7;

      cols = 7;
      rows = (offset + n_days + 6) / 7;
      header = 0.6;
    }

  cell.size = floor (MIN (area->width / cols, area->height / (rows + header)));
  if (cell.size < 4.)
    return;
  plot.width = cell.size * cols;
  plot.height = cell.size * (rows + header);
  plot.x = round (area->x + (area->width - plot.width) / 2.);
  plot.y = round (area->y + (area->height - plot.height) / 2.);
  xs = (ObeyaChartScale) { 0., cols, plot.x, plot.x + plot.width };
  ys = (ObeyaChartScale) { 0., rows + header, plot.y, plot.y + plot.height };
  _obeya_chart_set_mapping (chart, &plot, &xs, &ys);

  if (self->letter != OBEYA_CHART_LETTER_GRID)
    {
      guint k = 0;
      guint first_col = LETTER_COLS, last_col = 0;
      double shift;

      /* Centre the letter on the columns it uses. */
      for (r = 0; r < rows; r++)
        for (c = 0; c < cols; c++)
          if (letter_masks[self->letter][r][c] == '#')
            {
              first_col = MIN (first_col, c);
              last_col = MAX (last_col, c);
            }
      shift = (LETTER_COLS - (last_col - first_col + 1)) / 2. - first_col;

      for (r = 0; r < rows; r++)
        for (c = 0; c < cols; c++)
          {
            guint day;

            if (letter_masks[self->letter][r][c] != '#')
              continue;
            day = ++k <= n_days ? k : 0;
            cell.x = plot.x + (c + shift) * cell.size;
            cell.y = plot.y + r * cell.size;
            draw_cell (self, ctx, &cell, day, day != 0 && day == today_day);
          }
      return;
    }

  /* The month grid: weekday initials, then the weeks. */
  {
    guint offset = (g_date_get_weekday (&date) - self->first_weekday + 7) % 7;
    GDate weekday;
    guint day;

    /* 1 January 2001 was a Monday. */
    g_date_clear (&weekday, 1);
    g_date_set_dmy (&weekday, 1, G_DATE_JANUARY, 2001);
    g_date_add_days (&weekday, self->first_weekday - G_DATE_MONDAY);
    for (c = 0; c < 7; c++)
      {
        char name[64];

        /* xgettext:no-c-format */
        /* Translators: weekday heading of a month grid, strftime() format. */
        if (g_date_strftime (name, sizeof name, C_("weekday heading", "%a"), &weekday) == 0)
          name[0] = '\0';
        _obeya_chart_draw_text (ctx, name, plot.x + (c + 0.5) * cell.size,
                                plot.y + header * cell.size / 2., 0.5, 0.5,
                                MIN (1., cell.size * 0.3 / ctx->font_size), FALSE,
                                &ctx->palette->dim_foreground, cell.size, 0.);
        g_date_add_days (&weekday, 1);
      }

    for (day = 1; day <= n_days; day++)
      {
        guint k = offset + day - 1;

        cell.x = plot.x + (k % 7) * cell.size;
        cell.y = plot.y + (header + k / 7) * cell.size;
        draw_cell (self, ctx, &cell, day, day == today_day);
      }
  }
}

static void
obeya_letter_calendar_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ObeyaLetterCalendar *self = OBEYA_LETTER_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_LETTER:
      g_value_set_enum (value, self->letter);
      break;
    case PROP_TODAY:
      g_value_set_uint (value, self->today);
      break;
    case PROP_FIRST_WEEKDAY:
      g_value_set_uint (value, self->first_weekday);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_letter_calendar_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ObeyaLetterCalendar *self = OBEYA_LETTER_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_LETTER:
      obeya_letter_calendar_set_letter (self, g_value_get_enum (value));
      break;
    case PROP_TODAY:
      obeya_letter_calendar_set_today (self, g_value_get_uint (value));
      break;
    case PROP_FIRST_WEEKDAY:
      obeya_letter_calendar_set_first_weekday (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_letter_calendar_class_init (ObeyaLetterCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ObeyaChartClass *chart_class = OBEYA_CHART_CLASS (klass);

  object_class->get_property = obeya_letter_calendar_get_property;
  object_class->set_property = obeya_letter_calendar_set_property;

  chart_class->is_empty = obeya_letter_calendar_is_empty;
  chart_class->draw = obeya_letter_calendar_draw;

  properties[PROP_LETTER] =
    g_param_spec_enum ("letter", NULL, NULL,
                       OBEYA_TYPE_CHART_LETTER, OBEYA_CHART_LETTER_GRID,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_uint ("today", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_WEEKDAY] =
    g_param_spec_uint ("first-weekday", NULL, NULL, G_DATE_MONDAY, G_DATE_SUNDAY, G_DATE_MONDAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_letter_calendar_init (ObeyaLetterCalendar *self)
{
  self->first_weekday = G_DATE_MONDAY;
  self->year = G_DATE_BAD_YEAR;
  self->month = G_DATE_BAD_MONTH;
}

ObeyaLetterCalendar *
obeya_letter_calendar_new (void)
{
  return g_object_new (OBEYA_TYPE_LETTER_CALENDAR, NULL);
}

void
obeya_letter_calendar_set_month (ObeyaLetterCalendar *self,
                                 GDateYear            year,
                                 GDateMonth           month)
{
  g_return_if_fail (OBEYA_IS_LETTER_CALENDAR (self));
  g_return_if_fail (g_date_valid_dmy (1, month, year));

  self->year = year;
  self->month = month;
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

void
obeya_letter_calendar_set_days (ObeyaLetterCalendar    *self,
                                const ObeyaChartStatus *statuses,
                                gsize                   n)
{
  gsize i;

  g_return_if_fail (OBEYA_IS_LETTER_CALENDAR (self));
  g_return_if_fail (statuses != NULL || n == 0);

  for (i = 0; i < G_N_ELEMENTS (self->days); i++)
    self->days[i] = i < n ? statuses[i] : OBEYA_CHART_STATUS_NO_DATA;
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

ObeyaChartLetter
obeya_letter_calendar_get_letter (ObeyaLetterCalendar *self)
{
  g_return_val_if_fail (OBEYA_IS_LETTER_CALENDAR (self), OBEYA_CHART_LETTER_GRID);

  return self->letter;
}

void
obeya_letter_calendar_set_letter (ObeyaLetterCalendar *self,
                                  ObeyaChartLetter     letter)
{
  g_return_if_fail (OBEYA_IS_LETTER_CALENDAR (self));
  g_return_if_fail (letter <= OBEYA_CHART_LETTER_P);

  if (self->letter == letter)
    return;
  self->letter = letter;
  _obeya_chart_notify (OBEYA_CHART (self), properties[PROP_LETTER]);
}

guint
obeya_letter_calendar_get_today (ObeyaLetterCalendar *self)
{
  g_return_val_if_fail (OBEYA_IS_LETTER_CALENDAR (self), 0);

  return self->today;
}

void
obeya_letter_calendar_set_today (ObeyaLetterCalendar *self,
                                 guint                julian_day)
{
  g_return_if_fail (OBEYA_IS_LETTER_CALENDAR (self));

  if (self->today == julian_day)
    return;
  self->today = julian_day;
  _obeya_chart_notify (OBEYA_CHART (self), properties[PROP_TODAY]);
}

GDateWeekday
obeya_letter_calendar_get_first_weekday (ObeyaLetterCalendar *self)
{
  g_return_val_if_fail (OBEYA_IS_LETTER_CALENDAR (self), G_DATE_MONDAY);

  return self->first_weekday;
}

void
obeya_letter_calendar_set_first_weekday (ObeyaLetterCalendar *self,
                                         GDateWeekday         weekday)
{
  g_return_if_fail (OBEYA_IS_LETTER_CALENDAR (self));
  g_return_if_fail (g_date_valid_weekday (weekday));

  if (self->first_weekday == weekday)
    return;
  self->first_weekday = weekday;
  _obeya_chart_notify (OBEYA_CHART (self), properties[PROP_FIRST_WEEKDAY]);
}

gboolean
obeya_letter_calendar_get_day_rect (ObeyaLetterCalendar *self,
                                    guint                day,
                                    ObeyaChartRect      *rect)
{
  g_return_val_if_fail (OBEYA_IS_LETTER_CALENDAR (self), FALSE);

  if (day < 1 || day > 31 || self->rects[day - 1].width <= 0. ||
      !obeya_chart_get_plot_area (OBEYA_CHART (self), NULL))
    return FALSE;
  if (rect)
    *rect = self->rects[day - 1];
  return TRUE;
}
