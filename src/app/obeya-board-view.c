/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-board-view.h"
#include "obeya-card.h"
#include "obeya-card-widget.h"
#include "obeya-column.h"
#include "obeya-column-view.h"
#include "obeya-dialog-util.h"
#include "obeya-history.h"
#include "obeya-lane.h"

struct _ObeyaBoardView
{
  GtkWidget   parent_instance;

  ObeyaBoard *board;
  GtkFilter  *filter;

  GtkWidget  *stack;
  GtkWidget  *scrolled;
  GtkWidget  *columns_box;
  GtkWidget  *empty_page;

  guint       counts_idle;
  guint       refilter_idle;
};

G_DEFINE_FINAL_TYPE (ObeyaBoardView, obeya_board_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BOARD,
  PROP_FILTER,
  N_PROPS
};

enum {
  CARD_ACTIVATED,
  CARD_REMOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_columns (ObeyaBoardView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->columns_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->columns_box), child);
}

static void
rebuild_columns (ObeyaBoardView *self)
{
  GListModel *columns;
  guint n;

  clear_columns (self);
  if (self->board == NULL)
    return;

  columns = obeya_board_get_columns (self->board);
  n = g_list_model_get_n_items (columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaColumn) column = g_list_model_get_item (columns, i);

      gtk_box_append (GTK_BOX (self->columns_box),
                      obeya_column_view_new (self->board, column, self->filter));
    }
  gtk_stack_set_visible_child (GTK_STACK (self->stack), n > 0 ? self->scrolled : self->empty_page);
}

static ObeyaColumnView *
find_column_view (ObeyaBoardView *self,
                  ObeyaColumn    *column)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (obeya_column_view_get_column (OBEYA_COLUMN_VIEW (child)) == column)
      return OBEYA_COLUMN_VIEW (child);
  return NULL;
}

static gboolean
update_counts_idle_cb (gpointer user_data)
{
  ObeyaBoardView *self = user_data;

  self->counts_idle = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    obeya_column_view_update_counts (OBEYA_COLUMN_VIEW (child));
  return G_SOURCE_REMOVE;
}

static void
schedule_update_counts (ObeyaBoardView *self)
{
  if (self->counts_idle == 0)
    self->counts_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, update_counts_idle_cb, self,
                                         NULL);
}

static gboolean
refilter_idle_cb (gpointer user_data)
{
  ObeyaBoardView *self = user_data;

  self->refilter_idle = 0;
  if (self->filter != NULL)
    gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  return G_SOURCE_REMOVE;
}

static void
card_changed_cb (ObeyaBoard     *board,
                 ObeyaCard      *card,
                 ObeyaBoardView *self)
{
  schedule_update_counts (self);
  /* A changed card may now match the filter, or no longer (nothing to do
   * when the filter lets everything through). */
  if (self->filter != NULL && self->refilter_idle == 0 &&
      gtk_filter_get_strictness (self->filter) != GTK_FILTER_MATCH_ALL)
    self->refilter_idle = g_idle_add (refilter_idle_cb, self);
}

static void
columns_changed_cb (GListModel     *columns,
                    guint           position,
                    guint           removed,
                    guint           added,
                    ObeyaBoardView *self)
{
  rebuild_columns (self);
}

static void
board_notify_cb (ObeyaBoard     *board,
                 GParamSpec     *pspec,
                 ObeyaBoardView *self)
{
  if (g_strcmp0 (pspec->name, "blocked-counts-wip") == 0)
    schedule_update_counts (self);
}

/* ---- focus and keyboard ---------------------------------------------------- */

ObeyaCard *
obeya_board_view_get_focused_card (ObeyaBoardView *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (OBEYA_IS_BOARD_VIEW (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;

  /* The list row has the focus; the card widget is its child. */
  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (OBEYA_IS_CARD_WIDGET (w))
      return obeya_card_widget_get_card (OBEYA_CARD_WIDGET (w));
  for (GtkWidget *w = gtk_widget_get_first_child (focus); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (OBEYA_IS_CARD_WIDGET (w))
      return obeya_card_widget_get_card (OBEYA_CARD_WIDGET (w));
  return NULL;
}

static ObeyaColumnView *
focused_column_view (ObeyaBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (OBEYA_IS_COLUMN_VIEW (w))
      return OBEYA_COLUMN_VIEW (w);
  return NULL;
}

/* Scrolls the board sideways so that all of @column shows (a card moved by
 * keyboard into a column off screen stays in sight). */
static void
scroll_to_column (ObeyaBoardView *self,
                  GtkWidget      *column)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scrolled));
  double value = gtk_adjustment_get_value (h);
  double page = gtk_adjustment_get_page_size (h);
  const double margin = 12;
  graphene_rect_t bounds;

  if (viewport == NULL || !gtk_widget_compute_bounds (column, viewport, &bounds))
    return;
  /* @bounds are in the visible area's coordinates. */
  if (bounds.origin.x + bounds.size.width + margin > page)
    value += bounds.origin.x + bounds.size.width + margin - page;
  if (bounds.origin.x - margin < 0 || bounds.size.width + 2 * margin > page)
    value = gtk_adjustment_get_value (h) + bounds.origin.x - margin;
  gtk_adjustment_set_value (h, value);
}

gboolean
obeya_board_view_focus_card (ObeyaBoardView *self,
                             ObeyaCard      *card)
{
  ObeyaColumnView *view;

  g_return_val_if_fail (OBEYA_IS_BOARD_VIEW (self), FALSE);

  if (card == NULL || obeya_card_get_archived (card))
    return FALSE;
  view = find_column_view (self, obeya_card_get_column (card));
  if (view == NULL || !obeya_column_view_focus_card (view, card))
    return FALSE;
  scroll_to_column (self, GTK_WIDGET (view));
  return TRUE;
}

static ObeyaCard *
find_card_by_id (ObeyaBoardView *self,
                 GVariant       *parameter)
{
  return self->board ? obeya_board_find_card (self->board, g_variant_get_string (parameter, NULL))
                     : NULL;
}

static void
open_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObeyaBoardView *self = OBEYA_BOARD_VIEW (widget);
  ObeyaCard *card = find_card_by_id (self, parameter);

  if (card != NULL)
    g_signal_emit (self, signals[CARD_ACTIVATED], 0, card);
}

static void
update_counts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  schedule_update_counts (OBEYA_BOARD_VIEW (widget));
}

/* Neighbour of @card's visible position in its filtered cell. */
static void
move_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObeyaBoardView *self = OBEYA_BOARD_VIEW (widget);
  ObeyaCard *card = obeya_board_view_get_focused_card (self);
  const char *direction = g_variant_get_string (parameter, NULL);
  GListModel *columns, *lanes;
  ObeyaColumn *column;
  ObeyaLane *lane;
  guint column_index, lane_index, n_columns, n_lanes;
  int position;
  g_autoptr(ObeyaCard) keep = NULL;

  if (card == NULL || self->board == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  keep = g_object_ref (card);

  columns = obeya_board_get_columns (self->board);
  lanes = obeya_board_get_lanes (self->board);
  column = obeya_card_get_column (card);
  lane = obeya_card_get_lane (card);
  column_index = obeya_model_find (columns, column);
  lane_index = lane ? obeya_model_find (lanes, lane) : 0;
  n_columns = g_list_model_get_n_items (columns);
  n_lanes = g_list_model_get_n_items (lanes);
  position = obeya_board_get_card_position (self->board, card);

  if (g_str_equal (direction, "left") || g_str_equal (direction, "right"))
    {
      guint target = column_index;
      ObeyaColumn *target_column = NULL;

      /* Skip collapsed columns. */
      do
        {
          g_autoptr(ObeyaColumn) candidate = NULL;

          if (g_str_equal (direction, "left"))
            {
              if (target == 0)
                {
                  gtk_widget_error_bell (widget);
                  return;
                }
              target--;
            }
          else if (++target >= n_columns)
            {
              gtk_widget_error_bell (widget);
              return;
            }
          candidate = g_list_model_get_item (columns, target);
          target_column = candidate; /* the board keeps it */
        }
      while (obeya_column_get_collapsed (target_column));
      column = target_column;
      /* Same height in the new column, as far as it goes. */
      obeya_board_move_card (self->board, card, column, lane, position);
    }
  else if (g_str_equal (direction, "up") || g_str_equal (direction, "down"))
    {
      guint n = g_list_model_get_n_items (obeya_column_get_cell (column, lane));

      if (g_str_equal (direction, "up") ? position <= 0 : (guint) position + 1 >= n)
        {
          gtk_widget_error_bell (widget);
          return;
        }
      obeya_board_move_card (self->board, card, column, lane,
                             g_str_equal (direction, "up") ? position - 1 : position + 1);
    }
  else if (g_str_equal (direction, "lane-up") || g_str_equal (direction, "lane-down"))
    {
      g_autoptr(ObeyaLane) target = NULL;

      if (n_lanes < 2 ||
          (g_str_equal (direction, "lane-up") ? lane_index == 0 : lane_index + 1 >= n_lanes))
        {
          gtk_widget_error_bell (widget);
          return;
        }
      target = g_list_model_get_item (lanes, g_str_equal (direction, "lane-up") ? lane_index - 1
                                                                                : lane_index + 1);
      obeya_board_move_card (self->board, card, column, target, -1);
    }

  obeya_board_view_focus_card (self, card);
}

static void
toggle_blocked_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ObeyaBoardView *self = OBEYA_BOARD_VIEW (widget);
  ObeyaCard *card = obeya_board_view_get_focused_card (self);

  if (card == NULL)
    return;
  if (obeya_card_get_blocked (card))
    obeya_card_unblock (card);
  else
    /* The reason can be added in the card editor. */
    obeya_card_block (card, NULL);
}

static void
remove_card (ObeyaBoardView *self,
             ObeyaCard      *card,
             gboolean        delete)
{
  g_autoptr(ObeyaCard) keep = NULL;
  GListModel *cell;
  int position;
  guint n;

  if (card == NULL)
    return;
  keep = g_object_ref (card);
  cell = obeya_column_get_cell (obeya_card_get_column (card), obeya_card_get_lane (card));
  position = obeya_board_get_card_position (self->board, card);

  if (delete)
    obeya_board_delete_card (self->board, card);
  else
    obeya_board_archive_card (self->board, card);
  g_signal_emit (self, signals[CARD_REMOVED], 0, card, delete);

  /* Keep the keyboard in the column: focus the card that took its place. */
  n = g_list_model_get_n_items (cell);
  if (n > 0)
    {
      g_autoptr(ObeyaCard) next = g_list_model_get_item (cell, MIN ((guint) position, n - 1));
      obeya_board_view_focus_card (self, next);
    }
}

static void
archive_card_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaBoardView *self = OBEYA_BOARD_VIEW (widget);

  remove_card (self, obeya_board_view_get_focused_card (self), FALSE);
}

static void
archive_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ObeyaBoardView   *self)
{
  ObeyaCard *card = g_object_get_data (G_OBJECT (dialog), "obeya-card");

  if (card != NULL && self->board != NULL && obeya_card_get_board (card) == self->board &&
      !obeya_card_get_archived (card))
    {
      remove_card (self, card, FALSE);
    }
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ObeyaBoardView   *self)
{
  ObeyaCard *card = g_object_get_data (G_OBJECT (dialog), "obeya-card");

  if (g_strcmp0 (response, "delete") == 0 && card != NULL && self->board != NULL &&
      obeya_card_get_board (card) == self->board)
    {
      remove_card (self, card, TRUE);
    }
}

/* A real delete asks first (archiving is the everyday way out); it can be
 * undone either way. */
static void
delete_card_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObeyaBoardView *self = OBEYA_BOARD_VIEW (widget);
  ObeyaCard *card = obeya_board_view_get_focused_card (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (card == NULL)
    return;
  heading = g_strdup_printf (_("Delete “%s”?"), obeya_card_get_title (card));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("The card and its history are removed from the board. "
                                     "To keep them out of the way instead, archive the card."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "archive", _("_Archive"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "obeya-card", g_object_ref (card), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  g_signal_connect_object (dialog, "response::archive", G_CALLBACK (archive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_card_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ObeyaBoardView *self = OBEYA_BOARD_VIEW (widget);
  ObeyaColumnView *view = focused_column_view (self);
  ObeyaCard *card = obeya_board_view_get_focused_card (self);

  if (view == NULL)
    {
      GtkWidget *first = gtk_widget_get_first_child (self->columns_box);
      if (first == NULL)
        return;
      view = OBEYA_COLUMN_VIEW (first);
    }
  obeya_column_view_start_quick_add (view, card ? obeya_card_get_lane (card) : NULL);
}

static void
add_column_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObeyaBoardView *self = OBEYA_BOARD_VIEW (widget);

  if (self->board != NULL)
    obeya_board_add_column (self->board, _("New column"), OBEYA_COLUMN_ROLE_ACTIVE, -1);
}

/* ---- GObject --------------------------------------------------------------- */

static void
obeya_board_view_dispose (GObject *object)
{
  ObeyaBoardView *self = OBEYA_BOARD_VIEW (object);

  obeya_board_view_set_board (self, NULL);
  g_clear_handle_id (&self->counts_idle, g_source_remove);
  g_clear_handle_id (&self->refilter_idle, g_source_remove);
  g_clear_object (&self->filter);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_BOARD_VIEW);

  G_OBJECT_CLASS (obeya_board_view_parent_class)->dispose (object);
}

static void
obeya_board_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ObeyaBoardView *self = OBEYA_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_board_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ObeyaBoardView *self = OBEYA_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      obeya_board_view_set_board (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      obeya_board_view_set_filter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_board_view_class_init (ObeyaBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_board_view_dispose;
  object_class->get_property = obeya_board_view_get_property;
  object_class->set_property = obeya_board_view_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL, OBEYA_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, GTK_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ObeyaBoardView::card-activated:
   * @card: the card
   *
   * A card was clicked or Enter was pressed on it: open it.
   */
  signals[CARD_ACTIVATED] =
    g_signal_new ("card-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, OBEYA_TYPE_CARD);
  /**
   * ObeyaBoardView::card-removed:
   * @card: the card
   * @deleted: %TRUE if deleted, %FALSE if archived
   *
   * A card was archived or deleted from the keyboard (the window offers undo).
   */
  signals[CARD_REMOVED] =
    g_signal_new ("card-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, OBEYA_TYPE_CARD, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/obeya/Obeya/obeya-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardView, stack);
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, ObeyaBoardView, empty_page);

  gtk_widget_class_install_action (widget_class, "board.open-card", "s", open_card_action);
  gtk_widget_class_install_action (widget_class, "board.update-counts", NULL, update_counts_action);
  gtk_widget_class_install_action (widget_class, "board.move-card", "s", move_card_action);
  gtk_widget_class_install_action (widget_class, "board.toggle-blocked", NULL, toggle_blocked_action);
  gtk_widget_class_install_action (widget_class, "board.archive-card", NULL, archive_card_action);
  gtk_widget_class_install_action (widget_class, "board.delete-card", NULL, delete_card_action);
  gtk_widget_class_install_action (widget_class, "board.add-card", NULL, add_card_action);
  gtk_widget_class_install_action (widget_class, "board.add-column", NULL, add_column_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, 0, "board.toggle-blocked", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "board.archive-card", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "board.delete-card", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "board.add-card", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeyaboard");
}

/* Card moves run before the lists see the keys (GtkListView binds
 * Ctrl+arrows to moving its cursor), but only when a card has the focus:
 * otherwise the keys go on to entries (Ctrl+Left jumps a word). */
static gboolean
move_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  ObeyaBoardView *self = OBEYA_BOARD_VIEW (widget);

  if (obeya_board_view_get_focused_card (self) == NULL)
    return FALSE;
  gtk_widget_activate_action_variant (widget, "board.move-card", args);
  return TRUE;
}

static void
add_move_shortcut (GtkShortcutController *controller,
                   guint                  keyval,
                   GdkModifierType        modifiers,
                   const char            *direction)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (move_shortcut_cb, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_string (direction));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
obeya_board_view_init (ObeyaBoardView *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Left, GDK_CONTROL_MASK, "left");
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Right, GDK_CONTROL_MASK, "right");
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Up, GDK_CONTROL_MASK, "up");
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Down, GDK_CONTROL_MASK, "down");
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Up, GDK_ALT_MASK, "lane-up");
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Down, GDK_ALT_MASK, "lane-down");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
obeya_board_view_new (void)
{
  return g_object_new (OBEYA_TYPE_BOARD_VIEW, NULL);
}

ObeyaBoard *
obeya_board_view_get_board (ObeyaBoardView *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD_VIEW (self), NULL);
  return self->board;
}

void
obeya_board_view_set_board (ObeyaBoardView *self,
                            ObeyaBoard     *board)
{
  g_return_if_fail (OBEYA_IS_BOARD_VIEW (self));

  if (self->board == board)
    return;

  if (self->board != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->board, self);
      g_signal_handlers_disconnect_by_data (obeya_board_get_columns (self->board), self);
      clear_columns (self);
      g_clear_object (&self->board);
    }
  if (board != NULL)
    {
      self->board = g_object_ref (board);
      g_signal_connect (board, "card-changed", G_CALLBACK (card_changed_cb), self);
      g_signal_connect (board, "notify", G_CALLBACK (board_notify_cb), self);
      g_signal_connect (obeya_board_get_columns (board), "items-changed",
                        G_CALLBACK (columns_changed_cb), self);
      rebuild_columns (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

GtkFilter *
obeya_board_view_get_filter (ObeyaBoardView *self)
{
  g_return_val_if_fail (OBEYA_IS_BOARD_VIEW (self), NULL);
  return self->filter;
}

void
obeya_board_view_set_filter (ObeyaBoardView *self,
                             GtkFilter      *filter)
{
  g_return_if_fail (OBEYA_IS_BOARD_VIEW (self));

  if (g_set_object (&self->filter, filter))
    {
      rebuild_columns (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
    }
}
