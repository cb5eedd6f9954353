/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-lane.h"
#include "obeya-model-private.h"
#include "obeya-recurrence.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

/* Gap between the ranks of neighbouring cards; a card dropped between two
 * cards takes the middle, and a cell is renumbered when no gap is left. */
#define RANK_STEP 1024

struct _ObeyaBoard
{
  ObeyaEntity     parent_instance;

  char           *name;
  ObeyaBoardKind  kind;
  gboolean        archived;
  gboolean        sample;
  gboolean        blocked_counts_wip;

  GListStore     *columns;     /* of ObeyaColumn */
  GListStore     *lanes;       /* of ObeyaLane */
  GListStore     *archive;     /* of ObeyaCard, newest first */
  GListStore     *recurrences; /* of ObeyaRecurrence */
  GPtrArray      *cards;       /* every card, creation order */
  GHashTable     *card_index;  /* id → ObeyaCard (unowned) */
  GPtrArray      *retired;     /* deleted ObeyaColumns, kept for the history */
};

G_DEFINE_FINAL_TYPE (ObeyaBoard, obeya_board, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_ARCHIVED,
  PROP_SAMPLE,
  PROP_BLOCKED_COUNTS_WIP,
  N_PROPS
};

enum {
  CARD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
obeya_board_finalize (GObject *object)
{
  ObeyaBoard *self = OBEYA_BOARD (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->columns);
  g_clear_object (&self->lanes);
  g_clear_object (&self->archive);
  g_clear_object (&self->recurrences);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->card_index, g_hash_table_unref);
  g_clear_pointer (&self->retired, g_ptr_array_unref);

  G_OBJECT_CLASS (obeya_board_parent_class)->finalize (object);
}

static void
obeya_board_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ObeyaBoard *self = OBEYA_BOARD (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;
    case PROP_BLOCKED_COUNTS_WIP:
      g_value_set_boolean (value, self->blocked_counts_wip);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_board_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ObeyaBoard *self = OBEYA_BOARD (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (obeya_set_str (&self->name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_KIND:
      if (self->kind != (ObeyaBoardKind) g_value_get_enum (value))
        {
          self->kind = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ARCHIVED:
      if (self->archived != g_value_get_boolean (value))
        {
          self->archived = g_value_get_boolean (value);
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
    case PROP_BLOCKED_COUNTS_WIP:
      if (self->blocked_counts_wip != g_value_get_boolean (value))
        {
          self->blocked_counts_wip = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_board_class_init (ObeyaBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = obeya_board_finalize;
  object_class->get_property = obeya_board_get_property;
  object_class->set_property = obeya_board_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, OBEYA_TYPE_BOARD_KIND, OBEYA_BOARD_TEAM,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAMPLE] =
    g_param_spec_boolean ("sample", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOCKED_COUNTS_WIP] =
    g_param_spec_boolean ("blocked-counts-wip", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ObeyaBoard::card-changed:
   * @card: the card
   *
   * Emitted when any property of a card on the board changed (title,
   * assignees, blocked, checklist…), so views can refilter and recount WIP.
   */
  signals[CARD_CHANGED] =
    g_signal_new ("card-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, OBEYA_TYPE_CARD);
}

static ObeyaColumn *column_at (ObeyaBoard *self,
                               guint       i);

static void
parent_items_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 ObeyaBoard *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ObeyaEntity) entity = g_list_model_get_item (model, i);
      obeya_entity_set_parent (entity, G_OBJECT (self));
    }
}

static void
obeya_board_init (ObeyaBoard *self)
{
  self->kind = OBEYA_BOARD_TEAM;
  self->columns = g_list_store_new (OBEYA_TYPE_COLUMN);
  self->lanes = g_list_store_new (OBEYA_TYPE_LANE);
  self->archive = g_list_store_new (OBEYA_TYPE_CARD);
  self->recurrences = g_list_store_new (OBEYA_TYPE_RECURRENCE);
  self->cards = g_ptr_array_new_with_free_func (g_object_unref);
  self->card_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->retired = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect_object (self->columns, "items-changed", G_CALLBACK (parent_items_cb), self, 0);
  g_signal_connect_object (self->lanes, "items-changed", G_CALLBACK (parent_items_cb), self, 0);
  g_signal_connect_object (self->recurrences, "items-changed",
                           G_CALLBACK (parent_items_cb), self, 0);
}

ObeyaBoard *
obeya_board_new (const char         *name,
                 ObeyaBoardKind      kind,
                 ObeyaBoardTemplate  template_)
{
  ObeyaBoard *self = g_object_new (OBEYA_TYPE_BOARD, "name", name, "kind", kind, NULL);
  static const struct { const char *name; ObeyaColumnRole role; } back_office[] = {
    { N_("Backlog"), OBEYA_COLUMN_ROLE_BACKLOG },
    { N_("Ready"), OBEYA_COLUMN_ROLE_BACKLOG },
    { N_("In progress"), OBEYA_COLUMN_ROLE_ACTIVE },
    { N_("Review"), OBEYA_COLUMN_ROLE_ACTIVE },
    { N_("Done"), OBEYA_COLUMN_ROLE_DONE },
  }, personal[] = {
    { N_("To do"), OBEYA_COLUMN_ROLE_BACKLOG },
    { N_("Doing"), OBEYA_COLUMN_ROLE_ACTIVE },
    { N_("Done"), OBEYA_COLUMN_ROLE_DONE },
  };

  if (template_ == OBEYA_BOARD_TEMPLATE_BACK_OFFICE)
    for (guint i = 0; i < G_N_ELEMENTS (back_office); i++)
      {
        g_autoptr(ObeyaColumn) column = obeya_column_new (_(back_office[i].name),
                                                          back_office[i].role);
        g_list_store_append (self->columns, column);
      }
  else if (template_ == OBEYA_BOARD_TEMPLATE_PERSONAL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
        {
          g_autoptr(ObeyaColumn) column = obeya_column_new (_(personal[i].name),
                                                            personal[i].role);
          g_list_store_append (self->columns, column);
        }
      /* Personal kanban: limit the work in progress from the start. */
      g_object_set (column_at (self, 1), "wip-limit", 3, NULL);
    }

  return self;
}

/* ---- getters ------------------------------------------------------------- */

ObeyaWorkspace *
obeya_board_get_workspace (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);
  return obeya_entity_get_workspace (OBEYA_ENTITY (self));
}

const char *
obeya_board_get_name (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);
  return self->name;
}

ObeyaBoardKind
obeya_board_get_kind (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), OBEYA_BOARD_TEAM);
  return self->kind;
}

gboolean
obeya_board_get_archived (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), FALSE);
  return self->archived;
}

gboolean
obeya_board_get_sample (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), FALSE);
  return self->sample;
}

gboolean
obeya_board_get_blocked_counts_wip (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), FALSE);
  return self->blocked_counts_wip;
}

GListModel *
obeya_board_get_columns (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);
  return G_LIST_MODEL (self->columns);
}

GListModel *
obeya_board_get_lanes (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);
  return G_LIST_MODEL (self->lanes);
}

GListModel *
obeya_board_get_archived_cards (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);
  return G_LIST_MODEL (self->archive);
}

GListModel *
obeya_board_get_recurrences (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);
  return G_LIST_MODEL (self->recurrences);
}

GPtrArray *
obeya_board_get_cards (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);
  return self->cards;
}

guint
obeya_board_get_n_active_cards (ObeyaBoard *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), 0);
  return self->cards->len - g_list_model_get_n_items (G_LIST_MODEL (self->archive));
}

ObeyaCard *
obeya_board_find_card (ObeyaBoard *self,
                       const char *id)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);
  return id ? g_hash_table_lookup (self->card_index, id) : NULL;
}

static gpointer
find_in_store (GListStore *store,
               const char *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (id == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      ObeyaEntity *entity = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_object_unref (entity); /* the store keeps it alive */
      if (g_strcmp0 (obeya_entity_get_id (entity), id) == 0)
        return entity;
    }
  return NULL;
}

ObeyaColumn *
obeya_board_find_column (ObeyaBoard *self,
                         const char *id)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);
  return find_in_store (self->columns, id);
}

ObeyaLane *
obeya_board_find_lane (ObeyaBoard *self,
                       const char *id)
{
  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);
  return find_in_store (self->lanes, id);
}

ObeyaColumn *
obeya_board_lookup_column (ObeyaBoard *self,
                           const char *id)
{
  ObeyaColumn *column;

  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);

  column = obeya_board_find_column (self, id);
  if (column != NULL || id == NULL)
    return column;
  for (guint i = 0; i < self->retired->len; i++)
    if (g_strcmp0 (obeya_entity_get_id (self->retired->pdata[i]), id) == 0)
      return self->retired->pdata[i];
  return NULL;
}

ObeyaColumn *
_obeya_board_find_column (ObeyaBoard *self,
                          const char *id)
{
  return obeya_board_find_column (self, id);
}

ObeyaLane *
_obeya_board_find_lane (ObeyaBoard *self,
                        const char *id)
{
  return obeya_board_find_lane (self, id);
}

ObeyaColumn *
_obeya_board_lookup_column (ObeyaBoard *self,
                            const char *id)
{
  return obeya_board_lookup_column (self, id);
}

ObeyaColumn *
obeya_board_get_first_column_with_role (ObeyaBoard      *self,
                                        ObeyaColumnRole  role)
{
  guint n;

  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns), i);

      if (obeya_column_get_role (column) == role)
        return column;
    }
  return NULL;
}

void
_obeya_board_card_changed (ObeyaBoard *self,
                           ObeyaCard  *card)
{
  g_signal_emit (self, signals[CARD_CHANGED], 0, card);
}

/* ---- WIP ----------------------------------------------------------------- */

static guint
count_cell (ObeyaBoard *self,
            GListModel *cell)
{
  guint n = g_list_model_get_n_items (cell);
  guint count = 0;

  if (self->blocked_counts_wip)
    return n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaCard) card = g_list_model_get_item (cell, i);
      if (!obeya_card_get_blocked (card))
        count++;
    }
  return count;
}

static guint
n_lanes (ObeyaBoard *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->lanes));
}

static ObeyaLane *
lane_at (ObeyaBoard *self,
         guint       i)
{
  ObeyaLane *lane = g_list_model_get_item (G_LIST_MODEL (self->lanes), i);

  g_object_unref (lane); /* the store keeps it alive */
  return lane;
}

static ObeyaColumn *
column_at (ObeyaBoard *self,
           guint       i)
{
  ObeyaColumn *column = g_list_model_get_item (G_LIST_MODEL (self->columns), i);

  g_object_unref (column);
  return column;
}

guint
obeya_board_count_wip (ObeyaBoard  *self,
                       ObeyaColumn *column,
                       ObeyaLane   *lane)
{
  guint count = 0;

  g_return_val_if_fail (OBEYA_IS_BOARD (self), 0);
  g_return_val_if_fail (OBEYA_IS_COLUMN (column), 0);

  if (lane != NULL || n_lanes (self) == 0)
    return count_cell (self, obeya_column_get_cell (column, lane));

  for (guint i = 0; i < n_lanes (self); i++)
    count += count_cell (self, obeya_column_get_cell (column, lane_at (self, i)));
  return count;
}

guint
obeya_board_count_lane_wip (ObeyaBoard *self,
                            ObeyaLane  *lane)
{
  guint n, count = 0;

  g_return_val_if_fail (OBEYA_IS_BOARD (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));
  for (guint i = 0; i < n; i++)
    {
      ObeyaColumn *column = column_at (self, i);

      if (obeya_column_get_role (column) == OBEYA_COLUMN_ROLE_ACTIVE)
        count += count_cell (self, obeya_column_get_cell (column, lane));
    }
  return count;
}

gboolean
obeya_board_column_over_limit (ObeyaBoard  *self,
                               ObeyaColumn *column)
{
  guint limit;

  g_return_val_if_fail (OBEYA_IS_BOARD (self), FALSE);

  limit = obeya_column_get_wip_limit (column);
  return limit > 0 && obeya_board_count_wip (self, column, NULL) > limit;
}

gboolean
obeya_board_lane_over_limit (ObeyaBoard *self,
                             ObeyaLane  *lane)
{
  guint limit;

  g_return_val_if_fail (OBEYA_IS_BOARD (self), FALSE);

  limit = obeya_lane_get_wip_limit (lane);
  return limit > 0 && obeya_board_count_lane_wip (self, lane) > limit;
}

/* ---- history helpers ----------------------------------------------------- */

static ObeyaHistory *
board_history (ObeyaBoard *self)
{
  ObeyaHistory *history = obeya_entity_get_history (OBEYA_ENTITY (self));

  /* A detached board (not yet in a workspace) records into a throwaway
   * history: the changes still happen, they are just not undoable. */
  return history ? g_object_ref (history) : obeya_history_new ();
}

/* Registration of a card in the board's list and index. */
typedef struct
{
  ObeyaBoard *board;
  ObeyaCard  *card;
  guint       index;
} RegisterChange;

static void
register_change_free (gpointer data)
{
  RegisterChange *change = data;

  g_object_unref (change->board);
  g_object_unref (change->card);
  g_free (change);
}

static void
register_apply (gpointer data)
{
  RegisterChange *change = data;

  g_ptr_array_insert (change->board->cards, change->index, g_object_ref (change->card));
  g_hash_table_insert (change->board->card_index,
                       (gpointer) obeya_entity_get_id (OBEYA_ENTITY (change->card)), change->card);
  obeya_entity_set_parent (OBEYA_ENTITY (change->card), G_OBJECT (change->board));
}

static void
register_revert (gpointer data)
{
  RegisterChange *change = data;

  g_hash_table_remove (change->board->card_index,
                       obeya_entity_get_id (OBEYA_ENTITY (change->card)));
  g_ptr_array_remove_index (change->board->cards, change->index);
}

static void
record_register (ObeyaHistory *history,
                 ObeyaBoard   *self,
                 ObeyaCard    *card,
                 guint         index,
                 gboolean      unregister)
{
  RegisterChange *change = g_new0 (RegisterChange, 1);

  change->board = g_object_ref (self);
  change->card = g_object_ref (card);
  change->index = index;
  if (unregister)
    obeya_history_custom (history, register_revert, register_apply, change, register_change_free);
  else
    obeya_history_custom (history, register_apply, register_revert, change, register_change_free);
}

/* Renumbering a cell's ranks when no gap is left. */
typedef struct
{
  GListModel *cell;
  GArray     *old_ranks;
} RenumberChange;

static void
renumber_change_free (gpointer data)
{
  RenumberChange *change = data;

  g_object_unref (change->cell);
  g_array_unref (change->old_ranks);
  g_free (change);
}

static void
renumber_apply (gpointer data)
{
  RenumberChange *change = data;
  guint n = g_list_model_get_n_items (change->cell);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaCard) card = g_list_model_get_item (change->cell, i);
      _obeya_card_set_rank (card, (gint64) (i + 1) * RANK_STEP);
    }
}

static void
renumber_revert (gpointer data)
{
  RenumberChange *change = data;
  guint n = g_list_model_get_n_items (change->cell);

  for (guint i = 0; i < n && i < change->old_ranks->len; i++)
    {
      g_autoptr(ObeyaCard) card = g_list_model_get_item (change->cell, i);
      _obeya_card_set_rank (card, g_array_index (change->old_ranks, gint64, i));
    }
}

/* The rank for a card inserted at @position of @cell (which does not hold
 * the card), renumbering the cell first if it must. */
static gint64
rank_for_position (ObeyaHistory *history,
                   GListModel   *cell,
                   ObeyaCard    *moving,
                   guint         position)
{
  guint n = g_list_model_get_n_items (cell);
  g_autoptr(ObeyaCard) prev = NULL;
  g_autoptr(ObeyaCard) next = NULL;
  gint64 a, b;

  /* Skip the moving card if it is still in this cell. */
  {
    g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n; i++)
      {
        ObeyaCard *card = g_list_model_get_item (cell, i);
        if (card == moving)
          g_object_unref (card);
        else
          g_ptr_array_add (others, card);
      }
    if (position > 0 && position - 1 < others->len)
      prev = g_object_ref (others->pdata[position - 1]);
    if (position < others->len)
      next = g_object_ref (others->pdata[position]);
  }

  if (prev == NULL && next == NULL)
    return RANK_STEP;
  if (prev == NULL)
    return _obeya_card_get_rank (next) - RANK_STEP;
  if (next == NULL)
    return _obeya_card_get_rank (prev) + RANK_STEP;

  a = _obeya_card_get_rank (prev);
  b = _obeya_card_get_rank (next);
  if (b - a >= 2)
    return a + (b - a) / 2;

  /* No gap left: renumber the cell (undoably), then take the middle. */
  {
    RenumberChange *change = g_new0 (RenumberChange, 1);

    change->cell = g_object_ref (cell);
    change->old_ranks = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(ObeyaCard) card = g_list_model_get_item (cell, i);
        gint64 rank = _obeya_card_get_rank (card);
        g_array_append_val (change->old_ranks, rank);
      }
    obeya_history_custom (history, renumber_apply, renumber_revert, change, renumber_change_free);
  }
  a = _obeya_card_get_rank (prev);
  b = _obeya_card_get_rank (next);
  return a + (b - a) / 2;
}

/* Moving a card between (or within) cells. Positions are into the cells as
 * they are at the moment the change applies or reverts. */
typedef struct
{
  ObeyaCard     *card;
  ObeyaColumn   *from_column;
  ObeyaLane     *from_lane;
  guint          from_position;
  gint64         from_rank;
  ObeyaColumn   *to_column;
  ObeyaLane     *to_lane;
  guint          to_position;
  gint64         to_rank;
  gboolean       in_cells_before; /* FALSE: the card was not in a cell (new or archived) */
  gboolean       in_cells_after;
  gboolean       record_move;
  ObeyaTimestamp time;
} PlaceChange;

static void
place_change_free (gpointer data)
{
  PlaceChange *change = data;

  g_object_unref (change->card);
  g_free (change);
}

static void
place_apply (gpointer data)
{
  PlaceChange *change = data;

  if (change->in_cells_before)
    g_list_store_remove (G_LIST_STORE (obeya_column_get_cell (change->from_column,
                                                              change->from_lane)),
                         change->from_position);
  _obeya_card_set_place (change->card, change->to_column, change->to_lane);
  _obeya_card_set_rank (change->card, change->to_rank);
  if (change->record_move)
    _obeya_card_append_move (change->card, change->time,
                             obeya_entity_get_id (OBEYA_ENTITY (change->to_column)),
                             change->to_lane ? obeya_entity_get_id (OBEYA_ENTITY (change->to_lane))
                                             : NULL);
  if (change->in_cells_after)
    g_list_store_insert (G_LIST_STORE (obeya_column_get_cell (change->to_column, change->to_lane)),
                         change->to_position, change->card);
}

static void
place_revert (gpointer data)
{
  PlaceChange *change = data;

  if (change->in_cells_after)
    g_list_store_remove (G_LIST_STORE (obeya_column_get_cell (change->to_column, change->to_lane)),
                         change->to_position);
  if (change->record_move)
    _obeya_card_remove_last_move (change->card);
  _obeya_card_set_place (change->card, change->from_column, change->from_lane);
  _obeya_card_set_rank (change->card, change->from_rank);
  if (change->in_cells_before)
    g_list_store_insert (G_LIST_STORE (obeya_column_get_cell (change->from_column,
                                                              change->from_lane)),
                         change->from_position, change->card);
}

/* Places @card (in a cell, or not yet in any when !in_cells) at @position of
 * the cell (@column, @lane). */
static void
record_place (ObeyaHistory *history,
              ObeyaBoard   *self,
              ObeyaCard    *card,
              ObeyaColumn  *column,
              ObeyaLane    *lane,
              int           position,
              gboolean      in_cells_before,
              gboolean      in_cells_after,
              gboolean      record_move)
{
  PlaceChange *change = g_new0 (PlaceChange, 1);
  GListModel *target = obeya_column_get_cell (column, lane);
  guint n_target = g_list_model_get_n_items (target);
  guint current;

  change->card = g_object_ref (card);
  change->from_column = obeya_card_get_column (card);
  change->from_lane = obeya_card_get_lane (card);
  change->from_rank = _obeya_card_get_rank (card);
  change->in_cells_before = in_cells_before;
  change->in_cells_after = in_cells_after;
  change->to_column = column;
  change->to_lane = lane;
  change->time = obeya_timestamp_now ();

  if (in_cells_before)
    {
      GListModel *source = obeya_column_get_cell (change->from_column, change->from_lane);

      if (!_obeya_list_find_position (source, card, &current))
        g_return_if_reached ();
      change->from_position = current;
      if (source == target)
        n_target--;
    }

  if (position < 0 || (guint) position > n_target)
    position = n_target;
  change->to_position = position;

  if (in_cells_after)
    change->to_rank = rank_for_position (history, target, card, position);
  else
    change->to_rank = change->from_rank;

  change->record_move = record_move &&
                        (change->from_column != column || change->from_lane != lane);

  obeya_history_custom (history, place_apply, place_revert, change, place_change_free);
}

/* Archive state. */
typedef struct
{
  ObeyaBoard    *board;
  ObeyaCard     *card;
  ObeyaTimestamp old_value;
  ObeyaTimestamp new_value;
} ArchiveChange;

static void
archive_change_free (gpointer data)
{
  ArchiveChange *change = data;

  g_object_unref (change->board);
  g_object_unref (change->card);
  g_free (change);
}

static void
archive_apply (gpointer data)
{
  ArchiveChange *change = data;

  _obeya_card_set_archived_at (change->card, change->new_value);
}

static void
archive_revert (gpointer data)
{
  ArchiveChange *change = data;

  _obeya_card_set_archived_at (change->card, change->old_value);
}

static void
record_archived (ObeyaHistory   *history,
                 ObeyaBoard     *self,
                 ObeyaCard      *card,
                 ObeyaTimestamp  value)
{
  ArchiveChange *change = g_new0 (ArchiveChange, 1);

  change->board = g_object_ref (self);
  change->card = g_object_ref (card);
  change->old_value = obeya_card_get_archived_at (card);
  change->new_value = value;
  obeya_history_custom (history, archive_apply, archive_revert, change, archive_change_free);
}

/* ---- cards --------------------------------------------------------------- */

/* Where a card goes when no lane is given (recurring work, imports, actions):
 * the bottom lane, because special lanes (Expedite) sit on top by custom. */
static ObeyaLane *
default_lane (ObeyaBoard *self)
{
  return n_lanes (self) > 0 ? lane_at (self, n_lanes (self) - 1) : NULL;
}

void
obeya_board_insert_card (ObeyaBoard  *self,
                         ObeyaCard   *card,
                         ObeyaColumn *column,
                         ObeyaLane   *lane,
                         int          position)
{
  g_autoptr(ObeyaHistory) history = NULL;
  ObeyaLane *cell_lane;

  g_return_if_fail (OBEYA_IS_BOARD (self));
  g_return_if_fail (OBEYA_IS_CARD (card));
  g_return_if_fail (OBEYA_IS_COLUMN (column));
  g_return_if_fail (obeya_card_get_board (card) == NULL);
  g_return_if_fail (g_hash_table_lookup (self->card_index,
                                         obeya_entity_get_id (OBEYA_ENTITY (card))) == NULL);

  cell_lane = lane ? lane : default_lane (self);
  history = board_history (self);
  obeya_history_begin (history, _("Add card"));
  record_register (history, self, card, self->cards->len, FALSE);
  if (!OBEYA_TIMESTAMP_IS_SET (obeya_card_get_created (card)))
    _obeya_card_set_created (card, obeya_timestamp_now ());
  /* The creation is the first entry of the move history. */
  record_place (history, self, card, column, cell_lane, position, FALSE, TRUE, FALSE);
  {
    guint n;
    obeya_card_get_moves (card, &n);
    if (n == 0)
      _obeya_card_append_move (card, obeya_card_get_created (card),
                               obeya_entity_get_id (OBEYA_ENTITY (column)),
                               cell_lane ? obeya_entity_get_id (OBEYA_ENTITY (cell_lane)) : NULL);
  }
  obeya_history_end (history);
}

ObeyaCard *
obeya_board_add_card (ObeyaBoard  *self,
                      ObeyaColumn *column,
                      ObeyaLane   *lane,
                      int          position,
                      const char  *title)
{
  g_autoptr(ObeyaCard) card = NULL;

  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);

  card = obeya_card_new (title);
  obeya_board_insert_card (self, card, column, lane, position);
  return card;
}

void
obeya_board_move_card (ObeyaBoard  *self,
                       ObeyaCard   *card,
                       ObeyaColumn *column,
                       ObeyaLane   *lane,
                       int          position)
{
  g_autoptr(ObeyaHistory) history = NULL;

  g_return_if_fail (OBEYA_IS_BOARD (self));
  g_return_if_fail (OBEYA_IS_CARD (card));
  g_return_if_fail (obeya_card_get_board (card) == self);
  g_return_if_fail (OBEYA_IS_COLUMN (column));
  g_return_if_fail (!obeya_card_get_archived (card));

  if (lane == NULL)
    lane = default_lane (self);

  history = board_history (self);
  obeya_history_begin (history, _("Move card"));
  record_place (history, self, card, column, lane, position, TRUE, TRUE, TRUE);
  obeya_history_end (history);
}

void
obeya_board_archive_card (ObeyaBoard *self,
                          ObeyaCard  *card)
{
  g_autoptr(ObeyaHistory) history = NULL;

  g_return_if_fail (OBEYA_IS_BOARD (self));
  g_return_if_fail (obeya_card_get_board (card) == self);

  if (obeya_card_get_archived (card))
    return;

  history = board_history (self);
  obeya_history_begin (history, _("Archive card"));
  record_place (history, self, card, obeya_card_get_column (card), obeya_card_get_lane (card),
                -1, TRUE, FALSE, FALSE);
  record_archived (history, self, card, obeya_timestamp_now ());
  obeya_history_insert (history, self->archive, 0, card);
  obeya_history_end (history);
}

void
obeya_board_restore_card (ObeyaBoard *self,
                          ObeyaCard  *card)
{
  g_autoptr(ObeyaHistory) history = NULL;
  ObeyaColumn *column;
  ObeyaLane *lane;
  guint position;

  g_return_if_fail (OBEYA_IS_BOARD (self));
  g_return_if_fail (obeya_card_get_board (card) == self);

  if (!obeya_card_get_archived (card) ||
      !_obeya_list_find_position (G_LIST_MODEL (self->archive), card, &position))
    return;

  column = obeya_card_get_column (card);
  if (column == NULL || obeya_board_find_column (self, obeya_entity_get_id (OBEYA_ENTITY (column))) == NULL)
    column = g_list_model_get_n_items (G_LIST_MODEL (self->columns)) > 0 ? column_at (self, 0)
                                                                         : NULL;
  g_return_if_fail (column != NULL);
  lane = obeya_card_get_lane (card);
  if (lane == NULL || obeya_board_find_lane (self, obeya_entity_get_id (OBEYA_ENTITY (lane))) == NULL)
    lane = default_lane (self);

  history = board_history (self);
  obeya_history_begin (history, _("Restore card"));
  obeya_history_remove (history, self->archive, position);
  record_archived (history, self, card, OBEYA_TIMESTAMP_NONE);
  record_place (history, self, card, column, lane, -1, FALSE, TRUE, TRUE);
  obeya_history_end (history);
}

void
obeya_board_delete_card (ObeyaBoard *self,
                         ObeyaCard  *card)
{
  g_autoptr(ObeyaHistory) history = NULL;
  guint position, index;

  g_return_if_fail (OBEYA_IS_BOARD (self));
  g_return_if_fail (obeya_card_get_board (card) == self);

  if (!g_ptr_array_find (self->cards, card, &index))
    g_return_if_reached ();

  history = board_history (self);
  obeya_history_begin (history, _("Delete card"));
  if (obeya_card_get_archived (card))
    {
      if (_obeya_list_find_position (G_LIST_MODEL (self->archive), card, &position))
        obeya_history_remove (history, self->archive, position);
    }
  else
    {
      GListModel *cell = obeya_column_get_cell (obeya_card_get_column (card),
                                                obeya_card_get_lane (card));
      if (_obeya_list_find_position (cell, card, &position))
        obeya_history_remove (history, G_LIST_STORE (cell), position);
    }
  record_register (history, self, card, index, TRUE);
  obeya_history_end (history);
}

int
obeya_board_get_card_position (ObeyaBoard *self,
                               ObeyaCard  *card)
{
  guint position;
  GListModel *model;

  g_return_val_if_fail (OBEYA_IS_BOARD (self), -1);

  if (obeya_card_get_board (card) != self)
    return -1;
  if (obeya_card_get_archived (card))
    model = G_LIST_MODEL (self->archive);
  else
    model = obeya_column_get_cell (obeya_card_get_column (card), obeya_card_get_lane (card));
  return _obeya_list_find_position (model, card, &position) ? (int) position : -1;
}

/* ---- columns ------------------------------------------------------------- */

ObeyaColumn *
obeya_board_add_column (ObeyaBoard      *self,
                        const char      *name,
                        ObeyaColumnRole  role,
                        int              position)
{
  g_autoptr(ObeyaHistory) history = NULL;
  g_autoptr(ObeyaColumn) column = NULL;
  guint n;

  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));
  if (position < 0 || (guint) position > n)
    position = n;

  column = obeya_column_new (name, role);
  history = board_history (self);
  obeya_history_begin (history, _("Add column"));
  obeya_history_insert (history, self->columns, position, column);
  obeya_history_end (history);
  return column;
}

void
obeya_board_move_column (ObeyaBoard  *self,
                         ObeyaColumn *column,
                         guint        position)
{
  g_autoptr(ObeyaHistory) history = NULL;
  guint from;

  g_return_if_fail (OBEYA_IS_BOARD (self));

  if (!_obeya_list_find_position (G_LIST_MODEL (self->columns), column, &from))
    g_return_if_reached ();
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->columns)) - 1);

  history = board_history (self);
  obeya_history_begin (history, _("Move column"));
  obeya_history_move (history, self->columns, from, position);
  obeya_history_end (history);
}

typedef struct
{
  ObeyaBoard  *board;
  ObeyaColumn *column;
} RetireChange;

static void
retire_change_free (gpointer data)
{
  RetireChange *change = data;

  g_object_unref (change->board);
  g_object_unref (change->column);
  g_free (change);
}

static void
retire_apply (gpointer data)
{
  RetireChange *change = data;

  g_ptr_array_add (change->board->retired, g_object_ref (change->column));
}

static void
retire_revert (gpointer data)
{
  RetireChange *change = data;

  g_ptr_array_remove (change->board->retired, change->column);
}

/* Cards of @cell, copied (moving them changes the cell). */
static GPtrArray *
cell_cards (GListModel *cell)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (cell);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (cards, g_list_model_get_item (cell, i));
  return cards;
}

void
obeya_board_delete_column (ObeyaBoard  *self,
                           ObeyaColumn *column,
                           ObeyaColumn *move_cards_to)
{
  g_autoptr(ObeyaHistory) history = NULL;
  RetireChange *retire;
  guint position, lanes;

  g_return_if_fail (OBEYA_IS_BOARD (self));
  g_return_if_fail (move_cards_to != column);

  if (!_obeya_list_find_position (G_LIST_MODEL (self->columns), column, &position))
    g_return_if_reached ();

  history = board_history (self);
  obeya_history_begin (history, _("Delete column"));

  lanes = MAX (n_lanes (self), 1);
  for (guint l = 0; l < lanes; l++)
    {
      ObeyaLane *lane = n_lanes (self) > 0 ? lane_at (self, l) : NULL;
      g_autoptr(GPtrArray) cards = cell_cards (obeya_column_get_cell (column, lane));

      for (guint i = 0; i < cards->len; i++)
        {
          if (move_cards_to != NULL)
            record_place (history, self, cards->pdata[i], move_cards_to, lane, -1,
                          TRUE, TRUE, TRUE);
          else
            {
              record_place (history, self, cards->pdata[i], column, lane, -1, TRUE, FALSE, FALSE);
              record_archived (history, self, cards->pdata[i], obeya_timestamp_now ());
              obeya_history_insert (history, self->archive, 0, cards->pdata[i]);
            }
        }
    }

  obeya_history_remove (history, self->columns, position);
  retire = g_new0 (RetireChange, 1);
  retire->board = g_object_ref (self);
  retire->column = g_object_ref (column);
  obeya_history_custom (history, retire_apply, retire_revert, retire, retire_change_free);
  obeya_history_end (history);
}

/* ---- lanes --------------------------------------------------------------- */

/* Moves every card (active: recorded as a move; archived: just re-pointed)
 * from lane @from to lane @to. */
static void
move_lane_cards (ObeyaHistory *history,
                 ObeyaBoard   *self,
                 ObeyaLane    *from,
                 ObeyaLane    *to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  for (guint c = 0; c < n; c++)
    {
      ObeyaColumn *column = column_at (self, c);
      g_autoptr(GPtrArray) cards = cell_cards (obeya_column_get_cell (column, from));

      for (guint i = 0; i < cards->len; i++)
        record_place (history, self, cards->pdata[i], column, to, -1, TRUE, TRUE, TRUE);
    }

  for (guint i = 0; i < self->cards->len; i++)
    {
      ObeyaCard *card = self->cards->pdata[i];

      if (obeya_card_get_archived (card) && obeya_card_get_lane (card) == from)
        record_place (history, self, card, obeya_card_get_column (card), to, -1,
                      FALSE, FALSE, FALSE);
    }
}

ObeyaLane *
obeya_board_add_lane (ObeyaBoard *self,
                      const char *name,
                      int         position)
{
  g_autoptr(ObeyaHistory) history = NULL;
  g_autoptr(ObeyaLane) lane = NULL;
  guint n;

  g_return_val_if_fail (OBEYA_IS_BOARD (self), NULL);

  history = board_history (self);
  obeya_history_begin (history, _("Add swimlane"));

  if (n_lanes (self) == 0)
    {
      g_autoptr(ObeyaLane) standard = g_object_new (OBEYA_TYPE_LANE, "name", _("Standard"), NULL);

      obeya_history_insert (history, self->lanes, 0, standard);
      move_lane_cards (history, self, NULL, standard);
    }

  n = n_lanes (self);
  if (position < 0 || (guint) position > n)
    position = n;
  lane = g_object_new (OBEYA_TYPE_LANE, "name", name, NULL);
  obeya_history_insert (history, self->lanes, position, lane);
  obeya_history_end (history);
  return lane;
}

void
obeya_board_move_lane (ObeyaBoard *self,
                       ObeyaLane  *lane,
                       guint       position)
{
  g_autoptr(ObeyaHistory) history = NULL;
  guint from;

  g_return_if_fail (OBEYA_IS_BOARD (self));

  if (!_obeya_list_find_position (G_LIST_MODEL (self->lanes), lane, &from))
    g_return_if_reached ();
  position = MIN (position, n_lanes (self) - 1);

  history = board_history (self);
  obeya_history_begin (history, _("Move swimlane"));
  obeya_history_move (history, self->lanes, from, position);
  obeya_history_end (history);
}

void
obeya_board_delete_lane (ObeyaBoard *self,
                         ObeyaLane  *lane,
                         ObeyaLane  *move_cards_to)
{
  g_autoptr(ObeyaHistory) history = NULL;
  guint position;

  g_return_if_fail (OBEYA_IS_BOARD (self));
  g_return_if_fail (move_cards_to != lane);

  if (!_obeya_list_find_position (G_LIST_MODEL (self->lanes), lane, &position))
    g_return_if_reached ();

  if (move_cards_to == NULL && n_lanes (self) > 1)
    move_cards_to = lane_at (self, position == 0 ? 1 : 0);

  history = board_history (self);
  obeya_history_begin (history, _("Delete swimlane"));
  /* Remove the lane first when it is the last, so that cards moving to
   * "no lane" land in the board's lane-less cells. */
  move_lane_cards (history, self, lane, move_cards_to);
  obeya_history_remove (history, self->lanes, position);
  obeya_history_end (history);
}

/* ---- JSON ---------------------------------------------------------------- */

static const char * const board_members[] = {
  "id", "name", "kind", "archived", "sample", "blocked_counts_wip", "columns", "lanes",
  "retired_columns", "cards", "recurring", NULL
};

static const char * const column_members[] = {
  "id", "name", "role", "wip_limit", "collapsed", NULL
};

static const char * const lane_members[] = {
  "id", "name", "wip_limit", "collapsed", NULL
};

static void
write_column (ObeyaColumn     *column,
              ObeyaJsonWriter *writer,
              gboolean         retired)
{
  JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (column));

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (column)));
  obeya_json_writer_member_string (writer, "name", obeya_column_get_name (column));
  obeya_json_writer_member_string (writer, "role",
                                   obeya_enum_to_nick (OBEYA_TYPE_COLUMN_ROLE,
                                                       obeya_column_get_role (column)));
  if (!retired && obeya_column_get_wip_limit (column) > 0)
    obeya_json_writer_member_int (writer, "wip_limit", obeya_column_get_wip_limit (column));
  if (!retired && obeya_column_get_collapsed (column))
    obeya_json_writer_member_boolean (writer, "collapsed", TRUE);
  if (extra != NULL)
    obeya_json_writer_members_of (writer, extra);
  obeya_json_writer_end_object (writer);
}

void
_obeya_board_write (ObeyaBoard      *self,
                    ObeyaJsonWriter *writer)
{
  JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (self));
  guint n;

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (self)));
  obeya_json_writer_member_string (writer, "name", self->name ? self->name : "");
  obeya_json_writer_member_string (writer, "kind",
                                   obeya_enum_to_nick (OBEYA_TYPE_BOARD_KIND, self->kind));
  if (self->archived)
    obeya_json_writer_member_boolean (writer, "archived", TRUE);
  if (self->sample)
    obeya_json_writer_member_boolean (writer, "sample", TRUE);
  if (self->blocked_counts_wip)
    obeya_json_writer_member_boolean (writer, "blocked_counts_wip", TRUE);

  obeya_json_writer_member (writer, "columns");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));
  for (guint i = 0; i < n; i++)
    write_column (column_at (self, i), writer, FALSE);
  obeya_json_writer_end_array (writer);

  n = n_lanes (self);
  if (n > 0)
    {
      obeya_json_writer_member (writer, "lanes");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < n; i++)
        {
          ObeyaLane *lane = lane_at (self, i);
          JsonObject *lane_extra = obeya_entity_get_extra (OBEYA_ENTITY (lane));

          obeya_json_writer_begin_object (writer);
          obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (lane)));
          obeya_json_writer_member_string (writer, "name", obeya_lane_get_name (lane));
          if (obeya_lane_get_wip_limit (lane) > 0)
            obeya_json_writer_member_int (writer, "wip_limit", obeya_lane_get_wip_limit (lane));
          if (obeya_lane_get_collapsed (lane))
            obeya_json_writer_member_boolean (writer, "collapsed", TRUE);
          if (lane_extra != NULL)
            obeya_json_writer_members_of (writer, lane_extra);
          obeya_json_writer_end_object (writer);
        }
      obeya_json_writer_end_array (writer);
    }

  if (self->retired->len > 0)
    {
      obeya_json_writer_member (writer, "retired_columns");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < self->retired->len; i++)
        write_column (self->retired->pdata[i], writer, TRUE);
      obeya_json_writer_end_array (writer);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->recurrences));
  if (n > 0)
    {
      obeya_json_writer_member (writer, "recurring");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObeyaRecurrence) recurrence =
            g_list_model_get_item (G_LIST_MODEL (self->recurrences), i);
          _obeya_recurrence_write (recurrence, writer);
        }
      obeya_json_writer_end_array (writer);
    }

  obeya_json_writer_member (writer, "cards");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < self->cards->len; i++)
    _obeya_card_write (self->cards->pdata[i], writer);
  obeya_json_writer_end_array (writer);

  if (extra != NULL)
    obeya_json_writer_members_of (writer, extra);
  obeya_json_writer_end_object (writer);
}

static ObeyaColumn *
read_column (ObeyaLoadContext *ctx,
             JsonObject       *object)
{
  ObeyaJsonReader *r = ctx->reader;
  const char *id = _obeya_load_context_read_id (ctx, object);
  const char *role_nick;
  int role = OBEYA_COLUMN_ROLE_ACTIVE;
  ObeyaColumn *column;

  if (id == NULL)
    return NULL;

  role_nick = obeya_json_reader_get_string (r, object, "role", TRUE);
  if (role_nick != NULL && !obeya_enum_from_nick (OBEYA_TYPE_COLUMN_ROLE, role_nick, &role))
    obeya_json_reader_fail (r, "role",
                            _("unknown flow role “%s” (expected backlog, active or done)"),
                            role_nick);
  column = g_object_new (OBEYA_TYPE_COLUMN,
                         "id", id,
                         "name", obeya_json_reader_get_string (r, object, "name", TRUE),
                         "role", role,
                         "wip-limit", (guint) obeya_json_reader_get_int (r, object, "wip_limit",
                                                                         FALSE, 0, 9999, 0),
                         "collapsed", obeya_json_reader_get_boolean (r, object, "collapsed",
                                                                     FALSE),
                         NULL);
  obeya_entity_take_extra (OBEYA_ENTITY (column), obeya_json_collect_unknown (object, column_members));
  return column;
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  gint64 ra = _obeya_card_get_rank (*(ObeyaCard **) a);
  gint64 rb = _obeya_card_get_rank (*(ObeyaCard **) b);

  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

static int
compare_archived (gconstpointer a,
                  gconstpointer b)
{
  gint64 ta = obeya_card_get_archived_at (*(ObeyaCard **) a).seconds;
  gint64 tb = obeya_card_get_archived_at (*(ObeyaCard **) b).seconds;

  /* Newest first. */
  return ta > tb ? -1 : ta < tb ? 1 : 0;
}

ObeyaBoard *
_obeya_board_read (ObeyaLoadContext *ctx,
                   JsonObject       *object)
{
  ObeyaJsonReader *r = ctx->reader;
  g_autoptr(ObeyaBoard) self = NULL;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GHashTable) columns_by_id = NULL;
  g_autoptr(GHashTable) retired_by_id = NULL;
  g_autoptr(GHashTable) lanes_by_id = NULL;
  g_autoptr(GPtrArray) archived = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *id, *kind;
  JsonArray *array;
  guint n;

  id = _obeya_load_context_read_id (ctx, object);
  if (id == NULL)
    return NULL;

  self = g_object_new (OBEYA_TYPE_BOARD, "id", id, NULL);
  obeya_entity_set_parent (OBEYA_ENTITY (self), G_OBJECT (ctx->workspace));
  self->name = g_strdup (obeya_json_reader_get_string (r, object, "name", TRUE));
  kind = obeya_json_reader_get_string (r, object, "kind", FALSE);
  if (kind != NULL && !obeya_enum_from_nick (OBEYA_TYPE_BOARD_KIND, kind, (int *) &self->kind))
    obeya_json_reader_fail (r, "kind", _("unknown board kind “%s” (expected team or personal)"),
                            kind);
  self->archived = obeya_json_reader_get_boolean (r, object, "archived", FALSE);
  self->sample = obeya_json_reader_get_boolean (r, object, "sample", FALSE);
  self->blocked_counts_wip = obeya_json_reader_get_boolean (r, object, "blocked_counts_wip", FALSE);

  array = obeya_json_reader_get_array (r, object, "columns", TRUE);
  n = array ? json_array_get_length (array) : 0;
  obeya_json_reader_push_member (r, "columns");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonObject *entry = obeya_json_reader_array_object (r, array, i);
      g_autoptr(ObeyaColumn) column = NULL;

      if (entry == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      column = read_column (ctx, entry);
      obeya_json_reader_pop (r);
      if (column != NULL)
        g_list_store_append (self->columns, column);
    }
  obeya_json_reader_pop (r);

  array = obeya_json_reader_get_array (r, object, "retired_columns", FALSE);
  n = array ? json_array_get_length (array) : 0;
  obeya_json_reader_push_member (r, "retired_columns");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonObject *entry = obeya_json_reader_array_object (r, array, i);
      ObeyaColumn *column;

      if (entry == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      column = read_column (ctx, entry);
      obeya_json_reader_pop (r);
      if (column != NULL)
        {
          obeya_entity_set_parent (OBEYA_ENTITY (column), G_OBJECT (self));
          g_ptr_array_add (self->retired, column);
        }
    }
  obeya_json_reader_pop (r);

  array = obeya_json_reader_get_array (r, object, "lanes", FALSE);
  n = array ? json_array_get_length (array) : 0;
  obeya_json_reader_push_member (r, "lanes");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonObject *entry = obeya_json_reader_array_object (r, array, i);
      g_autoptr(ObeyaLane) lane = NULL;
      const char *lane_id;

      if (entry == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      lane_id = _obeya_load_context_read_id (ctx, entry);
      if (lane_id != NULL)
        {
          lane = g_object_new (OBEYA_TYPE_LANE,
                               "id", lane_id,
                               "name", obeya_json_reader_get_string (r, entry, "name", TRUE),
                               "wip-limit", (guint) obeya_json_reader_get_int (r, entry,
                                                                               "wip_limit", FALSE,
                                                                               0, 9999, 0),
                               "collapsed", obeya_json_reader_get_boolean (r, entry, "collapsed",
                                                                           FALSE),
                               NULL);
          obeya_entity_take_extra (OBEYA_ENTITY (lane),
                                   obeya_json_collect_unknown (entry, lane_members));
          g_list_store_append (self->lanes, lane);
        }
      obeya_json_reader_pop (r);
    }
  obeya_json_reader_pop (r);

  array = obeya_json_reader_get_array (r, object, "recurring", FALSE);
  n = array ? json_array_get_length (array) : 0;
  obeya_json_reader_push_member (r, "recurring");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonObject *entry = obeya_json_reader_array_object (r, array, i);
      g_autoptr(ObeyaRecurrence) recurrence = NULL;

      if (entry == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      recurrence = _obeya_recurrence_read (ctx, entry, self);
      obeya_json_reader_pop (r);
      if (recurrence != NULL)
        g_list_store_append (self->recurrences, recurrence);
    }
  obeya_json_reader_pop (r);

  /* Cards: collect per cell, then sort each cell by rank in one go. */
  columns_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  retired_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  lanes_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->columns)); i++)
    {
      ObeyaColumn *column = column_at (self, i);
      g_hash_table_insert (columns_by_id, (gpointer) obeya_entity_get_id (OBEYA_ENTITY (column)),
                           column);
    }
  for (guint i = 0; i < self->retired->len; i++)
    g_hash_table_insert (retired_by_id,
                         (gpointer) obeya_entity_get_id (self->retired->pdata[i]),
                         self->retired->pdata[i]);
  for (guint i = 0; i < n_lanes (self); i++)
    {
      ObeyaLane *lane = lane_at (self, i);
      g_hash_table_insert (lanes_by_id, (gpointer) obeya_entity_get_id (OBEYA_ENTITY (lane)), lane);
    }
  ctx->columns = columns_by_id;
  ctx->retired_columns = retired_by_id;
  ctx->lanes = lanes_by_id;
  cells = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  archived = g_ptr_array_new ();
  array = obeya_json_reader_get_array (r, object, "cards", FALSE);
  n = array ? json_array_get_length (array) : 0;
  g_ptr_array_set_size (self->cards, 0);
  obeya_json_reader_push_member (r, "cards");
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonObject *entry = obeya_json_reader_array_object (r, array, i);
      ObeyaCard *card;

      if (entry == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      card = _obeya_card_read (ctx, entry, self);
      obeya_json_reader_pop (r);
      if (card == NULL)
        break;


      g_ptr_array_add (self->cards, card);
      g_hash_table_insert (self->card_index, (gpointer) obeya_entity_get_id (OBEYA_ENTITY (card)),
                           card);
      if (obeya_card_get_archived (card))
        g_ptr_array_add (archived, card);
      else
        {
          GListModel *cell = obeya_column_get_cell (obeya_card_get_column (card),
                                                    obeya_card_get_lane (card));
          GPtrArray *list = g_hash_table_lookup (cells, cell);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (cells, cell, list);
            }
          g_ptr_array_add (list, card);
        }
    }
  obeya_json_reader_pop (r);
  ctx->columns = ctx->retired_columns = ctx->lanes = NULL;

  if (obeya_json_reader_failed (r))
    return NULL;

  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;

      /* g_ptr_array_sort is stable: equal ranks keep the file order. */
      g_ptr_array_sort (list, compare_rank);
      g_list_store_splice (G_LIST_STORE (key), 0, 0, list->pdata, list->len);
    }
  g_ptr_array_sort (archived, compare_archived);
  g_list_store_splice (self->archive, 0, 0, archived->pdata, archived->len);

  obeya_entity_take_extra (OBEYA_ENTITY (self), obeya_json_collect_unknown (object, board_members));
  return g_steal_pointer (&self);
}

/* ---- recurring standard work --------------------------------------------- */

void
obeya_board_add_recurrence (ObeyaBoard      *self,
                            ObeyaRecurrence *recurrence)
{
  g_autoptr(ObeyaHistory) history = NULL;

  g_return_if_fail (OBEYA_IS_BOARD (self));
  g_return_if_fail (OBEYA_IS_RECURRENCE (recurrence));

  history = board_history (self);
  obeya_history_begin (history, _("Add recurring card"));
  obeya_history_insert (history, self->recurrences,
                        g_list_model_get_n_items (G_LIST_MODEL (self->recurrences)), recurrence);
  obeya_history_end (history);
}

void
obeya_board_remove_recurrence (ObeyaBoard      *self,
                               ObeyaRecurrence *recurrence)
{
  g_autoptr(ObeyaHistory) history = NULL;
  guint position;

  g_return_if_fail (OBEYA_IS_BOARD (self));

  if (!_obeya_list_find_position (G_LIST_MODEL (self->recurrences), recurrence, &position))
    g_return_if_reached ();

  history = board_history (self);
  obeya_history_begin (history, _("Remove recurring card"));
  obeya_history_remove (history, self->recurrences, position);
  obeya_history_end (history);
}

guint
obeya_board_run_recurrences (ObeyaBoard *self,
                             ObeyaDay    today)
{
  g_autoptr(ObeyaHistory) history = NULL;
  guint n, created = 0;

  g_return_val_if_fail (OBEYA_IS_BOARD (self), 0);

  if (self->archived || g_list_model_get_n_items (G_LIST_MODEL (self->columns)) == 0)
    return 0;

  history = board_history (self);
  obeya_history_begin (history, _("Create recurring cards"));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->recurrences));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaRecurrence) recurrence =
        g_list_model_get_item (G_LIST_MODEL (self->recurrences), i);
      ObeyaDay occurrence = obeya_recurrence_get_due_occurrence (recurrence, today);
      g_autoptr(ObeyaCard) card = NULL;
      ObeyaColumn *column;

      if (occurrence == OBEYA_DAY_NONE)
        continue;

      column = obeya_board_find_column (self, obeya_recurrence_get_column (recurrence));
      if (column == NULL)
        column = column_at (self, 0);
      card = _obeya_recurrence_build_card (recurrence, occurrence);
      obeya_board_insert_card (self, card, column, NULL, -1);
      _obeya_recurrence_record_created (recurrence, history, occurrence);
      created++;
    }
  obeya_history_end (history);
  return created;
}
