/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-util.h"

struct _ObeyaColumn
{
  ObeyaEntity parent_instance;

  char *name;
  ObeyaColumnRole role;
  guint wip_limit;
  gboolean collapsed;

  /* ObeyaLane* (NULL on a board without lanes) → GListStore of ObeyaCard,
   * in display order. Maintained by the board. */
  GHashTable *cells;
};

G_DEFINE_FINAL_TYPE (ObeyaColumn, obeya_column, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_WIP_LIMIT,
  PROP_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_column_finalize (GObject *object)
{
  ObeyaColumn *self = OBEYA_COLUMN (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->cells, g_hash_table_unref);

  G_OBJECT_CLASS (obeya_column_parent_class)->finalize (object);
}

static void
obeya_column_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ObeyaColumn *self = OBEYA_COLUMN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_WIP_LIMIT:
      g_value_set_uint (value, self->wip_limit);
      break;
    case PROP_COLLAPSED:
      g_value_set_boolean (value, self->collapsed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_column_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ObeyaColumn *self = OBEYA_COLUMN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (obeya_set_str (&self->name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_ROLE:
      if (self->role != (ObeyaColumnRole) g_value_get_enum (value))
        {
          self->role = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WIP_LIMIT:
      if (self->wip_limit != g_value_get_uint (value))
        {
          self->wip_limit = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_COLLAPSED:
      if (self->collapsed != g_value_get_boolean (value))
        {
          self->collapsed = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_column_class_init (ObeyaColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = obeya_column_finalize;
  object_class->get_property = obeya_column_get_property;
  object_class->set_property = obeya_column_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, OBEYA_TYPE_COLUMN_ROLE, OBEYA_COLUMN_ROLE_ACTIVE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIP_LIMIT] =
    g_param_spec_uint ("wip-limit", NULL, NULL, 0, 9999, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_column_init (ObeyaColumn *self)
{
  self->role = OBEYA_COLUMN_ROLE_ACTIVE;
  self->cells = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

ObeyaColumn *
obeya_column_new (const char      *name,
                  ObeyaColumnRole  role)
{
  return g_object_new (OBEYA_TYPE_COLUMN, "name", name, "role", role, NULL);
}

GListModel *
obeya_column_get_cell (ObeyaColumn *self,
                       ObeyaLane   *lane)
{
  GListStore *store;

  g_return_val_if_fail (OBEYA_IS_COLUMN (self), NULL);

  store = g_hash_table_lookup (self->cells, lane);
  if (store == NULL)
    {
      store = g_list_store_new (OBEYA_TYPE_CARD);
      g_hash_table_insert (self->cells, lane, store);
    }
  return G_LIST_MODEL (store);
}

guint
obeya_column_get_n_cards (ObeyaColumn *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (OBEYA_IS_COLUMN (self), 0);

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += g_list_model_get_n_items (G_LIST_MODEL (value));
  return n;
}

ObeyaBoard *
obeya_column_get_board (ObeyaColumn *self)
{
  g_return_val_if_fail (OBEYA_IS_COLUMN (self), NULL);
  return (ObeyaBoard *) obeya_entity_get_parent (OBEYA_ENTITY (self));
}

const char *
obeya_column_get_name (ObeyaColumn *self)
{
  g_return_val_if_fail (OBEYA_IS_COLUMN (self), NULL);
  return self->name;
}

ObeyaColumnRole
obeya_column_get_role (ObeyaColumn *self)
{
  g_return_val_if_fail (OBEYA_IS_COLUMN (self), 0);
  return self->role;
}

guint
obeya_column_get_wip_limit (ObeyaColumn *self)
{
  g_return_val_if_fail (OBEYA_IS_COLUMN (self), 0);
  return self->wip_limit;
}

gboolean
obeya_column_get_collapsed (ObeyaColumn *self)
{
  g_return_val_if_fail (OBEYA_IS_COLUMN (self), FALSE);
  return self->collapsed;
}
