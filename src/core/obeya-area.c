/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit-template.h"
#include "obeya-audits.h"
#include "obeya-audits-private.h"
#include "obeya-enums.h"
#include "obeya-util.h"

struct _ObeyaArea
{
  ObeyaEntity         parent_instance;

  char               *name;
  ObeyaAuditTemplate *template_;
  char               *owner;
  ObeyaAuditCadence   cadence;
  char               *folder;
  char               *name_pattern;
  guint               stale_days;
  gboolean            sample;
};

G_DEFINE_FINAL_TYPE (ObeyaArea, obeya_area, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TEMPLATE,
  PROP_OWNER,
  PROP_CADENCE,
  PROP_FOLDER,
  PROP_NAME_PATTERN,
  PROP_STALE_DAYS,
  PROP_SAMPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_area_dispose (GObject *object)
{
  ObeyaArea *self = OBEYA_AREA (object);

  g_clear_object (&self->template_);

  G_OBJECT_CLASS (obeya_area_parent_class)->dispose (object);
}

static void
obeya_area_finalize (GObject *object)
{
  ObeyaArea *self = OBEYA_AREA (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->name_pattern, g_free);

  G_OBJECT_CLASS (obeya_area_parent_class)->finalize (object);
}

static void
obeya_area_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ObeyaArea *self = OBEYA_AREA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template_);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_CADENCE:
      g_value_set_enum (value, self->cadence);
      break;
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    case PROP_NAME_PATTERN:
      g_value_set_string (value, self->name_pattern);
      break;
    case PROP_STALE_DAYS:
      g_value_set_uint (value, self->stale_days);
      break;
    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Empty text is no text. */
static gboolean
set_optional_str (char       **field,
                  const char  *text)
{
  return obeya_set_str (field, text != NULL && text[0] != '\0' ? text : NULL);
}

static void
obeya_area_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ObeyaArea *self = OBEYA_AREA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (obeya_set_str (&self->name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_TEMPLATE:
      if (g_set_object (&self->template_, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_OWNER:
      if (set_optional_str (&self->owner, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CADENCE:
      if (self->cadence != (ObeyaAuditCadence) g_value_get_enum (value))
        {
          self->cadence = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FOLDER:
      if (set_optional_str (&self->folder, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_NAME_PATTERN:
      if (set_optional_str (&self->name_pattern, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_STALE_DAYS:
      if (self->stale_days != g_value_get_uint (value))
        {
          self->stale_days = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SAMPLE:
      if (self->sample != g_value_get_boolean (value))
        {
          self->sample = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_area_class_init (ObeyaAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = obeya_area_dispose;
  object_class->finalize = obeya_area_finalize;
  object_class->get_property = obeya_area_get_property;
  object_class->set_property = obeya_area_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, OBEYA_TYPE_AUDIT_TEMPLATE, rw);
  /* A person id. */
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, rw);
  properties[PROP_CADENCE] =
    g_param_spec_enum ("cadence", NULL, NULL, OBEYA_TYPE_AUDIT_CADENCE,
                       OBEYA_AUDIT_CADENCE_MONTHLY, rw);
  properties[PROP_FOLDER] = g_param_spec_string ("folder", NULL, NULL, NULL, rw);
  properties[PROP_NAME_PATTERN] = g_param_spec_string ("name-pattern", NULL, NULL, NULL, rw);
  properties[PROP_STALE_DAYS] =
    g_param_spec_uint ("stale-days", NULL, NULL, 1, 36500, OBEYA_AREA_DEFAULT_STALE_DAYS, rw);
  properties[PROP_SAMPLE] = g_param_spec_boolean ("sample", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_area_init (ObeyaArea *self)
{
  self->cadence = OBEYA_AUDIT_CADENCE_MONTHLY;
  self->stale_days = OBEYA_AREA_DEFAULT_STALE_DAYS;
}

ObeyaArea *
obeya_area_new (const char         *name,
                ObeyaAuditTemplate *template_,
                ObeyaAuditCadence   cadence)
{
  return g_object_new (OBEYA_TYPE_AREA,
                       "name", name,
                       "template", template_,
                       "cadence", cadence,
                       NULL);
}

const char *
obeya_area_get_name (ObeyaArea *self)
{
  g_return_val_if_fail (OBEYA_IS_AREA (self), NULL);
  return self->name;
}

ObeyaAuditTemplate *
obeya_area_get_template (ObeyaArea *self)
{
  g_return_val_if_fail (OBEYA_IS_AREA (self), NULL);
  return self->template_;
}

const char *
obeya_area_get_owner (ObeyaArea *self)
{
  g_return_val_if_fail (OBEYA_IS_AREA (self), NULL);
  return self->owner;
}

ObeyaAuditCadence
obeya_area_get_cadence (ObeyaArea *self)
{
  g_return_val_if_fail (OBEYA_IS_AREA (self), OBEYA_AUDIT_CADENCE_MONTHLY);
  return self->cadence;
}

const char *
obeya_area_get_folder (ObeyaArea *self)
{
  g_return_val_if_fail (OBEYA_IS_AREA (self), NULL);
  return self->folder;
}

const char *
obeya_area_get_name_pattern (ObeyaArea *self)
{
  g_return_val_if_fail (OBEYA_IS_AREA (self), NULL);
  return self->name_pattern;
}

guint
obeya_area_get_stale_days (ObeyaArea *self)
{
  g_return_val_if_fail (OBEYA_IS_AREA (self), OBEYA_AREA_DEFAULT_STALE_DAYS);
  return self->stale_days;
}

gboolean
obeya_area_get_sample (ObeyaArea *self)
{
  g_return_val_if_fail (OBEYA_IS_AREA (self), FALSE);
  return self->sample;
}

ObeyaDay
obeya_area_next_due (ObeyaArea *self,
                     ObeyaDay   last,
                     ObeyaDay   today)
{
  g_return_val_if_fail (OBEYA_IS_AREA (self), OBEYA_DAY_NONE);

  if (last == OBEYA_DAY_NONE)
    return today;

  switch (self->cadence)
    {
    case OBEYA_AUDIT_CADENCE_WEEKLY:
      return last + 7;
    case OBEYA_AUDIT_CADENCE_MONTHLY:
      return obeya_day_add_months (last, 1);
    case OBEYA_AUDIT_CADENCE_QUARTERLY:
      return obeya_day_add_months (last, 3);
    default:
      g_return_val_if_reached (today);
    }
}

/* ---- JSON ---------------------------------------------------------------- */

static const char * const area_members[] = {
  "id", "name", "template", "owner", "cadence", "folder", "name_pattern", "stale_days",
  "sample", NULL
};

void
_obeya_area_write (ObeyaArea       *self,
                   ObeyaJsonWriter *writer)
{
  JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (self));

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (self)));
  obeya_json_writer_member_string (writer, "name", self->name ? self->name : "");
  obeya_json_writer_member_string (writer, "template",
                                   obeya_entity_get_id (OBEYA_ENTITY (self->template_)));
  if (self->owner != NULL)
    obeya_json_writer_member_string (writer, "owner", self->owner);
  obeya_json_writer_member_string (writer, "cadence",
                                   obeya_enum_to_nick (OBEYA_TYPE_AUDIT_CADENCE, self->cadence));
  if (self->folder != NULL)
    obeya_json_writer_member_string (writer, "folder", self->folder);
  if (self->name_pattern != NULL)
    obeya_json_writer_member_string (writer, "name_pattern", self->name_pattern);
  if (self->stale_days != OBEYA_AREA_DEFAULT_STALE_DAYS)
    obeya_json_writer_member_int (writer, "stale_days", self->stale_days);
  if (self->sample)
    obeya_json_writer_member_boolean (writer, "sample", TRUE);
  if (extra != NULL)
    obeya_json_writer_members_of (writer, extra);
  obeya_json_writer_end_object (writer);
}

ObeyaArea *
_obeya_area_read (ObeyaLoadContext *ctx,
                  JsonObject       *object,
                  ObeyaAudits      *audits)
{
  ObeyaJsonReader *r = ctx->reader;
  g_autoptr(ObeyaArea) self = NULL;
  const char *id, *template_id, *nick, *pattern;
  ObeyaAuditTemplate *template_ = NULL;
  int cadence = OBEYA_AUDIT_CADENCE_MONTHLY;

  id = _obeya_load_context_read_id (ctx, object);
  if (id == NULL)
    return NULL;

  template_id = obeya_json_reader_get_string (r, object, "template", TRUE);
  if (template_id != NULL)
    {
      template_ = obeya_audits_find_template (audits, template_id);
      if (template_ == NULL)
        obeya_json_reader_fail (r, "template", _("no 5S template with id “%s”"), template_id);
    }
  nick = obeya_json_reader_get_string (r, object, "cadence", TRUE);
  if (nick != NULL && !obeya_enum_from_nick (OBEYA_TYPE_AUDIT_CADENCE, nick, &cadence))
    obeya_json_reader_fail (r, "cadence",
                            _("unknown cadence “%s” (expected weekly, monthly or quarterly)"),
                            nick);
  pattern = obeya_json_reader_get_string (r, object, "name_pattern", FALSE);
  if (pattern != NULL)
    {
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GError) error = NULL;

      regex = g_regex_new (pattern, 0, 0, &error);
      if (regex == NULL)
        obeya_json_reader_fail (r, "name_pattern", _("not a valid regular expression: %s"),
                                error->message);
    }

  if (obeya_json_reader_failed (r))
    return NULL;

  self = g_object_new (OBEYA_TYPE_AREA,
                       "id", id,
                       "name", obeya_json_reader_get_string (r, object, "name", TRUE),
                       "template", template_,
                       "owner", obeya_json_reader_get_string (r, object, "owner", FALSE),
                       "cadence", cadence,
                       "folder", obeya_json_reader_get_string (r, object, "folder", FALSE),
                       "name-pattern", pattern,
                       "stale-days", (guint) obeya_json_reader_get_int (r, object, "stale_days",
                                                                        FALSE, 1, 36500,
                                                                        OBEYA_AREA_DEFAULT_STALE_DAYS),
                       "sample", obeya_json_reader_get_boolean (r, object, "sample", FALSE),
                       NULL);
  obeya_entity_take_extra (OBEYA_ENTITY (self), obeya_json_collect_unknown (object, area_members));

  if (obeya_json_reader_failed (r))
    return NULL;
  return g_steal_pointer (&self);
}
