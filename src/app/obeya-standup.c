/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-action-dialog.h"
#include "obeya-audits.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-document.h"
#include "obeya-entry-form.h"
#include "obeya-huddle-util.h"
#include "obeya-metric-category.h"
#include "obeya-metrics.h"
#include "obeya-standup.h"
#include "obeya-standup-actions.h"
#include "obeya-standup-agenda.h"
#include "obeya-standup-board.h"
#include "obeya-standup-fives.h"
#include "obeya-standup-metrics.h"
#include "obeya-standup-private.h"
#include "obeya-workspace.h"

/* The countdown and the clock are redrawn this often (milliseconds). */
#define TICK_INTERVAL 250
/* The type follows the screen: 22 px on a 1920x1080 TV, 19 px below
 * MEDIUM_* (1600x900, 1680x1050), 16 px below COMPACT_* (a laptop, a
 * 1366x768 projector). */
#define MEDIUM_WIDTH   1800
#define MEDIUM_HEIGHT  1000
#define COMPACT_WIDTH  1500
#define COMPACT_HEIGHT 850
#define SMALL_WIDTH    1200
#define SMALL_HEIGHT   700
#define DEFAULT_MINUTES 15
#define DEFAULT_ROTATE_SECONDS 30

typedef struct
{
  char                 *key;
  ObeyaStandupPageKind  kind;
  ObeyaBoard           *board;   /* board pages */
  char                 *category_id; /* a metrics page of one category */
  GtkWidget            *widget;  /* owned by the stack */
} Page;

struct _ObeyaStandup
{
  AdwWindow          parent_instance;

  ObeyaDocument     *document;
  ObeyaWorkspace    *workspace;
  ObeyaStandupMode   mode;
  GSettings         *settings;
  GCancellable      *cancellable;

  GPtrArray         *pages;          /* of Page */
  guint              current;
  char              *title;
  char              *subtitle;
  guint              n_loads;
  guint              refresh_idle;

  /* The huddle. */
  ObeyaStandupClock  clock;
  gpointer           clock_data;
  ObeyaTimestamp     start;
  gint64             opened_us;      /* on the clock, when the huddle began */
  gboolean           running;
  gint64             run_since_us;   /* on the clock, when the countdown last started */
  gint64             run_elapsed_us; /* counted before that */
  guint              planned_seconds;
  char              *timer_text;
  guint              tick_id;
  guint              n_raised_seen;
  gboolean           asking;
  gboolean           may_close;

  /* The wall. */
  guint              rotate_seconds;
  guint              rotate_id;
  guint              retry_id;
  guint              inhibit_cookie;
  ObeyaDay           today;

  guint              size;           /* SIZE_LARGE, SIZE_MEDIUM, SIZE_COMPACT, SIZE_SMALL */
  guint              size_idle;

  /* template */
  AdwToastOverlay   *toast_overlay;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkWidget         *dots_box;
  GtkLabel          *page_label;
  GtkWidget         *timer_button;
  GtkImage          *timer_icon;
  GtkLabel          *timer_label;
  GtkLabel          *clock_label;
  GtkLabel          *stamp_label;
  GtkWidget         *raise_button;
  GtkWidget         *leave_button;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  GtkStack          *stack;
  AdwStatusPage     *status_page;
};

G_DEFINE_FINAL_TYPE (ObeyaStandup, obeya_standup, ADW_TYPE_WINDOW)

static void refresh (ObeyaStandup *self);
static void show_page (ObeyaStandup *self, guint index, gboolean animate);
static void restart_rotation (ObeyaStandup *self);

static void
page_free (gpointer data)
{
  Page *page = data;

  g_free (page->key);
  g_free (page->category_id);
  g_clear_object (&page->board);
  g_free (page);
}

static Page *
current_page (ObeyaStandup *self)
{
  return self->current < self->pages->len ? self->pages->pdata[self->current] : NULL;
}

static gboolean
writable (ObeyaStandup *self)
{
  return self->workspace != NULL && !obeya_workspace_get_read_only (self->workspace) &&
         !obeya_document_get_read_only (self->document);
}

static gboolean
interactive (ObeyaStandup *self)
{
  return self->mode == OBEYA_STANDUP_MODE_HUDDLE && writable (self);
}

/* ---- the clock -------------------------------------------------------------------- */

static gint64
now_us (ObeyaStandup *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_monotonic_time ();
}

static gint64
timer_elapsed_us (ObeyaStandup *self)
{
  return self->run_elapsed_us + (self->running ? now_us (self) - self->run_since_us : 0);
}

static guint
huddle_seconds (ObeyaStandup *self)
{
  return (guint) MAX (0, (now_us (self) - self->opened_us) / G_USEC_PER_SEC);
}

void
_obeya_standup_set_clock (ObeyaStandup      *self,
                          ObeyaStandupClock  clock,
                          gpointer           user_data)
{
  gint64 opened_for, running_for;

  g_return_if_fail (OBEYA_IS_STANDUP (self));

  opened_for = now_us (self) - self->opened_us;
  running_for = self->running ? now_us (self) - self->run_since_us : 0;
  self->clock = clock;
  self->clock_data = user_data;
  self->opened_us = now_us (self) - opened_for;
  self->run_since_us = now_us (self) - running_for;
}

static void
format_timer (char   *buf,
              gsize   size,
              gint64  remaining)
{
  gint64 shown = remaining >= 0 ? remaining : -remaining;

  g_snprintf (buf, size, "%s%" G_GINT64_FORMAT ":%02d", remaining < 0 ? "+" : "",
              shown / 60, (int) (shown % 60));
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
update_clock (ObeyaStandup *self)
{
  g_autoptr(GDateTime) now = obeya_timestamp_to_date_time (obeya_timestamp_now ());
  /* Translators: the time of day on the stand-up screen (strftime format) */
  g_autofree char *text = now ? g_date_time_format (now, _("%H:%M")) : NULL;

  if (g_strcmp0 (text, gtk_label_get_text (self->clock_label)) != 0)
    gtk_label_set_text (self->clock_label, text ? text : "");
}

static void
update_timer (ObeyaStandup *self)
{
  gint64 elapsed = timer_elapsed_us (self) / G_USEC_PER_SEC;
  gint64 remaining = (gint64) self->planned_seconds - elapsed;
  char text[32];
  GtkWidget *agenda;

  format_timer (text, sizeof text, remaining);
  if (g_strcmp0 (text, self->timer_text) != 0)
    {
      g_free (self->timer_text);
      self->timer_text = g_strdup (text);
      gtk_label_set_text (self->timer_label, text);
    }
  set_class (self->timer_button, "warning",
             remaining >= 0 && remaining <= OBEYA_STANDUP_WARNING_SECONDS);
  set_class (self->timer_button, "error", remaining < 0);
  set_class (self->timer_button, "paused", !self->running);
  gtk_image_set_from_icon_name (self->timer_icon, self->running ? "media-playback-pause-symbolic"
                                                                : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (self->timer_button,
                               self->running ? _("Pause the Countdown (P)")
                                             : _("Start the Countdown (P)"));
  agenda = obeya_standup_get_agenda (self);
  if (agenda != NULL)
    obeya_standup_agenda_set_elapsed (OBEYA_STANDUP_AGENDA (agenda), elapsed);
}

void
_obeya_standup_tick (ObeyaStandup *self)
{
  g_return_if_fail (OBEYA_IS_STANDUP (self));

  update_timer (self);
  update_clock (self);
  /* The day changes at midnight while a wall display runs. */
  if (self->workspace != NULL && obeya_day_today () != self->today)
    refresh (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  _obeya_standup_tick (user_data);
  return G_SOURCE_CONTINUE;
}

static guint
planned_seconds (ObeyaStandup *self)
{
  guint minutes = 0;

  /* The team's agenda says how long the huddle takes; else the setting. */
  if (self->workspace != NULL)
    minutes = obeya_metrics_get_agenda_minutes (obeya_workspace_get_metrics (self->workspace));
  if (minutes == 0 && self->settings != NULL)
    minutes = g_settings_get_uint (self->settings, "standup-minutes");
  return (minutes > 0 ? minutes : DEFAULT_MINUTES) * 60;
}

/* ---- the header ------------------------------------------------------------------ */

static void
update_dots (ObeyaStandup *self)
{
  guint n = 0;
  g_autofree char *text = NULL;

  for (GtkWidget *dot = gtk_widget_get_first_child (self->dots_box); dot != NULL;
       dot = gtk_widget_get_next_sibling (dot))
    n++;
  while (n > self->pages->len)
    {
      gtk_box_remove (GTK_BOX (self->dots_box), gtk_widget_get_last_child (self->dots_box));
      n--;
    }
  for (; n < self->pages->len; n++)
    {
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (dot, "obeya-standup-dot");
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (self->dots_box), dot);
    }
  n = 0;
  for (GtkWidget *dot = gtk_widget_get_first_child (self->dots_box); dot != NULL;
       dot = gtk_widget_get_next_sibling (dot), n++)
    set_class (dot, "current", n == self->current);

  /* Translators: the stand-up's page indicator, "3 / 7" */
  text = self->pages->len > 0 ? g_strdup_printf (_("%u / %u"), self->current + 1, self->pages->len)
                              : g_strdup ("");
  gtk_label_set_text (self->page_label, text);
}

static char *
dup_board_subtitle (ObeyaStandup      *self,
                    ObeyaStandupBoard *board)
{
  GString *text = g_string_new (NULL);
  guint n_blocked = obeya_standup_board_get_n_blocked (board);
  guint n_ageing = obeya_standup_board_get_n_ageing (board);
  gboolean from_history;
  guint days = obeya_standup_board_get_ageing_days (board, &from_history);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u blocked", "%u blocked",
                                             n_blocked), n_blocked);
  g_string_append (text, " · ");
  if (from_history)
    /* Translators: "2 ageing (older than 9 days, the 85th percentile)": of cycle time */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u ageing (older than %u days, the 85th percentile)",
                                               "%u ageing (older than %u days, the 85th percentile)",
                                               n_ageing), n_ageing, days);
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u ageing (older than %u days)",
                                               "%u ageing (older than %u days)", n_ageing),
                            n_ageing, days);
  /* The counts first: on a small screen the end of the line may be cut. */
  if (self->mode == OBEYA_STANDUP_MODE_HUDDLE)
    {
      g_string_append (text, " · ");
      /* Translators: the stand-up's hint on a board page: the Down arrow key
       * (or a clicker's button that sends it) moves the highlight one
       * column to the left, from Done towards the backlog */
      g_string_append (text, _("Down key: walk the board right to left"));
    }
  return g_string_free (text, FALSE);
}

static void
update_header (ObeyaStandup *self)
{
  Page *page = current_page (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (page == NULL)
    {
      title = g_strdup (self->document ? obeya_document_get_title (self->document) : _("Stand-up"));
      subtitle = g_strdup ("");
    }
  else
    switch (page->kind)
      {
      case OBEYA_STANDUP_PAGE_AGENDA:
        title = g_strdup (_("Daily Huddle"));
        subtitle = obeya_huddle_util_format_day_long (self->today);
        break;
      case OBEYA_STANDUP_PAGE_METRICS:
        {
          int year, month;
          g_autoptr(GDateTime) dt = NULL;
          g_autofree char *month_name = NULL;
          ObeyaMetricCategory *category;

          obeya_day_to_ymd (self->today, &year, &month, NULL);
          dt = g_date_time_new_local (year, month, 1, 12, 0, 0);
          month_name = dt ? g_date_time_format (dt, _("%B %Y")) : g_strdup ("");
          category = page->category_id
                     ? obeya_metrics_find_category (obeya_workspace_get_metrics (self->workspace),
                                                    page->category_id)
                     : NULL;
          if (category != NULL)
            /* Translators: the title of a stand-up page of one category, "Huddle Metrics: Safety" */
            title = g_strdup_printf (_("Huddle Metrics: %s"), obeya_metric_category_get_name (category));
          else
            title = g_strdup (_("Huddle Metrics"));
          subtitle = g_strdup_printf ("%s · %s", month_name,
                                      obeya_standup_metrics_get_summary (OBEYA_STANDUP_METRICS (page->widget)));
        }
        break;
      case OBEYA_STANDUP_PAGE_BOARD:
        title = g_strdup (obeya_board_get_name (page->board));
        subtitle = dup_board_subtitle (self, OBEYA_STANDUP_BOARD (page->widget));
        break;
      case OBEYA_STANDUP_PAGE_ACTIONS:
        title = g_strdup (_("Open Actions"));
        subtitle = g_strdup (obeya_standup_actions_get_summary (OBEYA_STANDUP_ACTIONS (page->widget)));
        break;
      case OBEYA_STANDUP_PAGE_FIVES:
      default:
        title = g_strdup (_("5S Status"));
        subtitle = g_strdup (obeya_standup_fives_get_summary (OBEYA_STANDUP_FIVES (page->widget)));
        break;
      }

  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_free (self->subtitle);
  self->subtitle = g_steal_pointer (&subtitle);
  gtk_label_set_text (self->title_label, self->title);
  gtk_label_set_text (self->subtitle_label, self->subtitle);
  update_dots (self);
}

static void
update_actions (ObeyaStandup *self)
{
  gboolean huddle = self->mode == OBEYA_STANDUP_MODE_HUDDLE;
  ObeyaMetrics *metrics = self->workspace ? obeya_workspace_get_metrics (self->workspace) : NULL;
  gboolean can_raise = interactive (self) && obeya_metrics_get_action_board (metrics) != NULL;
  gboolean has_metrics = metrics != NULL &&
                         g_list_model_get_n_items (obeya_metrics_get_metrics (metrics)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standup.toggle-timer", huddle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standup.raise-action", can_raise);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standup.enter-numbers",
                                 interactive (self) && has_metrics);
  gtk_widget_set_visible (self->timer_button, huddle);
  gtk_widget_set_visible (self->raise_button, can_raise);
}

/* ---- data as of -------------------------------------------------------------------- */

static void
file_info_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ObeyaStandup *self = user_data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, NULL);
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  ObeyaDay day;

  if (info == NULL)
    return; /* cancelled, or the file is briefly away: the next save or load tells */

  modified = g_file_info_get_modification_date_time (info);
  if (modified == NULL)
    return;
  local = g_date_time_to_local (modified);
  day = obeya_day_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local),
                            g_date_time_get_day_of_month (local));
  if (day == obeya_day_today ())
    /* Translators: strftime format of the "data as of" time when it is today */
    when = g_date_time_format (local, _("%H:%M"));
  else
    {
      g_autofree char *date = obeya_huddle_util_format_day (day, obeya_day_today ());
      g_autofree char *time = g_date_time_format (local, _("%H:%M"));

      /* Translators: "Wed 4 Nov, 17:45" */
      when = g_strdup_printf (_("%s, %s"), date, time);
    }
  /* Translators: when the numbers on the stand-up screen were last saved, "Data as of 09:02" */
  text = g_strdup_printf (_("Data as of %s"), when);
  gtk_label_set_text (self->stamp_label, text);
}

static void
update_stamp (ObeyaStandup *self)
{
  const char *path = self->document ? obeya_document_get_path (self->document) : NULL;
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    {
      gtk_label_set_text (self->stamp_label, _("Not saved yet"));
      return;
    }
  file = g_file_new_for_path (path);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, self->cancellable,
                           file_info_ready_cb, self);
}

/* ---- pages ---------------------------------------------------------------------------- */

static char *
dup_document_uri (ObeyaStandup *self)
{
  const char *path = obeya_document_get_path (self->document);

  return path ? g_filename_to_uri (path, NULL, NULL) : NULL;
}

static char *
dup_huddle_board_id (ObeyaStandup *self)
{
  g_autofree char *uri = dup_document_uri (self);
  g_autoptr(GVariant) map = NULL;
  char *id = NULL;

  if (uri == NULL || self->settings == NULL)
    return NULL;
  map = g_settings_get_value (self->settings, "huddle-board");
  if (!g_variant_lookup (map, uri, "s", &id))
    return NULL;
  return id;
}

static void
add_wanted (GPtrArray            *wanted,
            const char           *key,
            ObeyaStandupPageKind  kind,
            ObeyaBoard           *board)
{
  Page *page = g_new0 (Page, 1);

  page->key = g_strdup (key);
  page->kind = kind;
  page->board = board ? g_object_ref (board) : NULL;
  g_ptr_array_add (wanted, page);
}

static gboolean
board_shown (ObeyaBoard *board)
{
  return !obeya_board_get_archived (board) && obeya_board_get_n_active_cards (board) > 0;
}

static void
add_board_page (GPtrArray  *wanted,
                ObeyaBoard *board)
{
  g_autofree char *key = g_strconcat ("board:", obeya_entity_get_id (OBEYA_ENTITY (board)), NULL);

  add_wanted (wanted, key, OBEYA_STANDUP_PAGE_BOARD, board);
}

/* The pages the workspace calls for, in order, without widgets. */
static GPtrArray *
dup_wanted_pages (ObeyaStandup *self)
{
  GPtrArray *wanted = g_ptr_array_new_with_free_func (page_free);
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (self->workspace);
  ObeyaAudits *audits = obeya_workspace_get_audits (self->workspace);
  GListModel *boards = obeya_workspace_get_boards (self->workspace);
  g_autofree char *first_id = dup_huddle_board_id (self);
  ObeyaBoard *first = first_id ? obeya_workspace_find_board (self->workspace, first_id) : NULL;
  guint n_metrics;

  add_wanted (wanted, "agenda", OBEYA_STANDUP_PAGE_AGENDA, NULL);
  n_metrics = g_list_model_get_n_items (obeya_metrics_get_metrics (metrics));
  if (n_metrics > 0 && n_metrics <= OBEYA_STANDUP_MAX_TILES)
    add_wanted (wanted, "metrics", OBEYA_STANDUP_PAGE_METRICS, NULL);
  else if (n_metrics > 0)
    {
      /* Too many tiles to read on one screen: a page per category. */
      GListModel *categories = obeya_metrics_get_categories (metrics);

      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(ObeyaEntity) category = g_list_model_get_item (categories, i);
          const char *id = obeya_entity_get_id (category);
          g_autoptr(GPtrArray) shown = obeya_metrics_dup_category_metrics (metrics, id);
          g_autofree char *key = g_strconcat ("metrics:", id, NULL);

          if (shown->len == 0)
            continue;
          add_wanted (wanted, key, OBEYA_STANDUP_PAGE_METRICS, NULL);
          ((Page *) wanted->pdata[wanted->len - 1])->category_id = g_strdup (id);
        }
    }
  if (first != NULL && board_shown (first))
    add_board_page (wanted, first);
  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, i);

      if (board != first && board_shown (board))
        add_board_page (wanted, board);
    }
  add_wanted (wanted, "actions", OBEYA_STANDUP_PAGE_ACTIONS, NULL);
  if (audits != NULL && g_list_model_get_n_items (obeya_audits_get_areas (audits)) > 0)
    add_wanted (wanted, "5s", OBEYA_STANDUP_PAGE_FIVES, NULL);
  return wanted;
}

static GtkWidget *
create_page_widget (ObeyaStandup *self,
                    Page         *page)
{
  gboolean huddle = self->mode == OBEYA_STANDUP_MODE_HUDDLE;

  switch (page->kind)
    {
    case OBEYA_STANDUP_PAGE_AGENDA:
      return obeya_standup_agenda_new (self->workspace, huddle && writable (self));
    case OBEYA_STANDUP_PAGE_METRICS:
      return obeya_standup_metrics_new (self->workspace, interactive (self), page->category_id);
    case OBEYA_STANDUP_PAGE_BOARD:
      return obeya_standup_board_new (page->board);
    case OBEYA_STANDUP_PAGE_ACTIONS:
      return obeya_standup_actions_new (self->workspace, interactive (self));
    case OBEYA_STANDUP_PAGE_FIVES:
    default:
      return obeya_standup_fives_new (self->workspace);
    }
}

static void
remove_pages (ObeyaStandup *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = self->pages->pdata[i];

      gtk_stack_remove (self->stack, page->widget);
    }
  g_ptr_array_set_size (self->pages, 0);
  self->current = 0;
}

static void apply_size_to_page (ObeyaStandup *self,
                                Page         *page);

/* Makes the pages those the workspace calls for, keeping the widgets (and
 * so the attendance) of pages that stay, and the page shown when it stays
 * (else the one now at its place). */
static void
sync_pages (ObeyaStandup *self)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->pages);
  Page *shown = self->current < old->len ? old->pdata[self->current] : NULL;
  g_autofree char *shown_key = shown ? g_strdup (shown->key) : NULL;
  guint new_current = self->current;

  self->pages = dup_wanted_pages (self);
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = self->pages->pdata[i];

      for (guint j = 0; j < old->len && page->widget == NULL; j++)
        {
          Page *kept = old->pdata[j];

          if (kept->widget != NULL && g_str_equal (kept->key, page->key))
            page->widget = g_steal_pointer (&kept->widget);
        }
      if (page->widget == NULL)
        {
          page->widget = create_page_widget (self, page);
          apply_size_to_page (self, page);
          gtk_stack_add_named (self->stack, page->widget, page->key);
        }
      if (g_strcmp0 (page->key, shown_key) == 0)
        new_current = i;
    }
  for (guint j = 0; j < old->len; j++)
    {
      Page *gone = old->pdata[j];

      if (gone->widget != NULL)
        gtk_stack_remove (self->stack, gone->widget);
    }
  self->current = MIN (new_current, self->pages->len > 0 ? self->pages->len - 1 : 0);
}

static void
refresh_pages (ObeyaStandup *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = self->pages->pdata[i];

      switch (page->kind)
        {
        case OBEYA_STANDUP_PAGE_AGENDA:
          obeya_standup_agenda_refresh (OBEYA_STANDUP_AGENDA (page->widget));
          break;
        case OBEYA_STANDUP_PAGE_METRICS:
          obeya_standup_metrics_refresh (OBEYA_STANDUP_METRICS (page->widget));
          break;
        case OBEYA_STANDUP_PAGE_ACTIONS:
          obeya_standup_actions_refresh (OBEYA_STANDUP_ACTIONS (page->widget));
          break;
        case OBEYA_STANDUP_PAGE_FIVES:
          obeya_standup_fives_refresh (OBEYA_STANDUP_FIVES (page->widget));
          break;
        case OBEYA_STANDUP_PAGE_BOARD:
        default:
          break; /* boards follow the workspace by themselves */
        }
    }
}

/* Actions raised during the huddle get a toast: the team sees it was noted. */
static void
announce_raised_actions (ObeyaStandup *self)
{
  g_autoptr(GPtrArray) raised = NULL;
  ObeyaCard *newest;
  g_autofree char *message = NULL;

  if (self->mode != OBEYA_STANDUP_MODE_HUDDLE)
    return;
  raised = obeya_standup_dup_raised_actions (self);
  if (raised->len <= self->n_raised_seen)
    {
      self->n_raised_seen = raised->len;
      return;
    }
  self->n_raised_seen = raised->len;
  newest = raised->pdata[raised->len - 1];
  /* Translators: a toast in the stand-up after an action was raised */
  message = g_strdup_printf (_("Action raised: “%s”"), obeya_card_get_title (newest));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
refresh (ObeyaStandup *self)
{
  gint64 start = g_get_monotonic_time ();

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->today = obeya_day_today ();
  if (self->workspace == NULL)
    {
      update_header (self);
      update_actions (self);
      return;
    }
  sync_pages (self);
  refresh_pages (self);
  self->planned_seconds = planned_seconds (self);
  show_page (self, self->current, FALSE);
  update_actions (self);
  update_timer (self);
  announce_raised_actions (self);
  g_debug ("Stand-up: %u pages refreshed in %.1f ms", self->pages->len,
           (g_get_monotonic_time () - start) / 1000.0);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ObeyaStandup *self = user_data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
workspace_changed_cb (ObeyaStandup *self)
{
  /* After the board pages' own refresh (G_PRIORITY_HIGH_IDLE), which the
   * board page's summary reads. */
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, refresh_idle_cb, self, NULL);
}

static void
show_page (ObeyaStandup *self,
           guint         index,
           gboolean      animate)
{
  Page *page;
  gboolean changed;

  if (self->pages->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "status");
      update_header (self);
      return;
    }
  index = MIN (index, self->pages->len - 1);
  changed = index != self->current ||
            gtk_stack_get_visible_child (self->stack) != ((Page *) self->pages->pdata[index])->widget;
  self->current = index;
  page = current_page (self);
  gtk_stack_set_transition_type (self->stack, animate ? GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT
                                                      : GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_stack_set_visible_child (self->stack, page->widget);
  /* Arriving on a board: the walk starts at its rightmost column. */
  if (changed && page->kind == OBEYA_STANDUP_PAGE_BOARD)
    obeya_standup_board_restart_walk (OBEYA_STANDUP_BOARD (page->widget));
  update_header (self);
}

static void
set_workspace (ObeyaStandup   *self,
               ObeyaWorkspace *workspace)
{
  g_autofree char *key = NULL;

  if (self->workspace == workspace)
    return;
  if (self->current < self->pages->len)
    key = g_strdup (((Page *) self->pages->pdata[self->current])->key);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  /* Every page shows the old workspace's objects: build them again. */
  remove_pages (self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      self->n_loads++;
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (workspace_changed_cb), self);
      refresh (self);
      /* Stay on the page shown before a reload. */
      for (guint i = 0; key != NULL && i < self->pages->len; i++)
        if (g_str_equal (((Page *) self->pages->pdata[i])->key, key))
          show_page (self, i, FALSE);
    }
  else
    refresh (self);
  update_stamp (self);
}

/* ---- navigation --------------------------------------------------------------------- */

static void
step_page (ObeyaStandup *self,
           int           delta)
{
  int index;

  if (self->pages->len == 0)
    return;
  index = (int) self->current + delta;
  index = CLAMP (index, 0, (int) self->pages->len - 1);
  show_page (self, (guint) index, TRUE);
  restart_rotation (self);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_page (OBEYA_STANDUP (widget), 1);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_page (OBEYA_STANDUP (widget), -1);
}

static void
first_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  step_page (OBEYA_STANDUP (widget), -(int) OBEYA_STANDUP (widget)->pages->len);
}

static void
last_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_page (OBEYA_STANDUP (widget), (int) OBEYA_STANDUP (widget)->pages->len);
}

static void
walk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaStandup *self = OBEYA_STANDUP (widget);
  Page *page = current_page (self);

  if (page != NULL && page->kind == OBEYA_STANDUP_PAGE_BOARD)
    obeya_standup_board_walk (OBEYA_STANDUP_BOARD (page->widget), g_variant_get_int32 (parameter));
}

static void
toggle_timer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaStandup *self = OBEYA_STANDUP (widget);

  obeya_standup_set_timer_running (self, !self->running);
}

/* Dialogs over the stand-up are read by the room too: larger type. */
static void
present_dialog (GtkWidget *dialog)
{
  gtk_widget_add_css_class (dialog, "obeya-standup-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
raise_action_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaStandup *self = OBEYA_STANDUP (widget);
  const char *metric_id = g_variant_get_string (parameter, NULL);
  ObeyaMetric *metric = NULL;

  if (!interactive (self))
    return;
  if (metric_id[0] != '\0')
    metric = obeya_metrics_find_metric (obeya_workspace_get_metrics (self->workspace), metric_id);
  present_dialog (obeya_action_dialog_new (GTK_WINDOW (self), self->workspace, metric,
                                           OBEYA_DAY_NONE));
}

static void
enter_numbers_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObeyaStandup *self = OBEYA_STANDUP (widget);

  if (interactive (self))
    present_dialog (obeya_entry_form_new (GTK_WINDOW (self), self->workspace, obeya_day_today ()));
}

static void
toggle_fullscreen_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  obeya_standup_leave (OBEYA_STANDUP (widget));
}

/* Keys are read before any widget sees them (the capture phase): a focused
 * attendance toggle must not eat the clicker's Page Down. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ObeyaStandup          *self)
{
  Page *page = current_page (self);
  gboolean on_board = page != NULL && page->kind == OBEYA_STANDUP_PAGE_BOARD;
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK |
                                  GDK_SUPER_MASK);

  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_e || keyval == GDK_KEY_E))
    return gtk_widget_activate_action (GTK_WIDGET (self), "standup.enter-numbers", NULL);
  if ((mods & ~GDK_SHIFT_MASK) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      return gtk_widget_activate_action (GTK_WIDGET (self), "standup.next-page", NULL);
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      return gtk_widget_activate_action (GTK_WIDGET (self), "standup.previous-page", NULL);
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      return gtk_widget_activate_action (GTK_WIDGET (self), "standup.first-page", NULL);
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return gtk_widget_activate_action (GTK_WIDGET (self), "standup.last-page", NULL);
    case GDK_KEY_Escape:
      return gtk_widget_activate_action (GTK_WIDGET (self), "standup.leave", NULL);
    case GDK_KEY_F11:
      return gtk_widget_activate_action (GTK_WIDGET (self), "standup.toggle-fullscreen", NULL);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return on_board && gtk_widget_activate_action (GTK_WIDGET (self), "standup.walk", "i", 1);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return on_board && gtk_widget_activate_action (GTK_WIDGET (self), "standup.walk", "i", -1);
    case GDK_KEY_space:
      return on_board && gtk_widget_activate_action (GTK_WIDGET (self), "standup.walk", "i",
                                                     mods & GDK_SHIFT_MASK ? -1 : 1);
    case GDK_KEY_p:
    case GDK_KEY_P:
      return gtk_widget_activate_action (GTK_WIDGET (self), "standup.toggle-timer", NULL);
    case GDK_KEY_a:
    case GDK_KEY_A:
      return gtk_widget_activate_action (GTK_WIDGET (self), "standup.raise-action", "s", "");
    default:
      return FALSE;
    }
}

/* ---- the wall -------------------------------------------------------------------------- */

static gboolean
rotate_cb (gpointer user_data)
{
  ObeyaStandup *self = user_data;

  if (self->pages->len > 0)
    show_page (self, (self->current + 1) % self->pages->len, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
restart_rotation (ObeyaStandup *self)
{
  g_clear_handle_id (&self->rotate_id, g_source_remove);
  if (self->mode == OBEYA_STANDUP_MODE_WALL && self->rotate_seconds > 0)
    self->rotate_id = g_timeout_add (self->rotate_seconds * 1000, rotate_cb, self);
}

static void start_load (ObeyaStandup *self);

static gboolean
retry_cb (gpointer user_data)
{
  ObeyaStandup *self = user_data;

  self->retry_id = 0;
  start_load (self);
  return G_SOURCE_REMOVE;
}

static void
show_error (ObeyaStandup *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
handle_load_result (ObeyaStandup *self,
                    gboolean      ok,
                    const GError *error)
{
  if (ok)
    {
      show_error (self, NULL);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (self->workspace == NULL)
    {
      g_autofree char *description = NULL;

      /* Translators: the wall display cannot read its file: why, then what it does */
      description = g_strdup_printf (_("%s\n\nTrying again every %u seconds."), error->message,
                                     OBEYA_STANDUP_RETRY_SECONDS);
      adw_status_page_set_title (self->status_page, _("Could Not Open the Workspace"));
      adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
      adw_status_page_set_description (self->status_page, description);
      g_clear_handle_id (&self->retry_id, g_source_remove);
      self->retry_id = g_timeout_add_seconds (OBEYA_STANDUP_RETRY_SECONDS, retry_cb, self);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Could not reload the workspace: %s. "
                                                    "Showing the last version read."),
                                                  error->message);
      show_error (self, message);
    }
}

static void
load_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ObeyaStandup) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = obeya_document_load_finish (OBEYA_DOCUMENT (source), result, &error);

  handle_load_result (self, ok, error);
}

static void
reload_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ObeyaStandup) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = obeya_document_reload_finish (OBEYA_DOCUMENT (source), result, &error);

  handle_load_result (self, ok, error);
}

static void
start_load (ObeyaStandup *self)
{
  if (obeya_document_get_workspace (self->document) == NULL)
    obeya_document_load_async (self->document, self->cancellable, load_ready_cb,
                               g_object_ref (self));
  else
    obeya_document_reload_async (self->document, self->cancellable, reload_ready_cb,
                                 g_object_ref (self));
}

static void
file_changed_cb (ObeyaStandup *self)
{
  /* Someone saved the file: the wall shows what they saved. */
  if (self->mode == OBEYA_STANDUP_MODE_WALL)
    start_load (self);
  else
    update_stamp (self);
}

static void
document_workspace_cb (ObeyaStandup *self)
{
  set_workspace (self, obeya_document_get_workspace (self->document));
}

static void
document_state_cb (ObeyaStandup *self)
{
  if (obeya_document_get_state (self->document) == OBEYA_DOCUMENT_STATE_CLEAN)
    update_stamp (self);
}

/* ---- leaving ------------------------------------------------------------------------------ */

GPtrArray *
obeya_standup_dup_raised_actions (ObeyaStandup *self)
{
  GPtrArray *raised = g_ptr_array_new ();
  ObeyaBoard *board;
  GPtrArray *cards;

  g_return_val_if_fail (OBEYA_IS_STANDUP (self), raised);

  if (self->workspace == NULL)
    return raised;
  board = obeya_metrics_get_action_board (obeya_workspace_get_metrics (self->workspace));
  if (board == NULL)
    return raised;
  cards = obeya_board_get_cards (board);
  for (guint i = 0; i < cards->len; i++)
    {
      ObeyaCard *card = cards->pdata[i];

      if (obeya_huddle_util_is_action (card) &&
          obeya_card_get_created (card).seconds >= self->start.seconds)
        g_ptr_array_add (raised, card);
    }
  return raised;
}

static void
flush_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GApplication *app = user_data;
  g_autoptr(GError) error = NULL;

  if (!obeya_document_flush_finish (OBEYA_DOCUMENT (source), result, &error))
    g_warning ("Could not save the huddle: %s", error->message);
  if (app != NULL)
    {
      g_application_release (app);
      g_object_unref (app);
    }
}

static void
close_now (ObeyaStandup *self)
{
  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
record_huddle (ObeyaStandup *self)
{
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (self->workspace);
  g_auto(GStrv) attendees = NULL;
  g_autoptr(GPtrArray) raised = obeya_standup_dup_raised_actions (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GtkWidget *agenda = obeya_standup_get_agenda (self);
  ObeyaDocumentState state;

  attendees = agenda ? obeya_standup_agenda_dup_attendees (OBEYA_STANDUP_AGENDA (agenda))
                     : g_new0 (char *, 1);
  for (guint i = 0; i < raised->len; i++)
    g_ptr_array_add (ids, (gpointer) obeya_entity_get_id (raised->pdata[i]));
  g_ptr_array_add (ids, NULL);
  obeya_metrics_record_huddle (metrics, self->start, huddle_seconds (self),
                               (const char * const *) attendees,
                               (const char * const *) ids->pdata);

  /* The stand-up may be the last window (the main window closed meanwhile):
   * the application waits for the log to be written. */
  state = obeya_document_get_state (self->document);
  if (state == OBEYA_DOCUMENT_STATE_DIRTY || state == OBEYA_DOCUMENT_STATE_SAVING)
    {
      GApplication *app = g_application_get_default ();

      if (app != NULL)
        g_application_hold (app);
      obeya_document_flush_async (self->document, NULL, flush_ready_cb,
                                  app ? g_object_ref (app) : NULL);
    }
}

static gboolean
close_idle_cb (gpointer user_data)
{
  close_now (user_data);
  return G_SOURCE_REMOVE;
}

static void
record_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ObeyaStandup     *self)
{
  self->asking = FALSE;
  if (g_strcmp0 (response, "record") == 0)
    record_huddle (self);
  /* Closed once the dialog is done with its response (it is transient for
   * this window). */
  if (g_strcmp0 (response, "record") == 0 || g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
worth_recording (ObeyaStandup *self)
{
  GtkWidget *agenda = obeya_standup_get_agenda (self);
  g_autoptr(GPtrArray) raised = NULL;

  if (self->mode != OBEYA_STANDUP_MODE_HUDDLE || !writable (self))
    return FALSE;
  if (huddle_seconds (self) >= OBEYA_STANDUP_MIN_RECORD_SECONDS)
    return TRUE;
  if (agenda != NULL && obeya_standup_agenda_get_n_attending (OBEYA_STANDUP_AGENDA (agenda)) > 0)
    return TRUE;
  raised = obeya_standup_dup_raised_actions (self);
  return raised->len > 0;
}

void
obeya_standup_leave (ObeyaStandup *self)
{
  GtkWidget *dialog;
  GtkWidget *agenda;
  g_autoptr(GPtrArray) raised = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint minutes, n_people, n_here;

  g_return_if_fail (OBEYA_IS_STANDUP (self));

  if (self->asking)
    return;
  if (!worth_recording (self))
    {
      close_now (self);
      return;
    }

  agenda = obeya_standup_get_agenda (self);
  raised = obeya_standup_dup_raised_actions (self);
  minutes = (huddle_seconds (self) + 30) / 60;
  n_people = g_list_model_get_n_items (obeya_workspace_get_people (self->workspace));
  n_here = agenda ? obeya_standup_agenda_get_n_attending (OBEYA_STANDUP_AGENDA (agenda)) : 0;
  /* Translators: what the huddle log will keep: "12 minutes · 5 of 6 here · 1 action raised" */
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes),
                          minutes);
  g_string_append (body, " · ");
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u of %u here", "%u of %u here",
                                             n_people), n_here, n_people);
  g_string_append (body, " · ");
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u action raised",
                                             "%u actions raised", raised->len), raised->len);
  g_string_append (body, "\n\n");
  g_string_append (body, _("The huddle log shows whether the habit holds."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Record This Huddle?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Keep Going"),
                                    "discard", _("_Don’t Record"),
                                    "record", _("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  gtk_widget_add_css_class (dialog, "obeya-standup-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (record_response_cb), self);
  self->asking = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- public ---------------------------------------------------------------------------- */

ObeyaDocument *
obeya_standup_get_document (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), NULL);
  return self->document;
}

ObeyaStandupMode
obeya_standup_get_mode (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), OBEYA_STANDUP_MODE_HUDDLE);
  return self->mode;
}

guint
obeya_standup_get_n_pages (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), 0);
  return self->pages->len;
}

guint
obeya_standup_get_page (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), 0);
  return self->current;
}

void
obeya_standup_set_page (ObeyaStandup *self,
                        guint         page)
{
  g_return_if_fail (OBEYA_IS_STANDUP (self));

  show_page (self, page, FALSE);
  restart_rotation (self);
}

static Page *
get_page (ObeyaStandup *self,
          guint         index)
{
  return index < self->pages->len ? self->pages->pdata[index] : NULL;
}

ObeyaStandupPageKind
obeya_standup_get_page_kind (ObeyaStandup *self,
                             guint         page)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), OBEYA_STANDUP_PAGE_AGENDA);
  g_return_val_if_fail (page < self->pages->len, OBEYA_STANDUP_PAGE_AGENDA);
  return get_page (self, page)->kind;
}

const char *
obeya_standup_get_page_key (ObeyaStandup *self,
                            guint         page)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), NULL);
  return page < self->pages->len ? get_page (self, page)->key : NULL;
}

GtkWidget *
obeya_standup_get_page_widget (ObeyaStandup *self,
                               guint         page)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), NULL);
  return page < self->pages->len ? get_page (self, page)->widget : NULL;
}

const char *
obeya_standup_get_title (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), NULL);
  return self->title;
}

const char *
obeya_standup_get_subtitle (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), NULL);
  return self->subtitle;
}

guint
obeya_standup_get_planned_seconds (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), 0);
  return self->planned_seconds;
}

gint64
obeya_standup_get_remaining_seconds (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), 0);
  return (gint64) self->planned_seconds - timer_elapsed_us (self) / G_USEC_PER_SEC;
}

gboolean
obeya_standup_get_timer_running (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), FALSE);
  return self->running;
}

void
obeya_standup_set_timer_running (ObeyaStandup *self,
                                 gboolean      running)
{
  g_return_if_fail (OBEYA_IS_STANDUP (self));

  running = !!running && self->mode == OBEYA_STANDUP_MODE_HUDDLE;
  if (self->running == running)
    return;
  if (running)
    self->run_since_us = now_us (self);
  else
    self->run_elapsed_us += now_us (self) - self->run_since_us;
  self->running = running;
  update_timer (self);
}

const char *
obeya_standup_get_timer_text (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), NULL);
  return self->timer_text;
}

GtkWidget *
obeya_standup_get_agenda (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), NULL);

  for (guint i = 0; i < self->pages->len; i++)
    if (get_page (self, i)->kind == OBEYA_STANDUP_PAGE_AGENDA)
      return get_page (self, i)->widget;
  return NULL;
}

void
obeya_standup_set_huddle_board (ObeyaStandup *self,
                                ObeyaBoard   *board)
{
  g_autofree char *uri = NULL;
  g_autoptr(GVariant) map = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *key, *value;

  g_return_if_fail (OBEYA_IS_STANDUP (self));
  g_return_if_fail (OBEYA_IS_BOARD (board));

  uri = dup_document_uri (self);
  if (uri == NULL || self->settings == NULL)
    return;
  /* The other workspaces' choices stay. */
  map = g_settings_get_value (self->settings, "huddle-board");
  g_variant_iter_init (&iter, map);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, uri))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", uri, obeya_entity_get_id (OBEYA_ENTITY (board)));
  g_settings_set_value (self->settings, "huddle-board", g_variant_builder_end (&builder));
  if (self->workspace != NULL)
    refresh (self);
}

guint
obeya_standup_get_rotate_seconds (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), 0);
  return self->rotate_seconds;
}

void
obeya_standup_set_rotate_seconds (ObeyaStandup *self,
                                  guint         seconds)
{
  g_return_if_fail (OBEYA_IS_STANDUP (self));

  self->rotate_seconds = seconds;
  restart_rotation (self);
}

guint
obeya_standup_get_n_loads (ObeyaStandup *self)
{
  g_return_val_if_fail (OBEYA_IS_STANDUP (self), 0);
  return self->n_loads;
}

/* ---- GtkWidget, GtkWindow ------------------------------------------------------------------ */

enum {
  SIZE_LARGE,
  SIZE_MEDIUM,
  SIZE_COMPACT,
  SIZE_SMALL,
};

/* Type sized for the screen: a TV, a smaller monitor, a laptop. The
 * monitor decides (the window cannot be smaller than what its type needs,
 * so its own size would never say "too small"); a window made smaller
 * than its monitor too. */
static guint
size_for (int width,
          int height)
{
  if (width < SMALL_WIDTH || height < SMALL_HEIGHT)
    return SIZE_SMALL;
  if (width < COMPACT_WIDTH || height < COMPACT_HEIGHT)
    return SIZE_COMPACT;
  if (width < MEDIUM_WIDTH || height < MEDIUM_HEIGHT)
    return SIZE_MEDIUM;
  return SIZE_LARGE;
}

static void
apply_size_to_page (ObeyaStandup *self,
                    Page         *page)
{
  /* Six tiles in a row do not fit a small screen. */
  if (page->kind == OBEYA_STANDUP_PAGE_METRICS && page->widget != NULL)
    obeya_standup_metrics_set_narrow (OBEYA_STANDUP_METRICS (page->widget),
                                      self->size == SIZE_SMALL);
}

static void
apply_size (ObeyaStandup *self)
{
  set_class (GTK_WIDGET (self), "medium", self->size == SIZE_MEDIUM);
  set_class (GTK_WIDGET (self), "compact", self->size == SIZE_COMPACT);
  set_class (GTK_WIDGET (self), "small", self->size == SIZE_SMALL);
  for (guint i = 0; i < self->pages->len; i++)
    apply_size_to_page (self, self->pages->pdata[i]);
}

static gboolean
size_idle_cb (gpointer user_data)
{
  ObeyaStandup *self = user_data;

  self->size_idle = 0;
  apply_size (self);
  return G_SOURCE_REMOVE;
}

static void
obeya_standup_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ObeyaStandup *self = OBEYA_STANDUP (widget);
  guint size = size_for (width, height);

  GTK_WIDGET_CLASS (obeya_standup_parent_class)->size_allocate (widget, width, height, baseline);

  /* Only ever smaller type, and after this allocation, not in it. */
  if (size > self->size && self->size_idle == 0)
    {
      self->size = size;
      self->size_idle = g_idle_add (size_idle_cb, self);
    }
}

static void
obeya_standup_map (GtkWidget *widget)
{
  ObeyaStandup *self = OBEYA_STANDUP (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  GTK_WIDGET_CLASS (obeya_standup_parent_class)->map (widget);

  /* Nothing blanks the screen while the stand-up is on it. */
  if (app != NULL && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("The stand-up is on the screen"));
}

static void
obeya_standup_unmap (GtkWidget *widget)
{
  ObeyaStandup *self = OBEYA_STANDUP (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && self->inhibit_cookie != 0)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  self->inhibit_cookie = 0;

  GTK_WIDGET_CLASS (obeya_standup_parent_class)->unmap (widget);
}

static gboolean
obeya_standup_close_request (GtkWindow *window)
{
  ObeyaStandup *self = OBEYA_STANDUP (window);

  if (!self->may_close && worth_recording (self))
    {
      obeya_standup_leave (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (obeya_standup_parent_class)->close_request (window);
}

/* ---- GObject ---------------------------------------------------------------------------------- */

static void
obeya_standup_dispose (GObject *object)
{
  ObeyaStandup *self = OBEYA_STANDUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->rotate_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_handle_id (&self->size_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->pages != NULL)
    remove_pages (self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_STANDUP);

  G_OBJECT_CLASS (obeya_standup_parent_class)->dispose (object);
}

static void
obeya_standup_finalize (GObject *object)
{
  ObeyaStandup *self = OBEYA_STANDUP (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->timer_text);

  G_OBJECT_CLASS (obeya_standup_parent_class)->finalize (object);
}

static void
obeya_standup_class_init (ObeyaStandupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = obeya_standup_dispose;
  object_class->finalize = obeya_standup_finalize;
  widget_class->size_allocate = obeya_standup_size_allocate;
  widget_class->map = obeya_standup_map;
  widget_class->unmap = obeya_standup_unmap;
  window_class->close_request = obeya_standup_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/obeya/Obeya/obeya-standup.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaStandup, name)
  BIND (toast_overlay);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (dots_box);
  BIND (page_label);
  BIND (timer_button);
  BIND (timer_icon);
  BIND (timer_label);
  BIND (clock_label);
  BIND (stamp_label);
  BIND (raise_button);
  BIND (leave_button);
  BIND (error_revealer);
  BIND (error_label);
  BIND (stack);
  BIND (status_page);
#undef BIND

  gtk_widget_class_install_action (widget_class, "standup.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "standup.previous-page", NULL,
                                   previous_page_action);
  gtk_widget_class_install_action (widget_class, "standup.first-page", NULL, first_page_action);
  gtk_widget_class_install_action (widget_class, "standup.last-page", NULL, last_page_action);
  gtk_widget_class_install_action (widget_class, "standup.walk", "i", walk_action);
  gtk_widget_class_install_action (widget_class, "standup.toggle-timer", NULL, toggle_timer_action);
  gtk_widget_class_install_action (widget_class, "standup.raise-action", "s", raise_action_action);
  gtk_widget_class_install_action (widget_class, "standup.enter-numbers", NULL,
                                   enter_numbers_action);
  gtk_widget_class_install_action (widget_class, "standup.toggle-fullscreen", NULL,
                                   toggle_fullscreen_action);
  gtk_widget_class_install_action (widget_class, "standup.leave", NULL, leave_action);
}

static void
obeya_standup_init (ObeyaStandup *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->cancellable = g_cancellable_new ();
  self->rotate_seconds = DEFAULT_ROTATE_SECONDS;
  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      self->rotate_seconds = g_settings_get_uint (self->settings, "wall-rotate-seconds");
    }

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "obeya-standup-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* Full screen on the monitor the window is on; until the window manager
 * does that (and where there is none, as under Xvfb), the monitor's size. */
static void
size_to_monitor (ObeyaStandup *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  if (monitor == NULL)
    return;
  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
  self->size = size_for (geometry.width, geometry.height);
  apply_size (self);
}

ObeyaStandup *
obeya_standup_new (GtkApplication   *app,
                   ObeyaDocument    *document,
                   ObeyaStandupMode  mode)
{
  ObeyaStandup *self;

  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (OBEYA_IS_DOCUMENT (document), NULL);

  self = g_object_new (OBEYA_TYPE_STANDUP, "application", app, NULL);
  self->mode = mode;
  self->document = g_object_ref (document);
  self->start = obeya_timestamp_now ();
  self->opened_us = now_us (self);
  if (mode == OBEYA_STANDUP_MODE_WALL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "wall");

  g_signal_connect_swapped (document, "notify::workspace", G_CALLBACK (document_workspace_cb), self);
  g_signal_connect_swapped (document, "notify::state", G_CALLBACK (document_state_cb), self);
  g_signal_connect_swapped (document, "file-changed", G_CALLBACK (file_changed_cb), self);

  size_to_monitor (self);
  gtk_window_fullscreen (GTK_WINDOW (self));

  set_workspace (self, obeya_document_get_workspace (document));
  if (self->workspace == NULL)
    {
      update_header (self);
      update_actions (self);
      if (mode == OBEYA_STANDUP_MODE_WALL)
        start_load (self);
    }
  update_stamp (self);
  update_clock (self);

  /* The huddle's countdown starts with it. */
  if (mode == OBEYA_STANDUP_MODE_HUDDLE)
    obeya_standup_set_timer_running (self, TRUE);
  self->tick_id = g_timeout_add (TICK_INTERVAL, tick_cb, self);
  restart_rotation (self);
  /* Actions raised before the stand-up opened are not announced. */
  {
    g_autoptr(GPtrArray) raised = obeya_standup_dup_raised_actions (self);
    self->n_raised_seen = raised->len;
  }
  return self;
}
