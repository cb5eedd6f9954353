/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-archive-dialog.h"
#include "obeya-board.h"
#include "obeya-board-settings.h"
#include "obeya-board-view.h"
#include "obeya-card-editor.h"
#include "obeya-card.h"
#include "obeya-card-filter.h"
#include "obeya-card-query.h"
#include "obeya-card-widget.h"
#include "obeya-column.h"
#include "obeya-csv.h"
#include "obeya-document.h"
#include "obeya-file.h"
#include "obeya-fives-view.h"
#include "obeya-history.h"
#include "obeya-huddle-view.h"
#include "obeya-json.h"
#include "obeya-new-board-dialog.h"
#include "obeya-people-dialog.h"
#include "obeya-person.h"
#include "obeya-standup.h"
#include "obeya-tag.h"
#include "obeya-trello.h"
#include "obeya-window.h"
#include "obeya-workspace.h"

struct _ObeyaWindow
{
  AdwApplicationWindow  parent_instance;

  ObeyaDocument        *document;
  ObeyaWorkspace       *workspace;
  ObeyaBoard           *board;
  ObeyaCardQuery       *query;
  GtkFilter            *card_filter;
  GtkFilter            *board_filter;
  GListStore           *my_cards;
  GSettings            *settings;
  GCancellable         *cancellable;
  char                 *failed_path;
  gboolean              may_close;
  guint                 my_cards_idle;
  guint                 day_timer;
  ObeyaDay              day;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  AdwWindowTitle       *sidebar_title;
  GtkListBox           *views_list;
  GtkListBoxRow        *my_cards_row;
  GtkListBoxRow        *huddle_row;
  GtkListBox           *boards_list;
  GtkToggleButton      *show_archived_button;
  GtkWidget            *content;
  AdwWindowTitle       *content_title;
  GtkToggleButton      *filter_button;
  GtkWidget            *board_menu_button;
  GtkWidget            *add_card_button;
  GtkWidget            *huddle_enter_button;
  GtkWidget            *huddle_menu_button;
  GtkSearchBar         *filter_bar;
  GtkSearchEntry       *filter_entry;
  GtkDropDown          *assignee_dropdown;
  GtkDropDown          *tag_dropdown;
  GtkToggleButton      *blocked_toggle;
  GtkToggleButton      *overdue_toggle;
  GtkRevealer          *sample_revealer;
  GtkRevealer          *state_revealer;
  GtkLabel             *state_label;
  GtkWidget            *state_reload_button;
  GtkWidget            *state_save_as_button;
  GtkStack             *content_stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  GtkWidget            *open_backup_button;
  ObeyaBoardView       *board_view;
  ObeyaHuddleView      *huddle_view;
  GtkStack             *my_cards_stack;
  GtkWidget            *my_cards_scrolled;
  GtkListView          *my_cards_list;
  AdwStatusPage        *my_cards_empty;
  GtkWidget            *choose_me_button;
  GtkListBoxRow        *fives_row;
  GtkWidget            *fives_back_button;
  ObeyaFivesView       *fives_view;
};

G_DEFINE_FINAL_TYPE (ObeyaWindow, obeya_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_actions (ObeyaWindow *self);
static void show_board (ObeyaWindow *self, ObeyaBoard *board);
static void show_huddle (ObeyaWindow *self);

/* ---- helpers ---------------------------------------------------------------- */

void
obeya_window_show_toast (ObeyaWindow *self,
                         const char  *message,
                         gboolean     with_undo)
{
  AdwToast *toast = adw_toast_new (message);

  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static ObeyaHistory *
history (ObeyaWindow *self)
{
  return self->workspace ? obeya_workspace_get_history (self->workspace) : NULL;
}

/* The key of this workspace in the "workspace-me" setting: its file's URI. */
static char *
dup_me_key (ObeyaWindow *self)
{
  const char *path = self->document ? obeya_document_get_path (self->document) : NULL;

  return path ? g_filename_to_uri (path, NULL, NULL) : NULL;
}

/* The person set as "me" for this workspace (People and Tags). */
static char *
dup_me (ObeyaWindow *self)
{
  g_autofree char *key = dup_me_key (self);

  return key ? obeya_people_dialog_dup_me (key) : NULL;
}

/* ---- filter ------------------------------------------------------------------ */

static const char *
selected_id (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL && OBEYA_IS_ENTITY (item) ? obeya_entity_get_id (OBEYA_ENTITY (item)) : NULL;
}

/* The filter bar writes the query; the query's ::changed refilters. */
static void
filter_changed_cb (ObeyaWindow *self)
{
  const char *person = selected_id (self->assignee_dropdown);
  const char *tag = selected_id (self->tag_dropdown);
  const char *people[] = { person, NULL };
  const char *tags[] = { tag, NULL };

  g_object_freeze_notify (G_OBJECT (self->query));
  obeya_card_query_set_text (self->query, gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  obeya_card_query_set_assignees (self->query, person ? people : NULL);
  obeya_card_query_set_tags (self->query, tag ? tags : NULL);
  obeya_card_query_set_blocked_only (self->query, gtk_toggle_button_get_active (self->blocked_toggle));
  obeya_card_query_set_overdue_only (self->query, gtk_toggle_button_get_active (self->overdue_toggle));
  g_object_thaw_notify (G_OBJECT (self->query));
}

static void
query_changed_cb (ObeyaWindow *self)
{
  if (!obeya_card_query_is_empty (self->query))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

/* Drop-down items: NULL first ("Anyone", "Any tag"), then the workspace's. */
static char *
entity_name (GObject *item)
{
  if (OBEYA_IS_PERSON (item))
    return g_strdup (obeya_person_get_name (OBEYA_PERSON (item)));
  if (OBEYA_IS_TAG (item))
    return g_strdup (obeya_tag_get_name (OBEYA_TAG (item)));
  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
set_dropdown_model (GtkDropDown *dropdown,
                    GListModel  *entities,
                    const char  *any_label)
{
  g_autoptr(GListStore) any = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkStringObject) any_item = gtk_string_object_new (any_label);
  GtkFlattenListModel *flat;
  GtkExpression *expression;

  g_list_store_append (any, any_item);
  g_list_store_append (parts, any);
  if (entities != NULL)
    g_list_store_append (parts, entities);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (entity_name), NULL, NULL);
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (flat));
  g_object_unref (flat);
  gtk_drop_down_set_selected (dropdown, 0);
}

/* ---- My cards ------------------------------------------------------------------ */

static gboolean
refresh_my_cards_idle_cb (gpointer user_data)
{
  ObeyaWindow *self = user_data;
  g_autofree char *me = dup_me (self);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  self->my_cards_idle = 0;
  if (self->workspace == NULL)
    return G_SOURCE_REMOVE;

  if (me != NULL)
    {
      g_autoptr(ObeyaCardQuery) mine = obeya_card_query_new ();
      g_autoptr(GPtrArray) cards = NULL;

      obeya_card_query_set_person (mine, me);
      cards = obeya_card_query_collect (mine, self->workspace, obeya_day_today ());
      /* Open work only: what is done is done. */
      for (guint i = 0; i < cards->len; i++)
        if (!obeya_card_is_done (cards->pdata[i]))
          g_ptr_array_add (found, g_object_ref (cards->pdata[i]));
    }
  g_list_store_splice (self->my_cards, 0, g_list_model_get_n_items (G_LIST_MODEL (self->my_cards)),
                       found->pdata, found->len);

  if (me == NULL)
    {
      adw_status_page_set_title (self->my_cards_empty, _("Who Are You?"));
      adw_status_page_set_description (self->my_cards_empty,
                                       _("Choose yourself in People and Tags to see the cards "
                                         "assigned to you on every board."));
    }
  else
    {
      adw_status_page_set_title (self->my_cards_empty, _("No Cards for You"));
      adw_status_page_set_description (self->my_cards_empty,
                                       _("Nothing on any board is assigned to you and still open."));
    }
  gtk_widget_set_visible (self->choose_me_button, me == NULL);
  gtk_stack_set_visible_child (self->my_cards_stack,
                               found->len > 0 ? self->my_cards_scrolled
                                              : GTK_WIDGET (self->my_cards_empty));
  return G_SOURCE_REMOVE;
}

static void
schedule_my_cards (ObeyaWindow *self)
{
  if (self->my_cards_idle == 0)
    self->my_cards_idle = g_idle_add (refresh_my_cards_idle_cb, self);
}

static void
my_cards_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *where = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), obeya_card_widget_new ());
  gtk_widget_add_css_class (box, "obeya-my-card");
  gtk_list_item_set_child (item, box);
}

static void
my_cards_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *where = gtk_widget_get_first_child (box);
  GtkWidget *card_widget = gtk_widget_get_next_sibling (where);
  ObeyaCard *card = gtk_list_item_get_item (item);
  ObeyaBoard *board = obeya_card_get_board (card);
  g_autofree char *text = g_strdup_printf ("%s · %s", obeya_board_get_name (board),
                                           obeya_column_get_name (obeya_card_get_column (card)));

  gtk_label_set_text (GTK_LABEL (where), text);
  obeya_card_widget_set_card (OBEYA_CARD_WIDGET (card_widget), card);
}

static void
my_cards_unbind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  obeya_card_widget_set_card (OBEYA_CARD_WIDGET (gtk_widget_get_last_child (box)), NULL);
}

static void card_activated_cb (ObeyaWindow *self, ObeyaCard *card, ObeyaBoardView *view);

static void
my_cards_activate_cb (ObeyaWindow *self,
                      guint        position,
                      GtkListView *list)
{
  g_autoptr(ObeyaCard) card = g_list_model_get_item (G_LIST_MODEL (self->my_cards), position);

  if (card != NULL)
    card_activated_cb (self, card, NULL);
}

/* ---- sidebar ---------------------------------------------------------------------- */

static gboolean
board_filter_func (gpointer item,
                   gpointer user_data)
{
  ObeyaWindow *self = user_data;

  return gtk_toggle_button_get_active (self->show_archived_button) ||
         !obeya_board_get_archived (OBEYA_BOARD (item));
}

static void
board_archived_cb (ObeyaBoard  *board,
                   GParamSpec  *pspec,
                   ObeyaWindow *self)
{
  gtk_filter_changed (self->board_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* The sidebar's two lists have no selection: keyboard focus moving through
 * a GtkListBox selects rows, which left one row highlighted in each list.
 * The row of the page on show carries .obeya-current (styled like a selected
 * sidebar row in style.css) and the selected accessible state instead. */
static void
set_row_current (GtkListBoxRow *row,
                 gboolean       current)
{
  if (current)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "obeya-current");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "obeya-current");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED);
    }
}

static void
mark_current_row (ObeyaWindow   *self,
                  GtkListBoxRow *current)
{
  GtkListBox *lists[] = { self->views_list, self->boards_list };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (lists[l])); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (GTK_IS_LIST_BOX_ROW (row))
        set_row_current (GTK_LIST_BOX_ROW (row), row == GTK_WIDGET (current));
}

static GtkWidget *
create_board_row (gpointer item,
                  gpointer user_data)
{
  ObeyaWindow *self = user_data;
  ObeyaBoard *board = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (row), "obeya-board", board);
  gtk_box_append (GTK_BOX (box),
                  gtk_image_new_from_icon_name (obeya_board_get_kind (board) == OBEYA_BOARD_PERSONAL
                                                ? "avatar-default-symbolic"
                                                : "system-users-symbolic"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  g_object_bind_property (board, "name", label, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), label);
  if (obeya_board_get_archived (board))
    {
      GtkWidget *tag = gtk_label_new (_("Archived"));
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "dim-label");
      gtk_box_append (GTK_BOX (box), tag);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_signal_connect_object (board, "notify::archived", G_CALLBACK (board_archived_cb), self, 0);
  if (board == self->board)
    set_row_current (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
select_board_row (ObeyaWindow *self,
                  ObeyaBoard  *board)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->boards_list, i);

      if (row == NULL)
        break;
      if (g_object_get_data (G_OBJECT (row), "obeya-board") == board)
        {
          mark_current_row (self, row);
          return;
        }
    }
  mark_current_row (self, NULL);
}

static void
boards_row_activated_cb (ObeyaWindow   *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  show_board (self, g_object_get_data (G_OBJECT (row), "obeya-board"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
views_row_activated_cb (ObeyaWindow   *self,
                        GtkListBoxRow *row,
                        GtkListBox    *list)
{
  if (row == self->my_cards_row)
    {
      mark_current_row (self, row);
      g_clear_object (&self->board);
      obeya_board_view_set_board (self->board_view, NULL);
      adw_window_title_set_title (self->content_title, _("My Cards"));
      gtk_stack_set_visible_child_name (self->content_stack, "my-cards");
      schedule_my_cards (self);
      update_actions (self);
    }
  else if (row == self->huddle_row)
    {
      show_huddle (self);
      /* Into the page, so that its keys (Ctrl+E) work at once. */
      gtk_widget_child_focus (GTK_WIDGET (self->huddle_view), GTK_DIR_TAB_FORWARD);
    }
  else if (row == self->fives_row)
    {
      /* Again while an area is shown: back to the overview. */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "fives") == 0 &&
          obeya_fives_view_get_can_go_back (self->fives_view))
        obeya_fives_view_go_back (self->fives_view);
      mark_current_row (self, row);
      g_clear_object (&self->board);
      obeya_board_view_set_board (self->board_view, NULL);
      adw_window_title_set_title (self->content_title, obeya_fives_view_get_title (self->fives_view));
      gtk_stack_set_visible_child_name (self->content_stack, "fives");
      update_actions (self);
      gtk_widget_child_focus (GTK_WIDGET (self->fives_view), GTK_DIR_TAB_FORWARD);
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The 5S page names itself (the overview, an area) and may go back. */
static void
fives_title_cb (ObeyaWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "fives") == 0)
    adw_window_title_set_title (self->content_title, obeya_fives_view_get_title (self->fives_view));
  update_actions (self);
}

static void
fives_back_clicked_cb (ObeyaWindow *self)
{
  obeya_fives_view_go_back (self->fives_view);
}

static void
show_archived_toggled_cb (ObeyaWindow     *self,
                          GtkToggleButton *button)
{
  gtk_filter_changed (self->board_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
back_clicked_cb (ObeyaWindow *self,
                 GtkButton   *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- showing the workspace ------------------------------------------------------- */

static ObeyaBoard *
first_visible_board (ObeyaWindow *self)
{
  GListModel *boards = obeya_workspace_get_boards (self->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, i);
      if (!obeya_board_get_archived (board))
        return board; /* the workspace keeps it */
    }
  return NULL;
}

static void
board_name_cb (ObeyaBoard  *board,
               GParamSpec  *pspec,
               ObeyaWindow *self)
{
  adw_window_title_set_title (self->content_title, obeya_board_get_name (board));
}

static void
show_board (ObeyaWindow *self,
            ObeyaBoard  *board)
{
  if (self->board != NULL)
    g_signal_handlers_disconnect_by_func (self->board, board_name_cb, self);
  g_set_object (&self->board, board);

  if (board == NULL)
    {
      obeya_board_view_set_board (self->board_view, NULL);
      adw_window_title_set_title (self->content_title, _("No Boards"));
      gtk_stack_set_visible_child_name (self->content_stack, "no-boards");
    }
  else
    {
      g_signal_connect_object (board, "notify::name", G_CALLBACK (board_name_cb), self, 0);
      adw_window_title_set_title (self->content_title, obeya_board_get_name (board));
      obeya_board_view_set_board (self->board_view, board);
      gtk_stack_set_visible_child_name (self->content_stack, "board");
    }
  select_board_row (self, board);
  update_actions (self);
}

void
obeya_window_select_board (ObeyaWindow *self,
                           ObeyaBoard  *board)
{
  g_return_if_fail (OBEYA_IS_WINDOW (self));
  show_board (self, board);
}

/* The daily huddle page. */
static void
show_huddle (ObeyaWindow *self)
{
  mark_current_row (self, self->huddle_row);
  if (self->board != NULL)
    g_signal_handlers_disconnect_by_func (self->board, board_name_cb, self);
  g_clear_object (&self->board);
  obeya_board_view_set_board (self->board_view, NULL);
  adw_window_title_set_title (self->content_title, _("Daily Huddle"));
  gtk_stack_set_visible_child_name (self->content_stack, "huddle");
  update_actions (self);
}

void
obeya_window_show_huddle (ObeyaWindow *self)
{
  g_return_if_fail (OBEYA_IS_WINDOW (self));
  show_huddle (self);
}

static gboolean
huddle_shown (ObeyaWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "huddle") == 0;
}

static void
update_sample_banner (ObeyaWindow *self)
{
  gtk_revealer_set_reveal_child (self->sample_revealer,
                                 self->workspace != NULL &&
                                 obeya_workspace_has_sample (self->workspace));
}

static void
update_state_banner (ObeyaWindow *self)
{
  ObeyaDocumentState state = self->document ? obeya_document_get_state (self->document)
                                            : OBEYA_DOCUMENT_STATE_CLEAN;
  const GError *error = self->document ? obeya_document_get_error (self->document) : NULL;
  g_autofree char *text = NULL;
  gboolean reload = FALSE, save_as = FALSE;

  switch (state)
    {
    case OBEYA_DOCUMENT_STATE_CONFLICT:
      text = g_strdup (_("The file was changed by someone else. Your latest changes are not saved: "
                         "reload to see theirs, or save yours as a new file."));
      reload = save_as = TRUE;
      break;
    case OBEYA_DOCUMENT_STATE_READ_ONLY:
      if (self->workspace != NULL && obeya_workspace_get_read_only (self->workspace))
        text = g_strdup_printf (_("This workspace was saved by a newer version of Obeya (file "
                                  "version %u). It is open read-only and will not be changed."),
                                obeya_workspace_get_file_version (self->workspace));
      else
        text = g_strdup (_("This workspace is open read-only. Changes are not saved."));
      save_as = TRUE;
      break;
    case OBEYA_DOCUMENT_STATE_ERROR:
      text = g_strdup_printf (_("Could not save: %s. Obeya keeps trying."),
                              error ? error->message : _("unknown error"));
      save_as = TRUE;
      break;
    default:
      break;
    }

  gtk_label_set_text (self->state_label, text ? text : "");
  gtk_widget_set_visible (self->state_reload_button, reload);
  gtk_widget_set_visible (self->state_save_as_button, save_as);
  gtk_revealer_set_reveal_child (self->state_revealer, text != NULL);
}

static void
update_title (ObeyaWindow *self)
{
  const char *title = self->document ? obeya_document_get_title (self->document) : _("Obeya");

  adw_window_title_set_title (self->sidebar_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->content_title, title);
}

static void
workspace_changed_cb (ObeyaWorkspace *workspace,
                      ObeyaWindow    *self)
{
  update_sample_banner (self);
  update_actions (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "my-cards") == 0)
    schedule_my_cards (self);

  /* The shown board was deleted or archived (e.g. by undo): show another. */
  if (self->board != NULL)
    {
      guint position;
      gboolean present = g_list_store_find (G_LIST_STORE (obeya_workspace_get_boards (workspace)),
                                            self->board, &position);

      if (!present || (obeya_board_get_archived (self->board) &&
                       !gtk_toggle_button_get_active (self->show_archived_button)))
        show_board (self, first_visible_board (self));
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "no-boards") == 0)
    show_board (self, first_visible_board (self));
}

static void
history_notify_cb (ObeyaWindow *self)
{
  update_actions (self);
}

static void
set_workspace (ObeyaWindow    *self,
               ObeyaWorkspace *workspace)
{
  g_autoptr(GtkFilterListModel) boards = NULL;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (obeya_workspace_get_history (self->workspace), self);
    }
  show_board (self, NULL);
  g_set_object (&self->workspace, workspace);
  g_list_store_remove_all (self->my_cards);
  obeya_huddle_view_set_workspace (self->huddle_view, workspace);
  obeya_fives_view_set_workspace (self->fives_view, workspace);

  if (workspace == NULL)
    {
      gtk_list_box_bind_model (self->boards_list, NULL, NULL, NULL, NULL);
      return;
    }

  g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed_cb), self);
  g_signal_connect_swapped (obeya_workspace_get_history (workspace), "notify",
                            G_CALLBACK (history_notify_cb), self);

  boards = gtk_filter_list_model_new (g_object_ref (obeya_workspace_get_boards (workspace)),
                                      g_object_ref (self->board_filter));
  gtk_list_box_bind_model (self->boards_list, G_LIST_MODEL (boards), create_board_row, self, NULL);

  set_dropdown_model (self->assignee_dropdown, obeya_workspace_get_people (workspace), _("Anyone"));
  set_dropdown_model (self->tag_dropdown, obeya_workspace_get_tags (workspace), _("Any tag"));

  show_board (self, first_visible_board (self));
  update_sample_banner (self);
  update_title (self);
}

static void
document_state_cb (ObeyaWindow *self)
{
  update_state_banner (self);
  update_title (self);
}

static void
document_workspace_cb (ObeyaWindow *self)
{
  ObeyaBoard *previous = self->board;
  g_autofree char *board_id = previous ? g_strdup (obeya_entity_get_id (OBEYA_ENTITY (previous)))
                                       : NULL;
  gboolean on_huddle = huddle_shown (self);

  set_workspace (self, obeya_document_get_workspace (self->document));
  if (on_huddle && self->workspace != NULL)
    show_huddle (self);
  /* After a reload, stay on the same board if it still exists. */
  if (board_id != NULL && self->workspace != NULL)
    {
      ObeyaBoard *board = obeya_workspace_find_board (self->workspace, board_id);
      if (board != NULL)
        show_board (self, board);
    }
}

static void
file_changed_reload_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(ObeyaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (obeya_document_reload_finish (OBEYA_DOCUMENT (source), result, &error))
    obeya_window_show_toast (self, _("Reloaded: the workspace was changed elsewhere"), FALSE);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not reload: %s"), error->message);
      obeya_window_show_toast (self, message, FALSE);
    }
}

/* TRUE while a dialog of this window is open (a card editor, settings):
 * it edits the workspace shown, which a reload would replace under it. */
static gboolean
has_open_dialog (ObeyaWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (self) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

/* Someone else saved the file while nothing here was unsaved: show theirs
 * (nothing is lost; an edit made here meanwhile would make it a conflict).
 * With a dialog open the user is editing: they choose when, from a toast. */
static void
document_file_changed_cb (ObeyaWindow *self)
{
  if (has_open_dialog (self))
    {
      AdwToast *toast = adw_toast_new (_("The workspace was changed elsewhere"));

      adw_toast_set_button_label (toast, _("_Reload"));
      adw_toast_set_action_name (toast, "win.reload");
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  obeya_document_reload_async (self->document, NULL, file_changed_reload_cb,
                               g_object_ref (self));
}

void
obeya_window_set_document (ObeyaWindow   *self,
                           ObeyaDocument *document)
{
  g_return_if_fail (OBEYA_IS_WINDOW (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document == NULL)
    {
      set_workspace (self, NULL);
      return;
    }

  g_signal_connect_swapped (document, "notify::state", G_CALLBACK (document_state_cb), self);
  g_signal_connect_swapped (document, "notify::error", G_CALLBACK (document_state_cb), self);
  g_signal_connect_swapped (document, "notify::workspace", G_CALLBACK (document_workspace_cb), self);
  g_signal_connect_swapped (document, "file-changed", G_CALLBACK (document_file_changed_cb), self);
  set_workspace (self, obeya_document_get_workspace (document));
  update_state_banner (self);
  update_title (self);
}

ObeyaDocument *
obeya_window_get_document (ObeyaWindow *self)
{
  g_return_val_if_fail (OBEYA_IS_WINDOW (self), NULL);
  return self->document;
}

ObeyaWorkspace *
obeya_window_get_workspace (ObeyaWindow *self)
{
  g_return_val_if_fail (OBEYA_IS_WINDOW (self), NULL);
  return self->workspace;
}

ObeyaBoard *
obeya_window_get_board (ObeyaWindow *self)
{
  g_return_val_if_fail (OBEYA_IS_WINDOW (self), NULL);
  return self->board;
}

/* ---- a new day ---------------------------------------------------------------------- */

/* Once a minute: when the date changed (the app stayed open overnight), the
 * recurring work of the new day is created and the views redraw ages, due
 * dates and today's calendar cell. */
static gboolean
day_timer_cb (gpointer user_data)
{
  ObeyaWindow *self = user_data;
  ObeyaDay today = obeya_day_today ();

  if (today == self->day)
    return G_SOURCE_CONTINUE;
  self->day = today;

  if (self->workspace != NULL && !obeya_workspace_get_read_only (self->workspace))
    obeya_workspace_run_recurrences (self->workspace, today);
  if (self->board != NULL)
    {
      g_autoptr(ObeyaBoard) board = g_object_ref (self->board);

      obeya_board_view_set_board (self->board_view, NULL);
      obeya_board_view_set_board (self->board_view, board);
    }
  if (self->workspace != NULL)
    {
      obeya_huddle_view_set_workspace (self->huddle_view, NULL);
      obeya_huddle_view_set_workspace (self->huddle_view, self->workspace);
    }
  schedule_my_cards (self);
  return G_SOURCE_CONTINUE;
}

/* ---- loading ----------------------------------------------------------------------- */

static void
show_load_error (ObeyaWindow  *self,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *description = NULL;
  g_auto(GStrv) backups = NULL;
  g_autoptr(ObeyaDocument) probe = obeya_document_new_for_path (path, TRUE);

  backups = obeya_document_list_backups (probe);
  g_free (self->failed_path);
  self->failed_path = g_strdup (path);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    description = g_strdup_printf (_("“%s” does not exist."), path);
  else
    /* Translators: file name, then why (with line and column or the member) */
    description = g_strdup_printf (_("“%s” could not be read: %s\n\nThe file was not changed."),
                                   basename, error->message);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->open_backup_button, backups != NULL && backups[0] != NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
  gtk_spinner_stop (self->spinner);
  adw_window_title_set_title (self->content_title, basename);
}

static void
load_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ObeyaWindow) self = user_data;
  ObeyaDocument *document = OBEYA_DOCUMENT (source);
  g_autoptr(GError) error = NULL;

  if (!obeya_document_load_finish (document, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_load_error (self, obeya_document_get_path (document), error);
      return;
    }

  gtk_spinner_stop (self->spinner);
  obeya_window_set_document (self, document);
  if (self->workspace != NULL && !obeya_workspace_get_read_only (self->workspace))
    obeya_workspace_run_recurrences (self->workspace, obeya_day_today ());
}

static void
flush_before_open_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ObeyaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!obeya_document_flush_finish (OBEYA_DOCUMENT (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The previous workspace was not saved: %s"),
                                                  error->message);
      obeya_window_show_toast (self, message, FALSE);
    }
}

void
obeya_window_open_path (ObeyaWindow *self,
                        const char  *path,
                        gboolean     read_only)
{
  g_autoptr(ObeyaDocument) document = NULL;

  g_return_if_fail (OBEYA_IS_WINDOW (self));

  /* Edits still waiting for the autosave are written first (the flush
   * keeps the document alive until then). */
  if (self->document != NULL)
    {
      ObeyaDocumentState state = obeya_document_get_state (self->document);

      if (state == OBEYA_DOCUMENT_STATE_DIRTY || state == OBEYA_DOCUMENT_STATE_SAVING)
        obeya_document_flush_async (self->document, NULL, flush_before_open_cb,
                                    g_object_ref (self));
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  obeya_window_set_document (self, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  gtk_spinner_start (self->spinner);

  document = obeya_document_new_for_path (path, read_only);
  obeya_document_load_async (document, self->cancellable, load_ready_cb, g_object_ref (self));
}

/* ---- actions ------------------------------------------------------------------------ */

static void
update_actions (ObeyaWindow *self)
{
  ObeyaHistory *h = history (self);
  gboolean has_board = self->board != NULL;
  gboolean writable = self->workspace != NULL && !obeya_workspace_get_read_only (self->workspace);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", h && obeya_history_can_undo (h));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", h && obeya_history_can_redo (h));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.board-settings", has_board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archived-cards", has_board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", has_board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archive-board", has_board && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-card", has_board && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-board", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-sample",
                                 writable && obeya_workspace_has_sample (self->workspace));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.people", self->workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-trello", writable);
  gtk_widget_set_visible (self->board_menu_button, has_board);
  gtk_widget_set_visible (self->add_card_button, has_board);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), has_board);
  gtk_widget_set_visible (self->huddle_enter_button,
                          huddle_shown (self) &&
                          obeya_huddle_view_can_enter_numbers (self->huddle_view));
  gtk_widget_set_visible (self->huddle_menu_button, huddle_shown (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.huddle", self->workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.standup", self->workspace != NULL);
  gtk_widget_set_visible (self->fives_back_button,
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack),
                                     "fives") == 0 &&
                          obeya_fives_view_get_can_go_back (self->fives_view));
  gtk_widget_set_tooltip_text (self->add_card_button, _("Add Card (Ctrl+N)"));

  /* Archived boards exist: offer to show them. */
  if (self->workspace != NULL)
    {
      GListModel *boards = obeya_workspace_get_boards (self->workspace);
      gboolean any_archived = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (boards) && !any_archived; i++)
        {
          g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, i);
          any_archived = obeya_board_get_archived (board);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->show_archived_button), any_archived);
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  ObeyaHistory *h = history (self);
  g_autofree char *label = h && obeya_history_get_undo_label (h)
                           ? g_strdup (obeya_history_get_undo_label (h)) : NULL;

  if (h != NULL && obeya_history_undo (h) && label != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Undone: %s"), label);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 2);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  ObeyaHistory *h = history (self);

  if (h != NULL)
    obeya_history_redo (h);
}

static void
add_card_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->board_view), "board.add-card", NULL);
}

static void
board_created_cb (ObeyaWindow *self,
                  ObeyaBoard  *board)
{
  show_board (self, board);
}

static void
new_board_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  ObeyaNewBoardDialog *dialog;

  if (self->workspace == NULL)
    return;
  dialog = obeya_new_board_dialog_new (GTK_WINDOW (self), self->workspace);
  g_signal_connect_object (dialog, "board-created", G_CALLBACK (board_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
board_settings_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);

  if (self->board != NULL)
    gtk_window_present (GTK_WINDOW (obeya_board_settings_new (GTK_WINDOW (self), self->board)));
}

static void
archived_cards_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);

  if (self->board != NULL)
    gtk_window_present (GTK_WINDOW (obeya_archive_dialog_new (GTK_WINDOW (self), self->board)));
}

static void
people_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  g_autofree char *key = dup_me_key (self);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (obeya_people_dialog_new (GTK_WINDOW (self), self->workspace,
                                                             key)));
}

static void
clear_sample_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);

  if (self->workspace == NULL)
    return;
  obeya_workspace_clear_sample (self->workspace);
  obeya_window_show_toast (self, _("Sample content removed"), TRUE);
}

static void
archive_board_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  g_autofree char *message = NULL;

  if (self->board == NULL)
    return;
  message = g_strdup_printf (_("“%s” archived"), obeya_board_get_name (self->board));
  obeya_entity_edit (OBEYA_ENTITY (self->board), _("Archive board"), "archived", TRUE, NULL);
  obeya_window_show_toast (self, message, TRUE);
}

static void
toggle_filter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  gboolean active = !gtk_toggle_button_get_active (self->filter_button);

  if (self->board == NULL)
    return;
  gtk_toggle_button_set_active (self->filter_button, active);
  if (active)
    gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
cycle_board (ObeyaWindow *self,
             int          delta)
{
  GListModel *boards;
  guint n, index = 0;

  if (self->workspace == NULL)
    return;
  boards = obeya_workspace_get_boards (self->workspace);
  n = g_list_model_get_n_items (boards);
  if (n == 0)
    return;
  if (self->board != NULL)
    g_list_store_find (G_LIST_STORE (boards), self->board, &index);
  for (guint step = 0; step < n; step++)
    {
      g_autoptr(ObeyaBoard) board = NULL;

      index = (index + n + delta) % n;
      board = g_list_model_get_item (boards, index);
      if (!obeya_board_get_archived (board))
        {
          show_board (self, board);
          return;
        }
    }
}

static void
previous_board_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cycle_board (OBEYA_WINDOW (widget), -1);
}

static void
next_board_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cycle_board (OBEYA_WINDOW (widget), 1);
}

static void
reload_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ObeyaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!obeya_document_reload_finish (OBEYA_DOCUMENT (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not reload: %s"), error->message);
      obeya_window_show_toast (self, message, FALSE);
    }
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);

  if (self->document != NULL)
    obeya_document_reload_async (self->document, NULL, reload_ready_cb, g_object_ref (self));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  ObeyaWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      ObeyaDocumentState state = self->document ? obeya_document_get_state (self->document)
                                                : OBEYA_DOCUMENT_STATE_CLEAN;

      /* Changes that could not be saved (a conflict, a failed save) stay
       * on screen until the user decides: the file opens in a new window. */
      if (path != NULL &&
          (state == OBEYA_DOCUMENT_STATE_CONFLICT || state == OBEYA_DOCUMENT_STATE_ERROR))
        g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                            &file, 1, "");
      else if (path != NULL)
        obeya_window_open_path (self, path, FALSE);
    }
  g_object_unref (dialog);
}

static void
add_workspace_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) workspaces = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (workspaces, _("Obeya workspaces"));
  gtk_file_filter_add_pattern (workspaces, "*.obeya");
  gtk_file_filter_add_mime_type (workspaces, "application/x-obeya-workspace");
  gtk_file_filter_add_pattern (workspaces, "*.json");
  gtk_file_chooser_add_filter (chooser, workspaces);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Workspace"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_workspace_filters (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_backup_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  g_autoptr(ObeyaDocument) probe = NULL;
  g_auto(GStrv) backups = NULL;

  if (self->failed_path == NULL)
    return;
  probe = obeya_document_new_for_path (self->failed_path, TRUE);
  backups = obeya_document_list_backups (probe);
  if (backups == NULL || backups[0] == NULL)
    return;
  /* Opened read-only: the user decides with Save As where the rescue goes. */
  obeya_window_open_path (self, backups[0], TRUE);
  obeya_window_show_toast (self, _("The backup is open read-only: use Save As to keep it"), FALSE);
}

static void
save_as_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ObeyaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!obeya_document_save_as_finish (OBEYA_DOCUMENT (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);
      obeya_window_show_toast (self, message, FALSE);
    }
  else
    obeya_window_show_toast (self, _("Workspace saved"), FALSE);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     ObeyaWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          if (!g_str_has_suffix (path, ".obeya") && !g_str_has_suffix (path, ".json"))
            {
              char *with_suffix = g_strconcat (path, ".obeya", NULL);
              g_free (path);
              path = with_suffix;
            }
          obeya_document_save_as_async (self->document, path, NULL, save_as_ready_cb,
                                        g_object_ref (self));
        }
    }
  g_object_unref (dialog);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Save Workspace As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.obeya", self->document ? obeya_document_get_title (self->document)
                                                     : _("Workspace"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  add_workspace_filters (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- CSV export, Trello import ------------------------------------------------------------ */

static void
export_csv_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        ObeyaWindow     *self)
{
  const char *kind = g_object_get_data (G_OBJECT (dialog), "obeya-kind");

  if (response == GTK_RESPONSE_ACCEPT && self->board != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (kind, "moves") == 0)
        bytes = obeya_csv_export_moves (self->board, OBEYA_CSV_WRITE_BOM);
      else
        bytes = obeya_csv_export_cards (self->board, obeya_timestamp_now (), OBEYA_CSV_WRITE_BOM);

      if (path == NULL || !obeya_file_save (path, bytes, NULL, 0, NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not export: %s"),
                                                      error ? error->message
                                                            : _("not a local file"));
          obeya_window_show_toast (self, message, FALSE);
        }
      else
        {
          g_autofree char *basename = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Exported “%s”"), basename);
          obeya_window_show_toast (self, message, FALSE);
        }
    }
  g_object_unref (dialog);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->board == NULL)
    return;
  dialog = gtk_file_chooser_native_new (g_str_equal (kind, "moves") ? _("Export Moves as CSV")
                                                                     : _("Export Cards as CSV"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  /* Translators: file name of a CSV export: board name, then "cards" or "moves" */
  name = g_strdup_printf (g_str_equal (kind, "moves") ? _("%s moves.csv") : _("%s cards.csv"),
                          obeya_board_get_name (self->board));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_set_data_full (G_OBJECT (dialog), "obeya-kind", g_strdup (kind), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (export_csv_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
import_trello_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           ObeyaWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->workspace != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      ObeyaBoard *board = NULL;

      if (path != NULL && obeya_file_load (path, &bytes, NULL, &error))
        board = obeya_trello_import (self->workspace, bytes, &error);

      if (board == NULL)
        {
          g_autofree char *basename = g_file_get_basename (file);
          g_autofree char *body = g_strdup_printf (_("“%s” could not be imported: %s\n\nNothing was "
                                                     "changed."), basename,
                                                   error ? error->message
                                                         : _("not a local file"));
          GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self),
                                                     _("Import Failed"), body);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Imported “%s”"),
                                                      obeya_board_get_name (board));
          show_board (self, board);
          obeya_window_show_toast (self, message, TRUE);
        }
    }
  g_object_unref (dialog);
}

static void
import_trello_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Trello Board"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Trello JSON exports"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (import_trello_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- board view signals --------------------------------------------------------------- */

static void
card_activated_cb (ObeyaWindow    *self,
                   ObeyaCard      *card,
                   ObeyaBoardView *view)
{
  ObeyaCardEditor *editor;

  if (obeya_card_get_board (card) == NULL)
    return;
  editor = obeya_card_editor_new (GTK_WINDOW (self), card);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
huddle_card_activated_cb (ObeyaWindow     *self,
                          ObeyaCard       *card,
                          ObeyaHuddleView *view)
{
  /* An action of the huddle log: show it where it flows, on its board,
   * and open it. */
  if (obeya_card_get_board (card) == NULL)
    return;
  show_board (self, obeya_card_get_board (card));
  obeya_board_view_focus_card (self->board_view, card);
  card_activated_cb (self, card, NULL);
}

/* The header's huddle buttons and menu: "win.huddle" ('enter-numbers') runs
 * the huddle view's "huddle.enter-numbers", and so on. */
static void
huddle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  g_autofree char *name = g_strconcat ("huddle.", g_variant_get_string (parameter, NULL), NULL);

  if (!huddle_shown (self))
    show_huddle (self);
  gtk_widget_activate_action (GTK_WIDGET (self->huddle_view), name, NULL);
}

/* F11, "Start Stand-up": the stand-up window over this window's document. */
static void
standup_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObeyaWindow *self = OBEYA_WINDOW (widget);
  ObeyaStandup *standup;

  if (self->document == NULL || self->workspace == NULL)
    return;
  standup = obeya_standup_new (gtk_window_get_application (GTK_WINDOW (self)), self->document,
                               OBEYA_STANDUP_MODE_HUDDLE);
  /* Started from a team board: the huddle walks that one first. */
  if (self->board != NULL && obeya_board_get_kind (self->board) == OBEYA_BOARD_TEAM &&
      obeya_board_get_n_active_cards (self->board) > 0)
    obeya_standup_set_huddle_board (standup, self->board);
  gtk_window_present (GTK_WINDOW (standup));
}

static void
card_removed_cb (ObeyaWindow    *self,
                 ObeyaCard      *card,
                 gboolean        deleted,
                 ObeyaBoardView *view)
{
  obeya_window_show_toast (self, deleted ? _("Card deleted") : _("Card archived"), TRUE);
}

/* ---- closing ----------------------------------------------------------------------------- */

static void
flush_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ObeyaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GApplication *app = g_application_get_default ();

  if (!obeya_document_flush_finish (OBEYA_DOCUMENT (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save before closing: %s"),
                                                  error->message);

      /* Nothing is lost: the window stays, with the error and Save As. */
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      obeya_window_show_toast (self, message, FALSE);
    }
  else
    {
      self->may_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  if (app != NULL)
    g_application_release (app);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ObeyaWindow      *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->may_close = TRUE;
      /* Not from inside the dialog's response: closing the window destroys
       * its transient dialog while the dialog still works on itself. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self),
                       g_object_unref);
    }
  else if (g_strcmp0 (response, "save-as") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

static void
save_window_state (ObeyaWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
obeya_window_close_request (GtkWindow *window)
{
  ObeyaWindow *self = OBEYA_WINDOW (window);
  ObeyaDocumentState state;

  save_window_state (self);

  if (self->may_close || self->document == NULL)
    return GTK_WINDOW_CLASS (obeya_window_parent_class)->close_request (window);

  state = obeya_document_get_state (self->document);
  if (state == OBEYA_DOCUMENT_STATE_DIRTY || state == OBEYA_DOCUMENT_STATE_SAVING)
    {
      GApplication *app = g_application_get_default ();

      /* Save what is pending first; the application waits for it. */
      if (app != NULL)
        g_application_hold (app);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      obeya_document_flush_async (self->document, NULL, flush_ready_cb, g_object_ref (self));
      return TRUE;
    }

  /* Edits of a read-only workspace (a newer version's file, a backup, a
   * file without write permission) live only in this window. */
  if (state == OBEYA_DOCUMENT_STATE_READ_ONLY && self->workspace != NULL &&
      obeya_history_can_undo (obeya_workspace_get_history (self->workspace)))
    state = OBEYA_DOCUMENT_STATE_ERROR;

  if (state == OBEYA_DOCUMENT_STATE_CONFLICT || state == OBEYA_DOCUMENT_STATE_ERROR)
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                                  _("Your latest changes are not saved in the "
                                                    "workspace file. Save them as a new file, or "
                                                    "close and lose them."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save-as", _("_Save As…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (obeya_window_parent_class)->close_request (window);
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
obeya_window_dispose (GObject *object)
{
  ObeyaWindow *self = OBEYA_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->my_cards_idle, g_source_remove);
  g_clear_handle_id (&self->day_timer, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (obeya_workspace_get_history (self->workspace), self);
    }
  gtk_list_box_bind_model (self->boards_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->board);
  g_clear_object (&self->workspace);
  g_clear_object (&self->document);
  g_clear_object (&self->card_filter);
  g_clear_object (&self->query);
  g_clear_object (&self->board_filter);
  g_clear_object (&self->my_cards);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->failed_path, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_WINDOW);

  G_OBJECT_CLASS (obeya_window_parent_class)->dispose (object);
}

static void
obeya_window_class_init (ObeyaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = obeya_window_dispose;
  window_class->close_request = obeya_window_close_request;

  g_type_ensure (OBEYA_TYPE_BOARD_VIEW);
  g_type_ensure (OBEYA_TYPE_HUDDLE_VIEW);
  g_type_ensure (OBEYA_TYPE_FIVES_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/obeya/Obeya/obeya-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaWindow, name)
  BIND (toast_overlay);
  BIND (leaflet);
  BIND (sidebar);
  BIND (sidebar_title);
  BIND (views_list);
  BIND (my_cards_row);
  BIND (huddle_row);
  BIND (boards_list);
  BIND (show_archived_button);
  BIND (content);
  BIND (content_title);
  BIND (filter_button);
  BIND (board_menu_button);
  BIND (add_card_button);
  BIND (huddle_enter_button);
  BIND (huddle_menu_button);
  BIND (filter_bar);
  BIND (filter_entry);
  BIND (assignee_dropdown);
  BIND (tag_dropdown);
  BIND (blocked_toggle);
  BIND (overdue_toggle);
  BIND (sample_revealer);
  BIND (state_revealer);
  BIND (state_label);
  BIND (state_reload_button);
  BIND (state_save_as_button);
  BIND (content_stack);
  BIND (spinner);
  BIND (error_page);
  BIND (open_backup_button);
  BIND (board_view);
  BIND (huddle_view);
  BIND (my_cards_stack);
  BIND (my_cards_scrolled);
  BIND (my_cards_list);
  BIND (my_cards_empty);
  BIND (choose_me_button);
  BIND (fives_row);
  BIND (fives_back_button);
  BIND (fives_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, views_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, boards_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_archived_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_removed_cb);
  gtk_widget_class_bind_template_callback (widget_class, huddle_card_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, my_cards_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, fives_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, fives_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-card", NULL, add_card_action);
  gtk_widget_class_install_action (widget_class, "win.new-board", NULL, new_board_action);
  gtk_widget_class_install_action (widget_class, "win.clear-sample", NULL, clear_sample_action);
  gtk_widget_class_install_action (widget_class, "win.archive-board", NULL, archive_board_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-filter", NULL, toggle_filter_action);
  gtk_widget_class_install_action (widget_class, "win.previous-board", NULL, previous_board_action);
  gtk_widget_class_install_action (widget_class, "win.next-board", NULL, next_board_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-backup", NULL, open_backup_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", "s", export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.board-settings", NULL, board_settings_action);
  gtk_widget_class_install_action (widget_class, "win.archived-cards", NULL, archived_cards_action);
  gtk_widget_class_install_action (widget_class, "win.people", NULL, people_action);
  gtk_widget_class_install_action (widget_class, "win.import-trello", NULL, import_trello_action);
  gtk_widget_class_install_action (widget_class, "win.huddle", "s", huddle_action);
  gtk_widget_class_install_action (widget_class, "win.standup", NULL, standup_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.toggle-filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-board", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-board", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-board", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-board", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.huddle", "s", "enter-numbers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.standup", NULL);
}

static void
obeya_window_init (ObeyaWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_swapped (self->settings, "changed::workspace-me",
                                G_CALLBACK (schedule_my_cards), self);
      /* The size the window had when it was last closed. */
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  self->query = obeya_card_query_new ();
  g_signal_connect_swapped (self->query, "changed", G_CALLBACK (query_changed_cb), self);
  self->card_filter = GTK_FILTER (obeya_card_filter_new (self->query));
  obeya_board_view_set_filter (self->board_view, self->card_filter);
  self->board_filter = GTK_FILTER (gtk_custom_filter_new (board_filter_func, self, NULL));
  gtk_search_bar_connect_entry (self->filter_bar, GTK_EDITABLE (self->filter_entry));
  set_dropdown_model (self->assignee_dropdown, NULL, _("Anyone"));
  set_dropdown_model (self->tag_dropdown, NULL, _("Any tag"));

  self->my_cards = g_list_store_new (OBEYA_TYPE_CARD);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (my_cards_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (my_cards_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (my_cards_unbind_cb), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->my_cards)));
  gtk_list_view_set_model (self->my_cards_list, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->my_cards_list, factory);
  g_object_unref (selection);
  g_object_unref (factory);

  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  update_actions (self);

  self->day = obeya_day_today ();
  self->day_timer = g_timeout_add_seconds (60, day_timer_cb, self);
}

ObeyaWindow *
obeya_window_new (ObeyaApplication *app)
{
  return g_object_new (OBEYA_TYPE_WINDOW, "application", app, NULL);
}
