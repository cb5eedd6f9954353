/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Timestamps and dates as the file stores them (DESIGN.md section 3):
 * timestamps are ISO 8601 with offset ("2026-11-25T09:05:00+01:00"), dates
 * are "YYYY-MM-DD". In memory a timestamp is seconds since the epoch plus the
 * UTC offset it was recorded in (so the local calendar day of an event is
 * the day the user saw), and a date is a GDate julian day number (0 = none).
 *
 * The parsers are hand-written because a large workspace holds ~100,000
 * timestamps and GDateTime's ISO parser would dominate the load time.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 seconds;  /* seconds since 1970-01-01T00:00:00Z */
  gint32 offset;   /* seconds east of UTC */
} ObeyaTimestamp;

#define OBEYA_TIMESTAMP_NONE ((ObeyaTimestamp) { G_MININT64, 0 })
#define OBEYA_TIMESTAMP_IS_SET(ts) ((ts).seconds != G_MININT64)

/* Julian day numbers as GDate counts them (day 1 = 0001-01-01). */
typedef guint32 ObeyaDay;
#define OBEYA_DAY_NONE ((ObeyaDay) 0)

/* "Now": the real clock, unless a test pinned it. */
ObeyaTimestamp obeya_timestamp_now           (void);
void           obeya_time_set_fake_now       (const char *iso8601_or_null);

gboolean       obeya_timestamp_parse         (const char     *text,
                                              ObeyaTimestamp *out);
/* Writes "YYYY-MM-DDTHH:MM:SS+HH:MM" (or "Z" when the offset is 0) into
 * @buf, which must hold OBEYA_TIMESTAMP_BUF_SIZE bytes. */
#define OBEYA_TIMESTAMP_BUF_SIZE 32
char          *obeya_timestamp_format        (ObeyaTimestamp  ts,
                                              char           *buf);
char          *obeya_timestamp_to_string     (ObeyaTimestamp  ts);
/* The calendar day of @ts in the offset it was recorded in. */
ObeyaDay       obeya_timestamp_get_day       (ObeyaTimestamp  ts);
GDateTime     *obeya_timestamp_to_date_time  (ObeyaTimestamp  ts);
ObeyaTimestamp obeya_timestamp_from_date_time (GDateTime     *dt);
/* A timestamp at @hour:@minute local time on @day, in the given offset. */
ObeyaTimestamp obeya_timestamp_from_day      (ObeyaDay        day,
                                              int             hour,
                                              int             minute,
                                              gint32          offset);

/* Today in local time (cached; call it from the main thread). */
ObeyaDay       obeya_day_today               (void);
gboolean       obeya_day_parse               (const char     *text,
                                              ObeyaDay       *out);
/* Writes "YYYY-MM-DD" into @buf (OBEYA_DAY_BUF_SIZE bytes). */
#define OBEYA_DAY_BUF_SIZE 11
char          *obeya_day_format              (ObeyaDay        day,
                                              char           *buf);
char          *obeya_day_to_string           (ObeyaDay        day);
ObeyaDay       obeya_day_from_ymd            (int year, int month, int day);
void           obeya_day_to_ymd              (ObeyaDay day, int *year, int *month, int *mday);
/* 1 = Monday … 7 = Sunday */
int            obeya_day_get_weekday         (ObeyaDay        day);
int            obeya_days_in_month           (int year, int month);
/* The same day @months calendar months later (earlier when negative),
 * clamped to the month's end: 31 January + 1 month = 28 or 29 February. */
ObeyaDay       obeya_day_add_months          (ObeyaDay day, int months);

G_END_DECLS
