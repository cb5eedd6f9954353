/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-enums.h"

G_DEFINE_ENUM_TYPE (ObeyaColumnRole, obeya_column_role,
  G_DEFINE_ENUM_VALUE (OBEYA_COLUMN_ROLE_BACKLOG, "backlog"),
  G_DEFINE_ENUM_VALUE (OBEYA_COLUMN_ROLE_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (OBEYA_COLUMN_ROLE_DONE, "done"))

G_DEFINE_ENUM_TYPE (ObeyaClassOfService, obeya_class_of_service,
  G_DEFINE_ENUM_VALUE (OBEYA_CLASS_STANDARD, "standard"),
  G_DEFINE_ENUM_VALUE (OBEYA_CLASS_EXPEDITE, "expedite"),
  G_DEFINE_ENUM_VALUE (OBEYA_CLASS_FIXED_DATE, "fixed-date"),
  G_DEFINE_ENUM_VALUE (OBEYA_CLASS_INTANGIBLE, "intangible"))

G_DEFINE_ENUM_TYPE (ObeyaBoardKind, obeya_board_kind,
  G_DEFINE_ENUM_VALUE (OBEYA_BOARD_TEAM, "team"),
  G_DEFINE_ENUM_VALUE (OBEYA_BOARD_PERSONAL, "personal"))

G_DEFINE_ENUM_TYPE (ObeyaRecurrenceKind, obeya_recurrence_kind,
  G_DEFINE_ENUM_VALUE (OBEYA_RECURRENCE_DAILY, "daily"),
  G_DEFINE_ENUM_VALUE (OBEYA_RECURRENCE_WEEKLY, "weekly"),
  G_DEFINE_ENUM_VALUE (OBEYA_RECURRENCE_MONTHLY_DATE, "monthly-date"),
  G_DEFINE_ENUM_VALUE (OBEYA_RECURRENCE_MONTHLY_WORKDAY, "monthly-workday"))

const char *
obeya_enum_to_nick (GType enum_type,
                    int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev ? ev->value_nick : NULL;
}

gboolean
obeya_enum_from_nick (GType       enum_type,
                      const char *nick,
                      int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (ev == NULL)
    return FALSE;
  *value = ev->value;
  return TRUE;
}

const char *
obeya_column_role_get_label (ObeyaColumnRole role)
{
  switch (role)
    {
    case OBEYA_COLUMN_ROLE_BACKLOG:
      return _("Backlog (not committed)");
    case OBEYA_COLUMN_ROLE_ACTIVE:
      return _("In progress (committed)");
    case OBEYA_COLUMN_ROLE_DONE:
      return _("Done (delivered)");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
obeya_class_of_service_get_label (ObeyaClassOfService klass)
{
  switch (klass)
    {
    case OBEYA_CLASS_STANDARD:
      return _("Standard");
    case OBEYA_CLASS_EXPEDITE:
      return _("Expedite");
    case OBEYA_CLASS_FIXED_DATE:
      return _("Fixed date");
    case OBEYA_CLASS_INTANGIBLE:
      return _("Intangible");
    default:
      g_return_val_if_reached (NULL);
    }
}
