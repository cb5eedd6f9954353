/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window under a display (Xvfb in `make check`): add a card, move
 * it by keyboard and by drag and drop, filter, undo, archive, the sample.
 */
#include "config.h"

#include <adwaita.h>

#include "obeya-application.h"
#include "obeya-board.h"
#include "obeya-board-view.h"
#include "obeya-card.h"
#include "obeya-card-editor.h"
#include "obeya-card-widget.h"
#include "obeya-column.h"
#include "obeya-column-view.h"
#include "obeya-document.h"
#include "obeya-history.h"
#include "obeya-sample.h"
#include "obeya-window.h"
#include "obeya-workspace.h"
#include "test-util.h"

typedef struct
{
  char           *dir;
  ObeyaWorkspace *workspace;
  ObeyaDocument  *document;
  ObeyaWindow    *window;
  ObeyaBoard     *board;
} Fixture;

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a few frames, so that lists lay out their rows. */
static void
flush_events (void)
{
  gboolean done = FALSE;

  g_timeout_add (80, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("obeya-window-XXXXXX", NULL);
  path = g_build_filename (f->dir, "team.obeya", NULL);
  f->workspace = obeya_sample_create_workspace (obeya_day_today ());
  f->document = obeya_document_new_for_workspace (f->workspace, path);
  f->window = obeya_window_new (NULL);
  obeya_window_set_document (f->window, f->document);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1600, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  f->board = obeya_window_get_board (f->window);
  flush_events ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_clear_object (&f->document);
  test_await_finalize (f->workspace);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Depth-first search for the @skip-th mapped widget of @type (and CSS class). */
static GtkWidget *
find_widget_counting (GtkWidget  *root,
                      GType       type,
                      const char *css_class,
                      guint      *skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (css_class == NULL || gtk_widget_has_css_class (child, css_class)))
        {
          if (*skip == 0)
            return child;
          (*skip)--;
        }
      found = find_widget_counting (child, type, css_class, skip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_class,
             guint       skip)
{
  return find_widget_counting (root, type, css_class, &skip);
}

static ObeyaBoardView *
board_view (Fixture *f)
{
  return OBEYA_BOARD_VIEW (find_widget (GTK_WIDGET (f->window), OBEYA_TYPE_BOARD_VIEW, NULL, 0));
}

static ObeyaColumn *
column (Fixture *f,
        guint    i)
{
  ObeyaColumn *c = g_list_model_get_item (obeya_board_get_columns (f->board), i);

  g_object_unref (c);
  return c;
}

static ObeyaColumnView *
column_view (Fixture *f,
             guint    i)
{
  return OBEYA_COLUMN_VIEW (find_widget (GTK_WIDGET (board_view (f)), OBEYA_TYPE_COLUMN_VIEW,
                                         NULL, i));
}

static ObeyaLane *
lane (Fixture *f,
      guint    i)
{
  ObeyaLane *l = g_list_model_get_item (obeya_board_get_lanes (f->board), i);

  g_object_unref (l);
  return l;
}

static void
test_shows_sample (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *banner;

  g_assert_nonnull (f->board);
  g_assert_true (obeya_board_get_sample (f->board));
  g_assert_true (obeya_board_view_get_board (board_view (f)) == f->board);
  /* Five columns, each with the card faces of its cells. */
  g_assert_nonnull (column_view (f, 4));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), OBEYA_TYPE_CARD_WIDGET, NULL, 0));

  banner = find_widget (GTK_WIDGET (f->window), GTK_TYPE_BOX, "obeya-banner", 0);
  g_assert_nonnull (banner);
  banner = gtk_widget_get_parent (banner);
  g_assert_true (GTK_IS_REVEALER (banner));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* One action clears the sample; undo brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-sample", NULL);
  flush_events ();
  g_assert_false (obeya_workspace_has_sample (f->workspace));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_cmpstr (obeya_board_get_name (obeya_window_get_board (f->window)), ==, "My tasks");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  flush_events ();
  g_assert_true (obeya_workspace_has_sample (f->workspace));
}

static void
test_quick_add (Fixture       *f,
                gconstpointer  data)
{
  ObeyaColumnView *backlog = column_view (f, 0);
  GtkWidget *entry;
  GListModel *cell = obeya_column_get_cell (column (f, 0), lane (f, 1));
  guint before = g_list_model_get_n_items (cell);
  g_autoptr(ObeyaCard) added = NULL;

  obeya_column_view_start_quick_add (backlog, NULL);
  flush_events ();
  entry = find_widget (GTK_WIDGET (backlog), GTK_TYPE_ENTRY, "obeya-add-entry", 0);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Chase missing PO for invoice 5120  ");
  g_signal_emit_by_name (entry, "activate");
  flush_events ();

  g_assert_cmpuint (g_list_model_get_n_items (cell), ==, before + 1);
  added = g_list_model_get_item (cell, before);
  g_assert_cmpstr (obeya_card_get_title (added), ==, "Chase missing PO for invoice 5120");
  /* The entry stays open, empty, for the next card. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* An empty title adds nothing. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (cell), ==, before + 1);

  /* Ctrl+Z through the window undoes the add. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cell), ==, before);
}

static void
test_keyboard_move (Fixture       *f,
                    gconstpointer  data)
{
  ObeyaBoardView *view = board_view (f);
  GListModel *ready = obeya_column_get_cell (column (f, 1), lane (f, 1));
  g_autoptr(ObeyaCard) card = g_list_model_get_item (ready, 0);

  g_assert_true (obeya_board_view_focus_card (view, card));
  flush_events ();
  g_assert_true (obeya_board_view_get_focused_card (view) == card);

  gtk_widget_activate_action (GTK_WIDGET (view), "board.move-card", "s", "right");
  flush_events ();
  g_assert_true (obeya_card_get_column (card) == column (f, 2));
  /* The focus follows the card, so the next key press moves it further. */
  g_assert_true (obeya_board_view_get_focused_card (view) == card);
  gtk_widget_activate_action (GTK_WIDGET (view), "board.move-card", "s", "lane-up");
  flush_events ();
  g_assert_true (obeya_card_get_lane (card) == lane (f, 0));
  gtk_widget_activate_action (GTK_WIDGET (view), "board.move-card", "s", "up");
  flush_events ();
  g_assert_cmpint (obeya_board_get_card_position (f->board, card), ==, 0);

  /* Undo, step by step, puts it back exactly. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (obeya_card_get_column (card) == column (f, 1));
  g_assert_true (obeya_card_get_lane (card) == lane (f, 1));
  g_assert_cmpint (obeya_board_get_card_position (f->board, card), ==, 0);

  /* Archive from the keyboard; the toast offers undo. */
  g_assert_true (obeya_board_view_focus_card (view, card));
  flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (view), "board.archive-card", NULL);
  g_assert_true (obeya_card_get_archived (card));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_false (obeya_card_get_archived (card));
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static void
test_drag_and_drop (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *ready = obeya_column_get_cell (column (f, 1), lane (f, 1));
  GListModel *doing = obeya_column_get_cell (column (f, 2), lane (f, 1));
  g_autoptr(ObeyaCard) dragged = g_list_model_get_item (ready, 0);
  g_autoptr(ObeyaCard) onto = g_list_model_get_item (doing, 1);
  GtkWidget *target_widget = NULL;
  GtkDropTarget *target;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  guint n_doing = g_list_model_get_n_items (doing);

  /* Find the face of the card we drop onto. */
  for (guint i = 0;; i++)
    {
      GtkWidget *w = find_widget (GTK_WIDGET (column_view (f, 2)), OBEYA_TYPE_CARD_WIDGET, NULL, i);

      g_assert_nonnull (w);
      if (obeya_card_widget_get_card (OBEYA_CARD_WIDGET (w)) == onto)
        {
          target_widget = w;
          break;
        }
    }
  target = drop_target_of (target_widget);
  g_assert_nonnull (target);

  /* Drop on the upper half of the second card: it lands in second place. */
  g_value_init (&value, OBEYA_TYPE_CARD);
  g_value_set_object (&value, dragged);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 2.0, &accepted);
  g_value_unset (&value);
  flush_events ();

  g_assert_true (accepted);
  g_assert_true (obeya_card_get_column (dragged) == column (f, 2));
  g_assert_cmpuint (g_list_model_get_n_items (doing), ==, n_doing + 1);
  g_assert_cmpint (obeya_board_get_card_position (f->board, dragged), ==, 1);
  g_assert_cmpint (obeya_board_get_card_position (f->board, onto), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (obeya_card_get_column (dragged) == column (f, 1));
  g_assert_cmpint (obeya_board_get_card_position (f->board, dragged), ==, 0);
}

static guint
visible_cards (Fixture *f)
{
  guint n = 0;

  while (find_widget (GTK_WIDGET (board_view (f)), OBEYA_TYPE_CARD_WIDGET, NULL, n) != NULL)
    n++;
  return n;
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry, *blocked;
  guint all;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-filter", NULL);
  flush_events ();
  all = visible_cards (f);
  g_assert_cmpuint (all, >, 5);

  entry = find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY, NULL, 0);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "VAT");
  g_signal_emit_by_name (entry, "search-changed");
  flush_events ();
  g_assert_cmpuint (visible_cards (f), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  blocked = find_widget (GTK_WIDGET (f->window), GTK_TYPE_TOGGLE_BUTTON, NULL, 0);
  /* The "Blocked" toggle of the filter bar. */
  for (guint i = 0; blocked != NULL; i++)
    {
      blocked = find_widget (GTK_WIDGET (f->window), GTK_TYPE_TOGGLE_BUTTON, NULL, i);
      if (blocked != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (blocked)), "Blocked") == 0)
        break;
    }
  g_assert_nonnull (blocked);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (blocked), TRUE);
  flush_events ();
  g_assert_cmpuint (visible_cards (f), ==, 1);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (blocked), FALSE);
  flush_events ();
  g_assert_cmpuint (visible_cards (f), ==, all);
}

static void
test_wip_warning (Fixture       *f,
                  gconstpointer  data)
{
  ObeyaColumnView *review = column_view (f, 3);
  GListModel *ready = obeya_column_get_cell (column (f, 1), lane (f, 1));
  g_autoptr(ObeyaCard) card = g_list_model_get_item (ready, 0);

  /* Review has a WIP limit of 2 and two cards. */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (review), "over-limit"));
  obeya_board_move_card (f->board, card, column (f, 3), lane (f, 1), -1);
  flush_events ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (review), "over-limit"));
  obeya_card_block (card, "Waiting");
  flush_events ();
  /* Blocked cards do not count toward WIP on this board. */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (review), "over-limit"));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window; /* GTK keeps it */
    }
  return NULL;
}

static void
test_delete_asks_first (Fixture       *f,
                        gconstpointer  data)
{
  ObeyaBoardView *view = board_view (f);
  GListModel *ready = obeya_column_get_cell (column (f, 1), lane (f, 1));
  g_autoptr(ObeyaCard) card = g_list_model_get_item (ready, 0);
  GtkWindow *dialog;

  g_assert_true (obeya_board_view_focus_card (view, card));
  flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (view), "board.delete-card", NULL);
  flush_events ();
  /* Nothing is deleted before the answer. */
  g_assert_true (obeya_card_get_board (card) == f->board);
  g_assert_nonnull (obeya_board_find_card (f->board, obeya_entity_get_id (OBEYA_ENTITY (card))));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  flush_events ();
  g_assert_null (obeya_board_find_card (f->board, obeya_entity_get_id (OBEYA_ENTITY (card))));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_nonnull (obeya_board_find_card (f->board, obeya_entity_get_id (OBEYA_ENTITY (card))));
}

static void
test_open_card_editor (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *ready = obeya_column_get_cell (column (f, 1), lane (f, 1));
  g_autoptr(ObeyaCard) card = g_list_model_get_item (ready, 0);
  GListModel *toplevels;
  GtkWindow *editor = NULL;

  /* What a click on a card (or Enter) does. */
  gtk_widget_activate_action (GTK_WIDGET (board_view (f)), "board.open-card", "s",
                              obeya_entity_get_id (OBEYA_ENTITY (card)));
  flush_events ();
  toplevels = gtk_window_get_toplevels (); /* owned by GTK */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (OBEYA_IS_CARD_EDITOR (window))
        editor = window;
    }
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (f->window));
  gtk_window_destroy (editor);
  flush_events ();
}

static void
wait_for_name (ObeyaWindow *window,
               const char  *name)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_strcmp0 (obeya_workspace_get_name (obeya_window_get_workspace (window)), name) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* What another Obeya saving @workspace renamed to @name would write. */
static void
write_renamed (const char     *path,
               ObeyaWorkspace *workspace,
               const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ours = obeya_workspace_save (workspace, &error);
  g_autoptr(ObeyaWorkspace) theirs = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  theirs = obeya_workspace_load (ours, &error);
  g_assert_no_error (error);
  obeya_workspace_set_name (theirs, name);
  bytes = obeya_workspace_save (theirs, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));
}

/* Runs the main loop until *@pointer (a weak pointer) is cleared, for up
 * to ten seconds. */
static void
wait_for_null (gpointer *pointer)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*pointer != NULL && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
  g_assert_null (*pointer);
}

/* Writes the fixture's workspace to its file and waits until it is there. */
static void
save_now (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  obeya_workspace_emit_changed (f->workspace);
  obeya_document_flush_async (f->document, NULL, NULL, NULL);
  while (obeya_document_get_state (f->document) != OBEYA_DOCUMENT_STATE_CLEAN)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Someone else saves the file: a window with nothing unsaved shows theirs;
 * with a dialog open it waits for the user's Reload. */
static void
test_reload_when_changed_elsewhere (Fixture       *f,
                                    gconstpointer  data)
{
  const char *path = obeya_document_get_path (f->document);
  GtkWindow *dialog;

  obeya_document_set_poll_interval (f->document, 50);
  obeya_workspace_set_name (f->workspace, "Ours");
  save_now (f);

  write_renamed (path, f->workspace, "Theirs");
  wait_for_name (f->window, "Theirs");
  g_assert_true (obeya_document_get_workspace (f->document) ==
                 obeya_window_get_workspace (f->window));

  /* A card editor is open: nothing is replaced under it. */
  {
    GListModel *ready;
    g_autoptr(ObeyaCard) card = NULL;

    f->board = obeya_window_get_board (f->window);
    ready = obeya_column_get_cell (column (f, 1), lane (f, 1));
    card = g_list_model_get_item (ready, 0);
    gtk_widget_activate_action (GTK_WIDGET (board_view (f)), "board.open-card", "s",
                                obeya_entity_get_id (OBEYA_ENTITY (card)));
    flush_events ();
  }
  dialog = find_toplevel (OBEYA_TYPE_CARD_EDITOR);
  g_assert_nonnull (dialog);
  write_renamed (path, obeya_window_get_workspace (f->window), "Theirs, again");
  for (guint i = 0; i < 5; i++)
    flush_events ();
  g_assert_cmpstr (obeya_workspace_get_name (obeya_window_get_workspace (f->window)), ==,
                   "Theirs");

  gtk_window_destroy (dialog);
  flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reload", NULL);
  wait_for_name (f->window, "Theirs, again");
}

/* A read-only workspace (here: opened read-only) never writes; closing a
 * window with edits in it asks first, and closes at once without edits. */
static void
test_read_only_close_asks (Fixture       *f,
                           gconstpointer  data)
{
  const char *path = obeya_document_get_path (f->document);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  ObeyaWindow *window;
  ObeyaWorkspace *workspace;
  AdwMessageDialog *dialog;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  save_now (f);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  before = g_bytes_new_take (g_steal_pointer (&contents), length);

  for (guint edit = 0; edit < 2; edit++)
    {
      g_autoptr(ObeyaBoard) board = NULL;
      g_autoptr(ObeyaColumn) first = NULL;

      window = obeya_window_new (NULL);
      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
      obeya_window_open_path (window, path, TRUE);
      gtk_window_present (GTK_WINDOW (window));
      while ((workspace = obeya_window_get_workspace (window)) == NULL)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, end);
          g_main_context_iteration (NULL, TRUE);
        }
      flush_events ();
      g_assert_cmpint (obeya_document_get_state (obeya_window_get_document (window)), ==,
                       OBEYA_DOCUMENT_STATE_READ_ONLY);

      if (edit == 0)
        {
          /* Nothing changed: it closes without a question. */
          gtk_window_close (GTK_WINDOW (window));
          flush_events ();
          g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
          wait_for_null ((gpointer *) &window);
          continue;
        }

      board = g_list_model_get_item (obeya_workspace_get_boards (workspace), 0);
      first = g_list_model_get_item (obeya_board_get_columns (board), 0);
      obeya_board_add_card (board, first, NULL, -1, "Only in memory");
      flush_events ();
      gtk_window_close (GTK_WINDOW (window));
      flush_events ();
      dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      g_assert_nonnull (dialog);
      g_assert_nonnull (window);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
      adw_message_dialog_response (dialog, "discard");
      wait_for_null ((gpointer *) &window);
    }

  /* The file was never written. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  after = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (before, after));
}

/* On a narrow window a card moved by keyboard into a column off screen
 * scrolls the board so the column shows. */
static void
test_keyboard_move_scrolls (Fixture       *f,
                            gconstpointer  data)
{
  ObeyaBoardView *view = board_view (f);
  GListModel *ready = obeya_column_get_cell (column (f, 1), lane (f, 1));
  g_autoptr(ObeyaCard) card = g_list_model_get_item (ready, 0);
  GtkWidget *scrolled = find_widget (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW, NULL, 0);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 600);
  for (guint i = 0; i < 5; i++)
    flush_events ();
  g_assert_cmpfloat (gtk_adjustment_get_page_size (h), <, gtk_adjustment_get_upper (h));
  g_assert_true (obeya_board_view_focus_card (view, card));
  flush_events ();
  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (view), "board.move-card", "s", "right");
      flush_events ();
    }
  g_assert_true (obeya_card_get_column (card) == column (f, 4));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (find_widget (GTK_WIDGET (view),
                                                                     OBEYA_TYPE_COLUMN_VIEW,
                                                                     NULL, 4)),
                                            viewport, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_adjustment_get_page_size (h) + 0.5);
}

/* A narrow card (the stand-up on a small screen) puts its assignees on a
 * line of their own instead of over the due date, checklist and age. */
static void
test_narrow_card_wraps_assignees (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(ObeyaCard) card = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget = obeya_card_widget_new ();
  int wide, narrow;

  for (guint c = 0; c < g_list_model_get_n_items (obeya_board_get_columns (f->board)) && !card; c++)
    for (guint l = 0; l < g_list_model_get_n_items (obeya_board_get_lanes (f->board)) && !card; l++)
      {
        GListModel *cell = obeya_column_get_cell (column (f, c), lane (f, l));

        for (guint i = 0; i < g_list_model_get_n_items (cell) && !card; i++)
          {
            g_autoptr(ObeyaCard) candidate = g_list_model_get_item (cell, i);

            if (g_strcmp0 (obeya_card_get_title (candidate), "Month-end accruals") == 0)
              card = g_object_ref (candidate);
          }
      }
  g_assert_nonnull (card);
  g_assert_cmpuint (g_strv_length ((char **) obeya_card_get_assignees (card)), ==, 2);
  g_assert_cmpuint (obeya_card_get_checklist_total (card), >, 0);

  gtk_window_set_child (GTK_WINDOW (window), widget);
  obeya_card_widget_set_card (OBEYA_CARD_WIDGET (widget), card);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, 420, NULL, &wide, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, 200, NULL, &narrow, NULL, NULL);
  /* The title fits on one line at both widths: the difference is the
   * assignees' line. */
  g_assert_cmpint (narrow, >, wide + 15);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Collects the sidebar rows marked as the page on show. */
static void
collect_current_rows (GtkWidget *root,
                      GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_has_css_class (child, "obeya-current"))
        g_ptr_array_add (rows, child);
      collect_current_rows (child, rows);
    }
}

static GtkWidget *
the_current_row (Fixture *f)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_current_rows (GTK_WIDGET (f->window), rows);
  g_assert_cmpuint (rows->len, ==, 1);
  return g_ptr_array_index (rows, 0);
}

/* Exactly one sidebar row shows the page on show, and moving the keyboard
 * focus through the sidebar does not highlight a second one. */
static void
test_sidebar_marks_one_row (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *row = the_current_row (f);
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *other_list = NULL;
  GtkWidget *huddle_row;

  g_assert_true (g_object_get_data (G_OBJECT (row), "obeya-board") == f->board);
  g_assert_cmpint (gtk_list_box_get_selection_mode (GTK_LIST_BOX (list)), ==, GTK_SELECTION_NONE);

  /* The views list sits above the boards list in the same box. */
  for (GtkWidget *w = gtk_widget_get_prev_sibling (list); w != NULL && other_list == NULL;
       w = gtk_widget_get_prev_sibling (w))
    if (GTK_IS_LIST_BOX (w))
      other_list = w;
  g_assert_nonnull (other_list);
  g_assert_cmpint (gtk_list_box_get_selection_mode (GTK_LIST_BOX (other_list)), ==,
                   GTK_SELECTION_NONE);

  huddle_row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (other_list), 1));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (other_list), 0)));
  gtk_widget_child_focus (other_list, GTK_DIR_DOWN);
  flush_events ();
  g_assert_true (the_current_row (f) == row);

  obeya_window_show_huddle (f->window);
  flush_events ();
  g_assert_true (the_current_row (f) == huddle_row);

  obeya_window_select_board (f->window, f->board);
  flush_events ();
  g_assert_true (the_current_row (f) == row);

  /* Rows made again (a board added, then taken away) still mark the board shown. */
  obeya_workspace_add_board (f->workspace, "Another", OBEYA_BOARD_TEAM, OBEYA_BOARD_TEMPLATE_EMPTY);
  flush_events ();
  g_assert_true (g_object_get_data (G_OBJECT (the_current_row (f)), "obeya-board") == f->board);
  obeya_history_undo (obeya_workspace_get_history (f->workspace));
  flush_events ();
  g_assert_true (g_object_get_data (G_OBJECT (the_current_row (f)), "obeya-board") == f->board);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add ("/window/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("shows-sample", test_shows_sample);
  ADD ("quick-add", test_quick_add);
  ADD ("keyboard-move", test_keyboard_move);
  ADD ("keyboard-move-scrolls", test_keyboard_move_scrolls);
  ADD ("drag-and-drop", test_drag_and_drop);
  ADD ("filter", test_filter);
  ADD ("wip-warning", test_wip_warning);
  ADD ("open-card-editor", test_open_card_editor);
  ADD ("delete-asks-first", test_delete_asks_first);
  ADD ("reload-when-changed-elsewhere", test_reload_when_changed_elsewhere);
  ADD ("sidebar-marks-one-row", test_sidebar_marks_one_row);
  ADD ("read-only-close-asks", test_read_only_close_asks);
  ADD ("narrow-card-wraps-assignees", test_narrow_card_wraps_assignees);
#undef ADD

  return g_test_run ();
}
