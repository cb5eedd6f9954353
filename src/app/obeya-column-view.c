/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-card-widget.h"
#include "obeya-column.h"
#include "obeya-column-view.h"
#include "obeya-lane.h"

/* How tall an upper (non-bottom) swimlane grows before it scrolls. */
#define UPPER_LANE_MAX_HEIGHT 280

typedef struct _LaneSection LaneSection;

struct _ObeyaColumnView
{
  GtkWidget    parent_instance;

  ObeyaBoard  *board;
  ObeyaColumn *column;
  GtkFilter   *filter;

  GtkWidget   *expanded_box;
  GtkWidget   *name_label;
  GtkWidget   *count_label;
  GtkWidget   *menu_button;
  GtkWidget   *wip_spin;
  GtkWidget   *collapsed_button;
  GtkWidget   *collapsed_count;
  GtkWidget   *collapsed_name;

  GPtrArray   *sections;  /* of LaneSection* */
  GSimpleActionGroup *actions;
};

struct _LaneSection
{
  ObeyaColumnView    *view;
  ObeyaLane          *lane;      /* NULL on a board without lanes */
  GtkWidget          *widget;
  GtkWidget          *lane_label;
  GtkWidget          *lane_count;
  GtkWidget          *stack;
  GtkWidget          *list_view;
  GtkWidget          *add_button;
  GtkWidget          *add_entry;
  GtkFilterListModel *filtered;
};

G_DEFINE_FINAL_TYPE (ObeyaColumnView, obeya_column_view, GTK_TYPE_WIDGET)

static void
lane_section_free (gpointer data)
{
  LaneSection *section = data;

  g_signal_handlers_disconnect_by_data (obeya_column_get_cell (section->view->column,
                                                               section->lane), section);
  g_signal_handlers_disconnect_by_data (section->filtered, section);
  g_clear_object (&section->filtered);
  g_free (section);
}

/* ---- drag and drop -------------------------------------------------------- */

static int
position_in_cell (ObeyaBoard *board,
                  ObeyaCard  *dragged,
                  ObeyaCard  *target,
                  gboolean    after)
{
  int target_index = obeya_board_get_card_position (board, target);
  int position = target_index + (after ? 1 : 0);

  if (obeya_card_get_column (dragged) == obeya_card_get_column (target) &&
      obeya_card_get_lane (dragged) == obeya_card_get_lane (target))
    {
      int dragged_index = obeya_board_get_card_position (board, dragged);

      if (dragged_index >= 0 && dragged_index < position)
        position--;
    }
  return position;
}

/* The drag callbacks look the card widget up through the controller: the
 * list may recycle or drop the row while the drag is still running. */
static ObeyaCardWidget *
source_card_widget (GtkDragSource *source)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  return widget != NULL && OBEYA_IS_CARD_WIDGET (widget) ? OBEYA_CARD_WIDGET (widget) : NULL;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  ObeyaCardWidget *card_widget = source_card_widget (source);
  ObeyaCard *card = card_widget ? obeya_card_widget_get_card (card_widget) : NULL;

  if (card == NULL)
    return NULL;
  return gdk_content_provider_new_typed (OBEYA_TYPE_CARD, card);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       user_data)
{
  ObeyaCardWidget *card_widget = source_card_widget (source);
  g_autoptr(GdkPaintable) paintable = NULL;

  if (card_widget == NULL)
    return;
  paintable = gtk_widget_paintable_new (GTK_WIDGET (card_widget));
  gtk_drag_source_set_icon (source, paintable, 20, 20);
  gtk_widget_add_css_class (GTK_WIDGET (card_widget), "dragging");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             gpointer       user_data)
{
  ObeyaCardWidget *card_widget = source_card_widget (source);

  if (card_widget != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (card_widget), "dragging");
}

static GdkDragAction
row_drop_motion_cb (GtkDropTarget   *target,
                    double           x,
                    double           y,
                    ObeyaCardWidget *card_widget)
{
  double height = gtk_widget_get_height (GTK_WIDGET (card_widget));

  obeya_card_widget_set_drop_indicator (card_widget, y < height / 2 ? OBEYA_DROP_BEFORE
                                                                    : OBEYA_DROP_AFTER);
  return GDK_ACTION_MOVE;
}

static void
row_drop_leave_cb (GtkDropTarget   *target,
                   ObeyaCardWidget *card_widget)
{
  obeya_card_widget_set_drop_indicator (card_widget, OBEYA_DROP_NONE);
}

static gboolean
row_drop_cb (GtkDropTarget   *target,
             const GValue    *value,
             double           x,
             double           y,
             ObeyaCardWidget *card_widget)
{
  LaneSection *section = g_object_get_data (G_OBJECT (card_widget), "obeya-section");
  ObeyaCard *dragged = g_value_get_object (value);
  ObeyaCard *onto = obeya_card_widget_get_card (card_widget);
  gboolean after = y >= gtk_widget_get_height (GTK_WIDGET (card_widget)) / 2.0;
  ObeyaColumnView *view;

  obeya_card_widget_set_drop_indicator (card_widget, OBEYA_DROP_NONE);
  if (section == NULL || dragged == NULL || onto == NULL || dragged == onto)
    return dragged == onto;

  view = section->view;
  if (obeya_card_get_board (dragged) != view->board)
    return FALSE;

  obeya_board_move_card (view->board, dragged, view->column, section->lane,
                         position_in_cell (view->board, dragged, onto, after));
  return TRUE;
}

static GdkDragAction
section_drop_enter_cb (GtkDropTarget *target,
                       double         x,
                       double         y,
                       LaneSection   *section)
{
  gtk_widget_add_css_class (section->widget, "drop-hover");
  return GDK_ACTION_MOVE;
}

static void
section_drop_leave_cb (GtkDropTarget *target,
                       LaneSection   *section)
{
  gtk_widget_remove_css_class (section->widget, "drop-hover");
}

static gboolean
section_drop_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 LaneSection   *section)
{
  ObeyaCard *dragged = g_value_get_object (value);
  ObeyaColumnView *view = section->view;

  gtk_widget_remove_css_class (section->widget, "drop-hover");
  if (dragged == NULL || obeya_card_get_board (dragged) != view->board)
    return FALSE;

  /* Dropped on empty space: the end of the cell. */
  obeya_board_move_card (view->board, dragged, view->column, section->lane, -1);
  return TRUE;
}

/* ---- card list ------------------------------------------------------------ */

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  LaneSection              *section)
{
  GtkWidget *card_widget = obeya_card_widget_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (OBEYA_TYPE_CARD, GDK_ACTION_MOVE);

  g_object_set_data (G_OBJECT (card_widget), "obeya-section", section);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), NULL);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), NULL);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), NULL);
  gtk_widget_add_controller (card_widget, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "enter", G_CALLBACK (row_drop_motion_cb), card_widget);
  g_signal_connect (target, "motion", G_CALLBACK (row_drop_motion_cb), card_widget);
  g_signal_connect (target, "leave", G_CALLBACK (row_drop_leave_cb), card_widget);
  g_signal_connect (target, "drop", G_CALLBACK (row_drop_cb), card_widget);
  gtk_widget_add_controller (card_widget, GTK_EVENT_CONTROLLER (target));

  gtk_list_item_set_child (item, card_widget);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 LaneSection              *section)
{
  GtkWidget *card_widget = gtk_list_item_get_child (item);

  obeya_card_widget_set_card (OBEYA_CARD_WIDGET (card_widget), gtk_list_item_get_item (item));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   LaneSection              *section)
{
  GtkWidget *card_widget = gtk_list_item_get_child (item);

  obeya_card_widget_set_card (OBEYA_CARD_WIDGET (card_widget), NULL);
}

static void
list_activate_cb (GtkListView *list_view,
                  guint        position,
                  LaneSection *section)
{
  g_autoptr(ObeyaCard) card = g_list_model_get_item (G_LIST_MODEL (section->filtered), position);

  if (card != NULL)
    gtk_widget_activate_action (GTK_WIDGET (section->view), "board.open-card", "s",
                                obeya_entity_get_id (OBEYA_ENTITY (card)));
}

static void
cell_items_changed_cb (GListModel  *model,
                       guint        position,
                       guint        removed,
                       guint        added,
                       LaneSection *section)
{
  /* WIP counts of every column may change (lane WIP spans columns). */
  gtk_widget_activate_action (GTK_WIDGET (section->view), "board.update-counts", NULL);
}

static void
update_empty_state (LaneSection *section)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (section->filtered)) == 0;

  gtk_stack_set_visible_child_name (GTK_STACK (section->stack), empty ? "empty" : "list");
}

static void
filtered_items_changed_cb (GListModel  *model,
                           guint        position,
                           guint        removed,
                           guint        added,
                           LaneSection *section)
{
  update_empty_state (section);
}

/* ---- quick add ------------------------------------------------------------ */

static void
show_quick_add (LaneSection *section,
                gboolean     show)
{
  gtk_widget_set_visible (section->add_entry, show);
  gtk_widget_set_visible (section->add_button, !show);
  if (show)
    gtk_widget_grab_focus (section->add_entry);
}

static void
add_button_clicked_cb (GtkButton   *button,
                       LaneSection *section)
{
  show_quick_add (section, TRUE);
}

static void
add_entry_activate_cb (GtkEntry    *entry,
                       LaneSection *section)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  ObeyaColumnView *view = section->view;
  guint n;

  if (title[0] == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }

  obeya_board_add_card (view->board, view->column, section->lane, -1, title);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  n = g_list_model_get_n_items (G_LIST_MODEL (section->filtered));
  if (n > 0)
    gtk_widget_activate_action (section->list_view, "list.scroll-to-item", "u", n - 1);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static gboolean
add_entry_key_cb (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  LaneSection           *section)
{
  if (keyval == GDK_KEY_Escape)
    {
      gtk_editable_set_text (GTK_EDITABLE (section->add_entry), "");
      show_quick_add (section, FALSE);
      gtk_widget_grab_focus (section->list_view);
      return TRUE;
    }
  return FALSE;
}

static void
add_entry_focus_leave_cb (GtkEventControllerFocus *controller,
                          LaneSection             *section)
{
  if (gtk_editable_get_text (GTK_EDITABLE (section->add_entry))[0] == '\0')
    show_quick_add (section, FALSE);
}

/* ---- sections ------------------------------------------------------------- */

static LaneSection *
build_section (ObeyaColumnView *self,
               ObeyaLane       *lane,
               gboolean         expand)
{
  LaneSection *section = g_new0 (LaneSection, 1);
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkWidget *scrolled, *empty, *header;
  GtkDropTarget *target;
  GtkEventController *controller;

  section->view = self;
  section->lane = lane;
  section->widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (section->widget, "obeya-lane-section");
  gtk_widget_set_vexpand (section->widget, expand);

  if (lane != NULL)
    {
      header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (header, "obeya-lane-header");
      section->lane_label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (section->lane_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (section->lane_label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (section->lane_label, TRUE);
      g_object_bind_property (lane, "name", section->lane_label, "label", G_BINDING_SYNC_CREATE);
      section->lane_count = gtk_label_new (NULL);
      gtk_widget_add_css_class (section->lane_count, "numeric");
      gtk_box_append (GTK_BOX (header), section->lane_label);
      gtk_box_append (GTK_BOX (header), section->lane_count);
      gtk_box_append (GTK_BOX (section->widget), header);
    }

  section->filtered = gtk_filter_list_model_new (g_object_ref (obeya_column_get_cell (self->column,
                                                                                        lane)),
                                                 self->filter ? g_object_ref (self->filter) : NULL);
  g_signal_connect (section->filtered, "items-changed", G_CALLBACK (filtered_items_changed_cb),
                    section);
  g_signal_connect (obeya_column_get_cell (self->column, lane), "items-changed",
                    G_CALLBACK (cell_items_changed_cb), section);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), section);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), section);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), section);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (section->filtered)));
  section->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (section->list_view), TRUE);
  gtk_widget_add_css_class (section->list_view, "obeya-card-list");
  g_signal_connect (section->list_view, "activate", G_CALLBACK (list_activate_cb), section);
  {
    g_autofree char *name = g_strdup_printf (_("Cards in %s"), obeya_column_get_name (self->column));
    gtk_accessible_update_property (GTK_ACCESSIBLE (section->list_view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), section->list_view);
  if (!expand)
    {
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                                  UPPER_LANE_MAX_HEIGHT);
    }

  /* Upper lanes (Expedite) are usually empty: a slim drop zone, no text. */
  empty = gtk_label_new (expand ? _("No cards") : NULL);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_add_css_class (empty, expand ? "obeya-empty-cell" : "obeya-empty-lane");
  gtk_widget_set_valign (empty, GTK_ALIGN_START);

  section->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (section->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (section->stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (section->stack), empty, "empty");
  gtk_widget_set_vexpand (section->stack, expand);
  gtk_box_append (GTK_BOX (section->widget), section->stack);
  update_empty_state (section);

  /* Dropping on the empty part of the cell appends. */
  target = gtk_drop_target_new (OBEYA_TYPE_CARD, GDK_ACTION_MOVE);
  g_signal_connect (target, "enter", G_CALLBACK (section_drop_enter_cb), section);
  g_signal_connect (target, "leave", G_CALLBACK (section_drop_leave_cb), section);
  g_signal_connect (target, "drop", G_CALLBACK (section_drop_cb), section);
  gtk_widget_add_controller (section->stack, GTK_EVENT_CONTROLLER (target));

  /* Quick add. */
  section->add_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (section->add_button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                      "icon-name", "list-add-symbolic",
                                      "label", _("Add a card"),
                                      NULL));
  gtk_widget_add_css_class (section->add_button, "flat");
  gtk_widget_add_css_class (section->add_button, "obeya-add-card");
  gtk_widget_set_halign (section->add_button, GTK_ALIGN_START);
  g_signal_connect (section->add_button, "clicked", G_CALLBACK (add_button_clicked_cb), section);
  gtk_box_append (GTK_BOX (section->widget), section->add_button);

  section->add_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (section->add_entry), _("Card title, then Enter"));
  gtk_widget_add_css_class (section->add_entry, "obeya-add-entry");
  gtk_widget_set_visible (section->add_entry, FALSE);
  g_signal_connect (section->add_entry, "activate", G_CALLBACK (add_entry_activate_cb), section);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (add_entry_key_cb), section);
  gtk_widget_add_controller (section->add_entry, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (add_entry_focus_leave_cb), section);
  gtk_widget_add_controller (section->add_entry, controller);
  gtk_box_append (GTK_BOX (section->widget), section->add_entry);

  return section;
}

static void
rebuild_sections (ObeyaColumnView *self)
{
  GListModel *lanes = obeya_board_get_lanes (self->board);
  guint n_lanes = g_list_model_get_n_items (lanes);

  for (guint i = 0; i < self->sections->len; i++)
    {
      LaneSection *section = self->sections->pdata[i];
      gtk_box_remove (GTK_BOX (self->expanded_box), section->widget);
    }
  g_ptr_array_set_size (self->sections, 0);

  if (n_lanes == 0)
    g_ptr_array_add (self->sections, build_section (self, NULL, TRUE));
  for (guint i = 0; i < n_lanes; i++)
    {
      g_autoptr(ObeyaLane) lane = g_list_model_get_item (lanes, i);

      if (obeya_lane_get_collapsed (lane))
        continue;
      g_ptr_array_add (self->sections, build_section (self, lane, i == n_lanes - 1));
    }

  for (guint i = 0; i < self->sections->len; i++)
    {
      LaneSection *section = self->sections->pdata[i];
      gtk_box_append (GTK_BOX (self->expanded_box), section->widget);
    }
  obeya_column_view_update_counts (self);
}

/* ---- header, counts ------------------------------------------------------- */

/* Setting a tooltip makes GTK query the pointer (a round trip to the display
 * server): only when it really changes. */
static void
set_tooltip_if_changed (GtkWidget  *widget,
                        const char *text)
{
  const char *current = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (current, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

void
obeya_column_view_update_counts (ObeyaColumnView *self)
{
  guint count, limit;
  gboolean over;
  g_autofree char *text = NULL;
  gboolean first_column;

  g_return_if_fail (OBEYA_IS_COLUMN_VIEW (self));

  count = obeya_board_count_wip (self->board, self->column, NULL);
  limit = obeya_column_get_wip_limit (self->column);
  over = limit > 0 && count > limit;
  text = limit > 0 ? g_strdup_printf ("%u / %u", count, limit) : g_strdup_printf ("%u", count);
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->count_label)), text) != 0)
    {
      gtk_label_set_text (GTK_LABEL (self->count_label), text);
      gtk_label_set_text (GTK_LABEL (self->collapsed_count), text);
    }
  if (over)
    {
      g_autofree char *tooltip = g_strdup_printf (_("Over the WIP limit of %u"), limit);
      gtk_widget_add_css_class (GTK_WIDGET (self), "over-limit");
      set_tooltip_if_changed (self->count_label, tooltip);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "over-limit");
      set_tooltip_if_changed (self->count_label,
                              limit > 0 ? _("Cards / WIP limit") : _("Cards (no WIP limit)"));
    }

  /* Lane WIP (cards of the lane in active columns) is shown in the first
   * column; the other columns show the cell's own count. */
  {
    g_autoptr(ObeyaColumn) first = g_list_model_get_item (obeya_board_get_columns (self->board), 0);
    first_column = first == self->column;
  }
  for (guint i = 0; i < self->sections->len; i++)
    {
      LaneSection *section = self->sections->pdata[i];
      g_autofree char *lane_text = NULL;
      guint lane_limit;

      if (section->lane == NULL)
        continue;
      lane_limit = obeya_lane_get_wip_limit (section->lane);
      if (first_column && lane_limit > 0)
        {
          guint lane_wip = obeya_board_count_lane_wip (self->board, section->lane);

          /* Translators: a swimlane's work in progress across all its
           * columns against its limit, at the lane's header */
          lane_text = g_strdup_printf (_("Lane WIP %u / %u"), lane_wip, lane_limit);
          if (lane_wip > lane_limit)
            gtk_widget_add_css_class (section->widget, "over-limit");
          else
            gtk_widget_remove_css_class (section->widget, "over-limit");
        }
      else
        lane_text = g_strdup_printf ("%u", g_list_model_get_n_items (
                                       obeya_column_get_cell (self->column, section->lane)));
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (section->lane_count)), lane_text) != 0)
        gtk_label_set_text (GTK_LABEL (section->lane_count), lane_text);
    }
}

static void
update_collapsed (ObeyaColumnView *self)
{
  gboolean collapsed = obeya_column_get_collapsed (self->column);

  gtk_widget_set_visible (self->expanded_box, !collapsed);
  gtk_widget_set_visible (self->collapsed_button, collapsed);
  /* Open columns share the width a big screen has to spare. */
  gtk_widget_set_hexpand (GTK_WIDGET (self), !collapsed);
  if (collapsed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "collapsed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "collapsed");
}

static void
column_notify_cb (ObeyaColumn     *column,
                  GParamSpec      *pspec,
                  ObeyaColumnView *self)
{
  if (g_strcmp0 (pspec->name, "collapsed") == 0)
    update_collapsed (self);
  else if (g_strcmp0 (pspec->name, "wip-limit") == 0)
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->wip_spin),
                                 obeya_column_get_wip_limit (column));
      obeya_column_view_update_counts (self);
    }
  else if (g_strcmp0 (pspec->name, "role") == 0)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "role");
      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_string (obeya_enum_to_nick (OBEYA_TYPE_COLUMN_ROLE,
                                                                           obeya_column_get_role (column))));
    }
}

static void
name_editing_cb (GtkEditableLabel *label,
                 GParamSpec       *pspec,
                 ObeyaColumnView  *self)
{
  g_autofree char *name = NULL;

  if (gtk_editable_label_get_editing (label))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (label))));
  if (name[0] == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (label), obeya_column_get_name (self->column));
      return;
    }
  obeya_entity_edit (OBEYA_ENTITY (self->column), _("Rename column"), "name", name, NULL);
}

static void
column_name_changed_cb (ObeyaColumn     *column,
                        GParamSpec      *pspec,
                        ObeyaColumnView *self)
{
  const char *name = obeya_column_get_name (column);

  if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->name_label)))
    gtk_editable_set_text (GTK_EDITABLE (self->name_label), name ? name : "");
  gtk_label_set_text (GTK_LABEL (self->collapsed_name), name);
}

/* 0 reads "No limit", as in Board Settings. */
static gboolean
wip_spin_output_cb (GtkSpinButton *spin)
{
  if (gtk_spin_button_get_value_as_int (spin) != 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), _("No limit"));
  return TRUE;
}

static int
wip_spin_input_cb (GtkSpinButton *spin,
                   double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double parsed = g_strtod (text, &end);

  if (*text == '\0' || g_strcmp0 (text, _("No limit")) == 0)
    {
      *value = 0;
      return TRUE;
    }
  if (end == text || *end != '\0')
    return GTK_INPUT_ERROR;
  *value = parsed;
  return TRUE;
}

static void
wip_spin_changed_cb (GtkSpinButton   *spin,
                     ObeyaColumnView *self)
{
  guint limit = (guint) gtk_spin_button_get_value_as_int (spin);

  if (limit != obeya_column_get_wip_limit (self->column))
    obeya_entity_edit (OBEYA_ENTITY (self->column), _("Change WIP limit"), "wip-limit", limit, NULL);
}

static guint
column_index (ObeyaColumnView *self)
{
  GListModel *columns = obeya_board_get_columns (self->board);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(ObeyaColumn) column = g_list_model_get_item (columns, i);
      if (column == self->column)
        return i;
    }
  return 0;
}

static void
rename_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ObeyaColumnView *self = user_data;

  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (self->name_label));
  gtk_widget_grab_focus (self->name_label);
}

static void
collapse_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ObeyaColumnView *self = user_data;
  gboolean collapsed = !obeya_column_get_collapsed (self->column);

  obeya_entity_edit (OBEYA_ENTITY (self->column),
                     collapsed ? _("Collapse column") : _("Expand column"),
                     "collapsed", collapsed, NULL);
}

static void
move_left_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ObeyaColumnView *self = user_data;
  guint index = column_index (self);

  if (index > 0)
    obeya_board_move_column (self->board, self->column, index - 1);
}

static void
move_right_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  ObeyaColumnView *self = user_data;

  obeya_board_move_column (self->board, self->column, column_index (self) + 1);
}

static void
role_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ObeyaColumnView *self = user_data;
  int role;

  if (obeya_enum_from_nick (OBEYA_TYPE_COLUMN_ROLE, g_variant_get_string (parameter, NULL), &role))
    obeya_entity_edit (OBEYA_ENTITY (self->column), _("Change flow role"), "role", role, NULL);
}

typedef struct
{
  ObeyaBoard  *board;
  ObeyaColumn *column;
  ObeyaColumn *neighbour;
} DeleteData;

static void
delete_data_free (gpointer  user_data,
                  GClosure *closure)
{
  DeleteData *data = user_data;

  g_object_unref (data->board);
  g_object_unref (data->column);
  g_clear_object (&data->neighbour);
  g_free (data);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteData       *data)
{
  if (g_strcmp0 (response, "move") == 0)
    obeya_board_delete_column (data->board, data->column, data->neighbour);
  else if (g_strcmp0 (response, "archive") == 0 || g_strcmp0 (response, "delete") == 0)
    obeya_board_delete_column (data->board, data->column, NULL);
}

static void
delete_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ObeyaColumnView *self = user_data;
  GListModel *columns = obeya_board_get_columns (self->board);
  guint index = column_index (self);
  guint n_cards = obeya_column_get_n_cards (self->column);
  DeleteData *data = g_new0 (DeleteData, 1);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  data->board = g_object_ref (self->board);
  data->column = g_object_ref (self->column);
  if (g_list_model_get_n_items (columns) > 1)
    data->neighbour = g_list_model_get_item (columns, index > 0 ? index - 1 : 1);

  heading = g_strdup_printf (_("Delete Column “%s”?"), obeya_column_get_name (self->column));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (n_cards == 0)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("The column is empty. You can undo this."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "delete", _("_Delete"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      g_autofree char *body = NULL;

      if (data->neighbour != NULL)
        {
          g_autofree char *move_label = g_strdup_printf (_("_Move to “%s”"),
                                                         obeya_column_get_name (data->neighbour));
          body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Its %u card can move to “%s” or be archived. "
                                               "You can undo this.",
                                               "Its %u cards can move to “%s” or be archived. "
                                               "You can undo this.", n_cards),
                                  n_cards, obeya_column_get_name (data->neighbour));
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "archive",
                                           _("_Archive Cards"));
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "move", move_label);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                                      ADW_RESPONSE_SUGGESTED);
        }
      else
        {
          body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Its %u card will be archived. You can undo this.",
                                               "Its %u cards will be archived. You can undo this.",
                                               n_cards), n_cards);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "archive",
                                           _("_Delete and Archive Cards"));
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive",
                                                      ADW_RESPONSE_DESTRUCTIVE);
        }
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb), data,
                         delete_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
build_header (ObeyaColumnView *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) role_menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) wip_item = NULL;
  GtkWidget *popover, *wip_box, *wip_label;

  gtk_widget_add_css_class (header, "obeya-column-header");

  self->name_label = gtk_editable_label_new (obeya_column_get_name (self->column));
  gtk_widget_set_hexpand (self->name_label, TRUE);
  gtk_widget_add_css_class (self->name_label, "heading");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->name_label), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->name_label), 20);
  g_signal_connect (self->name_label, "notify::editing", G_CALLBACK (name_editing_cb), self);
  gtk_box_append (GTK_BOX (header), self->name_label);

  self->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count_label, "obeya-wip-count");
  gtk_widget_add_css_class (self->count_label, "numeric");
  gtk_box_append (GTK_BOX (header), self->count_label);

  g_menu_append (section, _("_Rename"), "column.rename");
  wip_item = g_menu_item_new (NULL, NULL);
  g_menu_item_set_attribute (wip_item, "custom", "s", "wip");
  g_menu_append_item (section, wip_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_menu_append (role_menu, _("Backlog (not committed)"), "column.role::backlog");
  g_menu_append (role_menu, _("In progress (committed)"), "column.role::active");
  g_menu_append (role_menu, _("Done (delivered)"), "column.role::done");
  g_menu_append_section (menu, _("Flow role"), G_MENU_MODEL (role_menu));
  {
    g_autoptr(GMenu) arrange = g_menu_new ();
    g_menu_append (arrange, _("_Collapse"), "column.collapse");
    g_menu_append (arrange, _("Move _Left"), "column.move-left");
    g_menu_append (arrange, _("Move Ri_ght"), "column.move-right");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (arrange));
  }
  {
    g_autoptr(GMenu) danger = g_menu_new ();
    g_menu_append (danger, _("_Delete Column…"), "column.delete");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  }

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Column Menu"));
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  wip_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (wip_box, 12);
  gtk_widget_set_margin_end (wip_box, 6);
  wip_label = gtk_label_new (_("WIP limit"));
  gtk_widget_set_hexpand (wip_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (wip_label), 0);
  self->wip_spin = gtk_spin_button_new_with_range (0, 999, 1);
  gtk_widget_set_tooltip_text (self->wip_spin, _("0 means no limit"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->wip_spin), 8);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->wip_spin),
                             obeya_column_get_wip_limit (self->column));
  g_signal_connect (self->wip_spin, "output", G_CALLBACK (wip_spin_output_cb), NULL);
  g_signal_connect (self->wip_spin, "input", G_CALLBACK (wip_spin_input_cb), NULL);
  g_signal_connect (self->wip_spin, "value-changed", G_CALLBACK (wip_spin_changed_cb), self);
  gtk_box_append (GTK_BOX (wip_box), wip_label);
  gtk_box_append (GTK_BOX (wip_box), self->wip_spin);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), wip_box, "wip");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);
  gtk_box_append (GTK_BOX (header), self->menu_button);

  return header;
}

static void
expand_clicked_cb (GtkButton       *button,
                   ObeyaColumnView *self)
{
  obeya_entity_edit (OBEYA_ENTITY (self->column), _("Expand column"), "collapsed", FALSE, NULL);
}

static void
lanes_changed_cb (GListModel      *lanes,
                  guint            position,
                  guint            removed,
                  guint            added,
                  ObeyaColumnView *self)
{
  rebuild_sections (self);
}

static void
obeya_column_view_dispose (GObject *object)
{
  ObeyaColumnView *self = OBEYA_COLUMN_VIEW (object);
  GtkWidget *child;

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_data (obeya_board_get_lanes (self->board), self);
  if (self->column != NULL)
    g_signal_handlers_disconnect_by_data (self->column, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_object (&self->actions);
  g_clear_object (&self->filter);
  g_clear_object (&self->column);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (obeya_column_view_parent_class)->dispose (object);
}

static void
obeya_column_view_class_init (ObeyaColumnViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_column_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeyacolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
obeya_column_view_init (ObeyaColumnView *self)
{
  self->sections = g_ptr_array_new_with_free_func (lane_section_free);
}

GtkWidget *
obeya_column_view_new (ObeyaBoard  *board,
                       ObeyaColumn *column,
                       GtkFilter   *filter)
{
  ObeyaColumnView *self = g_object_new (OBEYA_TYPE_COLUMN_VIEW, NULL);
  GtkWidget *outer, *collapsed_box;
  const GActionEntry entries[] = {
    { "rename", rename_action_cb },
    { "collapse", collapse_action_cb },
    { "move-left", move_left_action_cb },
    { "move-right", move_right_action_cb },
    { "role", role_action_cb, "s", "'active'" },
    { "delete", delete_action_cb },
  };

  self->board = g_object_ref (board);
  self->column = g_object_ref (column);
  self->filter = filter ? g_object_ref (filter) : NULL;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries),
                                   self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "column", G_ACTION_GROUP (self->actions));

  outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_parent (outer, GTK_WIDGET (self));

  self->expanded_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->expanded_box, "obeya-column-body");
  gtk_box_append (GTK_BOX (self->expanded_box), build_header (self));
  gtk_box_append (GTK_BOX (outer), self->expanded_box);

  /* Collapsed: a narrow strip with the count and the name; click expands. */
  self->collapsed_button = gtk_button_new ();
  gtk_widget_add_css_class (self->collapsed_button, "flat");
  gtk_widget_add_css_class (self->collapsed_button, "obeya-collapsed-column");
  gtk_widget_set_tooltip_text (self->collapsed_button, _("Expand Column"));
  collapsed_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_valign (collapsed_box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (collapsed_box), gtk_image_new_from_icon_name ("go-next-symbolic"));
  self->collapsed_count = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->collapsed_count, "obeya-wip-count");
  gtk_box_append (GTK_BOX (collapsed_box), self->collapsed_count);
  self->collapsed_name = gtk_label_new (obeya_column_get_name (column));
  gtk_label_set_wrap (GTK_LABEL (self->collapsed_name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->collapsed_name), PANGO_WRAP_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (self->collapsed_name), 1);
  gtk_label_set_justify (GTK_LABEL (self->collapsed_name), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->collapsed_name, "heading");
  gtk_box_append (GTK_BOX (collapsed_box), self->collapsed_name);
  gtk_button_set_child (GTK_BUTTON (self->collapsed_button), collapsed_box);
  g_signal_connect (self->collapsed_button, "clicked", G_CALLBACK (expand_clicked_cb), self);
  gtk_box_append (GTK_BOX (outer), self->collapsed_button);

  g_signal_connect (column, "notify", G_CALLBACK (column_notify_cb), self);
  g_signal_connect (column, "notify::name", G_CALLBACK (column_name_changed_cb), self);
  g_signal_connect (obeya_board_get_lanes (board), "items-changed", G_CALLBACK (lanes_changed_cb),
                    self);

  rebuild_sections (self);
  update_collapsed (self);
  column_notify_cb (column, g_object_class_find_property (G_OBJECT_GET_CLASS (column), "role"), self);
  return GTK_WIDGET (self);
}

ObeyaColumn *
obeya_column_view_get_column (ObeyaColumnView *self)
{
  g_return_val_if_fail (OBEYA_IS_COLUMN_VIEW (self), NULL);
  return self->column;
}

static LaneSection *
find_section (ObeyaColumnView *self,
              ObeyaLane       *lane)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      LaneSection *section = self->sections->pdata[i];
      if (section->lane == lane)
        return section;
    }
  return NULL;
}

void
obeya_column_view_start_quick_add (ObeyaColumnView *self,
                                   ObeyaLane       *lane)
{
  LaneSection *section;

  g_return_if_fail (OBEYA_IS_COLUMN_VIEW (self));

  if (self->sections->len == 0)
    return;
  if (obeya_column_get_collapsed (self->column))
    obeya_entity_edit (OBEYA_ENTITY (self->column), _("Expand column"), "collapsed", FALSE, NULL);
  section = find_section (self, lane);
  if (section == NULL)
    section = self->sections->pdata[self->sections->len - 1];
  show_quick_add (section, TRUE);
}

/* The row of @card, if the list has built it. */
static GtkWidget *
find_row (GtkWidget *list_view,
          ObeyaCard *card)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);

      if (child != NULL && OBEYA_IS_CARD_WIDGET (child) &&
          obeya_card_widget_get_card (OBEYA_CARD_WIDGET (child)) == card)
        return row;
    }
  return NULL;
}

typedef struct
{
  GtkWidget *list_view;
  ObeyaCard *card;
  guint      attempts;
} PendingFocus;

static void
pending_focus_free (gpointer data)
{
  PendingFocus *pending = data;

  g_object_unref (pending->list_view);
  g_object_unref (pending->card);
  g_free (pending);
}

static gboolean
focus_row_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  PendingFocus *pending = user_data;
  GtkWidget *row = find_row (pending->list_view, pending->card);

  /* A row not mapped yet refuses the focus: try again next frame. */
  if (row != NULL && gtk_widget_grab_focus (row))
    return G_SOURCE_REMOVE;
  return ++pending->attempts < 10 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

gboolean
obeya_column_view_focus_card (ObeyaColumnView *self,
                              ObeyaCard       *card)
{
  LaneSection *section;
  guint n;

  g_return_val_if_fail (OBEYA_IS_COLUMN_VIEW (self), FALSE);

  section = find_section (self, obeya_card_get_lane (card));
  if (section == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (section->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaCard) item = g_list_model_get_item (G_LIST_MODEL (section->filtered), i);
      GtkWidget *row;

      if (item != card)
        continue;

      /* GTK 4.8 has no call to focus a list position: scroll there, and
       * focus the row once the list has built it (the next frame at worst). */
      gtk_widget_activate_action (section->list_view, "list.scroll-to-item", "u", i);
      row = find_row (section->list_view, card);
      if (row == NULL || !gtk_widget_grab_focus (row))
        {
          PendingFocus *pending = g_new0 (PendingFocus, 1);

          pending->list_view = g_object_ref (section->list_view);
          pending->card = g_object_ref (card);
          gtk_widget_add_tick_callback (section->list_view, focus_row_tick_cb, pending,
                                        pending_focus_free);
        }
      return TRUE;
    }
  return FALSE;
}
