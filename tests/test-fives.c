/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 5S audits UI under a display (Xvfb in `make check`), on the sample
 * workspace: the overview (overdue, never audited), an audit walked by key
 * presses (0–4, N, Enter, Ctrl+M, Escape, Ctrl+Z), paused by closing the
 * walk and resumed, finished and reopened with a reason; a corrective action
 * raised to a board and linked both ways; the template manager retiring a
 * used item and deleting an unused one; the folder scan of a tiny generated
 * folder; photo thumbnails, a missing one shown as missing; the list mode
 * remembered in GSettings.
 *
 * Keys are pressed the way GTK dispatches them: from the focus widget up,
 * the first shortcut whose trigger is the key runs its action (triggers
 * keep keyvals in lower case, as GTK does).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-audit-item-pane.h"
#include "obeya-audit-print.h"
#include "obeya-audit-results.h"
#include "obeya-audit-template.h"
#include "obeya-audit-walk.h"
#include "obeya-audits.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-card-editor.h"
#include "obeya-column.h"
#include "obeya-document.h"
#include "obeya-fives-view.h"
#include "obeya-link.h"
#include "obeya-photo-thumbnail.h"
#include "obeya-raise-action-dialog.h"
#include "obeya-sample.h"
#include "obeya-scan-dialog.h"
#include "obeya-tag.h"
#include "obeya-template-manager.h"
#include "obeya-window.h"
#include "obeya-workspace.h"
#include "test-util.h"

typedef struct
{
  char           *dir;
  ObeyaWorkspace *workspace;
  ObeyaAudits    *audits;
  ObeyaDocument  *document;
  ObeyaWindow    *window;
  ObeyaFivesView *view;
} Fixture;

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
flush_events (void)
{
  gboolean done = FALSE;

  g_timeout_add (80, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  /* Then what is still pending (idles behind a long layout). */
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* ---- finding widgets ---------------------------------------------------------------- */

static GtkWidget *
find_any (GtkWidget  *root,
          GType       type,
          const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          const char *text = NULL;

          if (label == NULL)
            return child;
          if (GTK_IS_LABEL (child))
            text = gtk_label_get_label (GTK_LABEL (child));
          else if (GTK_IS_BUTTON (child))
            text = gtk_button_get_label (GTK_BUTTON (child));
          else if (ADW_IS_PREFERENCES_ROW (child))
            text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          if (g_strcmp0 (text, label) == 0)
            return child;
        }
      found = find_any (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_css (GtkWidget  *root,
          const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      found = find_css (child, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_css (GtkWidget  *root,
           const char *css_class)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      n += gtk_widget_has_css_class (child, css_class);
      n += count_css (child, css_class);
    }
  return n;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
run_shortcut (GtkWidget       *widget,
              GtkPropagationPhase phase,
              guint            keyval,
              GdkModifierType  mods,
              gboolean        *handled)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != phase)
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) ==
              gdk_keyval_to_lower (keyval) &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            {
              *handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                       gtk_shortcut_get_arguments (shortcut));
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* Presses @keyval with @mods as GTK dispatches a key: the capture-phase
 * shortcuts from the window down to the focus, then the bubble-phase ones
 * from the focus up; the first whose trigger is the key runs. */
static gboolean
press (GtkWindow       *window,
       guint            keyval,
       GdkModifierType  mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  gboolean handled = FALSE, found = FALSE;

  for (GtkWidget *w = focus ? focus : GTK_WIDGET (window); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);
  for (guint i = chain->len; i > 0 && !found; i--)
    found = run_shortcut (chain->pdata[i - 1], GTK_PHASE_CAPTURE, keyval, mods, &handled);
  for (guint i = 0; i < chain->len && !found; i++)
    found = run_shortcut (chain->pdata[i], GTK_PHASE_BUBBLE, keyval, mods, &handled);
  flush_events ();
  /* Enter activates the default button, which clicks after 250 ms. */
  if (keyval == GDK_KEY_Return)
    for (guint n = 0; n < 4; n++)
      flush_events ();
  return found && handled;
}

/* ---- fixture -------------------------------------------------------------------------- */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  GtkWidget *row;

  f->dir = g_dir_make_tmp ("obeya-fives-XXXXXX", NULL);
  path = g_build_filename (f->dir, "team.obeya", NULL);
  f->workspace = obeya_sample_create_workspace (obeya_day_today ());
  f->audits = obeya_workspace_get_audits (f->workspace);
  f->document = obeya_document_new_for_workspace (f->workspace, path);
  f->window = obeya_window_new (NULL);
  obeya_window_set_document (f->window, f->document);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);

  /* The "5S Audits" row of the sidebar, before the window shows (so that
   * the sample board is never laid out). */
  row = find_any (GTK_WIDGET (f->window), GTK_TYPE_LABEL, "5S Audits");
  g_assert_nonnull (row);
  row = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  f->view = OBEYA_FIVES_VIEW (find_any (GTK_WIDGET (f->window), OBEYA_TYPE_FIVES_VIEW, NULL));
  g_assert_nonnull (f->view);
  /* Only the overview test shows the window: the others work in the walk
   * and the dialogs over it, and every window shown costs seconds under
   * the sanitizers. */
  if (data != NULL)
    {
      gtk_window_present (GTK_WINDOW (f->window));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
    }
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

static ObeyaArea *
area_named (Fixture    *f,
            const char *name)
{
  GListModel *areas = obeya_audits_get_areas (f->audits);

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(ObeyaArea) area = g_list_model_get_item (areas, i);

      if (g_str_equal (obeya_area_get_name (area), name))
        return area; /* the workspace keeps it */
    }
  g_assert_not_reached ();
}

static ObeyaBoard *
sample_board (Fixture *f)
{
  g_autoptr(ObeyaBoard) board = g_list_model_get_item (obeya_workspace_get_boards (f->workspace), 0);

  g_assert_true (obeya_board_get_sample (board));
  return board;
}

static ObeyaAuditWalk *
start_walk (Fixture   *f,
            ObeyaArea *area)
{
  ObeyaAuditWalk *walk;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "fives.start-audit", "s",
                              obeya_entity_get_id (OBEYA_ENTITY (area)));
  flush_events ();
  walk = find_toplevel (OBEYA_TYPE_AUDIT_WALK);
  g_assert_nonnull (walk);
  g_assert_true (obeya_audit_get_area (obeya_audit_walk_get_audit (walk)) == area);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (walk)) == GTK_WINDOW (f->window));
  return walk;
}

static ObeyaAuditItem *
item_at (ObeyaAudit *audit,
         guint       index)
{
  g_autoptr(GPtrArray) items = obeya_audit_dup_items (audit);

  g_assert_cmpuint (index, <, items->len);
  return items->pdata[index]; /* the template keeps it */
}

static const char *
id_of (gpointer entity)
{
  return obeya_entity_get_id (OBEYA_ENTITY (entity));
}

/* ---- the overview ---------------------------------------------------------------------- */

static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  GtkWidget *pill, *row;

  g_assert_cmpstr (obeya_fives_view_get_title (f->view), ==, "5S Audits");
  g_assert_false (obeya_fives_view_get_can_go_back (f->view));
  /* The sample's shared drive was last audited 40 days ago, monthly: overdue. */
  g_assert_cmpuint (count_css (view, "obeya-overdue"), ==, 1);
  row = find_any (view, ADW_TYPE_ACTION_ROW, "Finance shared drive");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "obeya-overdue"));
  pill = find_css (row, "obeya-due-pill");
  g_assert_nonnull (pill);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (pill)), "Overdue by "));
  g_assert_true (gtk_widget_has_css_class (pill, "error"));
  /* The meeting room's draft is offered for resuming. */
  g_assert_nonnull (find_any (view, GTK_TYPE_BUTTON, "_Resume"));
  /* Across areas: the average of the percentages. */
  g_assert_nonnull (find_any (view, GTK_TYPE_LABEL, "Average"));

  /* A new area, never audited, is due now. */
  obeya_audits_add_area (f->audits, "Reception", obeya_area_get_template (area_named (f, "Meeting room 2")),
                         OBEYA_AUDIT_CADENCE_WEEKLY);
  flush_events ();
  row = find_any (view, ADW_TYPE_ACTION_ROW, "Reception");
  g_assert_nonnull (row);
  pill = find_css (row, "obeya-due-pill");
  g_assert_nonnull (pill);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pill)), ==, "Never audited: due now");
  g_assert_true (gtk_widget_has_css_class (pill, "warning"));

  /* Ctrl+N on the overview asks which area, the most overdue first. */
  gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
  g_assert_true (press (GTK_WINDOW (f->window), GDK_KEY_n, GDK_CONTROL_MASK));
  {
    AdwMessageDialog *chooser = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    GtkListBox *list;
    ObeyaAuditWalk *walk;

    g_assert_nonnull (chooser);
    list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (chooser));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_selected_row (list))),
                     ==, "Finance shared drive");
    adw_message_dialog_response (chooser, "start");
    flush_events ();
    walk = find_toplevel (OBEYA_TYPE_AUDIT_WALK);
    g_assert_nonnull (walk);
    g_assert_true (obeya_audit_get_area (obeya_audit_walk_get_audit (walk)) ==
                   area_named (f, "Finance shared drive"));
    gtk_window_destroy (GTK_WINDOW (walk));
    flush_events ();
  }

  /* An area's page, and back (Alt+Left). */
  gtk_widget_activate_action (view, "fives.show-area", "s",
                              id_of (area_named (f, "AP team desks")));
  flush_events ();
  g_assert_true (obeya_fives_view_get_area (f->view) == area_named (f, "AP team desks"));
  g_assert_cmpstr (obeya_fives_view_get_title (f->view), ==, "AP team desks");
  g_assert_true (obeya_fives_view_get_can_go_back (f->view));
  /* Its six finished audits and the trend chart. */
  g_assert_cmpuint (count_css (view, "obeya-history-row"), ==, 6);
  g_assert_true (press (GTK_WINDOW (f->window), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_null (obeya_fives_view_get_area (f->view));

  /* The sidebar's "5S Audits" again, on an area's page: the overview. */
  gtk_widget_activate_action (view, "fives.show-area", "s",
                              id_of (area_named (f, "AP team desks")));
  flush_events ();
  g_assert_nonnull (obeya_fives_view_get_area (f->view));
  {
    GtkWidget *fives_row = find_any (GTK_WIDGET (f->window), GTK_TYPE_LABEL, "5S Audits");

    fives_row = gtk_widget_get_ancestor (fives_row, GTK_TYPE_LIST_BOX_ROW);
    gtk_widget_activate (fives_row);
    flush_events ();
  }
  g_assert_null (obeya_fives_view_get_area (f->view));
}

/* ---- the walk, by keys ------------------------------------------------------------------ */

static GtkEventControllerKey *
key_controller_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return GTK_EVENT_CONTROLLER_KEY (controller);
    }
  return NULL;
}

static void
test_walk_by_keys (Fixture       *f,
                   gconstpointer  data)
{
  ObeyaArea *area = area_named (f, "AP team desks");
  ObeyaAuditWalk *walk = start_walk (f, area);
  ObeyaAudit *audit = obeya_audit_walk_get_audit (walk);
  g_autofree char *audit_id = g_strdup (id_of (audit));
  GtkTextView *note;
  GtkEventControllerKey *keys;
  gboolean handled = FALSE;
  guint n_audits = g_list_model_get_n_items (obeya_audits_get_audits (f->audits));

  g_assert_false (obeya_audit_is_finished (audit));
  g_assert_cmpstr (obeya_audit_walk_get_mode (walk), ==, "one-at-a-time");
  g_assert_true (obeya_audit_walk_get_current_item (walk) == item_at (audit, 0));

  /* 3 scores the first item and goes on. */
  g_assert_true (press (GTK_WINDOW (walk), GDK_KEY_3, 0));
  g_assert_cmpint (obeya_audit_get_score (audit, id_of (item_at (audit, 0))), ==, 3);
  g_assert_true (obeya_audit_walk_get_current_item (walk) == item_at (audit, 1));
  /* The pane shows the anchors beside the buttons, the chosen one checked. */
  press (GTK_WINDOW (walk), GDK_KEY_KP_0, 0);
  g_assert_cmpint (obeya_audit_get_score (audit, id_of (item_at (audit, 1))), ==, 0);
  /* N: not applicable, where the item allows it (the third and fourth do). */
  g_assert_true (obeya_audit_item_get_allows_na (item_at (audit, 2)));
  press (GTK_WINDOW (walk), GDK_KEY_n, 0);
  press (GTK_WINDOW (walk), GDK_KEY_N, GDK_SHIFT_MASK);
  g_assert_cmpint (obeya_audit_get_score (audit, id_of (item_at (audit, 2))), ==, OBEYA_SCORE_NA);
  g_assert_cmpint (obeya_audit_get_score (audit, id_of (item_at (audit, 3))), ==, OBEYA_SCORE_NA);
  /* The fifth does not: N is refused and the walk stays. */
  g_assert_false (obeya_audit_item_get_allows_na (item_at (audit, 4)));
  press (GTK_WINDOW (walk), GDK_KEY_n, 0);
  g_assert_cmpint (obeya_audit_get_score (audit, id_of (item_at (audit, 4))), ==,
                   OBEYA_SCORE_UNSCORED);
  g_assert_true (obeya_audit_walk_get_current_item (walk) == item_at (audit, 4));

  /* One undo step per score. */
  press (GTK_WINDOW (walk), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpint (obeya_audit_get_score (audit, id_of (item_at (audit, 3))), ==,
                   OBEYA_SCORE_UNSCORED);
  g_assert_cmpint (obeya_audit_get_score (audit, id_of (item_at (audit, 2))), ==, OBEYA_SCORE_NA);
  press (GTK_WINDOW (walk), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpint (obeya_audit_get_score (audit, id_of (item_at (audit, 3))), ==, OBEYA_SCORE_NA);

  /* Ctrl+M: the note; Escape writes it and returns to scoring. */
  g_assert_true (press (GTK_WINDOW (walk), GDK_KEY_m, GDK_CONTROL_MASK));
  note = obeya_audit_item_pane_get_note_view (OBEYA_AUDIT_ITEM_PANE (obeya_audit_walk_get_current_pane (walk)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (walk)) == GTK_WIDGET (note));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note), "Loose cables under two desks", -1);
  keys = key_controller_of (GTK_WIDGET (note));
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpstr (obeya_audit_get_entry (audit, id_of (item_at (audit, 4)))->note, ==,
                   "Loose cables under two desks");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (walk)) == obeya_audit_walk_get_current_pane (walk));
  /* Enter: the next item, the fifth still unscored. */
  g_assert_true (press (GTK_WINDOW (walk), GDK_KEY_Return, 0));
  g_assert_true (obeya_audit_walk_get_current_item (walk) == item_at (audit, 5));
  press (GTK_WINDOW (walk), GDK_KEY_Page_Up, 0);
  g_assert_true (obeya_audit_walk_get_current_item (walk) == item_at (audit, 4));

  /* Pause: close the walk. The draft stays, with everything, in the file too. */
  gtk_window_close (GTK_WINDOW (walk));
  flush_events ();
  g_assert_null (find_toplevel (OBEYA_TYPE_AUDIT_WALK));
  g_assert_true (obeya_audits_find_audit (f->audits, audit_id) == audit);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = obeya_workspace_save (f->workspace, &error);
    g_autoptr(ObeyaWorkspace) reloaded = NULL;
    ObeyaAudit *copy;

    g_assert_no_error (error);
    reloaded = obeya_workspace_load (bytes, &error);
    g_assert_no_error (error);
    copy = obeya_audits_find_audit (obeya_workspace_get_audits (reloaded), audit_id);
    g_assert_nonnull (copy);
    g_assert_false (obeya_audit_is_finished (copy));
    g_assert_cmpint (obeya_audit_get_score (copy, id_of (item_at (audit, 0))), ==, 3);
    g_assert_cmpstr (obeya_audit_get_entry (copy, id_of (item_at (audit, 4)))->note, ==,
                     "Loose cables under two desks");
  }

  /* Resume: the same draft, at the first item not scored. */
  walk = start_walk (f, area);
  g_assert_true (obeya_audit_walk_get_audit (walk) == audit);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audits_get_audits (f->audits)), ==, n_audits);
  g_assert_true (obeya_audit_walk_get_current_item (walk) == item_at (audit, 4));

  /* Score the rest (the middle through the model, to keep the test short
   * under the sanitizers; the first and the last two by keys): after the
   * last item, the summary. */
  g_assert_true (press (GTK_WINDOW (walk), GDK_KEY_4, 0));
  {
    g_autoptr(GPtrArray) items = obeya_audit_dup_items (audit);

    for (guint i = 5; i + 2 < items->len; i++)
      obeya_audit_set_score (audit, id_of (items->pdata[i]), 3);
    gtk_widget_activate_action (GTK_WIDGET (walk), "walk.select-item", "s",
                                id_of (items->pdata[items->len - 2]));
    flush_events ();
  }
  for (guint i = 0; obeya_audit_walk_get_current_item (walk) != NULL && i < 3; i++)
    g_assert_true (press (GTK_WINDOW (walk), GDK_KEY_4, 0));
  g_assert_null (obeya_audit_walk_get_current_item (walk));
  g_assert_cmpuint (obeya_audit_count_unscored (audit), ==, 0);
  g_assert_nonnull (find_any (GTK_WIDGET (walk), GTK_TYPE_BUTTON, "_Finish Audit"));

  /* Finish: read-only, the results open. */
  gtk_widget_activate_action (GTK_WIDGET (walk), "walk.finish", NULL);
  flush_events ();
  g_assert_true (obeya_audit_is_finished (audit));
  g_assert_false (obeya_audit_set_score (audit, id_of (item_at (audit, 0)), 1));
  g_assert_null (find_toplevel (OBEYA_TYPE_AUDIT_WALK));
  {
    ObeyaAuditResults *results = find_toplevel (OBEYA_TYPE_AUDIT_RESULTS);
    guint n_events;
    const ObeyaAuditEvent *log;

    g_assert_nonnull (results);
    g_assert_true (obeya_audit_results_get_audit (results) == audit);
    /* Compared with the previous audit of the area. */
    g_assert_nonnull (find_any (GTK_WIDGET (results), GTK_TYPE_LABEL, "Overall"));

    /* Reopen: asks why, records it, walks again. */
    obeya_audit_results_reopen (results, "Wrong item scored");
    flush_events ();
    g_assert_false (obeya_audit_is_finished (audit));
    log = obeya_audit_get_log (audit, &n_events);
    g_assert_cmpuint (n_events, ==, 2);
    g_assert_cmpint (log[1].kind, ==, OBEYA_AUDIT_EVENT_REOPENED);
    g_assert_cmpstr (log[1].reason, ==, "Wrong item scored");
    g_assert_null (find_toplevel (OBEYA_TYPE_AUDIT_RESULTS));
    walk = find_toplevel (OBEYA_TYPE_AUDIT_WALK);
    g_assert_nonnull (walk);
    g_assert_true (obeya_audit_walk_get_audit (walk) == audit);
    gtk_window_destroy (GTK_WINDOW (walk));
    flush_events ();
  }
}

/* ---- list mode --------------------------------------------------------------------------- */

static void
test_list_mode (Fixture       *f,
                gconstpointer  data)
{
  ObeyaAuditWalk *walk = start_walk (f, area_named (f, "AP team desks"));
  ObeyaAudit *audit = obeya_audit_walk_get_audit (walk);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) items = obeya_audit_dup_items (audit);
  GtkWidget *pane;

  gtk_widget_activate_action (GTK_WIDGET (walk), "walk.mode", "s", "list");
  flush_events ();
  g_assert_cmpstr (obeya_audit_walk_get_mode (walk), ==, "list");
  g_assert_cmpint (g_settings_get_enum (settings, "audit-walk-mode"), ==, 1);
  /* One row per item; the current one shows its anchors, the others are compact. */
  g_assert_cmpuint (count_css (GTK_WIDGET (walk), "obeya-walk-row"), ==, items->len);
  pane = obeya_audit_walk_get_current_pane (walk);
  g_assert_true (obeya_audit_item_pane_get_expanded (OBEYA_AUDIT_ITEM_PANE (pane)));
  g_assert_true (gtk_widget_get_visible (obeya_audit_item_pane_get_score_button (OBEYA_AUDIT_ITEM_PANE (pane), 3)));

  press (GTK_WINDOW (walk), GDK_KEY_2, 0);
  g_assert_cmpint (obeya_audit_get_score (audit, id_of (items->pdata[0])), ==, 2);
  g_assert_true (obeya_audit_walk_get_current_item (walk) == items->pdata[1]);
  g_assert_false (obeya_audit_item_pane_get_expanded (OBEYA_AUDIT_ITEM_PANE (pane)));

  /* A click on a compact row's score scores that item and makes it current. */
  gtk_widget_activate_action (GTK_WIDGET (walk), "walk.score-item", "(si)",
                              id_of (items->pdata[5]), 1);
  flush_events ();
  g_assert_cmpint (obeya_audit_get_score (audit, id_of (items->pdata[5])), ==, 1);
  g_assert_true (obeya_audit_walk_get_current_item (walk) == items->pdata[5]);

  /* The choice is remembered: the next walk opens as a list. */
  gtk_window_destroy (GTK_WINDOW (walk));
  flush_events ();
  walk = start_walk (f, area_named (f, "AP team desks"));
  g_assert_cmpstr (obeya_audit_walk_get_mode (walk), ==, "list");
  gtk_widget_activate_action (GTK_WIDGET (walk), "walk.mode", "s", "one-at-a-time");
  g_assert_cmpint (g_settings_get_enum (settings, "audit-walk-mode"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (walk));
  flush_events ();
}

/* ---- corrective actions -------------------------------------------------------------------- */

static void
test_raise_action (Fixture       *f,
                   gconstpointer  data)
{
  ObeyaAuditWalk *walk = start_walk (f, area_named (f, "AP team desks"));
  ObeyaAudit *audit = obeya_audit_walk_get_audit (walk);
  ObeyaAuditItem *item = item_at (audit, 0);
  ObeyaBoard *board = sample_board (f);
  ObeyaRaiseActionDialog *dialog;
  ObeyaCardEditor *editor;
  g_autoptr(GArray) actions = NULL;
  g_autoptr(ObeyaLink) link = NULL;
  g_autoptr(ObeyaColumn) backlog = g_list_model_get_item (obeya_board_get_columns (board), 0);
  ObeyaTag *tag = obeya_workspace_find_tag_by_name (f->workspace, "5S");
  ObeyaCard *card;

  press (GTK_WINDOW (walk), GDK_KEY_1, 0);
  obeya_audit_set_note (audit, id_of (item), "Statements from 2023 on three desks");
  press (GTK_WINDOW (walk), GDK_KEY_Page_Up, 0);
  g_assert_true (obeya_audit_walk_get_current_item (walk) == item);

  /* A: raise an action from the current item, pre-filled. */
  g_assert_true (press (GTK_WINDOW (walk), GDK_KEY_a, 0));
  dialog = find_toplevel (OBEYA_TYPE_RAISE_ACTION_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (obeya_raise_action_dialog_get_board (dialog) == board);
  g_assert_cmpuint (obeya_raise_action_dialog_get_due (dialog), ==, obeya_day_today () + 7);
  obeya_raise_action_dialog_set_due (dialog, obeya_day_today () + 3);
  card = obeya_raise_action_dialog_raise (dialog);
  flush_events ();
  g_assert_nonnull (card);
  g_assert_null (find_toplevel (OBEYA_TYPE_RAISE_ACTION_DIALOG));

  /* The card: on the board's backlog, titled from the item, the note as its
   * description, due, owned by the area's owner, tagged 5S, linked back. */
  g_assert_true (obeya_card_get_board (card) == board);
  g_assert_true (obeya_card_get_column (card) == backlog);
  g_assert_cmpstr (obeya_card_get_title (card), ==, obeya_audit_item_get_question (item));
  g_assert_cmpstr (obeya_card_get_description (card), ==, "Statements from 2023 on three desks");
  g_assert_cmpuint (obeya_card_get_due (card), ==, obeya_day_today () + 3);
  g_assert_cmpstr (obeya_card_get_assignees (card)[0], ==,
                   obeya_area_get_owner (obeya_audit_get_area (audit)));
  g_assert_nonnull (tag);
  g_assert_true (g_strv_contains (obeya_card_get_tags (card), id_of (tag)));
  link = g_list_model_get_item (obeya_card_get_links (card), 0);
  g_assert_cmpstr (obeya_link_get_kind (link), ==, "audit");
  g_assert_cmpstr (obeya_link_get_target (link), ==, id_of (audit));
  g_assert_cmpstr (obeya_link_get_label (link), ==, id_of (item));

  /* The audit shows the card's column and whether it is done. */
  actions = obeya_audit_list_actions (audit);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_true (g_array_index (actions, ObeyaAuditAction, 0).card == card);
  g_assert_cmpstr (g_array_index (actions, ObeyaAuditAction, 0).column_name, ==,
                   obeya_column_get_name (backlog));
  {
    g_autofree char *text = g_strdup_printf ("%s · %s", obeya_card_get_title (card),
                                             obeya_column_get_name (backlog));
    g_assert_nonnull (find_any (obeya_audit_walk_get_current_pane (walk), GTK_TYPE_LABEL, text));
  }

  /* The card shows where it came from, and opens the audit. */
  gtk_widget_activate_action (GTK_WIDGET (walk), "walk.open-card", "s", id_of (card));
  flush_events ();
  editor = find_toplevel (OBEYA_TYPE_CARD_EDITOR);
  g_assert_nonnull (editor);
  {
    g_autofree char *day = NULL;
    g_autofree char *title = NULL;
    g_autoptr(GDateTime) dt = g_date_time_new_now_local ();

    day = g_date_time_format (dt, "%-d %b %Y");
    title = g_strdup_printf ("5S audit of AP team desks, %s", day);
    g_assert_nonnull (find_any (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, title));
  }
  gtk_widget_activate_action (GTK_WIDGET (editor), "card.open-audit", "s", id_of (link));
  flush_events ();
  g_assert_nonnull (find_toplevel (OBEYA_TYPE_AUDIT_RESULTS));
  g_assert_true (obeya_audit_results_get_audit (find_toplevel (OBEYA_TYPE_AUDIT_RESULTS)) == audit);
  gtk_window_destroy (GTK_WINDOW (find_toplevel (OBEYA_TYPE_AUDIT_RESULTS)));
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (walk));
  flush_events ();
}

/* ---- templates ------------------------------------------------------------------------------ */

static GtkWidget *
item_button (GtkWidget      *manager,
             ObeyaAuditItem *item,
             const char     *label)
{
  GtkWidget *expander = find_any (manager, ADW_TYPE_EXPANDER_ROW,
                                  obeya_audit_item_get_question (item));

  g_assert_nonnull (expander);
  /* Its fields are made when it is first expanded. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  return find_any (expander, GTK_TYPE_BUTTON, label);
}

static void
test_template_retire (Fixture       *f,
                      gconstpointer  data)
{
  ObeyaAuditTemplate *office = obeya_area_get_template (area_named (f, "AP team desks"));
  ObeyaTemplateManager *manager;
  ObeyaAuditItem *used = item_at (obeya_audits_get_latest (f->audits, area_named (f, "AP team desks")), 0);
  g_autoptr(GPtrArray) active = obeya_audit_template_dup_active_items (office);
  ObeyaAuditItem *fresh;
  GtkWidget *button;
  guint version = obeya_audit_template_get_version (office);
  guint n_items = g_list_model_get_n_items (obeya_audit_template_get_items (office));

  gtk_widget_activate_action (GTK_WIDGET (f->view), "fives.templates", NULL);
  flush_events ();
  manager = find_toplevel (OBEYA_TYPE_TEMPLATE_MANAGER);
  g_assert_nonnull (manager);
  obeya_template_manager_set_template (manager, office);
  flush_events ();

  /* An item past audits scored is retired, with the reason on the button. */
  button = item_button (GTK_WIDGET (manager), used, "_Retire");
  g_assert_nonnull (button);
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
  g_assert_true (obeya_audit_item_get_retired (used));
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audit_template_get_items (office)), ==, n_items);
  g_assert_cmpuint (obeya_audit_template_get_version (office), ==, version + 1);
  /* The finished audits still read it. */
  g_assert_true (obeya_audit_template_find_item (office, id_of (used)) == used);
  /* Restore brings it back. */
  button = item_button (GTK_WIDGET (manager), used, "_Restore");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
  g_assert_false (obeya_audit_item_get_retired (used));

  /* A new item, never scored, is really deleted. */
  gtk_widget_activate_action (GTK_WIDGET (manager), "templates.copy", NULL);
  flush_events ();
  g_assert_true (obeya_template_manager_get_template (manager) != office);
  obeya_template_manager_set_template (manager, office);
  fresh = obeya_audit_template_add_item (office, OBEYA_FIVE_S_SHINE, "Is the plant watered?", NULL, -1);
  flush_events ();
  button = item_button (GTK_WIDGET (manager), fresh, "_Remove");
  g_assert_nonnull (button);
  g_object_ref (fresh);
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
  g_assert_null (obeya_audit_template_find_item (office, id_of (fresh)));
  g_object_unref (fresh);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_audit_template_get_items (office)), ==, n_items);

  /* The active items are those of before. */
  {
    g_autoptr(GPtrArray) now = obeya_audit_template_dup_active_items (office);
    g_assert_cmpuint (now->len, ==, active->len);
  }
  gtk_window_destroy (GTK_WINDOW (manager));
  flush_events ();
}

/* ---- folder scan ---------------------------------------------------------------------------- */

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_scan (Fixture       *f,
           gconstpointer  data)
{
  ObeyaArea *drive = area_named (f, "Finance shared drive");
  g_autofree char *root = g_build_filename (f->dir, "share", NULL);
  g_autofree char *sub = g_build_filename (root, "AP", "2026", NULL);
  g_autofree char *empty = g_build_filename (root, "Empty", NULL);
  g_autofree char *kept = NULL;
  ObeyaAuditWalk *walk;
  ObeyaScanDialog *dialog;
  ObeyaScanResult *result;
  ObeyaAudit *audit;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (empty, 0755), ==, 0);
  write_file (root, "2026-11-02_invoices_v1.xlsx", "same bytes");
  write_file (sub, "copy of invoices.xlsx", "same bytes");
  write_file (sub, "2026-11-03_notes_v2.txt", "other bytes");
  /* Ten more copies: a group of twelve shows its first eight. */
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("2026-10-%02u_invoices_v1.xlsx", i);
      write_file (sub, name, "same bytes");
    }

  walk = start_walk (f, drive);
  audit = obeya_audit_walk_get_audit (walk);
  gtk_widget_activate_action (GTK_WIDGET (walk), "walk.scan", NULL);
  flush_events ();
  dialog = find_toplevel (OBEYA_TYPE_SCAN_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (obeya_scan_dialog_get_folder (dialog), ==, obeya_area_get_folder (drive));
  obeya_scan_dialog_set_folder (dialog, root);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "scan.start", NULL);
  g_assert_true (obeya_scan_dialog_is_running (dialog));
  for (guint i = 0; obeya_scan_dialog_is_running (dialog) && i < 200; i++)
    flush_events ();
  g_assert_false (obeya_scan_dialog_is_running (dialog));
  result = obeya_scan_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_files, ==, 13);
  g_assert_cmpuint (result->n_duplicate_files, ==, 11);
  g_assert_cmpuint (result->n_empty_folders, ==, 1);
  g_assert_cmpuint (result->n_bad_names, ==, 1);
  g_assert_cmpuint (result->max_depth, ==, 2);
  /* The offenders are listed. */
  g_assert_nonnull (find_any (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "Duplicates"));
  g_assert_nonnull (find_any (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "AP/2026/copy of invoices.xlsx"));
  {
    GtkWidget *group = find_any (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "12 copies of 10 bytes");

    g_assert_nonnull (group);
    g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (group)),
                                     "\nand 4 more"));
  }

  /* A scan can be cancelled; the last result stays. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "scan.start", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "scan.cancel", NULL);
  for (guint i = 0; obeya_scan_dialog_is_running (dialog) && i < 200; i++)
    flush_events ();
  g_assert_false (obeya_scan_dialog_is_running (dialog));

  /* Attached as evidence, with the digital items' lines. */
  result = obeya_scan_dialog_get_result (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "scan.attach", NULL);
  flush_events ();
  g_assert_null (find_toplevel (OBEYA_TYPE_SCAN_DIALOG));
  g_assert_nonnull (obeya_audit_get_scan (audit));
  g_assert_cmpstr (obeya_audit_get_scan (audit)->folder, ==, root);
  g_assert_cmpuint (obeya_audit_get_scan (audit)->n_files, ==, 13);
  {
    g_autofree char *line = obeya_audit_describe_evidence (audit, item_at (audit, 1));
    g_assert_nonnull (line);
  }

  /* The scan changed nothing. */
  kept = g_build_filename (sub, "copy of invoices.xlsx", NULL);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (empty, G_FILE_TEST_IS_DIR));
  gtk_window_destroy (GTK_WINDOW (walk));
  flush_events ();
}

/* ---- photos ----------------------------------------------------------------------------------- */

static void
test_photos (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "photos", NULL);
  g_autofree char *png = g_build_filename (folder, "desk.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  const char *photos[] = { "photos/desk.png", "photos/gone.jpg", NULL };
  g_autoptr(GError) error = NULL;
  ObeyaAuditWalk *walk;
  ObeyaAudit *audit;
  GtkWidget *pane;
  GtkWidget *thumbs[2] = { NULL, NULL };
  guint n = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  gdk_pixbuf_save (pixbuf, png, "png", &error, NULL);
  g_assert_no_error (error);

  walk = start_walk (f, area_named (f, "AP team desks"));
  audit = obeya_audit_walk_get_audit (walk);
  g_assert_true (obeya_audit_set_photos (audit, id_of (item_at (audit, 0)), photos));
  flush_events ();
  pane = obeya_audit_walk_get_current_pane (walk);
  for (GtkWidget *w = find_any (pane, OBEYA_TYPE_PHOTO_THUMBNAIL, NULL); w != NULL && n < 2;)
    {
      thumbs[n++] = w;
      w = gtk_widget_get_ancestor (w, GTK_TYPE_FLOW_BOX_CHILD);
      w = w ? gtk_widget_get_next_sibling (w) : NULL;
      w = w ? find_any (w, OBEYA_TYPE_PHOTO_THUMBNAIL, NULL) : NULL;
    }
  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < 100 && (obeya_photo_thumbnail_get_state (OBEYA_PHOTO_THUMBNAIL (thumbs[0])) == OBEYA_PHOTO_LOADING ||
                                obeya_photo_thumbnail_get_state (OBEYA_PHOTO_THUMBNAIL (thumbs[1])) == OBEYA_PHOTO_LOADING); i++)
    flush_events ();
  g_assert_cmpint (obeya_photo_thumbnail_get_state (OBEYA_PHOTO_THUMBNAIL (thumbs[0])), ==, OBEYA_PHOTO_LOADED);
  g_assert_cmpint (obeya_photo_thumbnail_get_state (OBEYA_PHOTO_THUMBNAIL (thumbs[1])), ==, OBEYA_PHOTO_MISSING);
  g_assert_nonnull (find_any (thumbs[1], GTK_TYPE_LABEL, "Missing"));

  /* Adding photos: one in the workspace's folder is referenced where it is,
   * one from elsewhere is copied beside the workspace first. */
  {
    g_autofree char *elsewhere = g_dir_make_tmp ("obeya-camera-XXXXXX", NULL);
    g_autofree char *outside = g_build_filename (elsewhere, "IMG_0042.png", NULL);
    g_autofree char *copied = g_build_filename (f->dir, "team photos", "IMG_0042.png", NULL);
    g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
    g_autoptr(GFile) inside_file = g_file_new_for_path (png);
    g_autoptr(GFile) outside_file = NULL;
    const char *item = id_of (item_at (audit, 1));
    const ObeyaAuditEntry *entry = NULL;

    gdk_pixbuf_save (pixbuf, outside, "png", &error, NULL);
    g_assert_no_error (error);
    outside_file = g_file_new_for_path (outside);
    g_list_store_append (files, inside_file);
    g_list_store_append (files, outside_file);
    obeya_audit_walk_add_photos (walk, item, G_LIST_MODEL (files));
    for (guint i = 0; i < 100 && (entry = obeya_audit_get_entry (audit, item)) == NULL; i++)
      flush_events ();
    g_assert_nonnull (entry);
    g_assert_cmpuint (g_strv_length (entry->photos), ==, 2);
    g_assert_cmpstr (entry->photos[0], ==, "photos/desk.png");
    g_assert_cmpstr (entry->photos[1], ==, "team photos/IMG_0042.png");
    g_assert_true (g_file_test (copied, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (outside, G_FILE_TEST_EXISTS));
    /* The same file again gets a name of its own; one undo step removes it. */
    g_list_store_remove (files, 0);
    obeya_audit_walk_add_photos (walk, item, G_LIST_MODEL (files));
    for (guint i = 0; i < 100 && g_strv_length (obeya_audit_get_entry (audit, item)->photos) < 3; i++)
      flush_events ();
    g_assert_cmpstr (obeya_audit_get_entry (audit, item)->photos[2], ==,
                     "team photos/IMG_0042 (2).png");
    gtk_widget_activate_action (GTK_WIDGET (walk), "walk.undo", NULL);
    g_assert_cmpuint (g_strv_length (obeya_audit_get_entry (audit, item)->photos), ==, 2);
    test_remove_tree (elsewhere);
  }

  /* Removing a photo from the item keeps the file. */
  gtk_widget_activate_action (GTK_WIDGET (walk), "walk.remove-photo", "(ss)",
                              id_of (item_at (audit, 0)), "photos/desk.png");
  flush_events ();
  g_assert_cmpstr (obeya_audit_get_entry (audit, id_of (item_at (audit, 0)))->photos[0], ==,
                   "photos/gone.jpg");
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (walk));
  flush_events ();
}

/* ---- the shortcuts window names the walk's keys ---------------------------------------- */

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
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/obeya/Obeya/gtk/help-overlay.ui");
  GObject *window = gtk_builder_get_object (builder, "help_overlay");
  g_autoptr(GString) accelerators = g_string_new (";");
  static const char * const expected[] = {
    "0...4", "n", "Return Page_Down", "<Shift>Return Page_Up", "<Primary>m", "<Primary>Return",
    "p", "a", "<Alt>Left",
  };

  collect_accelerators (GTK_WIDGET (window), accelerators);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *needle = g_strdup_printf (";%s;", expected[i]);

      if (strstr (accelerators->str, needle) == NULL)
        g_error ("shortcut %s is missing from the shortcuts window", expected[i]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The results window's Save as PDF… and Print… are on, and the PDF is the
 * report of src/views (the same pages as `obeya audit-report`). */
static void
test_report_pdf (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *audits = obeya_audits_get_audits (f->audits);
  g_autoptr(ObeyaAudit) audit = NULL;
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ObeyaAuditResults *results;
  gsize length = 0;

  for (guint i = 0; i < g_list_model_get_n_items (audits) && audit == NULL; i++)
    {
      g_autoptr(ObeyaAudit) candidate = g_list_model_get_item (audits, i);

      if (obeya_audit_is_finished (candidate))
        audit = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (audit);

  results = obeya_audit_results_new (GTK_WINDOW (f->window), audit);
  gtk_window_present (GTK_WINDOW (results));
  flush_events ();
  /* Save as PDF… and Print… are enabled on this. */
  g_assert_true (obeya_audit_print_available ());
  gtk_window_destroy (GTK_WINDOW (results));
  flush_events ();

  g_assert_true (obeya_audit_print_save_pdf (audit, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add ("/fives/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  g_test_add ("/fives/overview", Fixture, "shown", fixture_setup, test_overview, fixture_teardown);
  ADD ("walk-by-keys", test_walk_by_keys);
  ADD ("list-mode", test_list_mode);
  ADD ("raise-action", test_raise_action);
  ADD ("template-retire", test_template_retire);
  ADD ("scan", test_scan);
  ADD ("photos", test_photos);
  ADD ("report-pdf", test_report_pdf);
#undef ADD
  g_test_add_func ("/fives/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
