/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enumerations of the model. Each value's nick is the string the file uses.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  OBEYA_COLUMN_ROLE_BACKLOG, /* "backlog": not yet committed */
  OBEYA_COLUMN_ROLE_ACTIVE,  /* "active": in progress (commitment point = first entry) */
  OBEYA_COLUMN_ROLE_DONE,    /* "done": delivered (delivery point) */
} ObeyaColumnRole;

typedef enum
{
  OBEYA_CLASS_STANDARD,   /* "standard" */
  OBEYA_CLASS_EXPEDITE,   /* "expedite" */
  OBEYA_CLASS_FIXED_DATE, /* "fixed-date" */
  OBEYA_CLASS_INTANGIBLE, /* "intangible" */
} ObeyaClassOfService;

typedef enum
{
  OBEYA_BOARD_TEAM,     /* "team" */
  OBEYA_BOARD_PERSONAL, /* "personal" */
} ObeyaBoardKind;

typedef enum
{
  OBEYA_BOARD_TEMPLATE_EMPTY,       /* no columns */
  OBEYA_BOARD_TEMPLATE_BACK_OFFICE, /* Backlog, Ready, In progress, Review, Done */
  OBEYA_BOARD_TEMPLATE_PERSONAL,    /* To do, Doing, Done */
} ObeyaBoardTemplate;

typedef enum
{
  OBEYA_RECURRENCE_DAILY,            /* "daily": every working day */
  OBEYA_RECURRENCE_WEEKLY,           /* "weekly": on chosen weekdays */
  OBEYA_RECURRENCE_MONTHLY_DATE,     /* "monthly-date": on day N (clamped to the month's end) */
  OBEYA_RECURRENCE_MONTHLY_WORKDAY,  /* "monthly-workday": on the n-th working day */
} ObeyaRecurrenceKind;

#define OBEYA_TYPE_COLUMN_ROLE (obeya_column_role_get_type ())
GType obeya_column_role_get_type (void);
#define OBEYA_TYPE_CLASS_OF_SERVICE (obeya_class_of_service_get_type ())
GType obeya_class_of_service_get_type (void);
#define OBEYA_TYPE_BOARD_KIND (obeya_board_kind_get_type ())
GType obeya_board_kind_get_type (void);
#define OBEYA_TYPE_RECURRENCE_KIND (obeya_recurrence_kind_get_type ())
GType obeya_recurrence_kind_get_type (void);

/* Nick ↔ value; obeya_enum_from_nick() returns FALSE for an unknown nick. */
const char *obeya_enum_to_nick   (GType       enum_type,
                                  int         value);
gboolean    obeya_enum_from_nick (GType       enum_type,
                                  const char *nick,
                                  int        *value);

/* Translated, user-visible names. */
const char *obeya_column_role_get_label      (ObeyaColumnRole     role);
const char *obeya_class_of_service_get_label (ObeyaClassOfService klass);

G_END_DECLS
