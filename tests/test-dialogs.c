/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kanban dialogs, driven through their widgets and actions: each change
 * must reach the model as a core command, undo must bring the widgets back,
 * and every dialog must be finalized when closed (no leaks).
 */
#include "config.h"

#include <adwaita.h>

#include "obeya-archive-dialog.h"
#include "obeya-board.h"
#include "obeya-card-editor.h"
#include "obeya-card.h"
#include "obeya-checklist-item.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-lane.h"
#include "obeya-link.h"
#include "obeya-person.h"
#include "obeya-recurrence.h"
#include "obeya-tag-color-button.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

typedef struct
{
  ObeyaWorkspace *ws;
  ObeyaHistory   *history;
  ObeyaBoard     *board;
  ObeyaColumn    *col[5];   /* Backlog, Ready, In progress, Review, Done */
  ObeyaPerson    *ana;
  ObeyaPerson    *kim;
  ObeyaTag       *urgent;
  ObeyaCard      *card;     /* "Pay invoice 4711" in In progress */
  GtkWindow      *parent;
} Fixture;

/* ---- helpers ------------------------------------------------------------- */

static void
flush (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/* The first descendant of @widget (itself included) of @type. */
static gpointer
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      gpointer found = find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The rows of a GtkListBox, in order. */
static GPtrArray *
list_rows (GtkWidget *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c))
      g_ptr_array_add (rows, c);
  return rows;
}

/* The message dialog shown over @parent. */
static AdwMessageDialog *
find_message_dialog (gpointer parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (parent) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
activate_entry (gpointer    row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
}

static gboolean
undo (Fixture *f)
{
  gboolean done = obeya_history_undo (f->history);

  flush ();
  return done;
}

/* Closes @window, and proves that closing it frees it. */
static void
close_and_finalize (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  flush ();
  g_assert_finalize_object (window);
}

static ObeyaColumn *
column_at (ObeyaBoard *board,
           guint       i)
{
  ObeyaColumn *column = g_list_model_get_item (obeya_board_get_columns (board), i);

  g_object_unref (column);
  return column;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ObeyaCard *other;

  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  f->ws = obeya_workspace_new ();
  f->history = obeya_workspace_get_history (f->ws);
  f->ana = obeya_workspace_add_person (f->ws, "Ana López");
  f->kim = obeya_workspace_add_person (f->ws, "Kim Park");
  f->urgent = obeya_workspace_add_tag (f->ws, "Urgent", "red");
  f->board = obeya_workspace_add_board (f->ws, "Accounts payable", OBEYA_BOARD_TEAM,
                                        OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  for (guint i = 0; i < 5; i++)
    f->col[i] = column_at (f->board, i);

  obeya_time_set_fake_now ("2026-10-28T10:00:00+01:00");
  f->card = obeya_board_add_card (f->board, f->col[0], NULL, -1, "Pay invoice 4711");
  obeya_time_set_fake_now ("2026-10-29T11:30:00+01:00");
  obeya_board_move_card (f->board, f->card, f->col[2], NULL, -1);
  obeya_card_add_checklist_item (f->card, "Check PO", -1);
  obeya_card_add_checklist_item (f->card, "Approve", -1);
  obeya_card_add_link (f->card, "url", "https://example.com/invoices/4711", "Invoice scan");
  other = obeya_board_add_card (f->board, f->col[2], NULL, -1, "Vendor master data");
  obeya_entity_edit (OBEYA_ENTITY (other), "Assign", "assignees",
                     (const char * const []) { obeya_entity_get_id (OBEYA_ENTITY (f->ana)), NULL },
                     NULL);
  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");

  obeya_history_clear (f->history);

  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->parent, 1024, 600);
  gtk_window_present (f->parent);
  flush ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  close_and_finalize (f->parent);
  g_assert_finalize_object (f->ws);
  obeya_time_set_fake_now (NULL);
}

/* ---- card editor ---------------------------------------------------------- */

static ObeyaCardEditor *
open_editor (Fixture *f)
{
  ObeyaCardEditor *editor = obeya_card_editor_new (f->parent, f->card);

  gtk_window_present (GTK_WINDOW (editor));
  flush ();
  return editor;
}

#define EDITOR_CHILD(editor, name) child (editor, OBEYA_TYPE_CARD_EDITOR, name)

static void
test_card_editor_title (Fixture       *f,
                        gconstpointer  data)
{
  ObeyaCardEditor *editor = open_editor (f);
  GtkWidget *title_row = EDITOR_CHILD (editor, "title_row");

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == f->parent);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Pay invoice 4711");

  /* Typing does not commit; Enter does. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Pay invoice 4711 (ACME)");
  g_assert_cmpstr (obeya_card_get_title (f->card), ==, "Pay invoice 4711");
  g_signal_emit_by_name (title_row, "entry-activated");
  g_assert_cmpstr (obeya_card_get_title (f->card), ==, "Pay invoice 4711 (ACME)");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Pay invoice 4711 (ACME)");

  /* An empty title is refused, visibly. */
  activate_entry (title_row, "   ");
  g_assert_cmpstr (obeya_card_get_title (f->card), ==, "Pay invoice 4711 (ACME)");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Pay invoice 4711 (ACME)");
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));

  /* Undo elsewhere: the row follows. */
  g_assert_true (undo (f));
  g_assert_cmpstr (obeya_card_get_title (f->card), ==, "Pay invoice 4711");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Pay invoice 4711");
  g_assert_false (obeya_history_can_undo (f->history));

  close_and_finalize (editor);
}

static void
test_card_editor_description (Fixture       *f,
                              gconstpointer  data)
{
  ObeyaCardEditor *editor = open_editor (f);
  GtkTextView *view = EDITOR_CHILD (editor, "description_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  /* Committed when the dialog closes, as one command. */
  gtk_text_buffer_set_text (buffer, "Line one\nLine two", -1);
  g_assert_null (obeya_card_get_description (f->card));
  gtk_window_close (GTK_WINDOW (editor));
  flush ();
  g_assert_cmpstr (obeya_card_get_description (f->card), ==, "Line one\nLine two");
  g_assert_cmpstr (obeya_history_get_undo_label (f->history), ==, "Edit description");

  /* Reopened, it shows the text; undo empties the view. */
  editor = open_editor (f);
  view = EDITOR_CHILD (editor, "description_view");
  buffer = gtk_text_view_get_buffer (view);
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Line one\nLine two");
    g_assert_true (undo (f));
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    g_free (text);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "");
  }
  close_and_finalize (editor);
  g_assert_null (obeya_card_get_description (f->card));
}

static void
test_card_editor_checklist (Fixture       *f,
                            gconstpointer  data)
{
  ObeyaCardEditor *editor = open_editor (f);
  GtkWidget *list = EDITOR_CHILD (editor, "checklist_list");
  GtkLabel *progress = EDITOR_CHILD (editor, "checklist_progress");
  g_autoptr(GPtrArray) rows = NULL;
  GtkCheckButton *check;
  g_autoptr(ObeyaChecklistItem) item = NULL;
  const char *id;

  g_assert_cmpstr (gtk_label_get_label (progress), ==, "0 of 2");

  /* Add by typing and Enter; the add row stays last and empty. */
  activate_entry (EDITOR_CHILD (editor, "add_item_row"), "File it");
  g_assert_cmpuint (obeya_card_get_checklist_total (f->card), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (EDITOR_CHILD (editor, "add_item_row"))),
                   ==, "");
  rows = list_rows (list);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows->pdata[2])), ==, "File it");
  g_assert_true (rows->pdata[3] == EDITOR_CHILD (editor, "add_item_row"));

  /* Tick the first item. */
  check = find_descendant (rows->pdata[0], GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (check, TRUE);
  item = g_list_model_get_item (obeya_card_get_checklist (f->card), 0);
  g_assert_true (obeya_checklist_item_get_done (item));
  g_assert_cmpstr (gtk_label_get_label (progress), ==, "1 of 3");

  /* Edit the text of the second. */
  activate_entry (rows->pdata[1], "Approve (two signatures)");
  g_clear_object (&item);
  item = g_list_model_get_item (obeya_card_get_checklist (f->card), 1);
  g_assert_cmpstr (obeya_checklist_item_get_text (item), ==, "Approve (two signatures)");

  /* Reorder and remove through the row menu's actions. */
  id = obeya_entity_get_id (OBEYA_ENTITY (item));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.checklist-move-down",
                                             "s", id));
  g_clear_object (&item);
  item = g_list_model_get_item (obeya_card_get_checklist (f->card), 2);
  g_assert_cmpstr (obeya_checklist_item_get_text (item), ==, "Approve (two signatures)");
  g_ptr_array_unref (rows);
  rows = list_rows (list);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows->pdata[2])), ==,
                   "Approve (two signatures)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.checklist-remove",
                                             "s", id));
  g_assert_cmpuint (obeya_card_get_checklist_total (f->card), ==, 2);
  g_assert_cmpstr (gtk_label_get_label (progress), ==, "1 of 2");

  /* Undo all the way back: the rows follow. */
  g_assert_true (undo (f));  /* remove */
  g_assert_true (undo (f));  /* move */
  g_assert_true (undo (f));  /* edit text */
  g_assert_true (undo (f));  /* tick */
  g_ptr_array_unref (rows);
  rows = list_rows (list);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows->pdata[1])), ==, "Approve");
  check = find_descendant (rows->pdata[0], GTK_TYPE_CHECK_BUTTON);
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_cmpstr (gtk_label_get_label (progress), ==, "0 of 3");
  g_assert_true (undo (f));  /* add */
  g_assert_cmpstr (gtk_label_get_label (progress), ==, "0 of 2");
  g_assert_false (obeya_history_can_undo (f->history));

  close_and_finalize (editor);
}

static void
test_card_editor_block (Fixture       *f,
                        gconstpointer  data)
{
  ObeyaCardEditor *editor = open_editor (f);
  GtkSwitch *sw = EDITOR_CHILD (editor, "blocked_switch");
  GtkWidget *reason_row = EDITOR_CHILD (editor, "reason_row");
  AdwActionRow *blocked_row = EDITOR_CHILD (editor, "blocked_row");
  guint n_blocks;

  g_assert_false (gtk_widget_get_visible (reason_row));

  /* Switching on waits for the reason: one episode, with its reason. */
  gtk_switch_set_active (sw, TRUE);
  g_assert_true (gtk_widget_get_visible (reason_row));
  g_assert_false (obeya_card_get_blocked (f->card));
  obeya_time_set_fake_now ("2026-11-02T09:05:00+01:00");
  activate_entry (reason_row, "Waiting for vendor credit note");
  g_assert_true (obeya_card_get_blocked (f->card));
  g_assert_cmpstr (obeya_card_get_blocked_reason (f->card), ==, "Waiting for vendor credit note");
  obeya_card_get_blocks (f->card, &n_blocks);
  g_assert_cmpuint (n_blocks, ==, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (blocked_row), "2 Nov 2026, 09:05"));

  /* Later, the total counts up. */
  obeya_time_set_fake_now ("2026-11-04T10:00:00+01:00");
  gtk_switch_set_active (sw, FALSE);
  g_assert_false (obeya_card_get_blocked (f->card));
  g_assert_false (gtk_widget_get_visible (reason_row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (blocked_row), "2 days blocked in total"));

  /* Undo: blocked again; undo: never blocked, switch off. */
  g_assert_true (undo (f));
  g_assert_true (obeya_card_get_blocked (f->card));
  g_assert_true (gtk_switch_get_active (sw));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason_row)), ==,
                   "Waiting for vendor credit note");
  g_assert_true (undo (f));
  g_assert_false (obeya_card_get_blocked (f->card));
  g_assert_false (gtk_switch_get_active (sw));
  g_assert_cmpstr (adw_action_row_get_subtitle (blocked_row), ==, "Not blocked");

  /* Switching on and off again without a reason changes nothing. */
  gtk_switch_set_active (sw, TRUE);
  gtk_switch_set_active (sw, FALSE);
  g_assert_false (obeya_history_can_undo (f->history));

  close_and_finalize (editor);
}

static void
test_card_editor_due_and_class (Fixture       *f,
                                gconstpointer  data)
{
  ObeyaCardEditor *editor = open_editor (f);
  GtkCalendar *calendar = EDITOR_CHILD (editor, "due_calendar");
  AdwActionRow *due_row = EDITOR_CHILD (editor, "due_row");
  GtkLabel *state = EDITOR_CHILD (editor, "due_state_label");
  AdwComboRow *class_row = EDITOR_CHILD (editor, "class_row");
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, 3, 0, 0, 0);
  g_autoptr(GDateTime) past = g_date_time_new_local (2026, 10, 30, 0, 0, 0);
  char buf[OBEYA_DAY_BUF_SIZE];

  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "None");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (state)));

  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (obeya_day_format (obeya_card_get_due (f->card), buf), ==, "2026-11-03");
  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "Tuesday, 3 November 2026");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (state)));
  g_assert_cmpstr (gtk_label_get_label (state), ==, "Due soon");

  gtk_calendar_select_day (calendar, past);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (gtk_label_get_label (state), ==, "Overdue");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (state), "error"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.clear-due", NULL));
  g_assert_cmpuint (obeya_card_get_due (f->card), ==, OBEYA_DAY_NONE);

  adw_combo_row_set_selected (class_row, OBEYA_CLASS_EXPEDITE);
  g_assert_cmpint (obeya_card_get_class_of_service (f->card), ==, OBEYA_CLASS_EXPEDITE);

  g_assert_true (undo (f));
  g_assert_cmpuint (adw_combo_row_get_selected (class_row), ==, OBEYA_CLASS_STANDARD);
  g_assert_true (undo (f));
  g_assert_cmpstr (gtk_label_get_label (state), ==, "Overdue");
  g_assert_true (undo (f));
  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "Tuesday, 3 November 2026");
  g_assert_true (undo (f));
  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "None");
  g_assert_false (obeya_history_can_undo (f->history));

  close_and_finalize (editor);
}

static void
test_card_editor_people_and_tags (Fixture       *f,
                                  gconstpointer  data)
{
  ObeyaCardEditor *editor = open_editor (f);
  AdwExpanderRow *assignees = EDITOR_CHILD (editor, "assignees_row");
  AdwExpanderRow *tags = EDITOR_CHILD (editor, "tags_row");
  GtkWidget *add_person = EDITOR_CHILD (editor, "add_person_row");
  g_autoptr(GPtrArray) rows = NULL;
  GtkCheckButton *check;

  g_assert_cmpstr (adw_expander_row_get_subtitle (assignees), ==, "Nobody");
  rows = list_rows (gtk_widget_get_parent (add_person));
  g_assert_cmpuint (rows->len, ==, 3);  /* Ana, Kim, Add person */
  check = find_descendant (rows->pdata[1], GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (obeya_card_has_assignee (f->card, obeya_entity_get_id (OBEYA_ENTITY (f->kim))));
  g_assert_cmpstr (adw_expander_row_get_subtitle (assignees), ==, "Kim Park");

  /* A new person is created and assigned in one command. */
  activate_entry (add_person, "Lee Chen");
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_people (f->ws)), ==, 3);
  g_assert_cmpstr (adw_expander_row_get_subtitle (assignees), ==, "Kim Park, Lee Chen");
  g_ptr_array_unref (rows);
  rows = list_rows (gtk_widget_get_parent (add_person));
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_true (rows->pdata[3] == add_person);

  /* A new tag with its colour. */
  obeya_tag_color_button_set_color (EDITOR_CHILD (editor, "add_tag_color"), "green");
  activate_entry (EDITOR_CHILD (editor, "add_tag_row"), "Vendor");
  g_assert_nonnull (obeya_workspace_find_tag_by_name (f->ws, "Vendor"));
  g_assert_cmpstr (obeya_tag_get_color (obeya_workspace_find_tag_by_name (f->ws, "Vendor")), ==,
                   "green");
  g_assert_cmpstr (adw_expander_row_get_subtitle (tags), ==, "Vendor");

  g_assert_true (undo (f));
  g_assert_null (obeya_workspace_find_tag_by_name (f->ws, "Vendor"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (tags), ==, "None");
  g_assert_true (undo (f));
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_people (f->ws)), ==, 2);
  g_ptr_array_unref (rows);
  rows = list_rows (gtk_widget_get_parent (add_person));
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (undo (f));
  check = find_descendant (rows->pdata[1], GTK_TYPE_CHECK_BUTTON);
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_cmpstr (adw_expander_row_get_subtitle (assignees), ==, "Nobody");

  close_and_finalize (editor);
}

static void
test_card_editor_place_and_links (Fixture       *f,
                                  gconstpointer  data)
{
  ObeyaCardEditor *editor = open_editor (f);
  AdwComboRow *column_row = EDITOR_CHILD (editor, "column_row");
  GtkWidget *lane_row = EDITOR_CHILD (editor, "lane_row");
  AdwExpanderRow *history_row = EDITOR_CHILD (editor, "history_row");
  GtkWidget *links = EDITOR_CHILD (editor, "links_list");
  g_autoptr(GPtrArray) rows = NULL;
  guint n_moves;

  g_assert_cmpuint (adw_combo_row_get_selected (column_row), ==, 2);
  g_assert_false (gtk_widget_get_visible (lane_row));
  g_assert_cmpstr (adw_expander_row_get_subtitle (history_row), ==, "1 move");
  g_assert_cmpstr (gtk_label_get_label (EDITOR_CHILD (editor, "age_label")), ==, "5 days");

  adw_combo_row_set_selected (column_row, 3);
  g_assert_true (obeya_card_get_column (f->card) == f->col[3]);
  obeya_card_get_moves (f->card, &n_moves);
  g_assert_cmpuint (n_moves, ==, 3);
  g_assert_cmpstr (adw_expander_row_get_subtitle (history_row), ==, "2 moves");

  /* Lanes appear when the board gets some. */
  obeya_board_add_lane (f->board, "Expedite", 0);
  flush ();
  g_assert_true (gtk_widget_get_visible (lane_row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (lane_row)), ==, 1);  /* Standard */
  g_assert_true (undo (f));
  g_assert_false (gtk_widget_get_visible (lane_row));
  g_assert_true (undo (f));
  g_assert_cmpuint (adw_combo_row_get_selected (column_row), ==, 2);

  /* Links: add a web address, remove it again. */
  activate_entry (EDITOR_CHILD (editor, "add_link_row"), "intranet.example.com/ap");
  g_assert_cmpuint (g_list_model_get_n_items (obeya_card_get_links (f->card)), ==, 2);
  {
    g_autoptr(ObeyaLink) link = g_list_model_get_item (obeya_card_get_links (f->card), 1);

    g_assert_cmpstr (obeya_link_get_kind (link), ==, "url");
    g_assert_cmpstr (obeya_link_get_target (link), ==, "https://intranet.example.com/ap");
    rows = list_rows (links);
    g_assert_cmpuint (rows->len, ==, 3);
    g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[1]), ==,
                     "https://intranet.example.com/ap");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.remove-link", "s",
                                               obeya_entity_get_id (OBEYA_ENTITY (link))));
  }
  g_assert_cmpuint (g_list_model_get_n_items (obeya_card_get_links (f->card)), ==, 1);
  g_ptr_array_unref (rows);
  rows = list_rows (links);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Invoice scan");

  close_and_finalize (editor);
}

static void
test_card_editor_archive_delete (Fixture       *f,
                                 gconstpointer  data)
{
  ObeyaCardEditor *editor = open_editor (f);
  GtkButton *archive = EDITOR_CHILD (editor, "archive_button");
  AdwMessageDialog *dialog;

  g_object_ref (editor);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.archive", NULL));
  g_assert_true (obeya_card_get_archived (f->card));
  g_assert_cmpstr (gtk_button_get_label (archive), ==, "_Restore Card");
  g_assert_false (gtk_widget_get_sensitive (EDITOR_CHILD (editor, "column_row")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.archive", NULL));
  g_assert_false (obeya_card_get_archived (f->card));
  g_assert_cmpstr (gtk_button_get_label (archive), ==, "_Archive Card");

  /* Delete asks; cancel keeps the card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.delete", NULL));
  dialog = find_message_dialog (editor);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  flush ();
  g_assert_true (obeya_board_find_card (f->board, obeya_entity_get_id (OBEYA_ENTITY (f->card)))
                 == f->card);

  /* Confirmed: deleted, and the editor closes itself. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.delete", NULL));
  dialog = find_message_dialog (editor);
  adw_message_dialog_response (dialog, "delete");
  flush ();
  g_assert_null (obeya_board_find_card (f->board, obeya_entity_get_id (OBEYA_ENTITY (f->card))));
  g_assert_finalize_object (editor);

  /* The caller can undo. */
  g_assert_true (undo (f));
  g_assert_true (obeya_board_find_card (f->board, obeya_entity_get_id (OBEYA_ENTITY (f->card)))
                 == f->card);
}

static void
test_card_editor_board_deleted (Fixture       *f,
                                gconstpointer  data)
{
  ObeyaCardEditor *editor = open_editor (f);

  g_object_ref (editor);
  obeya_workspace_delete_board (f->ws, f->board);
  flush ();
  g_assert_finalize_object (editor);
}


/* ---- archive dialog -------------------------------------------------------- */

#define ARCHIVE_CHILD(dialog, name) child (dialog, OBEYA_TYPE_ARCHIVE_DIALOG, name)

static void
test_archive_dialog (Fixture       *f,
                     gconstpointer  data)
{
  ObeyaArchiveDialog *dialog;
  GListModel *shown;
  GtkStack *stack;
  GtkEditable *search;
  ObeyaCard *old, *vendor;
  AdwMessageDialog *confirm;

  obeya_time_set_fake_now ("2026-10-30T16:00:00+01:00");
  old = obeya_board_add_card (f->board, f->col[4], NULL, -1, "Invoice 4100 paid");
  obeya_board_archive_card (f->board, old);
  obeya_time_set_fake_now ("2026-10-31T16:00:00+01:00");
  vendor = obeya_board_add_card (f->board, f->col[4], NULL, -1, "Vendor query answered");
  obeya_board_archive_card (f->board, vendor);
  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  obeya_history_clear (f->history);

  dialog = obeya_archive_dialog_new (f->parent, f->board);
  gtk_window_present (GTK_WINDOW (dialog));
  flush ();
  shown = ARCHIVE_CHILD (dialog, "filter_model");
  stack = ARCHIVE_CHILD (dialog, "stack");
  search = ARCHIVE_CHILD (dialog, "search_entry");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpstr (adw_window_title_get_subtitle (ARCHIVE_CHILD (dialog, "window_title")), ==,
                   "Accounts payable · 2 cards");

  /* Search, case-insensitive; no match shows its own page. */
  gtk_editable_set_text (search, "VENDOR");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (g_list_model_get_item (shown, 0) == (gpointer) vendor);
  g_object_unref (vendor);
  gtk_editable_set_text (search, "payroll");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  /* Restore; undo puts it back in the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "archive.restore", "s",
                                             obeya_entity_get_id (OBEYA_ENTITY (old))));
  g_assert_false (obeya_card_get_archived (old));
  g_assert_true (obeya_card_get_column (old) == f->col[4]);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (undo (f));
  g_assert_true (obeya_card_get_archived (old));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  /* Delete asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "archive.delete", "s",
                                             obeya_entity_get_id (OBEYA_ENTITY (old))));
  confirm = find_message_dialog (dialog);
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Delete “Invoice 4100 paid”?");
  adw_message_dialog_response (confirm, "delete");
  flush ();
  g_assert_null (obeya_board_find_card (f->board, obeya_entity_get_id (OBEYA_ENTITY (old))));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* Restoring the last one shows the empty state. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "archive.restore", "s",
                                             obeya_entity_get_id (OBEYA_ENTITY (vendor))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (undo (f));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  close_and_finalize (dialog);
}

static void
test_archive_dialog_many (Fixture       *f,
                          gconstpointer  data)
{
  ObeyaArchiveDialog *dialog;
  GtkListView *view;
  guint rows = 0;

  /* Thousands of archived cards: the list view makes rows for what shows. */
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Invoice %u paid", 10000 + i);
      ObeyaCard *card = obeya_board_add_card (f->board, f->col[4], NULL, -1, title);

      obeya_board_archive_card (f->board, card);
    }
  dialog = obeya_archive_dialog_new (f->parent, f->board);
  gtk_window_present (GTK_WINDOW (dialog));
  flush ();
  view = ARCHIVE_CHILD (dialog, "list_view");
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (view)); c; c = gtk_widget_get_next_sibling (c))
    rows++;
  g_assert_cmpuint (g_list_model_get_n_items (ARCHIVE_CHILD (dialog, "filter_model")), ==, 3000);
  g_assert_cmpuint (rows, >, 5);
  g_assert_cmpuint (rows, <, 300);
  close_and_finalize (dialog);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add ("/dialogs/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("card-editor/title", test_card_editor_title);
  ADD ("card-editor/description", test_card_editor_description);
  ADD ("card-editor/checklist", test_card_editor_checklist);
  ADD ("card-editor/block", test_card_editor_block);
  ADD ("card-editor/due-and-class", test_card_editor_due_and_class);
  ADD ("card-editor/people-and-tags", test_card_editor_people_and_tags);
  ADD ("card-editor/place-and-links", test_card_editor_place_and_links);
  ADD ("card-editor/archive-delete", test_card_editor_archive_delete);
  ADD ("card-editor/board-deleted", test_card_editor_board_deleted);
  ADD ("archive/restore-delete-search", test_archive_dialog);
  ADD ("archive/many", test_archive_dialog_many);
#undef ADD

  return g_test_run ();
}
