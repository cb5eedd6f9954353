/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-card.h"
#include "obeya-checklist-item.h"
#include "obeya-model-private.h"
#include "obeya-util.h"

struct _ObeyaChecklistItem
{
  ObeyaEntity parent_instance;

  char *text;
  gboolean done;
};

G_DEFINE_FINAL_TYPE (ObeyaChecklistItem, obeya_checklist_item, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_checklist_item_finalize (GObject *object)
{
  ObeyaChecklistItem *self = OBEYA_CHECKLIST_ITEM (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (obeya_checklist_item_parent_class)->finalize (object);
}

static void
obeya_checklist_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ObeyaChecklistItem *self = OBEYA_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_checklist_item_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ObeyaChecklistItem *self = OBEYA_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      if (obeya_set_str (&self->text, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DONE:
      if (self->done != g_value_get_boolean (value))
        {
          self->done = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_checklist_item_dispatch_properties_changed (GObject     *object,
                                                  guint        n_pspecs,
                                                  GParamSpec **pspecs)
{
  GObject *card = obeya_entity_get_parent (OBEYA_ENTITY (object));

  G_OBJECT_CLASS (obeya_checklist_item_parent_class)->dispatch_properties_changed (object,
                                                                                  n_pspecs,
                                                                                  pspecs);
  /* The card recounts its progress; no signal connection per item. */
  if (card != NULL && OBEYA_IS_CARD (card))
    _obeya_card_checklist_item_changed (OBEYA_CARD (card));
}

static void
obeya_checklist_item_class_init (ObeyaChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = obeya_checklist_item_finalize;
  object_class->get_property = obeya_checklist_item_get_property;
  object_class->set_property = obeya_checklist_item_set_property;
  object_class->dispatch_properties_changed = obeya_checklist_item_dispatch_properties_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_checklist_item_init (ObeyaChecklistItem *self)
{
}

const char *
obeya_checklist_item_get_text (ObeyaChecklistItem *self)
{
  g_return_val_if_fail (OBEYA_IS_CHECKLIST_ITEM (self), NULL);
  return self->text;
}

gboolean
obeya_checklist_item_get_done (ObeyaChecklistItem *self)
{
  g_return_val_if_fail (OBEYA_IS_CHECKLIST_ITEM (self), FALSE);
  return self->done;
}
