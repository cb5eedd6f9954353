/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stand-up mode under a display (Xvfb in `make check`), on the
 * first-start sample with "now" pinned and the stand-up's own clock faked:
 * its pages and their order, page navigation by the keys a presentation
 * clicker sends, walking a board right to left, blocked and ageing cards,
 * the countdown (amber, red, paused), attendance and actions recorded in
 * the huddle log on leaving, fast entry and raising actions from the TV,
 * the 5S page, F11 in the main window, the command line options, and the
 * wall display: read-only, rotating, reloading when the file changes.
 */
#include "config.h"

#include <adwaita.h>

#include "obeya-action-dialog.h"
#include "obeya-area.h"
#include "obeya-audits.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-document.h"
#include "obeya-entry-form.h"
#include "obeya-history.h"
#include "obeya-huddle.h"
#include "obeya-kpi-tile.h"
#include "obeya-metrics.h"
#include "obeya-person.h"
#include "obeya-sample.h"
#include "obeya-sample-5s.h"
#include "obeya-standup.h"
#include "obeya-standup-actions.h"
#include "obeya-standup-agenda.h"
#include "obeya-standup-board.h"
#include "obeya-standup-fives.h"
#include "obeya-standup-metrics.h"
#include "obeya-standup-private.h"
#include "obeya-window.h"
#include "obeya-workspace.h"
#include "test-util.h"

#define NOW "2026-11-05T10:30:00+01:00"
#define SECOND G_USEC_PER_SEC
#define MINUTE (60 * G_USEC_PER_SEC)

typedef struct
{
  char           *dir;
  char           *path;
  ObeyaWorkspace *workspace;
  ObeyaMetrics   *metrics;
  ObeyaDocument  *document;
  ObeyaStandup   *standup;
  gint64          clock;
  ObeyaDay        today;
} Fixture;

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_main_loop (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
flush_events (void)
{
  run_main_loop (80);
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until *@flag or @ms milliseconds passed. */
static gboolean
wait_for_flag (const gboolean *flag,
               guint           ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (!*flag && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  return *flag;
}

typedef gboolean (*Match) (GtkWidget     *widget,
                           gconstpointer  data);

/* The first widget under @root (depth first) that @match accepts. */
static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_label_with_class_and_text (GtkWidget     *widget,
                              gconstpointer  data)
{
  const char * const *wanted = data;

  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, wanted[0]) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), wanted[1]) != NULL;
}

static gint64
fake_clock_cb (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* What a key press does: the stand-up reads keys in the capture phase. */
static gboolean
press_key (ObeyaStandup    *standup,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (standup));
  gboolean handled = FALSE;
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "obeya-standup-keys") == 0)
        {
          g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==,
                           GTK_PHASE_CAPTURE);
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          found = TRUE;
        }
    }
  g_assert_true (found);
  return handled;
}

/* The last column and row the metrics' tiles take in their grid. */
static void
tile_extent (ObeyaStandupMetrics *metrics,
             GListModel          *list,
             int                 *max_column,
             int                 *max_row)
{
  *max_column = *max_row = -1;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (list, i);
      GtkWidget *tile = obeya_standup_metrics_get_tile (metrics, metric);
      int column, row;

      g_assert_true (GTK_IS_GRID (gtk_widget_get_parent (tile)));
      gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (tile)), tile, &column, &row,
                            NULL, NULL);
      *max_column = MAX (*max_column, column);
      *max_row = MAX (*max_row, row);
    }
}

static guint
page_of_kind (ObeyaStandup         *standup,
              ObeyaStandupPageKind  kind)
{
  for (guint i = 0; i < obeya_standup_get_n_pages (standup); i++)
    if (obeya_standup_get_page_kind (standup, i) == kind)
      return i;
  g_assert_not_reached ();
  return 0;
}

static ObeyaBoard *
sample_board (Fixture *f)
{
  GListModel *boards = obeya_workspace_get_boards (f->workspace);
  g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, 0);

  g_assert_true (obeya_board_get_sample (board));
  return board; /* the workspace keeps it */
}

static ObeyaCard *
card_titled (ObeyaBoard *board,
             const char *title)
{
  GPtrArray *cards = obeya_board_get_cards (board);

  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (obeya_card_get_title (cards->pdata[i]), title) == 0)
      return cards->pdata[i];
  g_assert_not_reached ();
  return NULL;
}

static ObeyaPerson *
person (Fixture *f,
        guint    index)
{
  g_autoptr(ObeyaPerson) found = g_list_model_get_item (obeya_workspace_get_people (f->workspace),
                                                        index);

  g_assert_nonnull (found);
  return found; /* the workspace keeps it */
}

static void
open_standup (Fixture          *f,
              ObeyaStandupMode  mode)
{
  f->standup = obeya_standup_new (NULL, f->document, mode);
  g_object_add_weak_pointer (G_OBJECT (f->standup), (gpointer *) &f->standup);
  _obeya_standup_set_clock (f->standup, fake_clock_cb, &f->clock);
  gtk_window_present (GTK_WINDOW (f->standup));
  flush_events ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  obeya_time_set_fake_now (NOW);
  f->today = obeya_day_today ();
  f->clock = 1000 * SECOND;
  f->dir = g_dir_make_tmp ("obeya-standup-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "team.obeya", NULL);
  f->workspace = obeya_sample_create_workspace (f->today);
  f->metrics = obeya_workspace_get_metrics (f->workspace);
  /* Without the sample's 5S areas (test_fives keeps them): no 5S page. */
  if (data == NULL)
    {
      ObeyaAudits *audits = obeya_workspace_get_audits (f->workspace);
      GListModel *areas = obeya_audits_get_areas (audits);

      while (g_list_model_get_n_items (areas) > 0)
        {
          g_autoptr(ObeyaArea) area = g_list_model_get_item (areas, 0);

          obeya_audits_remove_area (audits, area);
        }
    }
  f->document = obeya_document_new_for_workspace (f->workspace, f->path);
}

static void
wait_until_saved (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 10 * SECOND;

  while (f->document != NULL && g_get_monotonic_time () < end)
    {
      ObeyaDocumentState state = obeya_document_get_state (f->document);

      if (state != OBEYA_DOCUMENT_STATE_DIRTY && state != OBEYA_DOCUMENT_STATE_SAVING)
        break;
      g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (f->standup))
        gtk_window_destroy (GTK_WINDOW (window));
    }
  if (f->standup != NULL)
    gtk_window_destroy (GTK_WINDOW (f->standup));
  g_assert_null (f->standup);
  flush_events ();
  wait_until_saved (f);
  g_clear_object (&f->document);
  if (f->workspace != NULL)
    test_await_finalize (f->workspace);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  obeya_time_set_fake_now (NULL);
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_reset (settings, "huddle-board");
  }
}

/* ---- pages and keys ------------------------------------------------------------------ */

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  ObeyaBoard *board = sample_board (f);
  g_autofree char *board_key = g_strconcat ("board:", obeya_entity_get_id (OBEYA_ENTITY (board)),
                                            NULL);
  guint n;

  open_standup (f, OBEYA_STANDUP_MODE_HUDDLE);

  /* Agenda, metrics, the sample board (the empty personal board is left
   * out), the open actions; no 5S page without 5S areas. */
  n = obeya_standup_get_n_pages (f->standup);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, 0), ==, "agenda");
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, 1), ==, "metrics");
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, 2), ==, board_key);
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, 3), ==, "actions");
  g_assert_cmpint (obeya_standup_get_page_kind (f->standup, 2), ==, OBEYA_STANDUP_PAGE_BOARD);
  g_assert_true (OBEYA_IS_STANDUP_AGENDA (obeya_standup_get_page_widget (f->standup, 0)));
  g_assert_true (OBEYA_IS_STANDUP_METRICS (obeya_standup_get_page_widget (f->standup, 1)));
  g_assert_true (OBEYA_IS_STANDUP_BOARD (obeya_standup_get_page_widget (f->standup, 2)));
  g_assert_true (OBEYA_IS_STANDUP_ACTIONS (obeya_standup_get_page_widget (f->standup, 3)));

  /* Full screen (the monitor's size at least until a window manager
   * makes it so), and the agenda first, titled with today's date. */
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 0);
  g_assert_cmpstr (obeya_standup_get_title (f->standup), ==, "Daily Huddle");
  g_assert_cmpstr (obeya_standup_get_subtitle (f->standup), ==, "Thursday, 5 November 2026");
  g_assert_true (gtk_widget_get_mapped (obeya_standup_get_page_widget (f->standup, 0)));

  /* Every metric has a tile; every category with metrics a calendar. */
  {
    ObeyaStandupMetrics *metrics = OBEYA_STANDUP_METRICS (obeya_standup_get_page_widget (f->standup, 1));
    GListModel *list = obeya_metrics_get_metrics (f->metrics);

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(ObeyaMetric) metric = g_list_model_get_item (list, i);

        g_assert_true (OBEYA_IS_KPI_TILE (obeya_standup_metrics_get_tile (metrics, metric)));
      }
    g_assert_cmpuint (obeya_standup_metrics_get_n_calendars (metrics), ==, 5);
    g_assert_nonnull (strstr (obeya_standup_metrics_get_summary (metrics), "met"));

    /* A small screen: three tiles to a line, so the page fits in less room
     * than six in a row need; back to one line after. */
    {
      g_autoptr(ObeyaMetric) first = g_list_model_get_item (list, 0);
      GtkWidget *grid = gtk_widget_get_parent (obeya_standup_metrics_get_tile (metrics, first));
      int wide, narrow, max_column, max_row;

      gtk_widget_measure (grid, GTK_ORIENTATION_HORIZONTAL, -1, &wide, NULL, NULL, NULL);
      obeya_standup_metrics_set_narrow (metrics, TRUE);
      tile_extent (metrics, list, &max_column, &max_row);
      g_assert_cmpint (max_column, ==, 2);
      g_assert_cmpint (max_row, ==, 1);
      gtk_widget_measure (grid, GTK_ORIENTATION_HORIZONTAL, -1, &narrow, NULL, NULL, NULL);
      g_assert_cmpint (narrow, <, wide * 2 / 3);
      obeya_standup_metrics_set_narrow (metrics, FALSE);
      tile_extent (metrics, list, &max_column, &max_row);
      g_assert_cmpint (max_column, ==, 5);
      g_assert_cmpint (max_row, ==, 0);
    }
  }

  /* Archiving the board takes its page away, live. */
  obeya_entity_edit (OBEYA_ENTITY (board), "Archive", "archived", TRUE, NULL);
  flush_events ();
  g_assert_cmpuint (obeya_standup_get_n_pages (f->standup), ==, 3);
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, 2), ==, "actions");
  obeya_entity_edit (OBEYA_ENTITY (board), "Restore", "archived", FALSE, NULL);
  flush_events ();
  g_assert_cmpuint (obeya_standup_get_n_pages (f->standup), ==, 4);
}

/* Beyond a screenful of tiles, a metrics page per category. */
static void
test_many_metrics (Fixture       *f,
                   gconstpointer  data)
{
  guint n = g_list_model_get_n_items (obeya_metrics_get_metrics (f->metrics));
  const char *categories[] = { "safety", "quality", "delivery", "cost", "people" };
  ObeyaStandupMetrics *safety;
  ObeyaMetric *added = NULL;
  guint n_pages;

  for (guint i = n; i <= OBEYA_STANDUP_MAX_TILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Near misses, site %u", i);

      added = obeya_metrics_add_metric (f->metrics, name, OBEYA_CATEGORY_SAFETY,
                                        OBEYA_METRIC_LOWER_IS_BETTER);
    }
  open_standup (f, OBEYA_STANDUP_MODE_HUDDLE);
  n_pages = obeya_standup_get_n_pages (f->standup);
  g_assert_cmpuint (n_pages, ==, 4 + G_N_ELEMENTS (categories) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autofree char *key = g_strconcat ("metrics:", categories[i], NULL);

      g_assert_cmpstr (obeya_standup_get_page_key (f->standup, 1 + i), ==, key);
      g_assert_cmpint (obeya_standup_get_page_kind (f->standup, 1 + i), ==,
                       OBEYA_STANDUP_PAGE_METRICS);
    }
  safety = OBEYA_STANDUP_METRICS (obeya_standup_get_page_widget (f->standup, 1));
  g_assert_cmpuint (obeya_standup_metrics_get_n_calendars (safety), ==, 1);
  g_assert_nonnull (obeya_standup_metrics_get_tile (safety, added));
  g_assert_null (obeya_standup_metrics_get_tile (safety, obeya_metrics_find_metric_by_name (f->metrics,
                                                                                          "Invoices processed")));
  obeya_standup_set_page (f->standup, 1);
  g_assert_cmpstr (obeya_standup_get_title (f->standup), ==, "Huddle Metrics: Safety");

  /* Back to a screenful: one page again, live. */
  obeya_metrics_delete_metric (f->metrics, added);
  flush_events ();
  g_assert_cmpuint (obeya_standup_get_n_pages (f->standup), ==, 4);
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, 1), ==, "metrics");
}

/* The board the huddle walks first: remembered per workspace, set from
 * the board the main window shows when the stand-up starts. */
static void
test_huddle_board (Fixture       *f,
                   gconstpointer  data)
{
  ObeyaBoard *sample = sample_board (f);
  ObeyaBoard *second = obeya_workspace_add_board (f->workspace, "Escalations", OBEYA_BOARD_TEAM,
                                                  OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  g_autofree char *sample_key = g_strconcat ("board:", obeya_entity_get_id (OBEYA_ENTITY (sample)),
                                             NULL);
  g_autofree char *second_key = g_strconcat ("board:", obeya_entity_get_id (OBEYA_ENTITY (second)),
                                             NULL);
  g_autofree char *uri = g_filename_to_uri (f->path, NULL, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) map = NULL;
  const char *id = NULL;
  ObeyaWindow *window;
  ObeyaStandup *standup;

  obeya_board_add_card (second, obeya_board_get_first_column_with_role (second,
                                                                        OBEYA_COLUMN_ROLE_ACTIVE),
                        NULL, -1, "Supplier dispute");
  open_standup (f, OBEYA_STANDUP_MODE_HUDDLE);
  g_assert_cmpuint (obeya_standup_get_n_pages (f->standup), ==, 5);
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, 2), ==, sample_key);
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, 3), ==, second_key);

  obeya_standup_set_huddle_board (f->standup, second);
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, 2), ==, second_key);
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, 3), ==, sample_key);
  map = g_settings_get_value (settings, "huddle-board");
  g_assert_true (g_variant_lookup (map, uri, "&s", &id));
  g_assert_cmpstr (id, ==, obeya_entity_get_id (OBEYA_ENTITY (second)));
  obeya_standup_leave (f->standup);
  flush_events ();
  g_assert_null (f->standup);

  /* F11 on the sample board makes it the first again. */
  window = obeya_window_new (NULL);
  obeya_window_set_document (window, f->document);
  obeya_window_select_board (window, sample);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.standup", NULL);
  flush_events ();
  standup = OBEYA_STANDUP (find_toplevel (OBEYA_TYPE_STANDUP));
  g_assert_nonnull (standup);
  g_assert_cmpstr (obeya_standup_get_page_key (standup, 2), ==, sample_key);
  gtk_window_destroy (GTK_WINDOW (standup));
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  guint last;

  open_standup (f, OBEYA_STANDUP_MODE_HUDDLE);
  last = obeya_standup_get_n_pages (f->standup) - 1;

  /* Right and Page Down (a clicker's "next") go forward… */
  g_assert_true (press_key (f->standup, GDK_KEY_Right, 0));
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 1);
  g_assert_cmpstr (obeya_standup_get_title (f->standup), ==, "Huddle Metrics");
  g_assert_true (press_key (f->standup, GDK_KEY_Page_Down, 0));
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 2);
  g_assert_cmpstr (obeya_standup_get_title (f->standup), ==,
                   obeya_board_get_name (sample_board (f)));
  flush_events ();
  g_assert_true (gtk_widget_get_mapped (obeya_standup_get_page_widget (f->standup, 2)));

  /* …Left and Page Up back. */
  g_assert_true (press_key (f->standup, GDK_KEY_Left, 0));
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 1);
  g_assert_true (press_key (f->standup, GDK_KEY_Page_Up, 0));
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 0);
  /* No wrapping at either end: a clicker pressed once too often stays. */
  press_key (f->standup, GDK_KEY_Page_Up, 0);
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 0);
  g_assert_true (press_key (f->standup, GDK_KEY_End, 0));
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, last);
  g_assert_cmpstr (obeya_standup_get_title (f->standup), ==, "Open Actions");
  press_key (f->standup, GDK_KEY_Page_Down, 0);
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, last);
  g_assert_true (press_key (f->standup, GDK_KEY_Home, 0));
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 0);

  /* A focused attendance toggle does not take the clicker's keys. */
  {
    ObeyaStandupAgenda *agenda = OBEYA_STANDUP_AGENDA (obeya_standup_get_agenda (f->standup));
    GtkToggleButton *toggle = obeya_standup_agenda_get_toggle (agenda, obeya_entity_get_id (OBEYA_ENTITY (person (f, 0))));

    gtk_widget_grab_focus (GTK_WIDGET (toggle));
  }
  g_assert_true (press_key (f->standup, GDK_KEY_Right, 0));
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 1);
  /* Keys with Ctrl are not the stand-up's (except Ctrl+E). */
  g_assert_false (press_key (f->standup, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 1);

  /* Escape leaves: nothing worth recording yet (under a minute, nobody
   * marked, nothing raised), so without asking. */
  g_assert_true (press_key (f->standup, GDK_KEY_Escape, 0));
  flush_events ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (f->standup);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_huddles (f->metrics)), ==, 3);
}

static void
test_walk (Fixture       *f,
           gconstpointer  data)
{
  ObeyaBoard *board = sample_board (f);
  guint page;
  ObeyaStandupBoard *view;
  ObeyaCard *blocked = card_titled (board, "Invoice 4471 price mismatch");
  ObeyaCard *ageing = card_titled (board, "Standard work: invoice coding guide");
  gboolean from_history;

  open_standup (f, OBEYA_STANDUP_MODE_HUDDLE);
  page = page_of_kind (f->standup, OBEYA_STANDUP_PAGE_BOARD);
  obeya_standup_set_page (f->standup, page);
  flush_events ();
  view = OBEYA_STANDUP_BOARD (obeya_standup_get_page_widget (f->standup, page));

  /* The walk starts at Done and goes left with Down and Space. */
  g_assert_cmpstr (obeya_column_get_name (obeya_standup_board_get_walk_column (view)), ==, "Done");
  g_assert_true (press_key (f->standup, GDK_KEY_Down, 0));
  g_assert_cmpstr (obeya_column_get_name (obeya_standup_board_get_walk_column (view)), ==, "Review");
  g_assert_true (press_key (f->standup, GDK_KEY_space, 0));
  g_assert_cmpstr (obeya_column_get_name (obeya_standup_board_get_walk_column (view)), ==,
                   "In progress");
  g_assert_true (press_key (f->standup, GDK_KEY_Up, 0));
  g_assert_cmpstr (obeya_column_get_name (obeya_standup_board_get_walk_column (view)), ==, "Review");
  g_assert_true (press_key (f->standup, GDK_KEY_space, GDK_SHIFT_MASK));
  g_assert_cmpstr (obeya_column_get_name (obeya_standup_board_get_walk_column (view)), ==, "Done");
  /* It stops at either end. */
  g_assert_false (obeya_standup_board_walk (view, -1));
  for (guint i = 0; i < 10; i++)
    obeya_standup_board_walk (view, 1);
  g_assert_cmpstr (obeya_column_get_name (obeya_standup_board_get_walk_column (view)), ==,
                   "Backlog");
  /* Left and Right still turn pages; coming back starts again at Done. */
  g_assert_true (press_key (f->standup, GDK_KEY_Right, 0));
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, page + 1);
  g_assert_true (press_key (f->standup, GDK_KEY_Left, 0));
  g_assert_cmpstr (obeya_column_get_name (obeya_standup_board_get_walk_column (view)), ==, "Done");
  /* Down and Space are not taken away from other pages. */
  obeya_standup_set_page (f->standup, 0);
  g_assert_false (press_key (f->standup, GDK_KEY_Down, 0));
  g_assert_false (press_key (f->standup, GDK_KEY_space, 0));

  /* Blocked and ageing: few finished cards, so the default threshold. */
  g_assert_cmpuint (obeya_standup_board_get_ageing_days (view, &from_history), ==,
                    OBEYA_STANDUP_DEFAULT_AGEING_DAYS);
  g_assert_false (from_history);
  g_assert_cmpuint (obeya_standup_board_get_n_blocked (view), ==, 1);
  g_assert_true (obeya_standup_board_is_ageing (view, ageing));
  g_assert_false (obeya_standup_board_is_ageing (view, blocked));
  g_assert_cmpuint (obeya_standup_board_get_n_ageing (view), ==, 1);
  obeya_standup_set_page (f->standup, page);
  g_assert_nonnull (strstr (obeya_standup_get_subtitle (f->standup), "1 blocked"));
  g_assert_nonnull (strstr (obeya_standup_get_subtitle (f->standup), "1 ageing"));

  /* Unblocking during the huddle (in the main window) shows at once. */
  obeya_card_unblock (blocked);
  flush_events ();
  g_assert_cmpuint (obeya_standup_board_get_n_blocked (view), ==, 0);
  g_assert_nonnull (strstr (obeya_standup_get_subtitle (f->standup), "0 blocked"));
}

/* Cycle times 1…10 days: the 85th percentile (nearest rank) is 9. */
static void
test_ageing_threshold (void)
{
  g_autoptr(ObeyaBoard) board = obeya_board_new ("Flow", OBEYA_BOARD_TEAM,
                                                 OBEYA_BOARD_TEMPLATE_PERSONAL);
  GListModel *columns = obeya_board_get_columns (board);
  ObeyaColumn *backlog = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_BACKLOG);
  ObeyaColumn *active = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_ACTIVE);
  ObeyaColumn *done = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_DONE);
  guint n_finished = 99;

  g_assert_cmpuint (g_list_model_get_n_items (columns), >=, 3);
  g_assert_nonnull (backlog);
  g_assert_nonnull (active);
  g_assert_nonnull (done);

  /* Nothing finished: the default. */
  g_assert_cmpuint (obeya_standup_board_compute_ageing_days (board, &n_finished), ==,
                    OBEYA_STANDUP_DEFAULT_AGEING_DAYS);
  g_assert_cmpuint (n_finished, ==, 0);

  for (guint days = 1; days <= 10; days++)
    {
      ObeyaCard *card;
      char now[64];

      obeya_time_set_fake_now ("2026-10-01T09:00:00+02:00");
      card = obeya_board_add_card (board, backlog, NULL, -1, "Work");
      obeya_time_set_fake_now ("2026-10-02T09:00:00+02:00");
      obeya_board_move_card (board, card, active, NULL, -1);
      g_snprintf (now, sizeof now, "2026-10-%02uT17:00:00+02:00", 1 + days);
      obeya_time_set_fake_now (now);
      obeya_board_move_card (board, card, done, NULL, -1);
      /* Four finished cards are no history yet. */
      if (days == OBEYA_STANDUP_MIN_FINISHED - 1)
        g_assert_cmpuint (obeya_standup_board_compute_ageing_days (board, NULL), ==,
                          OBEYA_STANDUP_DEFAULT_AGEING_DAYS);
    }
  /* One never committed and one still in progress do not count. */
  obeya_board_add_card (board, backlog, NULL, -1, "Not started");
  obeya_board_move_card (board, obeya_board_add_card (board, backlog, NULL, -1, "Started"),
                         active, NULL, -1);
  g_assert_cmpuint (obeya_standup_board_compute_ageing_days (board, &n_finished), ==, 9);
  g_assert_cmpuint (n_finished, ==, 10);
  obeya_time_set_fake_now (NULL);
}

/* ---- the huddle -------------------------------------------------------------------------- */

static void
test_timer (Fixture       *f,
            gconstpointer  data)
{
  ObeyaStandupAgenda *agenda;
  GtkWidget *button;

  open_standup (f, OBEYA_STANDUP_MODE_HUDDLE);
  agenda = OBEYA_STANDUP_AGENDA (obeya_standup_get_agenda (f->standup));
  button = find_widget (GTK_WIDGET (f->standup), is_button_for_action, "standup.toggle-timer");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));

  /* The sample's agenda takes 15 minutes: the countdown starts from it, at once. */
  g_assert_cmpuint (obeya_standup_get_planned_seconds (f->standup), ==, 15 * 60);
  g_assert_true (obeya_standup_get_timer_running (f->standup));
  g_assert_cmpstr (obeya_standup_get_timer_text (f->standup), ==, "15:00");
  g_assert_cmpint (obeya_standup_agenda_get_current_item (agenda), ==, 0);
  g_assert_false (gtk_widget_has_css_class (button, "warning"));

  f->clock += 61 * SECOND;
  _obeya_standup_tick (f->standup);
  g_assert_cmpstr (obeya_standup_get_timer_text (f->standup), ==, "13:59");
  g_assert_cmpint (obeya_standup_get_remaining_seconds (f->standup), ==, 13 * 60 + 59);
  /* One minute of safety, then yesterday's numbers. */
  g_assert_cmpint (obeya_standup_agenda_get_current_item (agenda), ==, 1);

  /* P pauses: time passes, the countdown does not. */
  g_assert_true (press_key (f->standup, GDK_KEY_p, 0));
  g_assert_false (obeya_standup_get_timer_running (f->standup));
  g_assert_true (gtk_widget_has_css_class (button, "paused"));
  f->clock += 5 * MINUTE;
  _obeya_standup_tick (f->standup);
  g_assert_cmpstr (obeya_standup_get_timer_text (f->standup), ==, "13:59");
  /* The button does the same. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (obeya_standup_get_timer_running (f->standup));
  g_assert_false (gtk_widget_has_css_class (button, "paused"));

  /* The last two minutes are amber… */
  f->clock += 12 * MINUTE;
  _obeya_standup_tick (f->standup);
  g_assert_cmpstr (obeya_standup_get_timer_text (f->standup), ==, "1:59");
  g_assert_cmpint (obeya_standup_agenda_get_current_item (agenda), ==, 3);
  g_assert_true (gtk_widget_has_css_class (button, "warning"));
  g_assert_false (gtk_widget_has_css_class (button, "error"));

  /* …and over time is red, counting up. */
  f->clock += 150 * SECOND;
  _obeya_standup_tick (f->standup);
  g_assert_cmpstr (obeya_standup_get_timer_text (f->standup), ==, "+0:31");
  g_assert_cmpint (obeya_standup_get_remaining_seconds (f->standup), ==, -31);
  g_assert_true (gtk_widget_has_css_class (button, "error"));
  g_assert_false (gtk_widget_has_css_class (button, "warning"));
  g_assert_cmpint (obeya_standup_agenda_get_current_item (agenda), ==, -1);

  /* Without an agenda, the countdown is the setting's (15 minutes by default). */
  obeya_metrics_set_agenda (f->metrics, NULL, 0);
  flush_events ();
  g_assert_cmpuint (obeya_standup_get_planned_seconds (f->standup), ==, 15 * 60);
}

/* The huddle's length is from opening to leaving, pauses included. */
static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  GListModel *huddles = obeya_metrics_get_huddles (f->metrics);
  guint n_before = g_list_model_get_n_items (huddles);
  ObeyaStandupAgenda *agenda;
  const char *ana = obeya_entity_get_id (OBEYA_ENTITY (person (f, 0)));
  const char *chen = obeya_entity_get_id (OBEYA_ENTITY (person (f, 2)));
  GtkToggleButton *toggle;
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;
  ObeyaCard *action;
  g_autoptr(ObeyaHuddle) huddle = NULL;
  g_autoptr(GPtrArray) raised = NULL;
  const char * const *ids;

  open_standup (f, OBEYA_STANDUP_MODE_HUDDLE);
  agenda = OBEYA_STANDUP_AGENDA (obeya_standup_get_agenda (f->standup));

  /* One click per person ("clicked" is what a click on a button emits). */
  toggle = obeya_standup_agenda_get_toggle (agenda, ana);
  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (toggle)));
  g_assert_false (gtk_toggle_button_get_active (toggle));
  g_signal_emit_by_name (toggle, "clicked");
  g_assert_true (obeya_standup_agenda_get_attending (agenda, ana));
  g_signal_emit_by_name (obeya_standup_agenda_get_toggle (agenda, chen), "clicked");
  /* A second click takes a mark back. */
  toggle = obeya_standup_agenda_get_toggle (agenda, obeya_entity_get_id (OBEYA_ENTITY (person (f, 1))));
  g_signal_emit_by_name (toggle, "clicked");
  g_assert_cmpuint (obeya_standup_agenda_get_n_attending (agenda), ==, 3);
  g_signal_emit_by_name (toggle, "clicked");
  g_assert_cmpuint (obeya_standup_agenda_get_n_attending (agenda), ==, 2);

  /* An action raised during the huddle (what the action dialog does),
   * announced on the TV. */
  action = obeya_metrics_raise_action (f->metrics, "Call the supplier about PO 88", ana,
                                       f->today + 2, NULL, OBEYA_DAY_NONE, &error);
  g_assert_no_error (error);
  flush_events ();
  raised = obeya_standup_dup_raised_actions (f->standup);
  g_assert_cmpuint (raised->len, ==, 1);
  g_assert_true (raised->pdata[0] == action);

  /* Escape asks; Keep Going stays. */
  f->clock += 12 * MINUTE + 30 * SECOND;
  obeya_standup_leave (f->standup);
  flush_events ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Record This Huddle?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "13 minutes"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 of 4 here"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 action raised"));
  adw_message_dialog_response (dialog, "continue");
  flush_events ();
  g_assert_nonnull (f->standup);
  g_assert_cmpuint (g_list_model_get_n_items (huddles), ==, n_before);

  /* Record: date, start, length, attendance, actions. */
  obeya_standup_leave (f->standup);
  flush_events ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "record");
  flush_events ();
  g_assert_null (f->standup);
  g_assert_cmpuint (g_list_model_get_n_items (huddles), ==, n_before + 1);
  huddle = g_list_model_get_item (huddles, n_before);
  g_assert_cmpuint (obeya_huddle_get_day (huddle), ==, f->today);
  {
    ObeyaTimestamp now;

    g_assert_true (obeya_timestamp_parse (NOW, &now));
    g_assert_cmpint (obeya_huddle_get_start (huddle).seconds, ==, now.seconds);
  }
  g_assert_cmpuint (obeya_huddle_get_duration (huddle), ==, 12 * 60 + 30);
  ids = obeya_huddle_get_attendees (huddle);
  g_assert_cmpuint (obeya_huddle_get_n_attendees (huddle), ==, 2);
  g_assert_cmpstr (ids[0], ==, ana);
  g_assert_cmpstr (ids[1], ==, chen);
  g_assert_cmpuint (obeya_huddle_get_n_actions (huddle), ==, 1);
  g_assert_cmpstr (obeya_huddle_get_actions (huddle)[0], ==,
                   obeya_entity_get_id (OBEYA_ENTITY (action)));
  /* One undoable command. */
  g_assert_cmpstr (obeya_history_get_undo_label (obeya_workspace_get_history (f->workspace)), ==,
                   "Record huddle");
}

static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  GListModel *huddles = obeya_metrics_get_huddles (f->metrics);
  guint n_before = g_list_model_get_n_items (huddles);
  AdwMessageDialog *dialog;

  open_standup (f, OBEYA_STANDUP_MODE_HUDDLE);
  f->clock += 3 * MINUTE;
  /* Closing the window (Alt+F4) asks as Escape does. */
  gtk_window_close (GTK_WINDOW (f->standup));
  flush_events ();
  g_assert_nonnull (f->standup);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  flush_events ();
  g_assert_null (f->standup);
  g_assert_cmpuint (g_list_model_get_n_items (huddles), ==, n_before);
}

/* The habit panel: huddles this month, average length and attendance. */
static void
test_habit (Fixture       *f,
            gconstpointer  data)
{
  ObeyaHuddleStats stats;
  GtkWidget *agenda;
  g_autofree char *count = NULL;
  g_autofree char *days = NULL;
  g_autofree char *length = NULL;
  const char *count_label[2], *days_label[2], *length_label[2];

  obeya_metrics_get_huddle_stats (f->metrics, obeya_day_from_ymd (2026, 11, 1), f->today, f->today,
                                  &stats);
  g_assert_cmpuint (stats.n_huddles, >, 0);
  count = g_strdup_printf ("%u", stats.n_huddles);
  days = g_strdup_printf ("of %u working days", stats.n_working_days);
  length = g_strdup_printf ("%.0f min", stats.average_minutes);
  open_standup (f, OBEYA_STANDUP_MODE_HUDDLE);
  agenda = obeya_standup_get_agenda (f->standup);

  /* The labels say what the core computes. */
  count_label[0] = "obeya-standup-stat-value", count_label[1] = count;
  days_label[0] = "obeya-standup-stat-caption", days_label[1] = days;
  length_label[0] = "obeya-standup-stat-value", length_label[1] = length;
  g_assert_nonnull (find_widget (agenda, is_label_with_class_and_text, count_label));
  g_assert_nonnull (find_widget (agenda, is_label_with_class_and_text, days_label));
  g_assert_nonnull (find_widget (agenda, is_label_with_class_and_text, length_label));
}

/* Fast entry and actions from the TV. */
static void
test_entry_and_actions (Fixture       *f,
                        gconstpointer  data)
{
  ObeyaMetric *invoices = obeya_metrics_find_metric_by_name (f->metrics, "Invoices processed");
  ObeyaEntryForm *form;
  ObeyaActionDialog *action_dialog;
  GtkWidget *tile;
  guint metrics_page;

  open_standup (f, OBEYA_STANDUP_MODE_HUDDLE);
  metrics_page = page_of_kind (f->standup, OBEYA_STANDUP_PAGE_METRICS);
  obeya_standup_set_page (f->standup, metrics_page);

  /* Ctrl+E: today's numbers; a miss entered shows on the tile at once. */
  g_assert_true (press_key (f->standup, GDK_KEY_e, GDK_CONTROL_MASK));
  flush_events ();
  form = OBEYA_ENTRY_FORM (find_toplevel (OBEYA_TYPE_ENTRY_FORM));
  g_assert_nonnull (form);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (form)) == GTK_WINDOW (f->standup));
  g_assert_cmpuint (obeya_entry_form_get_day (form), ==, f->today);
  gtk_editable_set_text (obeya_entry_form_get_value_editable (form, invoices), "300");
  g_assert_true (obeya_entry_form_save (form));
  flush_events ();
  g_assert_cmpfloat (obeya_metric_get_entry (invoices, f->today)->value, ==, 300);
  tile = obeya_standup_metrics_get_tile (OBEYA_STANDUP_METRICS (obeya_standup_get_page_widget (f->standup, metrics_page)),
                                         invoices);
  g_assert_cmpint (obeya_kpi_tile_get_status (OBEYA_KPI_TILE (tile)), ==,
                   OBEYA_METRIC_STATUS_MISSED);
  g_assert_nonnull (strstr (obeya_standup_get_subtitle (f->standup), "1 missed"));
  if (find_toplevel (OBEYA_TYPE_ENTRY_FORM) != NULL)
    gtk_window_destroy (GTK_WINDOW (find_toplevel (OBEYA_TYPE_ENTRY_FORM)));

  /* A click on the red tile raises an action about it. */
  g_signal_emit_by_name (tile, "clicked");
  flush_events ();
  action_dialog = OBEYA_ACTION_DIALOG (find_toplevel (OBEYA_TYPE_ACTION_DIALOG));
  g_assert_nonnull (action_dialog);
  gtk_window_destroy (GTK_WINDOW (action_dialog));
  flush_events ();

  /* A raises one from any page; the actions page lists it. */
  obeya_standup_set_page (f->standup, page_of_kind (f->standup, OBEYA_STANDUP_PAGE_ACTIONS));
  g_assert_true (press_key (f->standup, GDK_KEY_a, 0));
  flush_events ();
  g_assert_nonnull (find_toplevel (OBEYA_TYPE_ACTION_DIALOG));
  gtk_window_destroy (GTK_WINDOW (find_toplevel (OBEYA_TYPE_ACTION_DIALOG)));
  {
    ObeyaStandupActions *actions = OBEYA_STANDUP_ACTIONS (
      obeya_standup_get_page_widget (f->standup, page_of_kind (f->standup, OBEYA_STANDUP_PAGE_ACTIONS)));
    guint n = g_list_model_get_n_items (obeya_standup_actions_get_actions (actions));
    g_autoptr(GError) error = NULL;

    /* The blocked card of the sample board is among the stuck ones. */
    g_assert_cmpuint (g_list_model_get_n_items (obeya_standup_actions_get_stuck (actions)), >=, 1);
    obeya_metrics_raise_action (f->metrics, "Ask IT about the outage", NULL, f->today - 1,
                                invoices, f->today, &error);
    g_assert_no_error (error);
    flush_events ();
    g_assert_cmpuint (g_list_model_get_n_items (obeya_standup_actions_get_actions (actions)), ==,
                      n + 1);
    g_assert_nonnull (strstr (obeya_standup_get_subtitle (f->standup), "1 overdue"));
  }
}

/* ---- 5S, the main window, the command line ---------------------------------------------------- */

static void
test_fives (Fixture       *f,
            gconstpointer  data)
{
  guint page;
  ObeyaStandupFives *fives;

  /* The first-start sample has 5S areas (set up with data "5s"). */
  open_standup (f, OBEYA_STANDUP_MODE_HUDDLE);
  page = obeya_standup_get_n_pages (f->standup) - 1;
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, page), ==, "5s");
  obeya_standup_set_page (f->standup, page);
  g_assert_cmpstr (obeya_standup_get_title (f->standup), ==, "5S Status");
  fives = OBEYA_STANDUP_FIVES (obeya_standup_get_page_widget (f->standup, page));
  g_assert_nonnull (strstr (obeya_standup_fives_get_summary (fives), "Average"));
  g_assert_cmpstr (obeya_standup_get_subtitle (f->standup), ==,
                   obeya_standup_fives_get_summary (fives));
  {
    g_autoptr(GArray) due = obeya_audits_list_due (obeya_workspace_get_audits (f->workspace),
                                                  f->today);
    guint overdue = 0;

    for (guint i = 0; i < due->len; i++)
      overdue += g_array_index (due, ObeyaAreaStatus, i).due == OBEYA_AREA_OVERDUE;
    g_assert_cmpuint (obeya_standup_fives_get_n_overdue (fives), ==, overdue);
  }
  /* Every open 5S action listed is a card neither done nor archived. */
  for (guint i = 0; i < g_list_model_get_n_items (obeya_standup_fives_get_actions (fives)); i++)
    {
      g_autoptr(ObeyaCard) card = g_list_model_get_item (obeya_standup_fives_get_actions (fives), i);

      g_assert_false (obeya_card_is_done (card));
      g_assert_false (obeya_card_get_archived (card));
    }
}

static void
test_main_window (Fixture       *f,
                  gconstpointer  data)
{
  ObeyaWindow *window = obeya_window_new (NULL);
  ObeyaStandup *standup;

  obeya_window_set_document (window, f->document);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  /* F11 (win.standup): a stand-up window over the same document. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.standup", NULL));
  flush_events ();
  standup = OBEYA_STANDUP (find_toplevel (OBEYA_TYPE_STANDUP));
  g_assert_nonnull (standup);
  g_assert_true (obeya_standup_get_document (standup) == f->document);
  g_assert_cmpint (obeya_standup_get_mode (standup), ==, OBEYA_STANDUP_MODE_HUDDLE);
  g_assert_cmpuint (obeya_standup_get_n_pages (standup), ==, 4);
  /* Leaving at once: back to the main window, untouched. */
  obeya_standup_leave (standup);
  flush_events ();
  g_assert_null (find_toplevel (OBEYA_TYPE_STANDUP));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static void
test_help_lists_options (void)
{
  const char *program = g_getenv ("OBEYA_PROGRAM");
  const char *argv[] = { program, "--help", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("OBEYA_PROGRAM is not set");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "--standup=FILE"));
  g_assert_nonnull (strstr (out, "--wall=FILE"));
  g_assert_nonnull (strstr (out, "--rotate=SECONDS"));
}

/* ---- the wall ------------------------------------------------------------------------------------ */

static void
write_workspace (Fixture        *f,
                 ObeyaWorkspace *workspace)
{
  g_autoptr(GBytes) bytes = obeya_workspace_save (workspace, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bytes);
  g_file_set_contents (f->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static gboolean
n_loads_reached (ObeyaStandup *standup,
                 guint         n,
                 guint         ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (standup != NULL && obeya_standup_get_n_loads (standup) < n &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  return standup != NULL && obeya_standup_get_n_loads (standup) >= n;
}

static void
wall_setup (Fixture       *f,
            gconstpointer  data)
{
  fixture_setup (f, data);
  /* The wall reads the file itself: write the sample, and open it as a
   * wall display would, read-only. */
  write_workspace (f, f->workspace);
  g_clear_object (&f->document);
  test_await_finalize (g_steal_pointer (&f->workspace));
  f->metrics = NULL;
  f->document = obeya_document_new_for_path (f->path, TRUE);
  obeya_document_set_poll_interval (f->document, 50);
}

static void
test_wall_rotates (Fixture       *f,
                   gconstpointer  data)
{
  gboolean never = FALSE;
  ObeyaStandupAgenda *agenda;
  GListModel *people;

  open_standup (f, OBEYA_STANDUP_MODE_WALL);
  g_assert_true (n_loads_reached (f->standup, 1, 5000));
  g_assert_cmpuint (obeya_standup_get_n_pages (f->standup), ==, 4);
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 0);

  /* Read-only: no countdown, no attendance, no actions. */
  g_assert_false (obeya_standup_get_timer_running (f->standup));
  gtk_widget_activate_action (GTK_WIDGET (f->standup), "standup.raise-action", "s", "");
  press_key (f->standup, GDK_KEY_a, 0);
  press_key (f->standup, GDK_KEY_e, GDK_CONTROL_MASK);
  flush_events ();
  g_assert_null (find_toplevel (OBEYA_TYPE_ACTION_DIALOG));
  g_assert_null (find_toplevel (OBEYA_TYPE_ENTRY_FORM));
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (f->standup), is_button_for_action,
                                                      "standup.toggle-timer")));
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (f->standup), is_button_for_action,
                                                      "standup.raise-action")));
  agenda = OBEYA_STANDUP_AGENDA (obeya_standup_get_agenda (f->standup));
  people = obeya_workspace_get_people (obeya_document_get_workspace (f->document));
  {
    g_autoptr(ObeyaPerson) first = g_list_model_get_item (people, 0);
    GtkToggleButton *toggle = obeya_standup_agenda_get_toggle (agenda,
                                                               obeya_entity_get_id (OBEYA_ENTITY (first)));

    g_assert_true (toggle == NULL || !gtk_widget_get_mapped (GTK_WIDGET (toggle)));
  }

  /* Every rotate interval, the next page; after the last, the first. */
  obeya_standup_set_rotate_seconds (f->standup, 1);
  wait_for_flag (&never, 1300);
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 1);
  obeya_standup_set_page (f->standup, obeya_standup_get_n_pages (f->standup) - 1);
  wait_for_flag (&never, 1300);
  g_assert_cmpuint (obeya_standup_get_page (f->standup), ==, 0);

  /* Escape leaves the wall without a question. */
  g_assert_true (press_key (f->standup, GDK_KEY_Escape, 0));
  flush_events ();
  g_assert_null (f->standup);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_wall_reloads (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ObeyaWorkspace) edited = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *key = NULL;
  guint page;

  open_standup (f, OBEYA_STANDUP_MODE_WALL);
  g_assert_true (n_loads_reached (f->standup, 1, 5000));
  page = page_of_kind (f->standup, OBEYA_STANDUP_PAGE_BOARD);
  obeya_standup_set_page (f->standup, page);
  key = g_strdup (obeya_standup_get_page_key (f->standup, page));

  /* Someone else renames the board and saves. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  edited = obeya_workspace_load (bytes, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ObeyaBoard) board = g_list_model_get_item (obeya_workspace_get_boards (edited), 0);

    obeya_entity_edit (OBEYA_ENTITY (board), "Rename", "name", "Payables team", NULL);
  }
  write_workspace (f, edited);

  /* The wall reloads by itself and stays on that board's page. */
  g_assert_true (n_loads_reached (f->standup, 2, 10000));
  flush_events ();
  g_assert_cmpstr (obeya_standup_get_page_key (f->standup, obeya_standup_get_page (f->standup)), ==,
                   key);
  g_assert_cmpstr (obeya_standup_get_title (f->standup), ==, "Payables team");
  /* Nothing was written: the file is what the other writer saved. */
  g_assert_cmpint (obeya_document_get_state (f->document), ==, OBEYA_DOCUMENT_STATE_READ_ONLY);
}

static void
test_wall_unreadable (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A file that does not parse: the wall says why and keeps trying. */
  g_file_set_contents (f->path, "{ not json", -1, &error);
  g_assert_no_error (error);
  g_clear_object (&f->document);
  f->document = obeya_document_new_for_path (f->path, TRUE);
  open_standup (f, OBEYA_STANDUP_MODE_WALL);
  run_main_loop (300);
  g_assert_cmpuint (obeya_standup_get_n_pages (f->standup), ==, 0);
  g_assert_cmpuint (obeya_standup_get_n_loads (f->standup), ==, 0);
  {
    AdwStatusPage *status = ADW_STATUS_PAGE (find_widget (GTK_WIDGET (f->standup), is_of_type,
                                                          GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE)));

    g_assert_nonnull (status);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
    g_assert_cmpstr (adw_status_page_get_title (status), ==, "Could Not Open the Workspace");
    g_assert_nonnull (strstr (adw_status_page_get_description (status), "Trying again"));
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/standup/ageing-threshold", test_ageing_threshold);
  g_test_add_func ("/standup/help-lists-options", test_help_lists_options);
#define ADD(path, fn) g_test_add ("/standup/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("pages", test_pages);
  ADD ("many-metrics", test_many_metrics);
  ADD ("huddle-board", test_huddle_board);
  ADD ("keys", test_keys);
  ADD ("walk", test_walk);
  ADD ("timer", test_timer);
  ADD ("record", test_record);
  ADD ("discard", test_discard);
  ADD ("habit", test_habit);
  ADD ("entry-and-actions", test_entry_and_actions);
  g_test_add ("/standup/fives", Fixture, "5s", fixture_setup, test_fives, fixture_teardown);
  ADD ("main-window", test_main_window);
#undef ADD
#define ADD(path, fn) g_test_add ("/standup/" path, Fixture, NULL, wall_setup, fn, fixture_teardown)
  ADD ("wall-rotates", test_wall_rotates);
  ADD ("wall-reloads", test_wall_reloads);
  ADD ("wall-unreadable", test_wall_unreadable);
#undef ADD

  return g_test_run ();
}
