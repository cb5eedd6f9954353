/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure helpers of the chart axes: 1-2-5 tick steps, date ticks, label
 * thinning, locale-aware number and date formatting.
 */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "obeya-chart-private.h"

double
_obeya_chart_nice_step (double span,
                        guint  max_intervals)
{
  static const double steps[] = { 1., 2., 5., 10. };
  double raw;
  double magnitude;
  guint i;

  if (!(span > 0.) || !isfinite (span))
    return 1.;
  if (max_intervals == 0)
    max_intervals = 1;

  raw = span / max_intervals;
  magnitude = pow (10., floor (log10 (raw)));
  for (i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * magnitude >= raw * (1. - 1e-9))
      return steps[i] * magnitude;
  return 10. * magnitude;
}

int
_obeya_chart_decimals_for_step (double step)
{
  double d;

  if (!(step > 0.) || !isfinite (step))
    return 0;
  d = ceil (-log10 (step) - 1e-9);
  return (int) CLAMP (d, 0., 10.);
}

/* The next step of the 1-2-5 sequence above @step. */
static double
next_step (double step)
{
  double magnitude = pow (10., floor (log10 (step) + 1e-9));
  double norm = step / magnitude;

  if (norm < 1.5)
    return 2. * magnitude;
  if (norm < 3.5)
    return 5. * magnitude;
  return 10. * magnitude;
}

void
_obeya_chart_nice_ticks (double           lo,
                         double           hi,
                         guint            max_intervals,
                         gboolean         integer,
                         ObeyaChartTicks *ticks)
{
  double step;
  guint guard;

  g_return_if_fail (ticks != NULL);

  if (!isfinite (lo) || !isfinite (hi))
    lo = 0., hi = 1.;
  if (lo > hi)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  max_intervals = CLAMP (max_intervals, 1, 1000);

  if (hi == lo)
    {
      double d = lo == 0. ? 1. : fabs (lo) * 0.1;

      if (integer)
        d = MAX (1., round (d));
      hi = lo + d;
      if (lo < 0. || lo - d >= 0.)
        lo = lo - d;
      else if (lo != 0.)
        lo = 0.;
    }

  step = _obeya_chart_nice_step (hi - lo, max_intervals);
  if (integer && step < 1.)
    step = 1.;

  for (guard = 0; guard < 64; guard++)
    {
      double min = floor (lo / step + 1e-9) * step;
      double max = ceil (hi / step - 1e-9) * step;
      guint n = (guint) llround ((max - min) / step) + 1;

      if (n - 1 <= max_intervals || guard == 63)
        {
          ticks->min = fabs (min) < step * 1e-9 ? 0. : min;
          ticks->max = fabs (max) < step * 1e-9 ? 0. : max;
          ticks->step = step;
          ticks->n = n;
          ticks->decimals = integer ? 0 : _obeya_chart_decimals_for_step (step);
          return;
        }
      step = next_step (step);
    }
}

guint
_obeya_chart_thin_stride (const double *starts,
                          const double *ends,
                          guint         n,
                          double        min_gap)
{
  guint stride;

  if (n < 2)
    return 1;

  for (stride = 1; stride < n; stride++)
    {
      gboolean fits = TRUE;
      guint i;

      for (i = stride; i < n && fits; i += stride)
        fits = starts[i] >= ends[i - stride] + min_gap;
      if (fits)
        return stride;
    }
  return n;
}

typedef struct
{
  ObeyaChartDateUnit unit;
  guint              step;
} DateStep;

static const DateStep date_steps[] = {
  { OBEYA_CHART_DATE_UNIT_DAY, 1 },
  { OBEYA_CHART_DATE_UNIT_DAY, 2 },
  { OBEYA_CHART_DATE_UNIT_WEEK, 1 },
  { OBEYA_CHART_DATE_UNIT_WEEK, 2 },
  { OBEYA_CHART_DATE_UNIT_MONTH, 1 },
  { OBEYA_CHART_DATE_UNIT_MONTH, 3 },
  { OBEYA_CHART_DATE_UNIT_MONTH, 6 },
  { OBEYA_CHART_DATE_UNIT_YEAR, 1 },
  { OBEYA_CHART_DATE_UNIT_YEAR, 2 },
  { OBEYA_CHART_DATE_UNIT_YEAR, 5 },
  { OBEYA_CHART_DATE_UNIT_YEAR, 10 },
  { OBEYA_CHART_DATE_UNIT_YEAR, 20 },
  { OBEYA_CHART_DATE_UNIT_YEAR, 50 },
  { OBEYA_CHART_DATE_UNIT_YEAR, 100 },
};

/* Appends the ticks of @ds to @out; FALSE (with @out truncated) as soon as
 * there are more than @max_ticks. */
static gboolean
collect_date_ticks (guint32         first,
                    guint32         last,
                    const DateStep *ds,
                    guint           max_ticks,
                    GArray         *out)
{
  GDate date;
  guint32 j;

  g_array_set_size (out, 0);
  g_date_clear (&date, 1);

  switch (ds->unit)
    {
    case OBEYA_CHART_DATE_UNIT_DAY:
      j = first;
      if (ds->step > 1 && j % ds->step != 0)
        j += ds->step - j % ds->step;
      for (; j <= last; j += ds->step)
        {
          if (out->len >= max_ticks)
            return FALSE;
          g_array_append_val (out, j);
        }
      return TRUE;

    case OBEYA_CHART_DATE_UNIT_WEEK:
      /* Julian day 1 (1 January of year 1) is a Monday. */
      j = first + (7 - (first - 1) % 7) % 7;
      if (ds->step > 1 && ((j - 1) / 7) % ds->step != 0)
        j += 7 * (ds->step - ((j - 1) / 7) % ds->step);
      for (; j <= last; j += 7 * ds->step)
        {
          if (out->len >= max_ticks)
            return FALSE;
          g_array_append_val (out, j);
        }
      return TRUE;

    case OBEYA_CHART_DATE_UNIT_MONTH:
      g_date_set_julian (&date, first);
      if (g_date_get_day (&date) != 1)
        {
          g_date_set_day (&date, 1);
          g_date_add_months (&date, 1);
        }
      while ((g_date_get_month (&date) - 1) % ds->step != 0)
        g_date_add_months (&date, 1);
      for (; g_date_get_julian (&date) <= last; g_date_add_months (&date, ds->step))
        {
          j = g_date_get_julian (&date);
          if (out->len >= max_ticks)
            return FALSE;
          g_array_append_val (out, j);
        }
      return TRUE;

    case OBEYA_CHART_DATE_UNIT_YEAR:
    default:
      {
        GDateYear year;

        g_date_set_julian (&date, first);
        year = g_date_get_year (&date);
        if (g_date_get_day_of_year (&date) != 1)
          year++;
        if (year % ds->step != 0)
          year += ds->step - year % ds->step;
        for (;; year += ds->step)
          {
            if (!g_date_valid_dmy (1, G_DATE_JANUARY, year))
              break;
            g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
            j = g_date_get_julian (&date);
            if (j > last)
              break;
            if (out->len >= max_ticks)
              return FALSE;
            g_array_append_val (out, j);
          }
        return TRUE;
      }
    }
}

GArray *
_obeya_chart_date_ticks (guint32             first_day,
                         guint32             last_day,
                         guint               max_ticks,
                         ObeyaChartDateUnit *unit,
                         guint              *step)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint i;

  if (first_day > last_day)
    {
      guint32 t = first_day;
      first_day = last_day;
      last_day = t;
    }
  if (first_day == 0)
    first_day = 1;
  if (max_ticks == 0)
    max_ticks = 1;

  for (i = 0; i < G_N_ELEMENTS (date_steps); i++)
    {
      if (collect_date_ticks (first_day, last_day, &date_steps[i], max_ticks, ticks))
        {
          if (unit)
            *unit = date_steps[i].unit;
          if (step)
            *step = date_steps[i].step;
          return ticks;
        }
    }

  /* Beyond centuries: the first day alone. */
  g_array_set_size (ticks, 0);
  g_array_append_val (ticks, first_day);
  if (unit)
    *unit = OBEYA_CHART_DATE_UNIT_YEAR;
  if (step)
    *step = 100;
  return ticks;
}

char *
_obeya_chart_format_date (guint32            day,
                          ObeyaChartDateUnit unit,
                          gboolean           with_year)
{
  const char *format;
  char buffer[128];
  GDate date;

  if (!g_date_valid_julian (day))
    return g_strdup ("");

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  switch (unit)
    {
    case OBEYA_CHART_DATE_UNIT_DAY:
    case OBEYA_CHART_DATE_UNIT_WEEK:
      /* xgettext:no-c-format */
      /* Translators: a date on a chart axis, strftime() format: "3 Mar".
       * Keep it short; %-d is the day without padding. */
      format = with_year ? C_("chart axis date", "%-d %b %Y") : C_("chart axis date", "%-d %b");
      break;
    case OBEYA_CHART_DATE_UNIT_MONTH:
      /* xgettext:no-c-format */
      /* Translators: a month on a chart axis, strftime() format: "Mar 2025". */
      format = with_year ? C_("chart axis month", "%b %Y") : C_("chart axis month", "%b");
      break;
    case OBEYA_CHART_DATE_UNIT_YEAR:
    default:
      /* xgettext:no-c-format */
      /* Translators: a year on a chart axis, strftime() format. */
      format = C_("chart axis year", "%Y");
      break;
    }

  if (g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

char *
_obeya_chart_format_number_full (double      value,
                                 int         decimals,
                                 const char *decimal_point,
                                 const char *thousands_sep,
                                 const char *grouping)
{
  char format[16];
  char digits[G_ASCII_DTOSTR_BUF_SIZE + 400];
  GString *out;
  const char *dot;
  const char *p;
  gsize int_len;
  gsize i;
  gboolean zero = TRUE;
  GArray *breaks;

  if (!isfinite (value))
    return g_strdup ("—");

  decimals = CLAMP (decimals, 0, 10);
  if (fabs (value) >= 1e300)
    return g_strdup ("—");

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (digits, sizeof digits, format, fabs (value));

  for (p = digits; *p; p++)
    if (*p >= '1' && *p <= '9')
      zero = FALSE;

  out = g_string_new (NULL);
  if (value < 0. && !zero)
    g_string_append (out, "−");  /* U+2212 MINUS SIGN */

  dot = strchr (digits, '.');
  int_len = dot ? (gsize) (dot - digits) : strlen (digits);

  /* Where the group separators go, counted from the right. */
  breaks = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (breaks, int_len + 1);
  if (thousands_sep && *thousands_sep && grouping && *grouping)
    {
      const char *g = grouping;
      gsize pos = 0;
      int size = 0;

      for (;;)
        {
          if (*g != '\0')
            {
              if (*g == CHAR_MAX || *g < 0)
                break;
              size = *g++;
            }
          if (size <= 0)
            break;
          pos += size;
          if (pos >= int_len)
            break;
          g_array_index (breaks, gboolean, pos) = TRUE;
        }
    }

  for (i = 0; i < int_len; i++)
    {
      gsize from_right = int_len - i;

      if (i > 0 && g_array_index (breaks, gboolean, from_right))
        g_string_append (out, thousands_sep);
      g_string_append_c (out, digits[i]);
    }
  g_array_unref (breaks);

  if (dot)
    {
      g_string_append (out, decimal_point && *decimal_point ? decimal_point : ".");
      g_string_append (out, dot + 1);
    }

  return g_string_free (out, FALSE);
}

char *
_obeya_chart_format_number (double value,
                            int    decimals)
{
  const struct lconv *lc = localeconv ();

  return _obeya_chart_format_number_full (value, decimals,
                                          lc->decimal_point,
                                          lc->thousands_sep,
                                          lc->grouping);
}

char *
_obeya_chart_format_value (double      value,
                           int         decimals,
                           const char *unit)
{
  g_autofree char *number = _obeya_chart_format_number (value, decimals);

  if (unit == NULL || *unit == '\0' || !isfinite (value))
    return g_steal_pointer (&number);

  /* A no-break space between the number and its unit. */
  return g_strconcat (number, "\u00a0", unit, NULL);
}

double
_obeya_chart_mean (const double *values,
                   gsize         n)
{
  double sum = 0.;
  gsize count = 0;
  gsize i;

  for (i = 0; i < n; i++)
    if (isfinite (values[i]))
      {
        sum += values[i];
        count++;
      }
  return count > 0 ? sum / count : NAN;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

double
_obeya_chart_median (const double *values,
                     gsize         n)
{
  g_autofree double *sorted = g_new (double, MAX (n, 1));
  gsize count = 0;
  gsize i;

  for (i = 0; i < n; i++)
    if (isfinite (values[i]))
      sorted[count++] = values[i];
  if (count == 0)
    return NAN;
  qsort (sorted, count, sizeof (double), compare_doubles);
  return count % 2 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2.;
}

static int
compare_points (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const ObeyaChartPoint *p = a;
  const ObeyaChartPoint *q = b;

  return p->day < q->day ? -1 : p->day > q->day ? 1 : 0;
}

void
_obeya_chart_sort_points (ObeyaChartPoint *points,
                          gsize            n)
{
  if (n > 1)
    g_qsort_with_data (points, n, sizeof *points, compare_points, NULL);
}
