/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-checklist-item.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-link.h"
#include "obeya-model-private.h"
#include "obeya-recurrence.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

struct _ObeyaRecurrence
{
  ObeyaEntity parent_instance;

  char *title;
  char *description;
  GStrv checklist;
  GStrv tags;
  GStrv assignees;
  ObeyaRecurrenceKind kind;
  guint weekdays;
  guint day;
  guint nth;
  gboolean paused;
  char *column;       /* id of the column new cards go to; NULL: the first column */
  ObeyaDay start;     /* no occurrence before this day */
  ObeyaDay last;      /* the last occurrence a card was created for */
};

G_DEFINE_FINAL_TYPE (ObeyaRecurrence, obeya_recurrence, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CHECKLIST,
  PROP_TAGS,
  PROP_ASSIGNEES,
  PROP_KIND,
  PROP_WEEKDAYS,
  PROP_DAY,
  PROP_NTH,
  PROP_PAUSED,
  PROP_COLUMN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_recurrence_finalize (GObject *object)
{
  ObeyaRecurrence *self = OBEYA_RECURRENCE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->column, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->checklist, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->assignees, g_strfreev);

  G_OBJECT_CLASS (obeya_recurrence_parent_class)->finalize (object);
}

static void
obeya_recurrence_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ObeyaRecurrence *self = OBEYA_RECURRENCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CHECKLIST:
      g_value_set_boxed (value, self->checklist);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_ASSIGNEES:
      g_value_set_boxed (value, self->assignees);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_WEEKDAYS:
      g_value_set_uint (value, self->weekdays);
      break;
    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;
    case PROP_NTH:
      g_value_set_uint (value, self->nth);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_recurrence_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ObeyaRecurrence *self = OBEYA_RECURRENCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (obeya_set_str (&self->title, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DESCRIPTION:
      if (obeya_set_str (&self->description, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CHECKLIST:
      if (!obeya_strv_equal ((const char * const *) self->checklist, g_value_get_boxed (value)))
        {
          g_strfreev (self->checklist);
          self->checklist = g_value_dup_boxed (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TAGS:
      if (!obeya_strv_equal ((const char * const *) self->tags, g_value_get_boxed (value)))
        {
          g_strfreev (self->tags);
          self->tags = g_value_dup_boxed (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ASSIGNEES:
      if (!obeya_strv_equal ((const char * const *) self->assignees, g_value_get_boxed (value)))
        {
          g_strfreev (self->assignees);
          self->assignees = g_value_dup_boxed (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_KIND:
      if (self->kind != (ObeyaRecurrenceKind) g_value_get_enum (value))
        {
          self->kind = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WEEKDAYS:
      if (self->weekdays != g_value_get_uint (value))
        {
          self->weekdays = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DAY:
      if (self->day != g_value_get_uint (value))
        {
          self->day = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_NTH:
      if (self->nth != g_value_get_uint (value))
        {
          self->nth = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PAUSED:
      if (self->paused != g_value_get_boolean (value))
        {
          self->paused = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_COLUMN:
      if (obeya_set_str (&self->column, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_recurrence_class_init (ObeyaRecurrenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = obeya_recurrence_finalize;
  object_class->get_property = obeya_recurrence_get_property;
  object_class->set_property = obeya_recurrence_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKLIST] =
    g_param_spec_boxed ("checklist", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSIGNEES] =
    g_param_spec_boxed ("assignees", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, OBEYA_TYPE_RECURRENCE_KIND, OBEYA_RECURRENCE_WEEKLY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEEKDAYS] =
    g_param_spec_uint ("weekdays", NULL, NULL, 0, 127, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL, 0, 31, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NTH] =
    g_param_spec_uint ("nth", NULL, NULL, 0, 23, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_recurrence_init (ObeyaRecurrence *self)
{
  self->kind = OBEYA_RECURRENCE_WEEKLY;
  self->weekdays = 1; /* Monday */
  self->day = 1;
  self->nth = 1;
}

const char *
obeya_recurrence_get_title (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), NULL);
  return self->title;
}

const char *
obeya_recurrence_get_description (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), NULL);
  return self->description;
}

const char * const *
obeya_recurrence_get_checklist (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), NULL);
  return (const char * const *) self->checklist;
}

const char * const *
obeya_recurrence_get_tags (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), NULL);
  return (const char * const *) self->tags;
}

const char * const *
obeya_recurrence_get_assignees (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), NULL);
  return (const char * const *) self->assignees;
}

ObeyaRecurrenceKind
obeya_recurrence_get_kind (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), 0);
  return self->kind;
}

guint
obeya_recurrence_get_weekdays (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), 0);
  return self->weekdays;
}

guint
obeya_recurrence_get_day (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), 0);
  return self->day;
}

guint
obeya_recurrence_get_nth (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), 0);
  return self->nth;
}

gboolean
obeya_recurrence_get_paused (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), FALSE);
  return self->paused;
}

const char *
obeya_recurrence_get_column (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), NULL);
  return self->column;
}

ObeyaDay
obeya_recurrence_get_last_created (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), OBEYA_DAY_NONE);
  return self->last;
}

ObeyaDay
obeya_recurrence_get_start (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), OBEYA_DAY_NONE);
  return self->start;
}

void
obeya_recurrence_set_start (ObeyaRecurrence *self,
                            ObeyaDay         start)
{
  g_return_if_fail (OBEYA_IS_RECURRENCE (self));
  self->start = start;
}

ObeyaRecurrence *
obeya_recurrence_new (const char          *title,
                      ObeyaRecurrenceKind  kind)
{
  ObeyaRecurrence *self = g_object_new (OBEYA_TYPE_RECURRENCE, "title", title, "kind", kind, NULL);

  self->start = obeya_day_today ();
  return self;
}

static gboolean
is_working_day (ObeyaRecurrence *self,
                ObeyaDay         day)
{
  ObeyaWorkspace *workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self));

  if (workspace != NULL)
    return obeya_workspace_is_working_day (workspace, day);
  return obeya_day_get_weekday (day) <= 5;
}

gboolean
obeya_recurrence_occurs_on (ObeyaRecurrence *self,
                            ObeyaDay         day)
{
  int year, month, mday;

  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), FALSE);

  if (day == OBEYA_DAY_NONE || (self->start != OBEYA_DAY_NONE && day < self->start))
    return FALSE;

  switch (self->kind)
    {
    case OBEYA_RECURRENCE_DAILY:
      return is_working_day (self, day);

    case OBEYA_RECURRENCE_WEEKLY:
      return (self->weekdays & (1u << (obeya_day_get_weekday (day) - 1))) != 0;

    case OBEYA_RECURRENCE_MONTHLY_DATE:
      obeya_day_to_ymd (day, &year, &month, &mday);
      /* Day 31 in a 30-day month falls on the 30th. */
      return (guint) mday == MIN (self->day, (guint) obeya_days_in_month (year, month));

    case OBEYA_RECURRENCE_MONTHLY_WORKDAY:
      {
        ObeyaDay first;
        guint n = 0;

        if (!is_working_day (self, day))
          return FALSE;
        obeya_day_to_ymd (day, &year, &month, &mday);
        first = obeya_day_from_ymd (year, month, 1);
        for (ObeyaDay d = first; d <= day; d++)
          if (is_working_day (self, d))
            n++;
        return n == self->nth;
      }

    default:
      return FALSE;
    }
}

ObeyaDay
obeya_recurrence_get_due_occurrence (ObeyaRecurrence *self,
                                     ObeyaDay         today)
{
  ObeyaDay earliest;

  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), OBEYA_DAY_NONE);

  if (self->paused)
    return OBEYA_DAY_NONE;

  /* Look back at most 62 days: after a long absence only the latest
   * occurrence becomes a card, not a flood of stale ones. */
  earliest = today > 62 ? today - 62 : 1;
  if (self->last != OBEYA_DAY_NONE && self->last + 1 > earliest)
    earliest = self->last + 1;
  if (self->start != OBEYA_DAY_NONE && self->start > earliest)
    earliest = self->start;

  for (ObeyaDay d = today; d >= earliest && d > 0; d--)
    if (obeya_recurrence_occurs_on (self, d))
      return d;
  return OBEYA_DAY_NONE;
}

ObeyaDay
obeya_recurrence_get_next_occurrence (ObeyaRecurrence *self,
                                      ObeyaDay         after)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), OBEYA_DAY_NONE);

  for (ObeyaDay d = after + 1; d <= after + 400; d++)
    if (obeya_recurrence_occurs_on (self, d))
      return d;
  return OBEYA_DAY_NONE;
}

char *
obeya_recurrence_describe (ObeyaRecurrence *self)
{
  g_return_val_if_fail (OBEYA_IS_RECURRENCE (self), NULL);

  switch (self->kind)
    {
    case OBEYA_RECURRENCE_DAILY:
      return g_strdup (_("Every working day"));

    case OBEYA_RECURRENCE_WEEKLY:
      {
        g_autoptr(GString) days = g_string_new (NULL);

        for (int wd = 1; wd <= 7; wd++)
          if (self->weekdays & (1u << (wd - 1)))
            {
              /* 2024-01-01 was a Monday. */
              g_autoptr(GDateTime) dt = g_date_time_new_local (2024, 1, wd, 0, 0, 0);
              g_autofree char *name = g_date_time_format (dt, "%A");

              if (days->len > 0)
                g_string_append (days, ", ");
              g_string_append (days, name);
            }
        if (days->len == 0)
          return g_strdup (_("Weekly, no day chosen"));
        /* Translators: %s is a list of weekdays, "Monday, Thursday" */
        return g_strdup_printf (_("Every %s"), days->str);
      }

    case OBEYA_RECURRENCE_MONTHLY_DATE:
      /* Translators: %u is a day of the month */
      return g_strdup_printf (_("Monthly on day %u"), self->day);

    case OBEYA_RECURRENCE_MONTHLY_WORKDAY:
      /* Translators: %u is an ordinal count of working days in the month */
      return g_strdup_printf (_("Monthly on working day %u"), self->nth);

    default:
      return NULL;
    }
}

ObeyaCard *
_obeya_recurrence_build_card (ObeyaRecurrence *self,
                              ObeyaDay         occurrence)
{
  ObeyaCard *card = obeya_card_new (self->title);
  char day[OBEYA_DAY_BUF_SIZE];

  g_object_set (card,
                "description", self->description,
                "tags", self->tags,
                "assignees", self->assignees,
                "due", obeya_day_format (occurrence, day),
                NULL);
  for (guint i = 0; self->checklist != NULL && self->checklist[i] != NULL; i++)
    obeya_card_add_checklist_item (card, self->checklist[i], -1);
  obeya_card_add_link (card, "recurrence", obeya_entity_get_id (OBEYA_ENTITY (self)), NULL);
  return card;
}

typedef struct
{
  ObeyaRecurrence *recurrence;
  ObeyaDay         old_value;
  ObeyaDay         new_value;
} LastChange;

static void
last_change_free (gpointer data)
{
  LastChange *change = data;

  g_object_unref (change->recurrence);
  g_free (change);
}

static void
last_apply (gpointer data)
{
  LastChange *change = data;

  change->recurrence->last = change->new_value;
}

static void
last_revert (gpointer data)
{
  LastChange *change = data;

  change->recurrence->last = change->old_value;
}

void
_obeya_recurrence_record_created (ObeyaRecurrence *self,
                                  ObeyaHistory    *history,
                                  ObeyaDay         occurrence)
{
  LastChange *change = g_new0 (LastChange, 1);

  change->recurrence = g_object_ref (self);
  change->old_value = self->last;
  change->new_value = occurrence;
  obeya_history_custom (history, last_apply, last_revert, change, last_change_free);
}

static const char * const recurrence_members[] = {
  "id", "title", "description", "checklist", "tags", "assignees", "schedule", "weekdays", "day",
  "nth", "column", "start", "last", "paused", NULL
};

void
_obeya_recurrence_write (ObeyaRecurrence *self,
                         ObeyaJsonWriter *writer)
{
  JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (self));
  char day[OBEYA_DAY_BUF_SIZE];

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (self)));
  obeya_json_writer_member_string (writer, "title", self->title ? self->title : "");
  if (self->description != NULL)
    obeya_json_writer_member_string (writer, "description", self->description);
  _obeya_write_string_list (writer, "checklist", (const char * const *) self->checklist);
  _obeya_write_string_list (writer, "tags", (const char * const *) self->tags);
  _obeya_write_string_list (writer, "assignees", (const char * const *) self->assignees);
  obeya_json_writer_member_string (writer, "schedule",
                                   obeya_enum_to_nick (OBEYA_TYPE_RECURRENCE_KIND, self->kind));
  if (self->kind == OBEYA_RECURRENCE_WEEKLY)
    {
      obeya_json_writer_member (writer, "weekdays");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      for (int wd = 1; wd <= 7; wd++)
        if (self->weekdays & (1u << (wd - 1)))
          obeya_json_writer_int (writer, wd);
      obeya_json_writer_end_array (writer);
    }
  if (self->kind == OBEYA_RECURRENCE_MONTHLY_DATE)
    obeya_json_writer_member_int (writer, "day", self->day);
  if (self->kind == OBEYA_RECURRENCE_MONTHLY_WORKDAY)
    obeya_json_writer_member_int (writer, "nth", self->nth);
  if (self->column != NULL)
    obeya_json_writer_member_string (writer, "column", self->column);
  if (self->start != OBEYA_DAY_NONE)
    obeya_json_writer_member_string (writer, "start", obeya_day_format (self->start, day));
  if (self->last != OBEYA_DAY_NONE)
    obeya_json_writer_member_string (writer, "last", obeya_day_format (self->last, day));
  if (self->paused)
    obeya_json_writer_member_boolean (writer, "paused", TRUE);
  if (extra != NULL)
    obeya_json_writer_members_of (writer, extra);
  obeya_json_writer_end_object (writer);
}

ObeyaRecurrence *
_obeya_recurrence_read (ObeyaLoadContext *ctx,
                        JsonObject       *object,
                        ObeyaBoard       *board)
{
  ObeyaJsonReader *r = ctx->reader;
  g_autoptr(ObeyaRecurrence) self = NULL;
  const char *id, *kind, *column;
  JsonArray *weekdays;

  id = _obeya_load_context_read_id (ctx, object);
  if (id == NULL)
    return NULL;

  self = g_object_new (OBEYA_TYPE_RECURRENCE, "id", id, NULL);
  self->title = g_strdup (obeya_json_reader_get_string (r, object, "title", TRUE));
  self->description = g_strdup (obeya_json_reader_get_string (r, object, "description", FALSE));
  self->checklist = _obeya_read_id_list (ctx, object, "checklist", NULL, NULL);
  self->tags = _obeya_read_id_list (ctx, object, "tags",
                                    _obeya_workspace_get_tag_index (ctx->workspace), N_("tag"));
  self->assignees = _obeya_read_id_list (ctx, object, "assignees",
                                         _obeya_workspace_get_people_index (ctx->workspace),
                                         N_("person"));
  kind = obeya_json_reader_get_string (r, object, "schedule", TRUE);
  if (kind != NULL && !obeya_enum_from_nick (OBEYA_TYPE_RECURRENCE_KIND, kind, (int *) &self->kind))
    obeya_json_reader_fail (r, "schedule",
                            _("unknown schedule “%s” (expected daily, weekly, monthly-date or "
                              "monthly-workday)"), kind);

  weekdays = obeya_json_reader_get_array (r, object, "weekdays", FALSE);
  if (weekdays != NULL)
    {
      self->weekdays = 0;
      obeya_json_reader_push_member (r, "weekdays");
      for (guint i = 0; i < json_array_get_length (weekdays); i++)
        self->weekdays |= 1u << (obeya_json_reader_array_int (r, weekdays, i, 1, 7) - 1);
      obeya_json_reader_pop (r);
    }
  self->day = obeya_json_reader_get_int (r, object, "day", FALSE, 1, 31, 1);
  self->nth = obeya_json_reader_get_int (r, object, "nth", FALSE, 1, 23, 1);
  column = obeya_json_reader_get_string (r, object, "column", FALSE);
  if (column != NULL && _obeya_board_lookup_column (board, column) == NULL)
    obeya_json_reader_fail (r, "column", _("no column with id “%s” on this board"), column);
  self->column = g_strdup (column);
  self->start = _obeya_read_day_member (ctx, object, "start", FALSE);
  self->last = _obeya_read_day_member (ctx, object, "last", FALSE);
  self->paused = obeya_json_reader_get_boolean (r, object, "paused", FALSE);
  obeya_entity_take_extra (OBEYA_ENTITY (self),
                           obeya_json_collect_unknown (object, recurrence_members));

  if (obeya_json_reader_failed (r))
    return NULL;
  return g_steal_pointer (&self);
}
