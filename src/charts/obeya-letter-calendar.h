/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaLetterCalendar: a month of one SQDCP category drawn as its big letter
 * (the classic "safety cross" calendar): each day a cell coloured by its
 * status (met, missed, amber, no data grey, future pale, non-working day
 * hatched), the day number in the cell, today outlined. Each letter is a
 * grid of at least 31 cells numbered in reading order; cells past the end
 * of a short month stay faint so the letter still reads. Custom
 * categories use a plain 7-column month grid instead.
 */
#pragma once

#include "obeya-chart.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_LETTER_CALENDAR (obeya_letter_calendar_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaLetterCalendar, obeya_letter_calendar, OBEYA, LETTER_CALENDAR, ObeyaChart)

ObeyaLetterCalendar *obeya_letter_calendar_new               (void);

/* The month shown. Nothing is drawn (the empty state) until it is set. */
void                 obeya_letter_calendar_set_month         (ObeyaLetterCalendar    *self,
                                                              GDateYear               year,
                                                              GDateMonth              month);
/* Copies the status of each day: @statuses[0] is the 1st. Days without a
 * status (past @n, or NONE) are "no data". */
void                 obeya_letter_calendar_set_days          (ObeyaLetterCalendar    *self,
                                                              const ObeyaChartStatus *statuses,
                                                              gsize                   n);

ObeyaChartLetter     obeya_letter_calendar_get_letter        (ObeyaLetterCalendar    *self);
void                 obeya_letter_calendar_set_letter        (ObeyaLetterCalendar    *self,
                                                              ObeyaChartLetter        letter);

/* Today as a julian day, outlined when in the month; 0 for none. */
guint                obeya_letter_calendar_get_today         (ObeyaLetterCalendar    *self);
void                 obeya_letter_calendar_set_today         (ObeyaLetterCalendar    *self,
                                                              guint                   julian_day);

/* The first column of the month grid (G_DATE_MONDAY by default). */
GDateWeekday         obeya_letter_calendar_get_first_weekday (ObeyaLetterCalendar    *self);
void                 obeya_letter_calendar_set_first_weekday (ObeyaLetterCalendar    *self,
                                                              GDateWeekday            weekday);

/* Valid after a draw: the cell of @day (1-based), for clicks. */
gboolean             obeya_letter_calendar_get_day_rect      (ObeyaLetterCalendar    *self,
                                                              guint                   day,
                                                              ObeyaChartRect         *rect);

/* The letter for a category initial ('S', 'q', ...); GRID for any other. */
ObeyaChartLetter     obeya_chart_letter_from_char            (gunichar                c);
/* The number of cells of @letter's layout (0 for GRID), at least 31. */
guint                obeya_chart_letter_get_n_cells          (ObeyaChartLetter        letter);

G_END_DECLS
