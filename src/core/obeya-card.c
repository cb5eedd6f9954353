/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-checklist-item.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-lane.h"
#include "obeya-link.h"
#include "obeya-model-private.h"
#include "obeya-util.h"

struct _ObeyaCard
{
  ObeyaEntity          parent_instance;

  char                *title;
  char                *description;
  GStrv                assignees;
  GStrv                tags;
  ObeyaClassOfService  class_of_service;
  ObeyaDay             due;

  ObeyaColumn         *column;    /* unowned: the board owns its columns */
  ObeyaLane           *lane;      /* unowned */
  gint64               rank;
  ObeyaTimestamp       created;
  ObeyaTimestamp       archived_at;

  GArray              *blocks;    /* of ObeyaBlock */
  GArray              *moves;     /* of ObeyaMove */
  GListStore          *checklist; /* of ObeyaChecklistItem */
  GArray              *loaded_checklist; /* of LoadedItem, until the store is asked for */
  GListStore          *links;     /* of ObeyaLink */
  guint                checklist_done;
};

G_DEFINE_FINAL_TYPE (ObeyaCard, obeya_card, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ASSIGNEES,
  PROP_TAGS,
  PROP_CLASS_OF_SERVICE,
  PROP_DUE,
  PROP_COLUMN,
  PROP_LANE,
  PROP_BLOCKED,
  PROP_BLOCKED_REASON,
  PROP_ARCHIVED,
  PROP_CHECKLIST_DONE,
  PROP_CHECKLIST_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A loaded checklist line. Checklist items become GObjects only when the
 * checklist is shown or edited: a large workspace has thousands of them,
 * and making objects and stores for all of them was a fifth of the model's
 * load time. */
typedef struct
{
  char     *text;
  gboolean  done;
} LoadedItem;

static void
loaded_item_clear (gpointer data)
{
  LoadedItem *item = data;

  g_free (item->text);
}

static void
block_clear (gpointer data)
{
  ObeyaBlock *block = data;

  g_clear_pointer (&block->reason, g_free);
}

static void
obeya_card_changed (ObeyaCard *self)
{
  ObeyaBoard *board = obeya_card_get_board (self);

  if (board != NULL)
    _obeya_board_card_changed (board, self);
}

static void
obeya_card_finalize (GObject *object)
{
  ObeyaCard *self = OBEYA_CARD (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->assignees, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->moves, g_array_unref);
  g_clear_object (&self->checklist);
  g_clear_pointer (&self->loaded_checklist, g_array_unref);
  g_clear_object (&self->links);

  G_OBJECT_CLASS (obeya_card_parent_class)->finalize (object);
}

static void
obeya_card_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ObeyaCard *self = OBEYA_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_ASSIGNEES:
      g_value_set_boxed (value, self->assignees);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_CLASS_OF_SERVICE:
      g_value_set_enum (value, self->class_of_service);
      break;
    case PROP_DUE:
      g_value_take_string (value, obeya_day_to_string (self->due));
      break;
    case PROP_COLUMN:
      g_value_set_object (value, self->column);
      break;
    case PROP_LANE:
      g_value_set_object (value, self->lane);
      break;
    case PROP_BLOCKED:
      g_value_set_boolean (value, obeya_card_get_blocked (self));
      break;
    case PROP_BLOCKED_REASON:
      g_value_set_string (value, obeya_card_get_blocked_reason (self));
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, obeya_card_get_archived (self));
      break;
    case PROP_CHECKLIST_DONE:
      g_value_set_uint (value, self->checklist_done);
      break;
    case PROP_CHECKLIST_TOTAL:
      g_value_set_uint (value, obeya_card_get_checklist_total (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_card_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ObeyaCard *self = OBEYA_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (obeya_set_str (&self->title, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DESCRIPTION:
      {
        const char *text = g_value_get_string (value);

        if (text != NULL && text[0] == '\0')
          text = NULL;
        if (obeya_set_str (&self->description, text))
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
    case PROP_TAGS:
      if (!obeya_strv_equal ((const char * const *) self->tags, g_value_get_boxed (value)))
        {
          g_strfreev (self->tags);
          self->tags = g_value_dup_boxed (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CLASS_OF_SERVICE:
      if (self->class_of_service != (ObeyaClassOfService) g_value_get_enum (value))
        {
          self->class_of_service = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DUE:
      {
        const char *text = g_value_get_string (value);
        ObeyaDay due = OBEYA_DAY_NONE;

        if (text != NULL && text[0] != '\0' && !obeya_day_parse (text, &due))
          {
            g_critical ("Card due date “%s” is not a date (YYYY-MM-DD)", text);
            break;
          }
        if (due != self->due)
          {
            self->due = due;
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_card_dispatch_properties_changed (GObject     *object,
                                        guint        n_pspecs,
                                        GParamSpec **pspecs)
{
  G_OBJECT_CLASS (obeya_card_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);

  /* Tell the board (filters, WIP counts) about any change of the card. */
  obeya_card_changed (OBEYA_CARD (object));
}

static void
obeya_card_class_init (ObeyaCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = obeya_card_finalize;
  object_class->get_property = obeya_card_get_property;
  object_class->set_property = obeya_card_set_property;
  object_class->dispatch_properties_changed = obeya_card_dispatch_properties_changed;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  /* An empty description is stored as NULL. */
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  /* Person ids. */
  properties[PROP_ASSIGNEES] = g_param_spec_boxed ("assignees", NULL, NULL, G_TYPE_STRV, rw);
  /* Tag ids. */
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_CLASS_OF_SERVICE] =
    g_param_spec_enum ("class-of-service", NULL, NULL, OBEYA_TYPE_CLASS_OF_SERVICE,
                       OBEYA_CLASS_STANDARD, rw);
  /* "YYYY-MM-DD", or NULL for no due date. */
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, rw);
  properties[PROP_COLUMN] = g_param_spec_object ("column", NULL, NULL, OBEYA_TYPE_COLUMN, ro);
  properties[PROP_LANE] = g_param_spec_object ("lane", NULL, NULL, OBEYA_TYPE_LANE, ro);
  properties[PROP_BLOCKED] = g_param_spec_boolean ("blocked", NULL, NULL, FALSE, ro);
  properties[PROP_BLOCKED_REASON] = g_param_spec_string ("blocked-reason", NULL, NULL, NULL, ro);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, ro);
  properties[PROP_CHECKLIST_DONE] =
    g_param_spec_uint ("checklist-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CHECKLIST_TOTAL] =
    g_param_spec_uint ("checklist-total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
recount_checklist (ObeyaCard *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->checklist));
  guint done = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->checklist), i);
      done += obeya_checklist_item_get_done (item) ? 1 : 0;
    }

  if (done != self->checklist_done)
    {
      self->checklist_done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST_DONE]);
    }
}

void
_obeya_card_checklist_item_changed (ObeyaCard *self)
{
  guint done = self->checklist_done;

  recount_checklist (self);
  /* A text change: the card changed without any of its own properties. */
  if (done == self->checklist_done)
    obeya_card_changed (self);
}

static void
checklist_items_changed_cb (GListModel *model,
                            guint       position,
                            guint       removed,
                            guint       added,
                            ObeyaCard  *self)
{
  for (guint i = position; i < position + added; i++)
    {
      ObeyaEntity *item = g_list_model_get_item (model, i);

      obeya_entity_set_parent (item, G_OBJECT (self));
      g_object_unref (item);
    }

  recount_checklist (self);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST_TOTAL]);
  else
    obeya_card_changed (self);
}

static void
links_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ObeyaCard  *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ObeyaEntity) link = g_list_model_get_item (model, i);
      obeya_entity_set_parent (link, G_OBJECT (self));
    }
  obeya_card_changed (self);
}

static void
obeya_card_init (ObeyaCard *self)
{
  self->created = OBEYA_TIMESTAMP_NONE;
  self->archived_at = OBEYA_TIMESTAMP_NONE;
  self->blocks = g_array_new (FALSE, FALSE, sizeof (ObeyaBlock));
  g_array_set_clear_func (self->blocks, block_clear);
  self->moves = g_array_new (FALSE, FALSE, sizeof (ObeyaMove));
}

/* The checklist and link stores are made on first use: most cards have
 * neither, and a large workspace loads 10,000 cards. */
static GListStore *
ensure_checklist (ObeyaCard *self)
{
  if (self->checklist == NULL)
    {
      self->checklist = g_list_store_new (OBEYA_TYPE_CHECKLIST_ITEM);
      if (self->loaded_checklist != NULL)
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; i < self->loaded_checklist->len; i++)
            {
              LoadedItem *loaded = &g_array_index (self->loaded_checklist, LoadedItem, i);
              ObeyaChecklistItem *item = g_object_new (OBEYA_TYPE_CHECKLIST_ITEM,
                                                       "text", loaded->text,
                                                       "done", loaded->done,
                                                       NULL);

              obeya_entity_set_parent (OBEYA_ENTITY (item), G_OBJECT (self));
              g_ptr_array_add (items, item);
            }
          g_list_store_splice (self->checklist, 0, 0, items->pdata, items->len);
          g_clear_pointer (&self->loaded_checklist, g_array_unref);
        }
      g_signal_connect_object (self->checklist, "items-changed",
                               G_CALLBACK (checklist_items_changed_cb), self, 0);
    }
  return self->checklist;
}

static GListStore *
ensure_links (ObeyaCard *self)
{
  if (self->links == NULL)
    {
      self->links = g_list_store_new (OBEYA_TYPE_LINK);
      g_signal_connect_object (self->links, "items-changed", G_CALLBACK (links_changed_cb),
                               self, 0);
    }
  return self->links;
}

ObeyaCard *
obeya_card_new (const char *title)
{
  ObeyaCard *self = g_object_new (OBEYA_TYPE_CARD, "title", title, NULL);

  self->created = obeya_timestamp_now ();
  return self;
}

ObeyaBoard *
obeya_card_get_board (ObeyaCard *self)
{
  GObject *parent;

  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  parent = obeya_entity_get_parent (OBEYA_ENTITY (self));
  return parent != NULL && OBEYA_IS_BOARD (parent) ? OBEYA_BOARD (parent) : NULL;
}

const char *
obeya_card_get_title (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  return self->title;
}

const char *
obeya_card_get_description (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  return self->description;
}

const char * const *
obeya_card_get_assignees (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  return (const char * const *) self->assignees;
}

const char * const *
obeya_card_get_tags (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  return (const char * const *) self->tags;
}

gboolean
obeya_card_has_assignee (ObeyaCard  *self,
                         const char *person_id)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), FALSE);
  return self->assignees != NULL && person_id != NULL &&
         g_strv_contains ((const char * const *) self->assignees, person_id);
}

gboolean
obeya_card_has_tag (ObeyaCard  *self,
                    const char *tag_id)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), FALSE);
  return self->tags != NULL && tag_id != NULL &&
         g_strv_contains ((const char * const *) self->tags, tag_id);
}

ObeyaClassOfService
obeya_card_get_class_of_service (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), OBEYA_CLASS_STANDARD);
  return self->class_of_service;
}

ObeyaDay
obeya_card_get_due (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), OBEYA_DAY_NONE);
  return self->due;
}

ObeyaColumn *
obeya_card_get_column (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  return self->column;
}

ObeyaLane *
obeya_card_get_lane (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  return self->lane;
}

ObeyaTimestamp
obeya_card_get_created (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), OBEYA_TIMESTAMP_NONE);
  return self->created;
}

gboolean
obeya_card_get_archived (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), FALSE);
  return OBEYA_TIMESTAMP_IS_SET (self->archived_at);
}

ObeyaTimestamp
obeya_card_get_archived_at (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), OBEYA_TIMESTAMP_NONE);
  return self->archived_at;
}

static ObeyaBlock *
open_block (ObeyaCard *self)
{
  ObeyaBlock *last;

  if (self->blocks->len == 0)
    return NULL;
  last = &g_array_index (self->blocks, ObeyaBlock, self->blocks->len - 1);
  return OBEYA_TIMESTAMP_IS_SET (last->end) ? NULL : last;
}

gboolean
obeya_card_get_blocked (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), FALSE);
  return open_block (self) != NULL;
}

const char *
obeya_card_get_blocked_reason (ObeyaCard *self)
{
  ObeyaBlock *block;

  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  block = open_block (self);
  return block ? block->reason : NULL;
}

ObeyaTimestamp
obeya_card_get_blocked_since (ObeyaCard *self)
{
  ObeyaBlock *block;

  g_return_val_if_fail (OBEYA_IS_CARD (self), OBEYA_TIMESTAMP_NONE);
  block = open_block (self);
  return block ? block->start : OBEYA_TIMESTAMP_NONE;
}

const ObeyaBlock *
obeya_card_get_blocks (ObeyaCard *self,
                       guint     *n_blocks)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  if (n_blocks)
    *n_blocks = self->blocks->len;
  return (const ObeyaBlock *) self->blocks->data;
}

gint64
obeya_card_get_blocked_seconds (ObeyaCard      *self,
                                ObeyaTimestamp  now)
{
  gint64 total = 0;

  g_return_val_if_fail (OBEYA_IS_CARD (self), 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const ObeyaBlock *block = &g_array_index (self->blocks, ObeyaBlock, i);
      gint64 end = OBEYA_TIMESTAMP_IS_SET (block->end) ? block->end.seconds : now.seconds;

      if (end > block->start.seconds)
        total += end - block->start.seconds;
    }
  return total;
}

const ObeyaMove *
obeya_card_get_moves (ObeyaCard *self,
                      guint     *n_moves)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  if (n_moves)
    *n_moves = self->moves->len;
  return (const ObeyaMove *) self->moves->data;
}

GListModel *
obeya_card_get_checklist (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  return G_LIST_MODEL (ensure_checklist (self));
}

guint
obeya_card_get_checklist_done (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), 0);
  return self->checklist_done;
}

guint
obeya_card_get_checklist_total (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), 0);
  if (self->checklist != NULL)
    return g_list_model_get_n_items (G_LIST_MODEL (self->checklist));
  return self->loaded_checklist ? self->loaded_checklist->len : 0;
}

GListModel *
obeya_card_get_links (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  return G_LIST_MODEL (ensure_links (self));
}

/* ---- flow facts ---------------------------------------------------------- */

static ObeyaColumnRole
role_of (ObeyaCard  *self,
         const char *column_id,
         gboolean   *known)
{
  ObeyaBoard *board = obeya_card_get_board (self);
  ObeyaColumn *column = board ? _obeya_board_lookup_column (board, column_id) : NULL;

  *known = column != NULL;
  return column ? obeya_column_get_role (column) : OBEYA_COLUMN_ROLE_BACKLOG;
}

ObeyaTimestamp
obeya_card_get_commitment_time (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), OBEYA_TIMESTAMP_NONE);

  for (guint i = 0; i < self->moves->len; i++)
    {
      const ObeyaMove *move = &g_array_index (self->moves, ObeyaMove, i);
      gboolean known;
      ObeyaColumnRole role = role_of (self, move->column_id, &known);

      if (known && role != OBEYA_COLUMN_ROLE_BACKLOG)
        return move->time;
    }
  return OBEYA_TIMESTAMP_NONE;
}

ObeyaTimestamp
obeya_card_get_column_entry_time (ObeyaCard *self)
{
  const char *column_id;
  ObeyaTimestamp entry;

  g_return_val_if_fail (OBEYA_IS_CARD (self), OBEYA_TIMESTAMP_NONE);

  if (self->moves->len == 0 || self->column == NULL)
    return self->created;

  /* The earliest entry of the current stay: walk back over moves that kept
   * the card in this column (lane changes do not reset the column age). */
  column_id = obeya_entity_get_id (OBEYA_ENTITY (self->column));
  entry = self->created;
  for (guint i = self->moves->len; i > 0; i--)
    {
      const ObeyaMove *move = &g_array_index (self->moves, ObeyaMove, i - 1);

      if (g_strcmp0 (move->column_id, column_id) != 0)
        break;
      entry = move->time;
    }
  return entry;
}

static guint
days_inclusive (ObeyaTimestamp since,
                ObeyaDay       today)
{
  ObeyaDay start;

  if (!OBEYA_TIMESTAMP_IS_SET (since))
    return 0;
  start = obeya_timestamp_get_day (since);
  return today >= start ? today - start + 1 : 1;
}

guint
obeya_card_get_age_days (ObeyaCard *self,
                         ObeyaDay   today)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), 0);
  return days_inclusive (obeya_card_get_commitment_time (self), today);
}

guint
obeya_card_get_days_in_column (ObeyaCard *self,
                               ObeyaDay   today)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), 0);
  return days_inclusive (obeya_card_get_column_entry_time (self), today);
}

gboolean
obeya_card_is_done (ObeyaCard *self)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), FALSE);
  return self->column != NULL && obeya_column_get_role (self->column) == OBEYA_COLUMN_ROLE_DONE;
}

gboolean
obeya_card_is_overdue (ObeyaCard *self,
                       ObeyaDay   today)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), FALSE);
  return self->due != OBEYA_DAY_NONE && self->due < today && !obeya_card_is_done (self);
}

gboolean
obeya_card_is_due_soon (ObeyaCard *self,
                        ObeyaDay   today)
{
  g_return_val_if_fail (OBEYA_IS_CARD (self), FALSE);
  return self->due != OBEYA_DAY_NONE && self->due >= today && self->due <= today + 2 &&
         !obeya_card_is_done (self);
}

/* ---- raw mutators (model-private) ---------------------------------------- */

void
_obeya_card_set_place (ObeyaCard   *self,
                       ObeyaColumn *column,
                       ObeyaLane   *lane)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->column != column)
    {
      self->column = column;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN]);
    }
  if (self->lane != lane)
    {
      self->lane = lane;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
_obeya_card_get_rank (ObeyaCard *self)
{
  return self->rank;
}

void
_obeya_card_set_rank (ObeyaCard *self,
                      gint64     rank)
{
  self->rank = rank;
}

void
_obeya_card_set_created (ObeyaCard      *self,
                         ObeyaTimestamp  created)
{
  self->created = created;
}

void
_obeya_card_append_move (ObeyaCard      *self,
                         ObeyaTimestamp  time,
                         const char     *column_id,
                         const char     *lane_id)
{
  ObeyaMove move = { time, g_intern_string (column_id), g_intern_string (lane_id) };

  g_array_append_val (self->moves, move);
}

void
_obeya_card_remove_last_move (ObeyaCard *self)
{
  g_return_if_fail (self->moves->len > 0);
  g_array_set_size (self->moves, self->moves->len - 1);
}

void
_obeya_card_set_archived_at (ObeyaCard      *self,
                             ObeyaTimestamp  archived_at)
{
  gboolean was = obeya_card_get_archived (self);

  self->archived_at = archived_at;
  if (was != obeya_card_get_archived (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

/* ---- commands ------------------------------------------------------------ */

typedef struct
{
  ObeyaCard     *card;
  ObeyaTimestamp time;
  char          *reason;
} BlockChange;

static void
block_change_free (gpointer data)
{
  BlockChange *change = data;

  g_object_unref (change->card);
  g_free (change->reason);
  g_free (change);
}

static void
notify_blocked (ObeyaCard *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKED_REASON]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
block_apply (gpointer data)
{
  BlockChange *change = data;
  ObeyaBlock block = { change->time, OBEYA_TIMESTAMP_NONE, g_strdup (change->reason) };

  g_array_append_val (change->card->blocks, block);
  notify_blocked (change->card);
}

static void
block_revert (gpointer data)
{
  BlockChange *change = data;

  g_array_set_size (change->card->blocks, change->card->blocks->len - 1);
  notify_blocked (change->card);
}

static void
unblock_apply (gpointer data)
{
  BlockChange *change = data;
  ObeyaBlock *block = open_block (change->card);

  block->end = change->time;
  notify_blocked (change->card);
}

static void
unblock_revert (gpointer data)
{
  BlockChange *change = data;
  ObeyaBlock *last = &g_array_index (change->card->blocks, ObeyaBlock,
                                     change->card->blocks->len - 1);

  last->end = OBEYA_TIMESTAMP_NONE;
  notify_blocked (change->card);
}

static ObeyaHistory *
history_or_temporary (ObeyaCard *self)
{
  ObeyaHistory *history = obeya_entity_get_history (OBEYA_ENTITY (self));

  /* A detached card (not yet on a board) records into a throwaway history. */
  return history ? g_object_ref (history) : obeya_history_new ();
}

void
obeya_card_block (ObeyaCard  *self,
                  const char *reason)
{
  g_autoptr(ObeyaHistory) history = NULL;
  BlockChange *change;

  g_return_if_fail (OBEYA_IS_CARD (self));

  history = history_or_temporary (self);
  obeya_history_begin (history, _("Block card"));

  /* Already blocked: a new reason closes this episode and opens another. */
  if (open_block (self) != NULL)
    {
      if (g_strcmp0 (obeya_card_get_blocked_reason (self), reason) == 0)
        {
          obeya_history_end (history);
          return;
        }
      obeya_card_unblock (self);
    }

  change = g_new0 (BlockChange, 1);
  change->card = g_object_ref (self);
  change->time = obeya_timestamp_now ();
  change->reason = g_strdup (reason != NULL && reason[0] != '\0' ? reason : NULL);
  obeya_history_custom (history, block_apply, block_revert, change, block_change_free);
  obeya_history_end (history);
}

void
obeya_card_unblock (ObeyaCard *self)
{
  g_autoptr(ObeyaHistory) history = NULL;
  BlockChange *change;

  g_return_if_fail (OBEYA_IS_CARD (self));

  if (open_block (self) == NULL)
    return;

  history = history_or_temporary (self);
  change = g_new0 (BlockChange, 1);
  change->card = g_object_ref (self);
  change->time = obeya_timestamp_now ();
  obeya_history_begin (history, _("Unblock card"));
  obeya_history_custom (history, unblock_apply, unblock_revert, change, block_change_free);
  obeya_history_end (history);
}

ObeyaChecklistItem *
obeya_card_add_checklist_item (ObeyaCard  *self,
                               const char *text,
                               int         position)
{
  g_autoptr(ObeyaHistory) history = NULL;
  g_autoptr(ObeyaChecklistItem) item = NULL;
  guint n;

  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (ensure_checklist (self)));
  if (position < 0 || (guint) position > n)
    position = n;

  item = g_object_new (OBEYA_TYPE_CHECKLIST_ITEM, "text", text, NULL);
  history = history_or_temporary (self);
  obeya_history_begin (history, _("Add checklist item"));
  obeya_history_insert (history, self->checklist, position, item);
  obeya_history_end (history);
  return item;
}

void
obeya_card_remove_checklist_item (ObeyaCard *self,
                                  guint      position)
{
  g_autoptr(ObeyaHistory) history = NULL;

  g_return_if_fail (OBEYA_IS_CARD (self));
  g_return_if_fail (position < obeya_card_get_checklist_total (self));

  history = history_or_temporary (self);
  obeya_history_begin (history, _("Remove checklist item"));
  obeya_history_remove (history, self->checklist, position);
  obeya_history_end (history);
}

void
obeya_card_move_checklist_item (ObeyaCard *self,
                                guint      from,
                                guint      to)
{
  g_autoptr(ObeyaHistory) history = NULL;

  g_return_if_fail (OBEYA_IS_CARD (self));

  history = history_or_temporary (self);
  obeya_history_begin (history, _("Reorder checklist"));
  obeya_history_move (history, ensure_checklist (self), from, to);
  obeya_history_end (history);
}

ObeyaLink *
obeya_card_add_link (ObeyaCard  *self,
                     const char *kind,
                     const char *target,
                     const char *label)
{
  g_autoptr(ObeyaHistory) history = NULL;
  g_autoptr(ObeyaLink) link = NULL;

  g_return_val_if_fail (OBEYA_IS_CARD (self), NULL);
  g_return_val_if_fail (kind != NULL && target != NULL, NULL);

  link = g_object_new (OBEYA_TYPE_LINK, "kind", kind, "target", target, "label", label, NULL);
  history = history_or_temporary (self);
  obeya_history_begin (history, _("Add link"));
  ensure_links (self);
  obeya_history_insert (history, self->links,
                        g_list_model_get_n_items (G_LIST_MODEL (self->links)), link);
  obeya_history_end (history);
  return link;
}

void
obeya_card_remove_link (ObeyaCard *self,
                        guint      position)
{
  g_autoptr(ObeyaHistory) history = NULL;

  g_return_if_fail (OBEYA_IS_CARD (self));
  g_return_if_fail (self->links != NULL &&
                    position < g_list_model_get_n_items (G_LIST_MODEL (self->links)));

  history = history_or_temporary (self);
  obeya_history_begin (history, _("Remove link"));
  obeya_history_remove (history, self->links, position);
  obeya_history_end (history);
}

/* ---- JSON ---------------------------------------------------------------- */

static const char * const card_members[] = {
  "id", "title", "description", "column", "lane", "rank", "assignees", "tags", "due",
  "class", "created", "archived", "blocked", "checklist", "links", "moves", NULL
};

void
_obeya_card_write (ObeyaCard       *self,
                   ObeyaJsonWriter *writer)
{
  JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (self));
  char buf[OBEYA_TIMESTAMP_BUF_SIZE];
  guint n;

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (self)));
  obeya_json_writer_member_string (writer, "title", self->title ? self->title : "");
  if (self->description != NULL)
    obeya_json_writer_member_string (writer, "description", self->description);
  obeya_json_writer_member_string (writer, "column",
                                   obeya_entity_get_id (OBEYA_ENTITY (self->column)));
  if (self->lane != NULL)
    obeya_json_writer_member_string (writer, "lane",
                                     obeya_entity_get_id (OBEYA_ENTITY (self->lane)));
  obeya_json_writer_member_int (writer, "rank", self->rank);
  _obeya_write_string_list (writer, "assignees", (const char * const *) self->assignees);
  _obeya_write_string_list (writer, "tags", (const char * const *) self->tags);
  if (self->due != OBEYA_DAY_NONE)
    {
      char day[OBEYA_DAY_BUF_SIZE];
      obeya_json_writer_member_string (writer, "due", obeya_day_format (self->due, day));
    }
  if (self->class_of_service != OBEYA_CLASS_STANDARD)
    obeya_json_writer_member_string (writer, "class",
                                     obeya_enum_to_nick (OBEYA_TYPE_CLASS_OF_SERVICE,
                                                         self->class_of_service));
  _obeya_write_timestamp_member (writer, "created", self->created);
  _obeya_write_timestamp_member (writer, "archived", self->archived_at);

  if (self->blocks->len > 0)
    {
      obeya_json_writer_member (writer, "blocked");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < self->blocks->len; i++)
        {
          const ObeyaBlock *block = &g_array_index (self->blocks, ObeyaBlock, i);

          obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
          obeya_json_writer_string (writer, obeya_timestamp_format (block->start, buf));
          if (OBEYA_TIMESTAMP_IS_SET (block->end))
            obeya_json_writer_string (writer, obeya_timestamp_format (block->end, buf));
          else
            obeya_json_writer_null (writer);
          obeya_json_writer_string (writer, block->reason);
          obeya_json_writer_end_array (writer);
        }
      obeya_json_writer_end_array (writer);
    }

  n = obeya_card_get_checklist_total (self);
  if (n > 0)
    {
      obeya_json_writer_member (writer, "checklist");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < n; i++)
        {
          const char *text;
          gboolean done;

          if (self->checklist != NULL)
            {
              g_autoptr(ObeyaChecklistItem) item =
                g_list_model_get_item (G_LIST_MODEL (self->checklist), i);
              text = obeya_checklist_item_get_text (item);
              done = obeya_checklist_item_get_done (item);
            }
          else
            {
              LoadedItem *loaded = &g_array_index (self->loaded_checklist, LoadedItem, i);
              text = loaded->text;
              done = loaded->done;
            }
          obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
          obeya_json_writer_string (writer, text ? text : "");
          obeya_json_writer_boolean (writer, done);
          obeya_json_writer_end_array (writer);
        }
      obeya_json_writer_end_array (writer);
    }

  n = self->links ? g_list_model_get_n_items (G_LIST_MODEL (self->links)) : 0;
  if (n > 0)
    {
      obeya_json_writer_member (writer, "links");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObeyaLink) link = g_list_model_get_item (G_LIST_MODEL (self->links), i);
          JsonObject *link_extra = obeya_entity_get_extra (OBEYA_ENTITY (link));

          obeya_json_writer_begin_object (writer);
          obeya_json_writer_member_string (writer, "kind", obeya_link_get_kind (link));
          obeya_json_writer_member_string (writer, "target", obeya_link_get_target (link));
          if (obeya_link_get_label (link) != NULL)
            obeya_json_writer_member_string (writer, "label", obeya_link_get_label (link));
          if (link_extra != NULL)
            obeya_json_writer_members_of (writer, link_extra);
          obeya_json_writer_end_object (writer);
        }
      obeya_json_writer_end_array (writer);
    }

  obeya_json_writer_member (writer, "moves");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < self->moves->len; i++)
    {
      const ObeyaMove *move = &g_array_index (self->moves, ObeyaMove, i);

      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      obeya_json_writer_string (writer, obeya_timestamp_format (move->time, buf));
      obeya_json_writer_string (writer, move->column_id);
      if (move->lane_id != NULL)
        obeya_json_writer_string (writer, move->lane_id);
      obeya_json_writer_end_array (writer);
    }
  obeya_json_writer_end_array (writer);

  if (extra != NULL)
    obeya_json_writer_members_of (writer, extra);
  obeya_json_writer_end_object (writer);
}

static const char * const link_members[] = { "kind", "target", "label", NULL };

ObeyaCard *
_obeya_card_read (ObeyaLoadContext *ctx,
                  JsonObject       *object,
                  ObeyaBoard       *board)
{
  ObeyaJsonReader *r = ctx->reader;
  g_autoptr(ObeyaCard) self = NULL;
  const char *id, *column_id, *lane_id, *klass;
  JsonArray *array;
  ObeyaColumn *column;
  ObeyaLane *lane = NULL;

  id = _obeya_load_context_read_id (ctx, object);
  if (id == NULL)
    return NULL;

  self = g_object_new (OBEYA_TYPE_CARD, NULL);
  _obeya_entity_set_id (OBEYA_ENTITY (self), id);
  obeya_entity_set_parent (OBEYA_ENTITY (self), G_OBJECT (board));
  self->title = g_strdup (obeya_json_reader_get_string (r, object, "title", TRUE));
  self->description = g_strdup (obeya_json_reader_get_string (r, object, "description", FALSE));
  if (self->description != NULL && self->description[0] == '\0')
    g_clear_pointer (&self->description, g_free);

  self->archived_at = _obeya_read_timestamp_member (ctx, object, "archived", FALSE);

  /* An archived card may sit in a deleted (retired) column, and in no lane
   * when the board got lanes after it was archived. */
  column_id = obeya_json_reader_get_string (r, object, "column", TRUE);
  column = column_id ? g_hash_table_lookup (ctx->columns, column_id) : NULL;
  if (column == NULL && column_id != NULL && OBEYA_TIMESTAMP_IS_SET (self->archived_at))
    column = g_hash_table_lookup (ctx->retired_columns, column_id);
  if (column_id != NULL && column == NULL)
    {
      obeya_json_reader_fail (r, "column", _("no column with id “%s” on this board"), column_id);
      return NULL;
    }
  lane_id = obeya_json_reader_get_string (r, object, "lane", FALSE);
  if (lane_id != NULL)
    {
      lane = g_hash_table_lookup (ctx->lanes, lane_id);
      if (lane == NULL)
        {
          obeya_json_reader_fail (r, "lane", _("no swimlane with id “%s” on this board"), lane_id);
          return NULL;
        }
    }
  else if (!OBEYA_TIMESTAMP_IS_SET (self->archived_at) &&
           g_list_model_get_n_items (obeya_board_get_lanes (board)) > 0)
    {
      obeya_json_reader_fail (r, "lane", _("missing: this board has swimlanes"));
      return NULL;
    }
  self->column = column;
  self->lane = lane;
  self->rank = obeya_json_reader_get_int (r, object, "rank", FALSE, G_MININT64, G_MAXINT64, 0);

  self->assignees = _obeya_read_id_list (ctx, object, "assignees",
                                         _obeya_workspace_get_people_index (ctx->workspace),
                                         N_("person"));
  self->tags = _obeya_read_id_list (ctx, object, "tags",
                                    _obeya_workspace_get_tag_index (ctx->workspace), N_("tag"));
  self->due = _obeya_read_day_member (ctx, object, "due", FALSE);

  klass = obeya_json_reader_get_string (r, object, "class", FALSE);
  if (klass != NULL && !obeya_enum_from_nick (OBEYA_TYPE_CLASS_OF_SERVICE, klass,
                                              (int *) &self->class_of_service))
    obeya_json_reader_fail (r, "class",
                            _("unknown class of service “%s” (expected standard, expedite, "
                              "fixed-date or intangible)"), klass);

  self->created = _obeya_read_timestamp_member (ctx, object, "created", TRUE);

  array = obeya_json_reader_get_array (r, object, "blocked", FALSE);
  if (array != NULL)
    {
      guint n = json_array_get_length (array);

      obeya_json_reader_push_member (r, "blocked");
      for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
        {
          JsonArray *entry = obeya_json_reader_array_array (r, array, i);
          ObeyaBlock block = { OBEYA_TIMESTAMP_NONE, OBEYA_TIMESTAMP_NONE, NULL };
          const char *start, *end;

          if (entry == NULL)
            break;
          obeya_json_reader_push_index (r, i);
          start = obeya_json_reader_array_string (r, entry, 0, FALSE);
          end = obeya_json_reader_array_string (r, entry, 1, TRUE);
          if (start != NULL && !obeya_timestamp_parse (start, &block.start))
            obeya_json_reader_fail (r, NULL, _("“%s” is not a timestamp"), start);
          if (end != NULL && !obeya_timestamp_parse (end, &block.end))
            obeya_json_reader_fail (r, NULL, _("“%s” is not a timestamp"), end);
          if (json_array_get_length (entry) > 2)
            block.reason = g_strdup (obeya_json_reader_array_string (r, entry, 2, TRUE));
          if (end == NULL && i + 1 < n)
            obeya_json_reader_fail (r, NULL, _("only the last blocked episode may be open"));
          obeya_json_reader_pop (r);
          g_array_append_val (self->blocks, block);
        }
      obeya_json_reader_pop (r);
    }

  array = obeya_json_reader_get_array (r, object, "checklist", FALSE);
  if (array != NULL)
    {
      guint n = json_array_get_length (array);
      GArray *items = g_array_sized_new (FALSE, FALSE, sizeof (LoadedItem), n);

      g_array_set_clear_func (items, loaded_item_clear);
      obeya_json_reader_push_member (r, "checklist");
      for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
        {
          JsonArray *entry = obeya_json_reader_array_array (r, array, i);
          LoadedItem item;
          const char *text;
          gboolean done = FALSE;

          if (entry == NULL)
            break;
          obeya_json_reader_push_index (r, i);
          text = obeya_json_reader_array_string (r, entry, 0, FALSE);
          if (json_array_get_length (entry) > 1)
            {
              JsonNode *node = json_array_get_element (entry, 1);
              if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
                obeya_json_reader_fail (r, NULL, _("expected [text, true or false]"));
              else
                done = json_node_get_boolean (node);
            }
          obeya_json_reader_pop (r);
          item.text = g_strdup (text);
          item.done = done;
          self->checklist_done += done ? 1 : 0;
          g_array_append_val (items, item);
        }
      obeya_json_reader_pop (r);
      if (items->len > 0)
        self->loaded_checklist = items;
      else
        g_array_unref (items);
    }

  array = obeya_json_reader_get_array (r, object, "links", FALSE);
  if (array != NULL)
    {
      guint n = json_array_get_length (array);

      obeya_json_reader_push_member (r, "links");
      for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
        {
          JsonObject *entry = obeya_json_reader_array_object (r, array, i);
          g_autoptr(ObeyaLink) link = NULL;

          if (entry == NULL)
            break;
          obeya_json_reader_push_index (r, i);
          link = g_object_new (OBEYA_TYPE_LINK,
                               "kind", obeya_json_reader_get_string (r, entry, "kind", TRUE),
                               "target", obeya_json_reader_get_string (r, entry, "target", TRUE),
                               "label", obeya_json_reader_get_string (r, entry, "label", FALSE),
                               NULL);
          obeya_entity_take_extra (OBEYA_ENTITY (link),
                                   obeya_json_collect_unknown (entry, link_members));
          obeya_json_reader_pop (r);
          g_list_store_append (ensure_links (self), link);
        }
      obeya_json_reader_pop (r);
    }

  array = obeya_json_reader_get_array (r, object, "moves", FALSE);
  if (array != NULL)
    {
      guint n = json_array_get_length (array);
      const char *last_lane = NULL;

      g_array_set_size (self->moves, n);
      obeya_json_reader_push_member (r, "moves");
      for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
        {
          JsonArray *entry = obeya_json_reader_array_array (r, array, i);
          ObeyaMove *move = &g_array_index (self->moves, ObeyaMove, i);
          const char *time, *move_column, *move_lane = NULL;
          ObeyaEntity *known;

          if (entry == NULL)
            break;
          obeya_json_reader_push_index (r, i);
          time = obeya_json_reader_array_string (r, entry, 0, FALSE);
          if (time != NULL && !obeya_timestamp_parse (time, &move->time))
            obeya_json_reader_fail (r, NULL, _("“%s” is not a timestamp"), time);
          move_column = obeya_json_reader_array_string (r, entry, 1, FALSE);
          if (json_array_get_length (entry) > 2)
            move_lane = obeya_json_reader_array_string (r, entry, 2, TRUE);
          obeya_json_reader_pop (r);

          /* Share the id strings of the board's columns (no global lock):
           * a deleted column is retired, never freed. A deleted lane is
           * freed once undo forgets it, so lane ids are interned, the last
           * one reused (a card's moves mostly stay in one lane). */
          known = move_column ? g_hash_table_lookup (ctx->columns, move_column) : NULL;
          if (known == NULL && move_column != NULL)
            known = g_hash_table_lookup (ctx->retired_columns, move_column);
          move->column_id = known ? obeya_entity_get_id (known) : g_intern_string (move_column);
          if (move_lane == NULL)
            move->lane_id = NULL;
          else if (last_lane != NULL && strcmp (last_lane, move_lane) == 0)
            move->lane_id = last_lane;
          else
            move->lane_id = last_lane = g_intern_string (move_lane);
        }
      obeya_json_reader_pop (r);
      if (obeya_json_reader_failed (r))
        return NULL;
    }

  obeya_entity_take_extra (OBEYA_ENTITY (self), obeya_json_collect_unknown (object, card_members));

  if (obeya_json_reader_failed (r))
    return NULL;
  return g_steal_pointer (&self);
}
