/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "obeya-bench-driver.h"
#include "obeya-board.h"
#include "obeya-board-view.h"
#include "obeya-card.h"
#include "obeya-card-widget.h"
#include "obeya-column.h"
#include "obeya-column-view.h"
#include "obeya-lane.h"
#include "obeya-workspace.h"

#define SCROLL_FRAMES 120
#define MOVE_FRAMES   (g_getenv ("OBEYA_BENCH_MOVES") ? (guint) atoi (g_getenv ("OBEYA_BENCH_MOVES")) : 60)

typedef enum
{
  PHASE_FIRST_FRAME,
  PHASE_WAIT_BOARD,
  PHASE_IDLE,
  PHASE_SCROLL,
  PHASE_MOVE,
  PHASE_DONE,
} Phase;

typedef struct
{
  ObeyaWindow   *window;
  gint64         start_us;
  Phase          phase;
  gint64         paint_start;
  gint64         layout_start;
  gint64         render_start;
  double         layout_ms;   /* sums over the phase, for the breakdown */
  double         render_ms;
  guint          frame;
  GArray        *frame_ms;   /* double */
  GtkAdjustment *scroll;
  ObeyaBoard    *board;
  ObeyaColumn   *from;
  ObeyaColumn   *to;
} Driver;

static void
emit (const char *name,
      double      value,
      const char *unit)
{
  /* Integral values (counts) without decimals, in the timings' column. */
  if (value == (double) (gint64) value && *unit == '\0')
    printf ("bench: %-44s %8" G_GINT64_FORMAT "\n", name, (gint64) value);
  else
    printf ("bench: %-44s %8.3f %s\n", name, value, unit);
  fflush (stdout);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
report_frames (Driver     *driver,
               const char *what)
{
  GArray *ms = driver->frame_ms;
  double sum = 0;
  g_autofree char *max_name = g_strdup_printf ("%s: slowest frame", what);
  g_autofree char *p95_name = g_strdup_printf ("%s: 95th pct frame", what);
  g_autofree char *mean_name = g_strdup_printf ("%s: mean frame", what);

  if (ms->len == 0)
    return;
  g_array_sort (ms, compare_double);
  for (guint i = 0; i < ms->len; i++)
    sum += g_array_index (ms, double, i);
  emit (mean_name, sum / ms->len, "ms");
  emit (p95_name, g_array_index (ms, double, (guint) (ms->len * 0.95)), "ms");
  emit (max_name, g_array_index (ms, double, ms->len - 1), "ms   (bar: none over 16 ms)");
  if (g_getenv ("OBEYA_BENCH_DETAIL") != NULL)
    {
      /* GTK's own handlers run before ours: these are the paint phase and
       * what follows it; the rest of the frame is update + layout. */
      g_autofree char *layout_name = g_strdup_printf ("%s: mean paint part", what);
      g_autofree char *render_name = g_strdup_printf ("%s: mean after-paint part", what);
      emit (layout_name, driver->layout_ms / ms->len, "ms");
      emit (render_name, driver->render_ms / ms->len, "ms");
    }
  driver->layout_ms = driver->render_ms = 0;
  g_array_set_size (ms, 0);
}

/* The board with the most cards, and on it the fullest column. */
static gboolean
pick_board (Driver *driver)
{
  ObeyaWorkspace *workspace = obeya_window_get_workspace (driver->window);
  GListModel *boards;
  guint best = 0;

  if (workspace == NULL)
    return FALSE;
  boards = obeya_workspace_get_boards (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, i);
      guint n = obeya_board_get_n_active_cards (board);

      if (n > best)
        {
          best = n;
          driver->board = board;
        }
    }
  return driver->board != NULL;
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        return child;
      found = find_child (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The scrolled list with the most rows, to scroll through. */
static void
find_fullest_list (GtkWidget     *root,
                   GtkAdjustment **best,
                   double         *best_upper)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child) && gtk_widget_get_mapped (child))
        {
          GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (child));

          if (adjustment != NULL && gtk_adjustment_get_upper (adjustment) > *best_upper)
            {
              *best = adjustment;
              *best_upper = gtk_adjustment_get_upper (adjustment);
            }
        }
      find_fullest_list (child, best, best_upper);
    }
}

/* Frame work is measured in CPU time of this thread, so other processes on
 * a busy machine (and the X server's own work) do not count. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Driver        *driver)
{
  driver->paint_start = thread_cpu_us ();
}

static void
layout_cb (GdkFrameClock *clock,
           Driver        *driver)
{
  driver->layout_start = thread_cpu_us ();
}

static void
paint_cb (GdkFrameClock *clock,
          Driver        *driver)
{
  driver->render_start = thread_cpu_us ();
}

static void
step (Driver *driver)
{
  switch (driver->phase)
    {
    case PHASE_WAIT_BOARD:
      {
        GtkWidget *view = find_child (GTK_WIDGET (driver->window), OBEYA_TYPE_BOARD_VIEW);

        if (driver->board == NULL && pick_board (driver))
          obeya_window_select_board (driver->window, driver->board);
        if (view != NULL && driver->board != NULL &&
            obeya_board_view_get_board (OBEYA_BOARD_VIEW (view)) == driver->board &&
            find_child (view, OBEYA_TYPE_CARD_WIDGET) != NULL)
          {
            double upper = 0;

            emit ("window: largest board drawn with its cards",
                  (g_get_monotonic_time () - driver->start_us) / 1e6, "s    (bar < 1.0 s)");
            emit ("board: cards on it", obeya_board_get_n_active_cards (driver->board), "");
            find_fullest_list (view, &driver->scroll, &upper);
            driver->phase = PHASE_IDLE;
            driver->frame = 0;
            g_array_set_size (driver->frame_ms, 0);
          }
      }
      break;

    case PHASE_IDLE:
      /* Frames with nothing changed: the cost of presenting a frame at all. */
      if (driver->frame++ >= 30)
        {
          report_frames (driver, "idle, nothing changed");
          driver->phase = PHASE_SCROLL;
          driver->frame = 0;
        }
      break;

    case PHASE_SCROLL:
      if (driver->scroll == NULL || driver->frame++ >= SCROLL_FRAMES)
        {
          report_frames (driver, "scroll the fullest column");
          driver->phase = PHASE_MOVE;
          driver->frame = 0;
          driver->from = obeya_board_get_first_column_with_role (driver->board,
                                                                 OBEYA_COLUMN_ROLE_ACTIVE);
          driver->to = obeya_board_get_first_column_with_role (driver->board,
                                                               OBEYA_COLUMN_ROLE_DONE);
          break;
        }
      /* A page of cards per frame, like a fast wheel or a drag to the edge. */
      gtk_adjustment_set_value (driver->scroll,
                                gtk_adjustment_get_value (driver->scroll) +
                                gtk_adjustment_get_page_size (driver->scroll) * 0.5);
      break;

    case PHASE_MOVE:
      if (driver->from == NULL || driver->to == NULL || driver->frame++ >= MOVE_FRAMES)
        {
          report_frames (driver, "move a card to a column");
          driver->phase = PHASE_DONE;
          break;
        }
      {
        /* What a drop does: one card to the top of another column, and back. */
        gboolean back = driver->frame % 2 == 0;
        ObeyaColumn *source = back ? driver->to : driver->from;
        ObeyaColumn *target = back ? driver->from : driver->to;
        GListModel *lanes = obeya_board_get_lanes (driver->board);
        g_autoptr(ObeyaLane) lane = g_list_model_get_n_items (lanes) > 0
                                    ? g_list_model_get_item (lanes, g_list_model_get_n_items (lanes) - 1)
                                    : NULL;
        g_autoptr(ObeyaCard) card = g_list_model_get_item (obeya_column_get_cell (source, lane), 0);

        if (card != NULL)
          obeya_board_move_card (driver->board, card, target, lane, 0);
      }
      break;

    case PHASE_DONE:
      {
        GApplication *app = g_application_get_default ();

        driver->phase = PHASE_DONE + 1;
        if (app != NULL)
          g_application_quit (app);
      }
      break;

    default:
      break;
    }
}

static void
after_paint_cb (GdkFrameClock *clock,
                Driver        *driver)
{
  double ms = (thread_cpu_us () - driver->paint_start) / 1000.0;

  if (driver->phase == PHASE_FIRST_FRAME)
    {
      emit ("window: first frame", (g_get_monotonic_time () - driver->start_us) / 1e6,
            "s    (bar < 0.3 s)");
      driver->phase = PHASE_WAIT_BOARD;
    }
  else if ((driver->phase == PHASE_IDLE || driver->phase == PHASE_SCROLL ||
            driver->phase == PHASE_MOVE) && driver->frame > 1)
    {
      g_array_append_val (driver->frame_ms, ms);
      driver->layout_ms += (driver->render_start - driver->layout_start) / 1000.0;
      driver->render_ms += (thread_cpu_us () - driver->render_start) / 1000.0;
    }

  step (driver);
  /* Keep frames coming while there is work. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
realize_cb (GtkWidget *widget,
            Driver    *driver)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), driver);
  /* Connected before GTK's own handlers run? No: after them, so these mark
   * the end of the previous phase (layout ends where paint starts). */
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), driver);
  g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), driver);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), driver);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

void
obeya_bench_driver_attach (ObeyaWindow *window,
                           gint64       start_us)
{
  Driver *driver = g_new0 (Driver, 1);

  driver->window = window;
  driver->start_us = start_us;
  driver->frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), driver);
  /* The driver lives as long as the process: the bench quits the app. */
}
