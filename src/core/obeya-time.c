/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <string.h>

#include "obeya-time.h"

static ObeyaTimestamp fake_now = { G_MININT64, 0 };

/* Days from 0001-01-01 (julian 1) to 1970-01-01. */
#define EPOCH_JULIAN 719163

ObeyaTimestamp
obeya_timestamp_now (void)
{
  g_autoptr(GDateTime) now = NULL;

  if (OBEYA_TIMESTAMP_IS_SET (fake_now))
    return fake_now;

  now = g_date_time_new_now_local ();
  return obeya_timestamp_from_date_time (now);
}

void
obeya_time_set_fake_now (const char *iso8601_or_null)
{
  if (iso8601_or_null == NULL || !obeya_timestamp_parse (iso8601_or_null, &fake_now))
    fake_now = OBEYA_TIMESTAMP_NONE;
}

static inline gboolean
read_digits (const char *p,
             int         n,
             int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

static gboolean
parse_ymd (const char *p,
           int        *y,
           int        *m,
           int        *d)
{
  if (!read_digits (p, 4, y) || p[4] != '-' || !read_digits (p + 5, 2, m) || p[7] != '-' ||
      !read_digits (p + 8, 2, d))
    return FALSE;
  if (*y < 1 || *m < 1 || *m > 12 || *d < 1 || *d > obeya_days_in_month (*y, *m))
    return FALSE;
  return TRUE;
}

int
obeya_days_in_month (int year,
                     int month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

ObeyaDay
obeya_day_add_months (ObeyaDay day,
                      int      months)
{
  int year, month, mday, index;

  obeya_day_to_ymd (day, &year, &month, &mday);
  index = year * 12 + (month - 1) + months;
  year = index / 12;
  month = index % 12 + 1;
  return obeya_day_from_ymd (year, month, MIN (mday, obeya_days_in_month (year, month)));
}

ObeyaDay
obeya_day_from_ymd (int year,
                    int month,
                    int day)
{
  /* Days before this year, with the Gregorian leap rules (as GDate). */
  static const int cumulative[13] = { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  gint64 y = year - 1;
  gint64 julian = y * 365 + y / 4 - y / 100 + y / 400;

  julian += cumulative[month] + day;
  if (month > 2 && g_date_is_leap_year ((GDateYear) year))
    julian += 1;
  return (ObeyaDay) julian;
}

void
obeya_day_to_ymd (ObeyaDay  day,
                  int      *year,
                  int      *month,
                  int      *mday)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (year)
    *year = g_date_get_year (&date);
  if (month)
    *month = g_date_get_month (&date);
  if (mday)
    *mday = g_date_get_day (&date);
}

int
obeya_day_get_weekday (ObeyaDay day)
{
  /* Julian day 1 (0001-01-01) was a Monday. */
  return (int) ((day - 1) % 7) + 1;
}

gboolean
obeya_day_parse (const char *text,
                 ObeyaDay   *out)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || !parse_ymd (text, &y, &m, &d))
    return FALSE;
  *out = obeya_day_from_ymd (y, m, d);
  return TRUE;
}

char *
obeya_day_format (ObeyaDay  day,
                  char     *buf)
{
  int y, m, d;

  obeya_day_to_ymd (day, &y, &m, &d);
  g_snprintf (buf, OBEYA_DAY_BUF_SIZE, "%04d-%02d-%02d", y, m, d);
  return buf;
}

char *
obeya_day_to_string (ObeyaDay day)
{
  char buf[OBEYA_DAY_BUF_SIZE];

  if (day == OBEYA_DAY_NONE)
    return NULL;
  return g_strdup (obeya_day_format (day, buf));
}

/* Views ask for today's date for every card they draw: the answer is kept
 * until the next local midnight (or for a minute, so a change of time zone
 * or clock is seen soon). Main thread only, like the views. */
ObeyaDay
obeya_day_today (void)
{
  static ObeyaDay cached;
  static gint64 valid_until;
  gint64 now_us;
  ObeyaTimestamp now;

  if (OBEYA_TIMESTAMP_IS_SET (fake_now))
    return obeya_timestamp_get_day (fake_now);

  now_us = g_get_real_time ();
  if (cached != OBEYA_DAY_NONE && now_us < valid_until)
    return cached;

  now = obeya_timestamp_now ();
  cached = obeya_timestamp_get_day (now);
  {
    gint64 local = now.seconds + now.offset;
    gint64 next_midnight = (local / 86400 + 1) * 86400 - now.offset;

    valid_until = MIN (next_midnight * G_USEC_PER_SEC, now_us + 60 * G_USEC_PER_SEC);
  }
  return cached;
}

gboolean
obeya_timestamp_parse (const char     *text,
                       ObeyaTimestamp *out)
{
  int y, mo, d, h, mi, s;
  const char *p;
  gint32 offset = 0;
  gint64 days;

  if (text == NULL || strlen (text) < 20)
    return FALSE;
  if (!parse_ymd (text, &y, &mo, &d) || (text[10] != 'T' && text[10] != ' '))
    return FALSE;
  if (!read_digits (text + 11, 2, &h) || text[13] != ':' || !read_digits (text + 14, 2, &mi) ||
      text[16] != ':' || !read_digits (text + 17, 2, &s))
    return FALSE;
  if (h > 23 || mi > 59 || s > 60)
    return FALSE;

  p = text + 19;
  if (*p == '.')
    {
      p++;
      if (*p < '0' || *p > '9')
        return FALSE;
      while (*p >= '0' && *p <= '9')
        p++;
    }
  if (*p == 'Z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      int oh, om;
      int sign = *p == '-' ? -1 : 1;

      if (!read_digits (p + 1, 2, &oh) || p[3] != ':' || !read_digits (p + 4, 2, &om) ||
          oh > 23 || om > 59)
        return FALSE;
      offset = sign * (oh * 3600 + om * 60);
      p += 6;
    }
  else
    return FALSE;
  if (*p != '\0')
    return FALSE;

  days = (gint64) obeya_day_from_ymd (y, mo, d) - EPOCH_JULIAN;
  out->seconds = days * 86400 + h * 3600 + mi * 60 + s - offset;
  out->offset = offset;
  return TRUE;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

char *
obeya_timestamp_format (ObeyaTimestamp  ts,
                        char           *buf)
{
  gint64 local = ts.seconds + ts.offset;
  gint64 days = floor_div (local, 86400);
  gint64 secs = local - days * 86400;
  int y, m, d;
  int off = ABS (ts.offset);

  obeya_day_to_ymd ((ObeyaDay) (days + EPOCH_JULIAN), &y, &m, &d);
  if (ts.offset == 0)
    g_snprintf (buf, OBEYA_TIMESTAMP_BUF_SIZE, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                y, m, d, (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
  else
    g_snprintf (buf, OBEYA_TIMESTAMP_BUF_SIZE, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                y, m, d, (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60),
                ts.offset < 0 ? '-' : '+', off / 3600, off / 60 % 60);
  return buf;
}

char *
obeya_timestamp_to_string (ObeyaTimestamp ts)
{
  char buf[OBEYA_TIMESTAMP_BUF_SIZE];

  if (!OBEYA_TIMESTAMP_IS_SET (ts))
    return NULL;
  return g_strdup (obeya_timestamp_format (ts, buf));
}

ObeyaDay
obeya_timestamp_get_day (ObeyaTimestamp ts)
{
  return (ObeyaDay) (floor_div (ts.seconds + ts.offset, 86400) + EPOCH_JULIAN);
}

GDateTime *
obeya_timestamp_to_date_time (ObeyaTimestamp ts)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (ts.offset);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ts.seconds);

  return g_date_time_to_timezone (utc, tz);
}

ObeyaTimestamp
obeya_timestamp_from_date_time (GDateTime *dt)
{
  ObeyaTimestamp ts;

  ts.seconds = g_date_time_to_unix (dt);
  ts.offset = (gint32) (g_date_time_get_utc_offset (dt) / G_TIME_SPAN_SECOND);
  return ts;
}

ObeyaTimestamp
obeya_timestamp_from_day (ObeyaDay day,
                          int      hour,
                          int      minute,
                          gint32   offset)
{
  ObeyaTimestamp ts;

  ts.seconds = ((gint64) day - EPOCH_JULIAN) * 86400 + hour * 3600 + minute * 60 - offset;
  ts.offset = offset;
  return ts;
}
