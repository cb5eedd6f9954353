/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-history.h"

typedef struct
{
  ObeyaChangeFunc apply;
  ObeyaChangeFunc revert;
  gpointer        data;
  GDestroyNotify  destroy;
} Change;

typedef struct
{
  char   *label;
  GArray *changes; /* of Change */
} Command;

struct _ObeyaHistory
{
  GObject  parent_instance;

  GQueue   undo;     /* of Command*, newest at head */
  GQueue   redo;     /* of Command*, newest at head */
  Command *current;  /* being recorded */
  guint    depth;    /* begin() nesting */
  gboolean replaying;
};

G_DEFINE_FINAL_TYPE (ObeyaHistory, obeya_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
change_clear (gpointer data)
{
  Change *change = data;

  if (change->destroy)
    change->destroy (change->data);
}

static Command *
command_new (const char *label)
{
  Command *command = g_new0 (Command, 1);

  command->label = g_strdup (label);
  command->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_array_set_clear_func (command->changes, change_clear);
  return command;
}

static void
command_free (gpointer data)
{
  Command *command = data;

  g_array_unref (command->changes);
  g_free (command->label);
  g_free (command);
}

static void
notify_state (ObeyaHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
obeya_history_finalize (GObject *object)
{
  ObeyaHistory *self = OBEYA_HISTORY (object);

  g_queue_clear_full (&self->undo, command_free);
  g_queue_clear_full (&self->redo, command_free);
  g_clear_pointer (&self->current, command_free);

  G_OBJECT_CLASS (obeya_history_parent_class)->finalize (object);
}

static void
obeya_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ObeyaHistory *self = OBEYA_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, obeya_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, obeya_history_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, obeya_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, obeya_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_history_class_init (ObeyaHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = obeya_history_finalize;
  object_class->get_property = obeya_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ObeyaHistory::changed:
   *
   * Emitted after a command was committed, undone or redone.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
obeya_history_init (ObeyaHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

ObeyaHistory *
obeya_history_new (void)
{
  return g_object_new (OBEYA_TYPE_HISTORY, NULL);
}

void
obeya_history_begin (ObeyaHistory *self,
                     const char   *label)
{
  g_return_if_fail (OBEYA_IS_HISTORY (self));
  g_return_if_fail (!self->replaying);

  if (self->depth++ == 0)
    self->current = command_new (label);
}

void
obeya_history_end (ObeyaHistory *self)
{
  Command *command;

  g_return_if_fail (OBEYA_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  command = g_steal_pointer (&self->current);
  if (command->changes->len == 0)
    {
      command_free (command);
      return;
    }

  g_queue_push_head (&self->undo, command);
  while (self->undo.length > OBEYA_HISTORY_DEPTH)
    command_free (g_queue_pop_tail (&self->undo));
  g_queue_clear_full (&self->redo, command_free);

  notify_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
obeya_history_is_recording (ObeyaHistory *self)
{
  g_return_val_if_fail (OBEYA_IS_HISTORY (self), FALSE);
  return self->depth > 0;
}

static void
record (ObeyaHistory   *self,
        ObeyaChangeFunc apply,
        ObeyaChangeFunc revert,
        gpointer        data,
        GDestroyNotify  destroy)
{
  Change change = { apply, revert, data, destroy };
  gboolean implicit = self->depth == 0;

  g_return_if_fail (!self->replaying);

  if (implicit)
    obeya_history_begin (self, _("Edit"));
  apply (data);
  g_array_append_val (self->current->changes, change);
  if (implicit)
    obeya_history_end (self);
}

/* ---- set property -------------------------------------------------------- */

typedef struct
{
  GObject    *object;
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;
} PropertyChange;

static void
property_change_free (gpointer data)
{
  PropertyChange *change = data;

  g_value_unset (&change->old_value);
  g_value_unset (&change->new_value);
  g_object_unref (change->object);
  g_free (change);
}

static void
property_change_apply (gpointer data)
{
  PropertyChange *change = data;

  g_object_set_property (change->object, change->pspec->name, &change->new_value);
}

static void
property_change_revert (gpointer data)
{
  PropertyChange *change = data;

  g_object_set_property (change->object, change->pspec->name, &change->old_value);
}

void
obeya_history_set_property (ObeyaHistory *self,
                            GObject      *object,
                            const char   *property,
                            const GValue *value)
{
  PropertyChange *change;
  GParamSpec *pspec;

  g_return_if_fail (OBEYA_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  change = g_new0 (PropertyChange, 1);
  change->object = g_object_ref (object);
  change->pspec = pspec;
  g_value_init (&change->old_value, pspec->value_type);
  g_object_get_property (object, property, &change->old_value);
  g_value_init (&change->new_value, pspec->value_type);
  g_value_copy (value, &change->new_value);

  if (g_param_values_cmp (pspec, &change->old_value, &change->new_value) == 0)
    {
      property_change_free (change);
      return;
    }

  record (self, property_change_apply, property_change_revert, change, property_change_free);
}

/* ---- list changes -------------------------------------------------------- */

typedef struct
{
  GListStore *store;
  GObject    *item;
  guint       position;
  guint       to;
} ListChange;

static void
list_change_free (gpointer data)
{
  ListChange *change = data;

  g_object_unref (change->store);
  g_clear_object (&change->item);
  g_free (change);
}

static void
list_insert_apply (gpointer data)
{
  ListChange *change = data;

  g_list_store_insert (change->store, change->position, change->item);
}

static void
list_insert_revert (gpointer data)
{
  ListChange *change = data;

  g_list_store_remove (change->store, change->position);
}

void
obeya_history_insert (ObeyaHistory *self,
                      GListStore   *store,
                      guint         position,
                      gpointer      item)
{
  ListChange *change;

  g_return_if_fail (OBEYA_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (store)));

  change = g_new0 (ListChange, 1);
  change->store = g_object_ref (store);
  change->item = g_object_ref (item);
  change->position = position;
  record (self, list_insert_apply, list_insert_revert, change, list_change_free);
}

void
obeya_history_remove (ObeyaHistory *self,
                      GListStore   *store,
                      guint         position)
{
  ListChange *change;

  g_return_if_fail (OBEYA_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (store)));

  change = g_new0 (ListChange, 1);
  change->store = g_object_ref (store);
  change->item = g_list_model_get_item (G_LIST_MODEL (store), position);
  change->position = position;
  /* Removing is inserting, reverted. */
  record (self, list_insert_revert, list_insert_apply, change, list_change_free);
}

static void
list_move_apply (gpointer data)
{
  ListChange *change = data;
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (change->store), change->position);

  g_list_store_remove (change->store, change->position);
  g_list_store_insert (change->store, change->to, item);
}

static void
list_move_revert (gpointer data)
{
  ListChange *change = data;
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (change->store), change->to);

  g_list_store_remove (change->store, change->to);
  g_list_store_insert (change->store, change->position, item);
}

void
obeya_history_move (ObeyaHistory *self,
                    GListStore   *store,
                    guint         from,
                    guint         to)
{
  ListChange *change;
  guint n;

  g_return_if_fail (OBEYA_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (store));

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;

  change = g_new0 (ListChange, 1);
  change->store = g_object_ref (store);
  change->position = from;
  change->to = to;
  record (self, list_move_apply, list_move_revert, change, list_change_free);
}

void
obeya_history_custom (ObeyaHistory    *self,
                      ObeyaChangeFunc  apply,
                      ObeyaChangeFunc  revert,
                      gpointer         data,
                      GDestroyNotify   destroy)
{
  g_return_if_fail (OBEYA_IS_HISTORY (self));
  g_return_if_fail (apply != NULL && revert != NULL);

  record (self, apply, revert, data, destroy);
}

/* ---- undo / redo --------------------------------------------------------- */

gboolean
obeya_history_can_undo (ObeyaHistory *self)
{
  g_return_val_if_fail (OBEYA_IS_HISTORY (self), FALSE);
  return self->depth == 0 && self->undo.length > 0;
}

gboolean
obeya_history_can_redo (ObeyaHistory *self)
{
  g_return_val_if_fail (OBEYA_IS_HISTORY (self), FALSE);
  return self->depth == 0 && self->redo.length > 0;
}

const char *
obeya_history_get_undo_label (ObeyaHistory *self)
{
  Command *command;

  g_return_val_if_fail (OBEYA_IS_HISTORY (self), NULL);
  command = g_queue_peek_head (&self->undo);
  return command ? command->label : NULL;
}

const char *
obeya_history_get_redo_label (ObeyaHistory *self)
{
  Command *command;

  g_return_val_if_fail (OBEYA_IS_HISTORY (self), NULL);
  command = g_queue_peek_head (&self->redo);
  return command ? command->label : NULL;
}

gboolean
obeya_history_undo (ObeyaHistory *self)
{
  Command *command;

  g_return_val_if_fail (OBEYA_IS_HISTORY (self), FALSE);

  if (!obeya_history_can_undo (self))
    return FALSE;

  command = g_queue_pop_head (&self->undo);
  self->replaying = TRUE;
  for (guint i = command->changes->len; i > 0; i--)
    {
      Change *change = &g_array_index (command->changes, Change, i - 1);
      change->revert (change->data);
    }
  self->replaying = FALSE;
  g_queue_push_head (&self->redo, command);

  notify_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
obeya_history_redo (ObeyaHistory *self)
{
  Command *command;

  g_return_val_if_fail (OBEYA_IS_HISTORY (self), FALSE);

  if (!obeya_history_can_redo (self))
    return FALSE;

  command = g_queue_pop_head (&self->redo);
  self->replaying = TRUE;
  for (guint i = 0; i < command->changes->len; i++)
    {
      Change *change = &g_array_index (command->changes, Change, i);
      change->apply (change->data);
    }
  self->replaying = FALSE;
  g_queue_push_head (&self->undo, command);

  notify_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
obeya_history_clear (ObeyaHistory *self)
{
  g_return_if_fail (OBEYA_IS_HISTORY (self));

  g_queue_clear_full (&self->undo, command_free);
  g_queue_clear_full (&self->redo, command_free);
  notify_state (self);
}
