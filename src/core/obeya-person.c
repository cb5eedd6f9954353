/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-person.h"
#include "obeya-util.h"

struct _ObeyaPerson
{
  ObeyaEntity parent_instance;

  char       *name;
  char       *initials;
  gboolean    sample;
};

G_DEFINE_FINAL_TYPE (ObeyaPerson, obeya_person, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_INITIALS,
  PROP_SAMPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
compute_initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name ? name : "", " \t-", -1);
  GPtrArray *parts = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (parts, words[i]);

  if (parts->len >= 2)
    {
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (parts->pdata[0])));
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (parts->pdata[parts->len - 1])));
    }
  else if (parts->len == 1)
    {
      const char *word = parts->pdata[0];

      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (word)));
      word = g_utf8_next_char (word);
      if (*word != '\0')
        g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (word)));
    }

  g_ptr_array_unref (parts);
  return g_string_free (out, FALSE);
}

static void
obeya_person_finalize (GObject *object)
{
  ObeyaPerson *self = OBEYA_PERSON (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->initials, g_free);

  G_OBJECT_CLASS (obeya_person_parent_class)->finalize (object);
}

static void
obeya_person_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ObeyaPerson *self = OBEYA_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_INITIALS:
      g_value_set_string (value, obeya_person_get_initials (self));
      break;
    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_person_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ObeyaPerson *self = OBEYA_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (obeya_set_str (&self->name, g_value_get_string (value)))
        {
          g_clear_pointer (&self->initials, g_free);
          g_object_notify_by_pspec (object, pspec);
          g_object_notify_by_pspec (object, properties[PROP_INITIALS]);
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
obeya_person_class_init (ObeyaPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = obeya_person_finalize;
  object_class->get_property = obeya_person_get_property;
  object_class->set_property = obeya_person_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INITIALS] =
    g_param_spec_string ("initials", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAMPLE] =
    g_param_spec_boolean ("sample", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_person_init (ObeyaPerson *self)
{
}

ObeyaPerson *
obeya_person_new (const char *name)
{
  return g_object_new (OBEYA_TYPE_PERSON, "name", name, NULL);
}

const char *
obeya_person_get_name (ObeyaPerson *self)
{
  g_return_val_if_fail (OBEYA_IS_PERSON (self), NULL);
  return self->name;
}

const char *
obeya_person_get_initials (ObeyaPerson *self)
{
  g_return_val_if_fail (OBEYA_IS_PERSON (self), NULL);

  if (self->initials == NULL)
    self->initials = compute_initials (self->name);
  return self->initials;
}

gboolean
obeya_person_get_sample (ObeyaPerson *self)
{
  g_return_val_if_fail (OBEYA_IS_PERSON (self), FALSE);
  return self->sample;
}
