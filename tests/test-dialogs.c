/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kanban dialogs, driven through their widgets and actions: each change
 * must reach the model as a core command, undo must bring the widgets back,
 * and every dialog must be finalized when closed (no leaks).
 */
#include "config.h"

#include <adwaita.h>

#include "obeya-archive-dialog.h"
#include "obeya-board-settings.h"
#include "obeya-board.h"
#include "obeya-card-editor.h"
#include "obeya-card.h"
#include "obeya-checklist-item.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-lane.h"
#include "obeya-link.h"
#include "obeya-new-board-dialog.h"
#include "obeya-people-dialog.h"
#include "obeya-person.h"
#include "obeya-recurrence-editor.h"
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

/* What clicking a response button does: respond, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  flush ();
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

/* The action that Escape triggers in @widget (a class key binding). */
static char *
escape_action_name (gpointer widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (trigger, "Escape") && GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

/* Escape is bound to an action that closes @window. */
static void
assert_escape_closes (gpointer window)
{
  g_autofree char *action = escape_action_name (window);

  g_assert_nonnull (action);
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  flush ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
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

  /* Typed in the focused row, then the dialog closes: kept, as one expects;
   * the focus leaving the row as the widgets go adds nothing. */
  gtk_widget_grab_focus (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Pay invoice 4711 today");
  g_object_ref (editor);
  gtk_window_close (GTK_WINDOW (editor));
  flush ();
  g_assert_cmpstr (obeya_card_get_title (f->card), ==, "Pay invoice 4711 today");
  g_assert_true (undo (f));
  g_assert_false (obeya_history_can_undo (f->history));
  g_assert_finalize_object (editor);
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
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.due-today", NULL));
  g_assert_cmpuint (obeya_card_get_due (f->card), ==, obeya_day_today ());
  g_assert_cmpstr (gtk_label_get_label (state), ==, "Due soon");
  g_assert_true (undo (f));

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
  respond (dialog, "cancel");
  g_assert_true (obeya_board_find_card (f->board, obeya_entity_get_id (OBEYA_ENTITY (f->card)))
                 == f->card);

  /* Confirmed: deleted, and the editor closes itself. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.delete", NULL));
  dialog = find_message_dialog (editor);
  respond (dialog, "delete");
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
  respond (confirm, "delete");
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


/* ---- board settings -------------------------------------------------------- */

#define SETTINGS_CHILD(dialog, name) child (dialog, OBEYA_TYPE_BOARD_SETTINGS, name)

static ObeyaBoardSettings *
open_settings (Fixture *f)
{
  ObeyaBoardSettings *settings = obeya_board_settings_new (f->parent, f->board);

  gtk_window_present (GTK_WINDOW (settings));
  flush ();
  return settings;
}

static void
test_settings_general (Fixture       *f,
                       gconstpointer  data)
{
  ObeyaBoardSettings *settings = open_settings (f);
  GtkWidget *name_row = SETTINGS_CHILD (settings, "name_row");
  AdwComboRow *kind_row = SETTINGS_CHILD (settings, "kind_row");
  GtkSwitch *wip = SETTINGS_CHILD (settings, "blocked_wip_switch");
  AdwMessageDialog *confirm;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Accounts payable");
  activate_entry (name_row, "AP team");
  g_assert_cmpstr (obeya_board_get_name (f->board), ==, "AP team");
  activate_entry (name_row, "");
  g_assert_cmpstr (obeya_board_get_name (f->board), ==, "AP team");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));

  adw_combo_row_set_selected (kind_row, OBEYA_BOARD_PERSONAL);
  g_assert_cmpint (obeya_board_get_kind (f->board), ==, OBEYA_BOARD_PERSONAL);
  gtk_switch_set_active (wip, TRUE);
  g_assert_true (obeya_board_get_blocked_counts_wip (f->board));

  g_assert_true (undo (f));
  g_assert_false (gtk_switch_get_active (wip));
  g_assert_true (undo (f));
  g_assert_cmpuint (adw_combo_row_get_selected (kind_row), ==, OBEYA_BOARD_TEAM);
  g_assert_true (undo (f));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Accounts payable");

  /* Archive asks; restore does not. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.archive-board", NULL));
  confirm = find_message_dialog (settings);
  g_assert_nonnull (confirm);
  respond (confirm, "archive");
  g_assert_true (obeya_board_get_archived (f->board));
  g_assert_cmpstr (gtk_button_get_label (SETTINGS_CHILD (settings, "archive_button")), ==, "_Restore");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.archive-board", NULL));
  g_assert_false (obeya_board_get_archived (f->board));
  g_assert_null (find_message_dialog (settings));

  assert_escape_closes (settings);
}

static void
test_settings_delete_board (Fixture       *f,
                            gconstpointer  data)
{
  ObeyaBoardSettings *settings = open_settings (f);
  AdwMessageDialog *confirm;

  g_object_ref (settings);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.delete-board", NULL));
  confirm = find_message_dialog (settings);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "2 cards"));
  respond (confirm, "delete");
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_boards (f->ws)), ==, 0);
  /* Nothing left to set: the window closed itself. */
  g_assert_finalize_object (settings);
  g_assert_true (undo (f));
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_boards (f->ws)), ==, 1);
}

static void
test_settings_columns (Fixture       *f,
                       gconstpointer  data)
{
  ObeyaBoardSettings *settings = open_settings (f);
  GtkWidget *list = SETTINGS_CHILD (settings, "columns_list");
  GListModel *columns = obeya_board_get_columns (f->board);
  g_autoptr(GPtrArray) rows = list_rows (list);
  AdwMessageDialog *confirm;
  AdwComboRow *target;
  GtkSpinButton *spin;
  AdwEntryRow *name;
  AdwComboRow *role;
  GtkEntry *entry;

  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[2]), ==, "In progress");
  g_assert_cmpstr (adw_expander_row_get_subtitle (rows->pdata[2]), ==,
                   "In progress (committed) · no limit · 2 cards");

  /* Name, role and WIP limit through the row's widgets, made when the row
   * is first opened. */
  g_assert_null (find_descendant (rows->pdata[2], ADW_TYPE_ENTRY_ROW));
  adw_expander_row_set_expanded (rows->pdata[1], TRUE);
  adw_expander_row_set_expanded (rows->pdata[2], TRUE);
  name = find_descendant (rows->pdata[2], ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "In progress");
  activate_entry (name, "Doing");
  g_assert_cmpstr (obeya_column_get_name (f->col[2]), ==, "Doing");
  spin = find_descendant (rows->pdata[2], GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (spin, 3);
  g_assert_cmpuint (obeya_column_get_wip_limit (f->col[2]), ==, 3);
  role = find_descendant (rows->pdata[1], ADW_TYPE_COMBO_ROW);
  adw_combo_row_set_selected (role, OBEYA_COLUMN_ROLE_ACTIVE);
  g_assert_cmpint (obeya_column_get_role (f->col[1]), ==, OBEYA_COLUMN_ROLE_ACTIVE);
  g_assert_cmpstr (adw_expander_row_get_subtitle (rows->pdata[2]), ==,
                   "In progress (committed) · limit 3 · 2 cards");

  /* Reorder. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.column-left", "s",
                                             obeya_entity_get_id (OBEYA_ENTITY (f->col[3]))));
  g_assert_true (column_at (f->board, 2) == f->col[3]);
  g_ptr_array_unref (rows);
  rows = list_rows (list);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[2]), ==, "Review");
  g_assert_true (undo (f));
  g_assert_true (column_at (f->board, 2) == f->col[2]);

  /* Delete "Doing" (2 cards), moving its cards to Review. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.delete-column", "s",
                                             obeya_entity_get_id (OBEYA_ENTITY (f->col[2]))));
  confirm = find_message_dialog (settings);
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "“Doing” holds 2 cards"));
  target = find_descendant (adw_message_dialog_get_extra_child (confirm), ADW_TYPE_COMBO_ROW);
  /* Backlog, Ready, Review, Done: the right neighbour is suggested. */
  g_assert_cmpuint (adw_combo_row_get_selected (target), ==, 2);
  respond (confirm, "move");
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 4);
  g_assert_true (obeya_card_get_column (f->card) == f->col[3]);
  g_assert_cmpuint (obeya_column_get_n_cards (f->col[3]), ==, 2);
  g_ptr_array_unref (rows);
  rows = list_rows (list);
  g_assert_cmpuint (rows->len, ==, 4);

  g_assert_true (undo (f));
  g_assert_true (obeya_card_get_column (f->card) == f->col[2]);
  g_ptr_array_unref (rows);
  rows = list_rows (list);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[2]), ==, "Doing");

  /* Or archive them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.delete-column", "s",
                                             obeya_entity_get_id (OBEYA_ENTITY (f->col[2]))));
  respond (find_message_dialog (settings), "archive");
  g_assert_true (obeya_card_get_archived (f->card));
  g_assert_cmpuint (g_list_model_get_n_items (obeya_board_get_archived_cards (f->board)), ==, 2);
  g_assert_true (undo (f));
  g_assert_false (obeya_card_get_archived (f->card));

  /* Add a column: it goes before Done, with its row open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.add-column", NULL));
  confirm = find_message_dialog (settings);
  entry = GTK_ENTRY (adw_message_dialog_get_extra_child (confirm));
  g_assert_false (adw_message_dialog_get_response_enabled (confirm, "add"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Approval");
  g_assert_true (adw_message_dialog_get_response_enabled (confirm, "add"));
  respond (confirm, "add");
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 6);
  g_assert_cmpstr (obeya_column_get_name (column_at (f->board, 4)), ==, "Approval");
  g_ptr_array_unref (rows);
  rows = list_rows (list);
  g_assert_true (adw_expander_row_get_expanded (rows->pdata[4]));

  close_and_finalize (settings);
}

static void
test_settings_lanes (Fixture       *f,
                     gconstpointer  data)
{
  ObeyaBoardSettings *settings = open_settings (f);
  GtkWidget *list = SETTINGS_CHILD (settings, "lanes_list");
  AdwPreferencesGroup *group = SETTINGS_CHILD (settings, "lanes_group");
  GListModel *lanes = obeya_board_get_lanes (f->board);
  g_autoptr(GPtrArray) rows = NULL;
  AdwMessageDialog *confirm;
  g_autoptr(ObeyaLane) expedite = NULL;
  g_autoptr(ObeyaLane) standard = NULL;

  g_assert_false (gtk_widget_get_visible (list));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "“Standard”"));

  /* The first lane explains the "Standard" lane. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.add-lane", NULL));
  confirm = find_message_dialog (settings);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "“Standard”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "2 cards"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (confirm)), "Expedite");
  respond (confirm, "add");
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 2);
  expedite = g_list_model_get_item (lanes, 0);
  standard = g_list_model_get_item (lanes, 1);
  g_assert_cmpstr (obeya_lane_get_name (expedite), ==, "Expedite");
  g_assert_cmpstr (obeya_lane_get_name (standard), ==, "Standard");
  g_assert_true (obeya_card_get_lane (f->card) == standard);
  g_assert_true (gtk_widget_get_visible (list));
  rows = list_rows (list);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_expander_row_get_subtitle (rows->pdata[1]), ==, "no limit · 2 cards");

  /* Deleting "Standard" asks where its cards go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.delete-lane", "s",
                                             obeya_entity_get_id (OBEYA_ENTITY (standard))));
  confirm = find_message_dialog (settings);
  g_assert_nonnull (adw_message_dialog_get_extra_child (confirm));
  respond (confirm, "move");
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 1);
  g_assert_true (obeya_card_get_lane (f->card) == expedite);

  /* Deleting the last one says the board goes back to none. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.delete-lane", "s",
                                             obeya_entity_get_id (OBEYA_ENTITY (expedite))));
  confirm = find_message_dialog (settings);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "last swimlane"));
  respond (confirm, "delete");
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 0);
  g_assert_null (obeya_card_get_lane (f->card));
  g_assert_false (gtk_widget_get_visible (list));

  g_assert_true (undo (f));
  g_assert_true (undo (f));
  g_assert_true (obeya_card_get_lane (f->card) == standard);
  g_ptr_array_unref (rows);
  rows = list_rows (list);
  g_assert_cmpuint (rows->len, ==, 2);

  close_and_finalize (settings);
}

#define RECURRENCE_CHILD(editor, name) child (editor, OBEYA_TYPE_RECURRENCE_EDITOR, name)

static void
test_settings_recurrence (Fixture       *f,
                          gconstpointer  data)
{
  ObeyaBoardSettings *settings = open_settings (f);
  GListModel *recurrences = obeya_board_get_recurrences (f->board);
  g_autoptr(GPtrArray) rows = NULL;
  ObeyaRecurrenceEditor *editor;
  ObeyaRecurrence *recurrence;
  GtkTextBuffer *checklist;
  g_autofree char *escape = NULL;

  /* Add: a weekly card on today's weekday (a Monday), opened for editing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.add-recurrence", NULL));
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (recurrences), ==, 1);
  recurrence = g_list_model_get_item (recurrences, 0);
  g_object_unref (recurrence);
  g_assert_cmpint (obeya_recurrence_get_kind (recurrence), ==, OBEYA_RECURRENCE_WEEKLY);
  g_assert_cmpuint (obeya_recurrence_get_weekdays (recurrence), ==, 1);
  editor = find_descendant (GTK_WIDGET (settings), OBEYA_TYPE_RECURRENCE_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (obeya_recurrence_editor_get_recurrence (editor) == recurrence);
  g_assert_cmpstr (adw_action_row_get_subtitle (RECURRENCE_CHILD (editor, "next_row")), ==, "Today");

  activate_entry (RECURRENCE_CHILD (editor, "title_row"), "Month-end close");
  g_assert_cmpstr (obeya_recurrence_get_title (recurrence), ==, "Month-end close");
  adw_combo_row_set_selected (RECURRENCE_CHILD (editor, "kind_row"), OBEYA_RECURRENCE_MONTHLY_WORKDAY);
  g_assert_cmpint (obeya_recurrence_get_kind (recurrence), ==, OBEYA_RECURRENCE_MONTHLY_WORKDAY);
  g_assert_true (gtk_widget_get_visible (RECURRENCE_CHILD (editor, "nth_row")));
  g_assert_false (gtk_widget_get_visible (RECURRENCE_CHILD (editor, "weekdays_row")));
  gtk_spin_button_set_value (RECURRENCE_CHILD (editor, "nth_spin"), 3);
  g_assert_cmpuint (obeya_recurrence_get_nth (recurrence), ==, 3);
  /* The 3rd working day of November 2026 is Wednesday the 4th. */
  g_assert_cmpstr (adw_action_row_get_subtitle (RECURRENCE_CHILD (editor, "next_row")), ==,
                   "Wednesday, 4 November 2026");

  checklist = gtk_text_view_get_buffer (RECURRENCE_CHILD (editor, "checklist_view"));
  gtk_text_buffer_set_text (checklist, "Accruals\n\n  Sign-off  \n", -1);
  obeya_recurrence_editor_commit (editor);
  g_assert_cmpuint (g_strv_length ((char **) obeya_recurrence_get_checklist (recurrence)), ==, 2);
  g_assert_cmpstr (obeya_recurrence_get_checklist (recurrence)[1], ==, "Sign-off");

  /* Assign through the expander's check rows (the first is Ana's). */
  gtk_check_button_set_active (find_descendant (RECURRENCE_CHILD (editor, "assignees_row"),
                                                GTK_TYPE_CHECK_BUTTON), TRUE);
  g_assert_cmpstr (obeya_recurrence_get_assignees (recurrence)[0], ==,
                   obeya_entity_get_id (OBEYA_ENTITY (f->ana)));

  gtk_switch_set_active (RECURRENCE_CHILD (editor, "paused_switch"), TRUE);
  g_assert_true (obeya_recurrence_get_paused (recurrence));
  g_assert_cmpstr (adw_action_row_get_subtitle (RECURRENCE_CHILD (editor, "next_row")), ==,
                   "None while paused");

  /* Undo follows in the editor. */
  g_assert_true (undo (f));  /* paused */
  g_assert_false (gtk_switch_get_active (RECURRENCE_CHILD (editor, "paused_switch")));
  g_assert_true (undo (f));  /* assignee */
  g_assert_true (undo (f));  /* checklist */
  g_assert_true (undo (f));  /* nth */
  g_assert_cmpfloat (gtk_spin_button_get_value (RECURRENCE_CHILD (editor, "nth_spin")), ==, 1);
  g_assert_true (undo (f));  /* kind */
  g_assert_true (gtk_widget_get_visible (RECURRENCE_CHILD (editor, "weekdays_row")));

  /* The list on the page describes it. */
  rows = list_rows (SETTINGS_CHILD (settings, "recurring_list"));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Month-end close");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "Every Monday · next today");

  escape = escape_action_name (settings);
  g_assert_cmpstr (escape, ==, "settings.escape");

  /* Remove asks, and closes the subpage. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "recurrence.remove", NULL));
  respond (find_message_dialog (settings), "remove");
  g_assert_cmpuint (g_list_model_get_n_items (recurrences), ==, 0);
  g_assert_null (find_descendant (GTK_WIDGET (settings), OBEYA_TYPE_RECURRENCE_EDITOR));
  g_assert_true (undo (f));
  g_assert_cmpuint (g_list_model_get_n_items (recurrences), ==, 1);

  /* Escape leaves the recurring card's page, then the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), "settings.edit-recurrence", "s",
                                             obeya_entity_get_id (OBEYA_ENTITY (recurrence))));
  flush ();
  g_assert_nonnull (find_descendant (GTK_WIDGET (settings), OBEYA_TYPE_RECURRENCE_EDITOR));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (settings), escape, NULL));
  flush ();
  g_assert_null (find_descendant (GTK_WIDGET (settings), OBEYA_TYPE_RECURRENCE_EDITOR));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (settings)));
  assert_escape_closes (settings);
}

/* ---- people and tags ----------------------------------------------------------- */

#define PEOPLE_CHILD(dialog, name) child (dialog, OBEYA_TYPE_PEOPLE_DIALOG, name)
#define KEY "file:///tmp/ap.obeya"

static void
test_people_dialog (Fixture       *f,
                    gconstpointer  data)
{
  ObeyaPeopleDialog *dialog = obeya_people_dialog_new (f->parent, f->ws, KEY);
  GtkWidget *people = PEOPLE_CHILD (dialog, "people_list");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("org.obeya.Obeya");
  AdwMessageDialog *confirm;
  g_autofree char *me = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  flush ();
  rows = list_rows (people);
  g_assert_cmpuint (rows->len, ==, 3);  /* Ana, Kim, add */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows->pdata[0])), ==, "Ana López");
  g_assert_cmpstr (gtk_label_get_label (g_object_get_data (rows->pdata[0], "obeya-count")), ==,
                   "1 card");

  /* Rename. */
  activate_entry (rows->pdata[0], "Ana López García");
  g_assert_cmpstr (obeya_person_get_name (f->ana), ==, "Ana López García");

  /* Add; a name already taken is refused. */
  activate_entry (PEOPLE_CHILD (dialog, "add_person_row"), "Kim Park");
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_people (f->ws)), ==, 2);
  g_assert_true (gtk_widget_has_css_class (PEOPLE_CHILD (dialog, "add_person_row"), "error"));
  activate_entry (PEOPLE_CHILD (dialog, "add_person_row"), "Lee Chen");
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_people (f->ws)), ==, 3);
  g_ptr_array_unref (rows);
  rows = list_rows (people);
  g_assert_cmpuint (rows->len, ==, 4);

  /* This is me: kept in GSettings for this workspace only. */
  adw_combo_row_set_selected (PEOPLE_CHILD (dialog, "me_row"), 2);  /* Nobody, Ana, Kim */
  me = obeya_people_dialog_dup_me (KEY);
  g_assert_cmpstr (me, ==, obeya_entity_get_id (OBEYA_ENTITY (f->kim)));
  g_assert_null (obeya_people_dialog_dup_me ("file:///elsewhere.obeya"));
  {
    g_autoptr(GVariant) map = g_settings_get_value (settings, "workspace-me");
    g_assert_cmpuint (g_variant_n_children (map), ==, 1);
  }
  adw_combo_row_set_selected (PEOPLE_CHILD (dialog, "me_row"), 0);
  g_clear_pointer (&me, g_free);
  me = obeya_people_dialog_dup_me (KEY);
  g_assert_null (me);

  /* Removing Ana says she is on one card, and unassigns her. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "people.remove-person", "s",
                                             obeya_entity_get_id (OBEYA_ENTITY (f->ana))));
  confirm = find_message_dialog (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Remove Ana López García?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "is assigned to 1 card;"));
  respond (confirm, "remove");
  g_assert_cmpuint (g_list_model_get_n_items (obeya_workspace_get_people (f->ws)), ==, 2);
  g_ptr_array_unref (rows);
  rows = list_rows (people);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (undo (f));
  g_ptr_array_unref (rows);
  rows = list_rows (people);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (gtk_label_get_label (g_object_get_data (rows->pdata[0], "obeya-count")), ==,
                   "1 card");

  /* Tags: add with a colour, recolour, remove. */
  obeya_tag_color_button_set_color (PEOPLE_CHILD (dialog, "add_tag_color"), "purple");
  activate_entry (PEOPLE_CHILD (dialog, "add_tag_row"), "Month-end");
  g_assert_cmpstr (obeya_tag_get_color (obeya_workspace_find_tag_by_name (f->ws, "Month-end")), ==,
                   "purple");
  g_ptr_array_unref (rows);
  rows = list_rows (PEOPLE_CHILD (dialog, "tags_list"));
  g_assert_cmpuint (rows->len, ==, 3);
  obeya_tag_color_button_set_color (find_descendant (rows->pdata[0], OBEYA_TYPE_TAG_COLOR_BUTTON),
                                    "blue");
  g_assert_cmpstr (obeya_tag_get_color (f->urgent), ==, "blue");
  g_assert_true (undo (f));
  g_assert_cmpstr (obeya_tag_get_color (f->urgent), ==, "red");
  g_assert_cmpstr (obeya_tag_color_button_get_color (find_descendant (rows->pdata[0],
                                                                      OBEYA_TYPE_TAG_COLOR_BUTTON)),
                   ==, "red");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "people.remove-tag", "s",
                                             obeya_entity_get_id (OBEYA_ENTITY (f->urgent))));
  confirm = find_message_dialog (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (confirm), ==,
                   "No card has this tag. You can undo this.");
  respond (confirm, "remove");
  g_assert_null (obeya_workspace_find_tag_by_name (f->ws, "Urgent"));

  assert_escape_closes (dialog);
}

static void
test_people_dialog_no_key (Fixture       *f,
                           gconstpointer  data)
{
  ObeyaPeopleDialog *dialog = obeya_people_dialog_new (f->parent, f->ws, NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  flush ();
  /* Without a workspace key there is nothing to remember "me" by. */
  g_assert_false (gtk_widget_get_visible (PEOPLE_CHILD (dialog, "me_group")));
  close_and_finalize (dialog);
}

/* ---- new board -------------------------------------------------------------- */

#define NEW_BOARD_CHILD(dialog, name) child (dialog, OBEYA_TYPE_NEW_BOARD_DIALOG, name)

static void
board_created_cb (ObeyaNewBoardDialog *dialog,
                  ObeyaBoard          *board,
                  ObeyaBoard         **out)
{
  *out = board;
}

static void
test_new_board (Fixture       *f,
                gconstpointer  data)
{
  ObeyaNewBoardDialog *dialog = obeya_new_board_dialog_new (f->parent, f->ws);
  ObeyaBoard *created = NULL;
  GListModel *boards = obeya_workspace_get_boards (f->ws);

  g_object_ref (dialog);
  g_signal_connect (dialog, "board-created", G_CALLBACK (board_created_cb), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  flush ();

  /* No name, no board. */
  g_assert_false (gtk_widget_get_sensitive (NEW_BOARD_CHILD (dialog, "create_button")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-board.create", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (NEW_BOARD_CHILD (dialog, "name_row")), "My tasks");

  /* A personal board suggests the personal template. */
  adw_combo_row_set_selected (NEW_BOARD_CHILD (dialog, "kind_row"), OBEYA_BOARD_PERSONAL);
  g_assert_true (gtk_check_button_get_active (NEW_BOARD_CHILD (dialog, "personal_check")));
  g_assert_cmpstr (adw_action_row_get_subtitle (NEW_BOARD_CHILD (dialog, "personal_row")), ==,
                   "To do, Doing (limit 3), Done");
  g_assert_true (gtk_widget_get_sensitive (NEW_BOARD_CHILD (dialog, "create_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-board.create", NULL));
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 2);
  g_assert_nonnull (created);
  g_assert_true (g_list_model_get_item (boards, 1) == (gpointer) created);
  g_object_unref (created);
  g_assert_cmpstr (obeya_board_get_name (created), ==, "My tasks");
  g_assert_cmpint (obeya_board_get_kind (created), ==, OBEYA_BOARD_PERSONAL);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_board_get_columns (created)), ==, 3);
  g_assert_cmpstr (obeya_history_get_undo_label (f->history), ==, "Add board");

  /* It closed itself, and is freed. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_assert_true (undo (f));
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 1);
}

static void
test_new_board_template (Fixture       *f,
                         gconstpointer  data)
{
  ObeyaNewBoardDialog *dialog = obeya_new_board_dialog_new (f->parent, f->ws);
  ObeyaBoard *created = NULL;

  g_signal_connect (dialog, "board-created", G_CALLBACK (board_created_cb), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  flush ();
  /* Once a template is chosen, the kind no longer changes it. */
  gtk_check_button_set_active (NEW_BOARD_CHILD (dialog, "empty_check"), TRUE);
  adw_combo_row_set_selected (NEW_BOARD_CHILD (dialog, "kind_row"), OBEYA_BOARD_PERSONAL);
  g_assert_true (gtk_check_button_get_active (NEW_BOARD_CHILD (dialog, "empty_check")));
  activate_entry (NEW_BOARD_CHILD (dialog, "name_row"), "Scratch");
  flush ();
  g_assert_nonnull (created);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_board_get_columns (created)), ==, 0);

  dialog = obeya_new_board_dialog_new (f->parent, f->ws);
  assert_escape_closes (dialog);
}

/* ---- shortcuts window ------------------------------------------------------ */

static void
collect_accelerators (GtkWidget *widget,
                      GString   *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_string_append_printf (out, "%s;", accelerator);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_accelerators (c, out);
}

static void
test_shortcuts_window (void)
{
  /* Where GtkApplication looks for it (resource-base-path /org/obeya/Obeya). */
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/obeya/Obeya/gtk/help-overlay.ui");
  GObject *window = gtk_builder_get_object (builder, "help_overlay");
  g_autoptr(GString) accelerators = g_string_new (";");
  static const char * const expected[] = {
    "<Primary>z", "<Primary><Shift>z", "<Primary>f", "<Primary>o", "<Primary>n",
    "<Primary><Shift>n", "F11", "<Primary>question", "<Primary>q", "Return", "<Primary>Left",
    "<Primary>Right", "<Primary>Up", "<Primary>Down", "<Alt>Up", "<Alt>Down", "b", "a", "Delete",
    "<Primary>Page_Up", "<Primary>Page_Down",
  };

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));
  collect_accelerators (GTK_WIDGET (window), accelerators);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *needle = g_strdup_printf (";%s;", expected[i]);

      if (strstr (accelerators->str, needle) == NULL)
        g_error ("shortcut %s is missing from the shortcuts window", expected[i]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_escape_closes_editor_and_archive (Fixture       *f,
                                       gconstpointer  data)
{
  ObeyaCardEditor *editor = open_editor (f);
  ObeyaArchiveDialog *archive;

  assert_escape_closes (editor);
  archive = obeya_archive_dialog_new (f->parent, f->board);
  gtk_window_present (GTK_WINDOW (archive));
  flush ();
  assert_escape_closes (archive);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Transitions (subpages, popovers) finish at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

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
  ADD ("settings/general", test_settings_general);
  ADD ("settings/delete-board", test_settings_delete_board);
  ADD ("settings/columns", test_settings_columns);
  ADD ("settings/lanes", test_settings_lanes);
  ADD ("settings/recurrence", test_settings_recurrence);
  ADD ("people/people-tags-me", test_people_dialog);
  ADD ("people/no-key", test_people_dialog_no_key);
  ADD ("new-board/create", test_new_board);
  ADD ("new-board/template", test_new_board_template);
  ADD ("escape", test_escape_closes_editor_and_archive);
#undef ADD
  g_test_add_func ("/dialogs/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
