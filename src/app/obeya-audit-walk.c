/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-audit-item-pane.h"
#include "obeya-audit-results.h"
#include "obeya-audit-template.h"
#include "obeya-audit-walk.h"
#include "obeya-audits.h"
#include "obeya-card.h"
#include "obeya-card-editor.h"
#include "obeya-dialog-util.h"
#include "obeya-fives-util.h"
#include "obeya-folder-scan.h"
#include "obeya-history.h"
#include "obeya-person.h"
#include "obeya-raise-action-dialog.h"
#include "obeya-scan-dialog.h"
#include "obeya-util.h"
#include "obeya-window.h"
#include "obeya-workspace.h"

#define MODE_ONE  "one-at-a-time"
#define MODE_LIST "list"

struct _ObeyaAuditWalk
{
  AdwWindow            parent_instance;

  ObeyaAudit          *audit;
  ObeyaWorkspace      *workspace;
  GSettings           *settings;
  GPtrArray           *items;    /* of ObeyaAuditItem, in the audit's order */
  GPtrArray           *panes;    /* list mode: one per item */
  guint                current;  /* index in items; items->len: the summary */
  char                *mode;
  char                *shown_summary;
  char                *hint;     /* what the last key did */
  guint                refresh_idle;
  gboolean             refresh_all_pending;
  gboolean             syncing;
  gboolean             closing;
  GCancellable        *cancellable;
  GtkWidget           *s_buttons[OBEYA_FIVE_S_N];
  GtkWidget           *s_counts[OBEYA_FIVE_S_N];

  /* template */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *finish_button;
  GtkRevealer         *finished_revealer;
  GtkLabel            *finished_label;
  GtkWidget           *progress_box;
  GtkProgressBar      *progress_bar;
  GtkLabel            *progress_label;
  GtkWidget           *s_progress_box;
  GtkStack            *stack;
  GtkScrolledWindow   *item_scrolled;
  ObeyaAuditItemPane  *item_pane;
  GtkWidget           *list_box;
  AdwPreferencesPage  *summary_page;
  GtkWidget           *unscored_group;
  GtkListBox          *unscored_list;
  GtkListBox          *scores_list;
  GtkWidget           *evidence_group;
  AdwActionRow        *evidence_row;
  AdwComboRow         *auditor_row;
  GtkStringList       *auditor_names;
  AdwActionRow        *date_row;
  GtkPopover          *date_popover;
  GtkCalendar         *date_calendar;
  GtkTextView         *summary_view;
  GtkWidget           *action_bar;
  GtkWidget           *previous_button;
  GtkLabel            *hint_label;
  GtkWidget           *next_button;
  GtkLabel            *next_label;
};

G_DEFINE_FINAL_TYPE (ObeyaAuditWalk, obeya_audit_walk, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_current (ObeyaAuditWalk *self,
                          gboolean        grab_focus);
static void refresh_all (ObeyaAuditWalk *self);

/* ---- state ------------------------------------------------------------------------ */

static gboolean
is_editable (ObeyaAuditWalk *self)
{
  return self->audit != NULL && !obeya_audit_is_finished (self->audit) &&
         self->workspace != NULL && !obeya_workspace_get_read_only (self->workspace);
}

static gboolean
on_summary (ObeyaAuditWalk *self)
{
  return self->items == NULL || self->current >= self->items->len;
}

static ObeyaAuditItem *
current_item (ObeyaAuditWalk *self)
{
  return on_summary (self) ? NULL : self->items->pdata[self->current];
}

static const char *
id_of (gpointer entity)
{
  return obeya_entity_get_id (OBEYA_ENTITY (entity));
}

static guint
find_item (ObeyaAuditWalk *self,
           const char     *item_id)
{
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    if (g_strcmp0 (id_of (self->items->pdata[i]), item_id) == 0)
      return i;
  return G_MAXUINT;
}

static gboolean
is_done (ObeyaAuditWalk *self,
         ObeyaAuditItem *item)
{
  int score = obeya_audit_get_score (self->audit, id_of (item));

  return score != OBEYA_SCORE_UNSCORED || obeya_audit_item_get_retired (item);
}

static guint
first_unscored (ObeyaAuditWalk *self,
                int             s)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      ObeyaAuditItem *item = self->items->pdata[i];

      if ((s < 0 || obeya_audit_item_get_s (item) == (ObeyaFiveS) s) && !is_done (self, item))
        return i;
    }
  return G_MAXUINT;
}

static ObeyaAuditItemPane *
current_pane (ObeyaAuditWalk *self)
{
  if (on_summary (self))
    return NULL;
  if (g_str_equal (self->mode, MODE_LIST))
    return self->panes && self->current < self->panes->len ? self->panes->pdata[self->current]
                                                           : NULL;
  return self->item_pane;
}

static void
commit_note (ObeyaAuditWalk *self)
{
  ObeyaAuditItemPane *pane = current_pane (self);

  if (pane != NULL)
    obeya_audit_item_pane_commit_note (pane);
}

static void
set_hint (ObeyaAuditWalk *self,
          const char     *hint)
{
  obeya_set_str (&self->hint, hint);
  gtk_label_set_label (self->hint_label, hint ? hint : "");
}

/* ---- header and progress ----------------------------------------------------------- */

static void
refresh_title (ObeyaAuditWalk *self)
{
  ObeyaArea *area = obeya_audit_get_area (self->audit);
  g_autofree char *day = obeya_format_day (obeya_audit_get_date (self->audit));
  const char *auditor = obeya_fives_person_name (self->workspace,
                                                 obeya_audit_get_auditor (self->audit));
  g_autofree char *subtitle = NULL;

  if (auditor != NULL)
    /* Translators: under an audit's title: its state, date and auditor */
    subtitle = g_strdup_printf (_("%s · %s · %s"),
                                obeya_audit_state_get_label (obeya_audit_get_state (self->audit)),
                                day, auditor);
  else
    /* Translators: under an audit's title: its state and date */
    subtitle = g_strdup_printf (_("%s · %s"),
                                obeya_audit_state_get_label (obeya_audit_get_state (self->audit)),
                                day);
  adw_window_title_set_title (self->window_title, obeya_area_get_name (area));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), obeya_area_get_name (area));
}

static void
refresh_progress (ObeyaAuditWalk *self)
{
  guint total = 0, done = 0;
  guint s_total[OBEYA_FIVE_S_N] = { 0, }, s_done[OBEYA_FIVE_S_N] = { 0, };
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      ObeyaAuditItem *item = self->items->pdata[i];
      ObeyaFiveS s = obeya_audit_item_get_s (item);

      if (obeya_audit_item_get_retired (item))
        continue;
      total++;
      s_total[s]++;
      if (is_done (self, item))
        {
          done++;
          s_done[s]++;
        }
    }

  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 1.0);
  /* Translators: progress of a 5S audit: items scored (or N/A), of all items */
  text = g_strdup_printf (_("%u of %u scored"), done, total);
  gtk_label_set_label (self->progress_label, text);

  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      g_autofree char *count = g_strdup_printf ("%u/%u", s_done[s], s_total[s]);
      g_autofree char *tooltip = NULL;
      gboolean complete = s_done[s] == s_total[s];
      ObeyaAuditItem *item = current_item (self);

      gtk_label_set_label (GTK_LABEL (self->s_counts[s]), count);
      gtk_widget_set_visible (self->s_buttons[s], s_total[s] > 0);
      if (complete)
        gtk_widget_add_css_class (self->s_buttons[s], "complete");
      else
        gtk_widget_remove_css_class (self->s_buttons[s], "complete");
      if (item != NULL && obeya_audit_item_get_s (item) == s)
        gtk_widget_add_css_class (self->s_buttons[s], "current");
      else
        gtk_widget_remove_css_class (self->s_buttons[s], "current");
      /* Translators: tooltip of an S in the audit's progress: "Sort: 3 of 4 scored" */
      tooltip = g_strdup_printf (_("%s: %u of %u scored"), obeya_five_s_get_label (s),
                                 s_done[s], s_total[s]);
      gtk_widget_set_tooltip_text (self->s_buttons[s], tooltip);
    }
}

static gboolean
has_evidence_items (ObeyaAuditWalk *self)
{
  for (guint i = 0; i < self->items->len; i++)
    if (obeya_audit_item_get_evidence (self->items->pdata[i]) != OBEYA_SCAN_EVIDENCE_NONE)
      return TRUE;
  return obeya_area_get_folder (obeya_audit_get_area (self->audit)) != NULL;
}

static void
update_actions (ObeyaAuditWalk *self)
{
  gboolean editable = is_editable (self);
  gboolean summary = on_summary (self);
  ObeyaHistory *history = self->workspace ? obeya_workspace_get_history (self->workspace) : NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "walk.score", editable && !summary);
  gtk_widget_action_set_enabled (widget, "walk.score-item", editable);
  gtk_widget_action_set_enabled (widget, "walk.note", editable && !summary);
  gtk_widget_action_set_enabled (widget, "walk.add-photo", editable);
  gtk_widget_action_set_enabled (widget, "walk.remove-photo", editable);
  gtk_widget_action_set_enabled (widget, "walk.raise-action",
                                 self->workspace && !obeya_workspace_get_read_only (self->workspace));
  gtk_widget_action_set_enabled (widget, "walk.finish", editable);
  gtk_widget_action_set_enabled (widget, "walk.delete-draft", editable);
  gtk_widget_action_set_enabled (widget, "walk.scan", editable && has_evidence_items (self));
  gtk_widget_action_set_enabled (widget, "walk.previous", self->current > 0);
  gtk_widget_action_set_enabled (widget, "walk.next", !summary);
  gtk_widget_action_set_enabled (widget, "walk.undo", history && obeya_history_can_undo (history));
  gtk_widget_action_set_enabled (widget, "walk.redo", history && obeya_history_can_redo (history));
  gtk_widget_set_visible (self->finish_button, editable);
}

/* ---- the summary page ------------------------------------------------------------------ */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_score_row (ObeyaAuditWalk   *self,
               const char       *title,
               const ObeyaScore *score,
               gboolean          bold)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *value = obeya_audit_score_format (score);
  g_autofree char *subtitle = NULL;
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (score->n_scored > 0 || score->n_na > 0)
    {
      if (score->n_na > 0)
        /* Translators: under a 5S score: items scored, and items that were N/A */
        subtitle = g_strdup_printf (_("%u scored, %u N/A"), score->n_scored, score->n_na);
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u scored", "%u scored",
                                                 score->n_scored), score->n_scored);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  gtk_widget_add_css_class (label, bold ? "title-3" : "heading");
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->scores_list, row);
}

static void
refresh_auditors (ObeyaAuditWalk *self)
{
  GListModel *people = obeya_workspace_get_people (self->workspace);
  const char *auditor = obeya_audit_get_auditor (self->audit);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = 0;

  g_ptr_array_add (names, (gpointer) _("Nobody"));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ObeyaPerson) person = g_list_model_get_item (people, i);

      g_ptr_array_add (names, (gpointer) obeya_person_get_name (person));
      if (g_strcmp0 (id_of (person), auditor) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);
  self->syncing = TRUE;
  obeya_string_list_set_strings (self->auditor_names, (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->auditor_row, selected);
  self->syncing = FALSE;
}

static void
auditor_selected_cb (ObeyaAuditWalk *self)
{
  guint selected = adw_combo_row_get_selected (self->auditor_row);
  g_autoptr(ObeyaPerson) person = NULL;

  if (self->syncing || !is_editable (self) || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    person = g_list_model_get_item (obeya_workspace_get_people (self->workspace), selected - 1);
  obeya_audit_set_auditor (self->audit, person ? id_of (person) : NULL);
}

static void
date_selected_cb (ObeyaAuditWalk *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->date_calendar);
  ObeyaDay day;

  if (self->syncing || !is_editable (self))
    return;
  day = obeya_day_from_ymd (g_date_time_get_year (dt), g_date_time_get_month (dt),
                            g_date_time_get_day_of_month (dt));
  gtk_popover_popdown (self->date_popover);
  if (day != obeya_audit_get_date (self->audit))
    obeya_audit_set_date (self->audit, day);
}

static void
commit_summary (ObeyaAuditWalk *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (!is_editable (self))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (g_strcmp0 (text[0] ? text : NULL, obeya_audit_get_summary (self->audit)) != 0)
    obeya_audit_set_summary (self->audit, text[0] ? text : NULL);
}

static void
refresh_summary (ObeyaAuditWalk *self)
{
  ObeyaAuditScore score;
  ObeyaScanResult *scan = obeya_audit_get_scan (self->audit);
  const char *summary = obeya_audit_get_summary (self->audit);
  g_autofree char *day = obeya_format_day (obeya_audit_get_date (self->audit));
  guint n_unscored = 0;
  int y, m, d;

  clear_list (self->unscored_list);
  for (guint i = 0; i < self->items->len; i++)
    {
      ObeyaAuditItem *item = self->items->pdata[i];
      GtkWidget *row;

      if (is_done (self, item))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     obeya_audit_item_get_question (item));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   obeya_five_s_get_label (obeya_audit_item_get_s (item)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id_of (item));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "walk.select-item");
      gtk_list_box_append (self->unscored_list, row);
      n_unscored++;
    }
  gtk_widget_set_visible (self->unscored_group, n_unscored > 0);

  clear_list (self->scores_list);
  obeya_audit_score_of_audit (self->audit, &score);
  add_score_row (self, _("Overall"), &score.overall, TRUE);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    add_score_row (self, obeya_five_s_get_label (s), &score.s[s], FALSE);

  gtk_widget_set_visible (self->evidence_group, has_evidence_items (self));
  if (scan != NULL)
    {
      g_autofree char *when = obeya_format_timestamp (scan->time);
      g_autofree char *files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %" G_GUINT64_FORMAT
                                                             " file", "%s: %" G_GUINT64_FORMAT
                                                             " files", scan->n_files),
                                                scan->folder, scan->n_files);
      /* Translators: the folder scan attached to an audit: when it ran */
      g_autofree char *title = g_strdup_printf (_("Scanned %s"), when);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->evidence_row), title);
      adw_action_row_set_subtitle (self->evidence_row, files);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->evidence_row),
                                     _("No folder scan attached"));
      adw_action_row_set_subtitle (self->evidence_row,
                                   _("A scan counts stale files, duplicates, deep folders and "
                                     "badly named files as evidence for the digital items."));
    }

  refresh_auditors (self);
  adw_action_row_set_subtitle (self->date_row, day);
  self->syncing = TRUE;
  obeya_day_to_ymd (obeya_audit_get_date (self->audit), &y, &m, &d);
  {
    g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, 12, 0, 0);
    gtk_calendar_select_day (self->date_calendar, dt);
  }
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->auditor_row), is_editable (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_row), is_editable (self));

  if (g_strcmp0 (summary, self->shown_summary) != 0 ||
      !gtk_widget_has_focus (GTK_WIDGET (self->summary_view)))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
      GtkTextIter start, end;
      g_autofree char *typed = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (g_strstrip (typed), summary ? summary : "") != 0)
        gtk_text_buffer_set_text (buffer, summary ? summary : "", -1);
      obeya_set_str (&self->shown_summary, summary);
    }
  gtk_text_view_set_editable (self->summary_view, is_editable (self));
}

/* ---- list mode ------------------------------------------------------------------------- */

static gboolean
items_match (GPtrArray *a,
             GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

static void
rebuild_panes (ObeyaAuditWalk *self)
{
  g_autoptr(GFile) file = obeya_fives_dup_workspace_file (GTK_WIDGET (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->list_box), child);
  g_ptr_array_set_size (self->panes, 0);
  if (!g_str_equal (self->mode, MODE_LIST))
    return;

  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *pane = obeya_audit_item_pane_new ();

      obeya_audit_item_pane_set_workspace_file (OBEYA_AUDIT_ITEM_PANE (pane), file);
      obeya_audit_item_pane_set_expanded (OBEYA_AUDIT_ITEM_PANE (pane), i == self->current);
      obeya_audit_item_pane_set_editable (OBEYA_AUDIT_ITEM_PANE (pane), is_editable (self));
      obeya_audit_item_pane_set_item (OBEYA_AUDIT_ITEM_PANE (pane), self->audit,
                                      self->items->pdata[i], i, self->items->len);
      gtk_widget_add_css_class (pane, "obeya-walk-row");
      gtk_box_append (GTK_BOX (self->list_box), pane);
      g_ptr_array_add (self->panes, pane);
    }
}

/* Keeps the list's current row in view (with room around it). */
static void
scroll_to_pane (ObeyaAuditWalk *self,
                GtkWidget      *pane)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (pane, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;
  double top, height, page;

  if (scrolled == NULL ||
      !gtk_widget_compute_point (pane, self->list_box, &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  top = point.y;
  height = gtk_widget_get_height (pane);
  page = gtk_adjustment_get_page_size (adjustment);
  if (top < gtk_adjustment_get_value (adjustment) + 12 ||
      top + height > gtk_adjustment_get_value (adjustment) + page - 12)
    gtk_adjustment_set_value (adjustment, MAX (0, top - 24));
}

static gboolean
scroll_idle_cb (gpointer data)
{
  ObeyaAuditWalk *self = data;
  ObeyaAuditItemPane *pane = current_pane (self);

  if (pane != NULL && g_str_equal (self->mode, MODE_LIST))
    scroll_to_pane (self, GTK_WIDGET (pane));
  return G_SOURCE_REMOVE;
}

/* ---- showing ------------------------------------------------------------------------------- */

static void
update_bottom_bar (ObeyaAuditWalk *self)
{
  gboolean summary = on_summary (self);
  gboolean last = !summary && self->current + 1 == self->items->len;

  gtk_widget_set_visible (self->next_button, !summary);
  gtk_window_set_default_widget (GTK_WINDOW (self), summary ? NULL : self->next_button);
  gtk_label_set_text_with_mnemonic (self->next_label, last ? _("_Summary") : _("_Next"));
  if (last)
    gtk_widget_add_css_class (self->next_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->next_button, "suggested-action");
  if (self->hint == NULL)
    {
      if (summary)
        gtk_label_set_label (self->hint_label, _("Page Up returns to the items"));
      else if (is_editable (self))
        /* Translators: the keys of the audit walk, shown at the bottom */
        gtk_label_set_label (self->hint_label, _("0–4 score · N not applicable · Enter next · "
                                                 "Ctrl+M note"));
      else
        gtk_label_set_label (self->hint_label, "");
    }
}

static void
show_current (ObeyaAuditWalk *self,
              gboolean        grab_focus)
{
  gboolean list = g_str_equal (self->mode, MODE_LIST);

  if (on_summary (self))
    {
      self->current = self->items->len;
      refresh_summary (self);
      gtk_stack_set_visible_child_name (self->stack, "summary");
    }
  else if (list)
    {
      if (self->panes->len != self->items->len)
        rebuild_panes (self);
      for (guint i = 0; i < self->panes->len; i++)
        obeya_audit_item_pane_set_expanded (self->panes->pdata[i], i == self->current);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else
    {
      ObeyaAuditItem *before = obeya_audit_item_pane_get_item (self->item_pane);

      obeya_audit_item_pane_set_item (self->item_pane, self->audit, current_item (self),
                                      self->current, self->items->len);
      gtk_stack_set_visible_child_name (self->stack, "item");
      if (before != current_item (self))
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->item_scrolled), 0);
    }

  refresh_progress (self);
  update_bottom_bar (self);
  update_actions (self);

  if (grab_focus)
    {
      ObeyaAuditItemPane *pane = current_pane (self);

      if (pane != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (pane));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->summary_page));
    }
  if (list)
    g_idle_add_full (G_PRIORITY_LOW, scroll_idle_cb, g_object_ref (self), g_object_unref);
}

static void
go_to (ObeyaAuditWalk *self,
       guint           index)
{
  if (self->items == NULL)
    return;
  index = MIN (index, self->items->len);
  if (index == self->current && !on_summary (self))
    {
      show_current (self, TRUE);
      return;
    }
  commit_note (self);
  if (on_summary (self))
    commit_summary (self);
  self->current = index;
  set_hint (self, NULL);
  show_current (self, TRUE);
}

/* What any change may have changed: the audit still exists, its items,
 * the title, the progress and the current item. With @all, every item's
 * pane too (a finish, a reopen, an undo). */
static void
refresh_walk (ObeyaAuditWalk *self,
              gboolean        all)
{
  g_autoptr(GPtrArray) items = NULL;
  ObeyaAudits *audits;

  if (self->audit == NULL || self->workspace == NULL)
    return;

  /* Deleted (or its start undone): nothing left to walk. */
  audits = obeya_workspace_get_audits (self->workspace);
  if (obeya_audits_find_audit (audits, id_of (self->audit)) != self->audit)
    {
      if (!self->closing)
        {
          self->closing = TRUE;
          obeya_dialog_destroy_later (GTK_WINDOW (self));
        }
      return;
    }

  items = obeya_audit_dup_items (self->audit);
  if (!items_match (items, self->items))
    {
      ObeyaAuditItem *was = current_item (self);
      guint index = was ? G_MAXUINT : items->len;

      for (guint i = 0; was != NULL && i < items->len; i++)
        if (items->pdata[i] == was)
          index = i;
      g_ptr_array_unref (self->items);
      self->items = g_steal_pointer (&items);
      self->current = MIN (index == G_MAXUINT ? self->current : index, self->items->len);
      g_ptr_array_set_size (self->panes, 0);
      rebuild_panes (self);
      all = TRUE;
    }

  refresh_title (self);
  if (obeya_audit_is_finished (self->audit))
    {
      g_autofree char *text = g_strdup (_("This audit is finished and can no longer be changed. "
                                          "Reopen it from its results to change it."));
      gtk_label_set_label (self->finished_label, text);
    }
  gtk_revealer_set_reveal_child (self->finished_revealer, obeya_audit_is_finished (self->audit));
  obeya_audit_item_pane_set_editable (self->item_pane, is_editable (self));
  for (guint i = 0; all && i < self->panes->len; i++)
    {
      obeya_audit_item_pane_set_editable (self->panes->pdata[i], is_editable (self));
      obeya_audit_item_pane_refresh (self->panes->pdata[i]);
    }
  if (!all && current_pane (self) != NULL && current_pane (self) != self->item_pane)
    obeya_audit_item_pane_refresh (current_pane (self));
  obeya_audit_item_pane_refresh (self->item_pane);
  if (all)
    show_current (self, FALSE);
  else
    {
      /* What one score or note changes besides its pane. */
      if (on_summary (self))
        refresh_summary (self);
      refresh_progress (self);
      update_bottom_bar (self);
      update_actions (self);
    }
}

static void
refresh_all (ObeyaAuditWalk *self)
{
  refresh_walk (self, TRUE);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  ObeyaAuditWalk *self = data;
  gboolean all = self->refresh_all_pending;

  self->refresh_idle = 0;
  self->refresh_all_pending = FALSE;
  refresh_walk (self, all);
  return G_SOURCE_REMOVE;
}

/* Any change of the workspace: the light refresh, from an idle. */
static void
schedule_refresh (ObeyaAuditWalk *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

/* A change of the audit itself (its state, log, scan, actions): every pane. */
static void
schedule_refresh_all (ObeyaAuditWalk *self)
{
  self->refresh_all_pending = TRUE;
  schedule_refresh (self);
}

static void
audit_changed_cb (ObeyaAuditWalk *self,
                  const char     *item_id)
{
  guint index = item_id ? find_item (self, item_id) : G_MAXUINT;

  /* A score or note: a row of the list now (the walk stays on it), the
   * shown item and the progress from an idle (a key has moved on by then). */
  if (index != G_MAXUINT)
    {
      if (index < self->panes->len)
        obeya_audit_item_pane_refresh (self->panes->pdata[index]);
      schedule_refresh (self);
    }
  else
    schedule_refresh_all (self);
}

/* ---- actions: moving ------------------------------------------------------------------ */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);

  if (!on_summary (self))
    go_to (self, self->current + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);

  if (self->current > 0)
    go_to (self, self->current - 1);
}

static void
select_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);
  guint index = find_item (self, g_variant_get_string (parameter, NULL));

  if (index != G_MAXUINT && (index != self->current || on_summary (self)))
    go_to (self, index);
}

static void
summary_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);

  go_to (self, self->items->len);
}

static void
jump_to_s_cb (GtkButton      *button,
              ObeyaAuditWalk *self)
{
  int s = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "obeya-s"));
  guint index = first_unscored (self, s);

  for (guint i = 0; index == G_MAXUINT && i < self->items->len; i++)
    if (obeya_audit_item_get_s (self->items->pdata[i]) == (ObeyaFiveS) s)
      index = i;
  if (index != G_MAXUINT)
    go_to (self, index);
}

static void
note_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);
  ObeyaAuditItemPane *pane = current_pane (self);

  if (pane != NULL)
    obeya_audit_item_pane_focus_note (pane);
}

/* ---- actions: scoring ----------------------------------------------------------------------- */

static gboolean
score_item (ObeyaAuditWalk *self,
            ObeyaAuditItem *item,
            int             score)
{
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;

  if (!is_editable (self) || item == NULL || obeya_audit_item_get_retired (item))
    return FALSE;
  if (score == OBEYA_SCORE_NA && !obeya_audit_item_get_allows_na (item))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      obeya_fives_show_toast (GTK_WIDGET (self), _("This item cannot be N/A: give it a score"), NULL);
      return FALSE;
    }
  commit_note (self);
  if (!obeya_audit_set_score (self->audit, id_of (item), score))
    return FALSE;

  value = obeya_fives_format_item_score (score);
  /* Translators: feedback after scoring: the item's number, then its score ("3", "N/A") */
  text = g_strdup_printf (_("Item %u scored %s · Ctrl+Z to undo"),
                          find_item (self, id_of (item)) + 1, value);
  set_hint (self, text);
  return TRUE;
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);

  /* A key: score the current item and go on to the next. */
  if (score_item (self, current_item (self), g_variant_get_int32 (parameter)))
    {
      g_autofree char *hint = g_strdup (self->hint);

      go_to (self, self->current + 1);
      set_hint (self, hint);
      update_bottom_bar (self);
    }
}

static void
score_item_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);
  const char *item_id;
  int score;
  guint index;

  /* A click: score that item and make it the current one; the supervisor
   * may want to write a note before going on. */
  g_variant_get (parameter, "(&si)", &item_id, &score);
  index = find_item (self, item_id);
  if (index == G_MAXUINT)
    return;
  if (obeya_audit_get_score (self->audit, item_id) == score)
    return;
  if (score_item (self, self->items->pdata[index], score) && index != self->current)
    go_to (self, index);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);
  ObeyaHistory *history = obeya_workspace_get_history (self->workspace);

  commit_note (self);
  if (g_str_equal (action_name, "walk.undo"))
    obeya_history_undo (history);
  else
    obeya_history_redo (history);
  set_hint (self, NULL);
  refresh_all (self);
}

/* ---- actions: finish, delete ----------------------------------------------------------- */

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  guint unscored;

  commit_note (self);
  commit_summary (self);
  unscored = obeya_audit_count_unscored (self->audit);
  if (unscored > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u item is not scored yet",
                                                            "%u items are not scored yet",
                                                            unscored), unscored);
      obeya_fives_show_toast (GTK_WIDGET (self), text, NULL);
      go_to (self, first_unscored (self, -1));
      return;
    }
  if (!obeya_audit_finish (self->audit, &error))
    {
      obeya_fives_show_toast (GTK_WIDGET (self), error->message, NULL);
      return;
    }
  self->closing = TRUE;
  gtk_window_present (GTK_WINDOW (obeya_audit_results_new (parent, self->audit)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);

  obeya_fives_delete_audit (GTK_WINDOW (self), self->audit);
}

/* ---- actions: actions, scan, cards --------------------------------------------------- */

static ObeyaAuditItem *
item_of_parameter (ObeyaAuditWalk *self,
                   GVariant       *parameter)
{
  const char *item_id = parameter ? g_variant_get_string (parameter, NULL) : "";
  guint index = item_id[0] ? find_item (self, item_id) : self->current;

  return self->items && index < self->items->len ? self->items->pdata[index] : NULL;
}

static void
raise_action_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);
  ObeyaAuditItem *item = item_of_parameter (self, parameter);

  if (item == NULL)
    return;
  commit_note (self);
  gtk_window_present (GTK_WINDOW (obeya_raise_action_dialog_new (GTK_WINDOW (self), self->audit,
                                                                 item)));
}

static void
scan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);

  gtk_window_present (GTK_WINDOW (obeya_scan_dialog_new (GTK_WINDOW (self), self->audit)));
}

static void
open_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);

  obeya_card_editor_present_card (GTK_WINDOW (self), self->workspace,
                                  g_variant_get_string (parameter, NULL));
}

/* ---- actions: photos --------------------------------------------------------------------- */

typedef struct
{
  ObeyaAuditWalk *walk;
  char           *item_id;
  GPtrArray      *paths;    /* stored paths, in the order chosen */
  guint           pending;
  guint           failed;
} PhotoImport;

static void
photo_import_free (PhotoImport *import)
{
  g_object_unref (import->walk);
  g_free (import->item_id);
  g_ptr_array_unref (import->paths);
  g_free (import);
}

static void
photo_import_done (PhotoImport *import)
{
  ObeyaAuditWalk *self = import->walk;
  const ObeyaAuditEntry *entry;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) photos = NULL;

  if (import->failed > 0)
    obeya_fives_show_toast (GTK_WIDGET (self), _("A photo could not be copied beside the "
                                                 "workspace"), NULL);
  if (import->paths->len > 0 && is_editable (self))
    {
      entry = obeya_audit_get_entry (self->audit, import->item_id);
      if (entry != NULL && entry->photos != NULL)
        g_strv_builder_addv (builder, (const char **) entry->photos);
      for (guint i = 0; i < import->paths->len; i++)
        if (entry == NULL || entry->photos == NULL ||
            !g_strv_contains ((const char * const *) entry->photos, import->paths->pdata[i]))
          g_strv_builder_add (builder, import->paths->pdata[i]);
      photos = g_strv_builder_end (builder);
      obeya_audit_set_photos (self->audit, import->item_id, (const char * const *) photos);
    }
  photo_import_free (import);
}

typedef struct
{
  PhotoImport *import;
  char        *path;
  guint        index;
} PhotoCopy;

static void
copy_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PhotoCopy *copy = user_data;
  PhotoImport *import = copy->import;
  g_autoptr(GError) error = NULL;

  if (g_file_copy_finish (G_FILE (source), result, &error))
    {
      g_free (import->paths->pdata[copy->index]);
      import->paths->pdata[copy->index] = g_steal_pointer (&copy->path);
    }
  else
    import->failed++;
  g_free (copy->path);
  g_free (copy);
  if (--import->pending == 0)
    {
      /* Drop the places of photos that failed. */
      for (guint i = import->paths->len; i > 0; i--)
        if (import->paths->pdata[i - 1] == NULL)
          g_ptr_array_remove_index (import->paths, i - 1);
      photo_import_done (import);
    }
}

/* A file name in @folder not taken yet: "name.jpg", "name (2).jpg", … */
static GFile *
unique_child (GFile      *folder,
              const char *basename)
{
  const char *dot = strrchr (basename, '.');
  g_autofree char *stem = dot && dot != basename ? g_strndup (basename, dot - basename)
                                                 : g_strdup (basename);
  const char *extension = dot && dot != basename ? dot : "";
  GFile *child = g_file_get_child (folder, basename);

  for (guint n = 2; g_file_query_exists (child, NULL) && n < 1000; n++)
    {
      g_autofree char *name = g_strdup_printf ("%s (%u)%s", stem, n, extension);

      g_object_unref (child);
      child = g_file_get_child (folder, name);
    }
  return child;
}

void
obeya_audit_walk_add_photos (ObeyaAuditWalk *self,
                             const char     *item_id,
                             GListModel     *files)
{
  g_autoptr(GFile) workspace_file = obeya_fives_dup_workspace_file (GTK_WIDGET (self));
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) photos_folder = NULL;
  PhotoImport *import;
  guint n;

  g_return_if_fail (OBEYA_IS_AUDIT_WALK (self));
  g_return_if_fail (item_id != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (files));

  n = g_list_model_get_n_items (files);
  if (workspace_file == NULL || (folder = g_file_get_parent (workspace_file)) == NULL)
    {
      obeya_fives_show_toast (GTK_WIDGET (self), _("Save the workspace as a file first: photos "
                                                   "are kept beside it"), NULL);
      return;
    }

  import = g_new0 (PhotoImport, 1);
  import->walk = g_object_ref (self);
  import->item_id = g_strdup (item_id);
  import->paths = g_ptr_array_new_with_free_func (g_free);
  import->pending = 1; /* released below, after the loop */

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) photo = g_list_model_get_item (files, i);
      g_autoptr(GFile) target = NULL;
      g_autofree char *basename = NULL;
      PhotoCopy *copy;

      /* In the workspace's folder (or below): referenced where it is. */
      if (g_file_has_prefix (photo, folder))
        {
          g_ptr_array_add (import->paths, obeya_audit_make_photo_path (workspace_file, photo));
          continue;
        }

      /* Elsewhere: copied into "<workspace name> photos" beside the file. */
      if (photos_folder == NULL)
        {
          g_autofree char *name = g_file_get_basename (workspace_file);
          char *dot = strrchr (name, '.');
          g_autofree char *folder_name = NULL;
          g_autoptr(GError) error = NULL;

          if (dot != NULL && dot != name)
            *dot = '\0';
          /* Translators: the folder beside a workspace file that holds its audit
           * photos; %s is the workspace file's name without extension */
          folder_name = g_strdup_printf (_("%s photos"), name);
          photos_folder = g_file_get_child (folder, folder_name);
          if (!g_file_make_directory_with_parents (photos_folder, NULL, &error) &&
              !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            {
              import->failed++;
              break;
            }
        }
      basename = g_file_get_basename (photo);
      target = unique_child (photos_folder, basename);
      copy = g_new0 (PhotoCopy, 1);
      copy->import = import;
      copy->path = obeya_audit_make_photo_path (workspace_file, target);
      copy->index = import->paths->len;
      g_ptr_array_add (import->paths, NULL);
      import->pending++;
      g_file_copy_async (photo, target, G_FILE_COPY_NONE, G_PRIORITY_DEFAULT, self->cancellable,
                         NULL, NULL, copy_ready_cb, copy);
    }

  if (--import->pending == 0)
    {
      for (guint i = import->paths->len; i > 0; i--)
        if (import->paths->pdata[i - 1] == NULL)
          g_ptr_array_remove_index (import->paths, i - 1);
      photo_import_done (import);
    }
}

static void
photo_chooser_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           ObeyaAuditWalk  *self)
{
  const char *item_id = g_object_get_data (G_OBJECT (dialog), "obeya-item");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      obeya_audit_walk_add_photos (self, item_id, files);
    }
}

static void
add_photo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);
  ObeyaAuditItem *item = item_of_parameter (self, parameter);
  GtkFileChooser *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (item == NULL)
    return;
  chooser = obeya_fives_file_chooser_new (GTK_WINDOW (self), _("Add Photos"),
                                          GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
                                          G_CALLBACK (photo_chooser_response_cb), self);
  gtk_file_chooser_set_select_multiple (chooser, TRUE);
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_set_data_full (G_OBJECT (chooser), "obeya-item", g_strdup (id_of (item)), g_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);
  const char *item_id, *path;
  const ObeyaAuditEntry *entry;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) photos = NULL;

  g_variant_get (parameter, "(&s&s)", &item_id, &path);
  entry = obeya_audit_get_entry (self->audit, item_id);
  if (entry == NULL || entry->photos == NULL)
    return;
  for (guint i = 0; entry->photos[i] != NULL; i++)
    if (!g_str_equal (entry->photos[i], path))
      g_strv_builder_add (builder, entry->photos[i]);
  photos = g_strv_builder_end (builder);
  obeya_audit_set_photos (self->audit, item_id, photos[0] ? (const char * const *) photos : NULL);
  obeya_fives_show_toast (GTK_WIDGET (self), _("Photo removed from the item (the file is kept)"),
                          "walk.undo");
}

static void
open_photo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (widget);
  g_autoptr(GFile) workspace_file = obeya_fives_dup_workspace_file (widget);
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  const char *item_id, *path;

  g_variant_get (parameter, "(&s&s)", &item_id, &path);
  file = workspace_file ? obeya_audit_resolve_photo (workspace_file, path) : NULL;
  if (file == NULL || !g_file_query_exists (file, NULL))
    {
      obeya_fives_show_toast (GTK_WIDGET (self), _("The photo file is missing"), NULL);
      return;
    }
  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* ---- mode ------------------------------------------------------------------------------------- */

const char *
obeya_audit_walk_get_mode (ObeyaAuditWalk *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_WALK (self), NULL);

  return self->mode;
}

static void
set_mode (ObeyaAuditWalk *self,
          const char     *mode)
{
  if (!g_str_equal (mode, MODE_LIST))
    mode = MODE_ONE;
  if (g_strcmp0 (self->mode, mode) == 0)
    return;
  commit_note (self);
  g_free (self->mode);
  self->mode = g_strdup (mode);
  if (self->settings != NULL)
    g_settings_set_enum (self->settings, "audit-walk-mode", g_str_equal (mode, MODE_LIST));
  if (self->items != NULL)
    {
      rebuild_panes (self);
      show_current (self, TRUE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

/* ---- GObject ----------------------------------------------------------------------------------- */

static gboolean
obeya_audit_walk_close_request (GtkWindow *window)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (window);

  if (!self->closing && self->audit != NULL && self->workspace != NULL &&
      obeya_audits_find_audit (obeya_workspace_get_audits (self->workspace),
                               id_of (self->audit)) == self->audit)
    {
      commit_note (self);
      commit_summary (self);
      if (!obeya_audit_is_finished (self->audit))
        {
          ObeyaWindow *main_window = obeya_fives_get_main_window (GTK_WIDGET (self));
          g_autofree char *progress = obeya_fives_describe_progress (self->audit);
          /* Translators: after closing an unfinished audit; %s is "7 of 20 scored" */
          g_autofree char *text = g_strdup_printf (_("Audit paused, %s: resume it from 5S Audits"),
                                                   progress);

          if (main_window != NULL)
            obeya_window_show_toast (main_window, text, FALSE);
        }
    }
  self->closing = TRUE;
  return GTK_WINDOW_CLASS (obeya_audit_walk_parent_class)->close_request (window);
}

static void
obeya_audit_walk_dispose (GObject *object)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->audit != NULL)
    g_signal_handlers_disconnect_by_data (self->audit, self);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (obeya_workspace_get_history (self->workspace), self);
    }
  g_clear_pointer (&self->panes, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_AUDIT_WALK);
  g_clear_object (&self->audit);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (obeya_audit_walk_parent_class)->dispose (object);
}

static void
obeya_audit_walk_finalize (GObject *object)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (object);

  g_free (self->mode);
  g_free (self->shown_summary);
  g_free (self->hint);
  G_OBJECT_CLASS (obeya_audit_walk_parent_class)->finalize (object);
}

static void
obeya_audit_walk_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_audit_walk_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ObeyaAuditWalk *self = OBEYA_AUDIT_WALK (object);

  switch (prop_id)
    {
    case PROP_MODE:
      set_mode (self, g_value_get_string (value) ? g_value_get_string (value) : MODE_ONE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_key (GtkWidgetClass  *widget_class,
          guint            keyval,
          GdkModifierType  mods,
          const char      *action,
          const char      *format,
          int              value)
{
  if (format != NULL && g_str_equal (format, "i"))
    gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, "i", value);
  else if (format != NULL)
    gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, format, "");
  else
    gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

static void
obeya_audit_walk_class_init (ObeyaAuditWalkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = obeya_audit_walk_dispose;
  object_class->finalize = obeya_audit_walk_finalize;
  object_class->get_property = obeya_audit_walk_get_property;
  object_class->set_property = obeya_audit_walk_set_property;
  window_class->close_request = obeya_audit_walk_close_request;

  /**
   * ObeyaAuditWalk:mode:
   *
   * "one-at-a-time" or "list" (the walk.mode action).
   */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, MODE_ONE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OBEYA_TYPE_AUDIT_ITEM_PANE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-audit-walk.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaAuditWalk, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (finish_button);
  BIND (finished_revealer);
  BIND (finished_label);
  BIND (progress_box);
  BIND (progress_bar);
  BIND (progress_label);
  BIND (s_progress_box);
  BIND (stack);
  BIND (item_scrolled);
  BIND (item_pane);
  BIND (list_box);
  BIND (summary_page);
  BIND (unscored_group);
  BIND (unscored_list);
  BIND (scores_list);
  BIND (evidence_group);
  BIND (evidence_row);
  BIND (auditor_row);
  BIND (auditor_names);
  BIND (date_row);
  BIND (date_popover);
  BIND (date_calendar);
  BIND (summary_view);
  BIND (action_bar);
  BIND (previous_button);
  BIND (hint_label);
  BIND (next_button);
  BIND (next_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, auditor_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);

  gtk_widget_class_install_property_action (widget_class, "walk.mode", "mode");
  gtk_widget_class_install_action (widget_class, "walk.score", "i", score_action);
  gtk_widget_class_install_action (widget_class, "walk.score-item", "(si)", score_item_action);
  gtk_widget_class_install_action (widget_class, "walk.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "walk.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "walk.select-item", "s", select_item_action);
  gtk_widget_class_install_action (widget_class, "walk.summary", NULL, summary_action);
  gtk_widget_class_install_action (widget_class, "walk.note", NULL, note_action);
  gtk_widget_class_install_action (widget_class, "walk.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "walk.delete-draft", NULL, delete_draft_action);
  gtk_widget_class_install_action (widget_class, "walk.raise-action", "s", raise_action_action);
  gtk_widget_class_install_action (widget_class, "walk.scan", NULL, scan_action);
  gtk_widget_class_install_action (widget_class, "walk.open-card", "s", open_card_action);
  gtk_widget_class_install_action (widget_class, "walk.add-photo", "s", add_photo_action);
  gtk_widget_class_install_action (widget_class, "walk.remove-photo", "(ss)",
                                   remove_photo_action);
  gtk_widget_class_install_action (widget_class, "walk.open-photo", "(ss)", open_photo_action);
  gtk_widget_class_install_action (widget_class, "walk.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "walk.redo", NULL, undo_action);

  for (int score = 0; score <= OBEYA_SCORE_MAX; score++)
    {
      bind_key (widget_class, GDK_KEY_0 + score, 0, "walk.score", "i", score);
      bind_key (widget_class, GDK_KEY_KP_0 + score, 0, "walk.score", "i", score);
    }
  bind_key (widget_class, GDK_KEY_n, 0, "walk.score", "i", OBEYA_SCORE_NA);
  bind_key (widget_class, GDK_KEY_N, GDK_SHIFT_MASK, "walk.score", "i", OBEYA_SCORE_NA);
  /* Enter is GtkWindow's "activate-default": the Next button is the default
   * widget while an item shows (see update_bottom_bar()). */
  bind_key (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK, "walk.previous", NULL, 0);
  bind_key (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "walk.note", NULL, 0);
  bind_key (widget_class, GDK_KEY_p, 0, "walk.add-photo", "s", 0);
  bind_key (widget_class, GDK_KEY_a, 0, "walk.raise-action", "s", 0);
  bind_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "walk.undo", NULL, 0);
  bind_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "walk.redo", NULL, 0);
  bind_key (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "walk.redo", NULL, 0);
  obeya_dialog_class_add_escape (widget_class);
}

static void
obeya_audit_walk_init (ObeyaAuditWalk *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkEventController *controller;

  /* Before the template: its mode buttons read the "mode" property. */
  self->mode = g_strdup (MODE_ONE);
  self->panes = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      if (g_settings_get_enum (self->settings, "audit-walk-mode") == 1)
        {
          obeya_set_str (&self->mode, MODE_LIST);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
        }
    }

  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *name = gtk_label_new (obeya_five_s_get_label (s));
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      self->s_counts[s] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->s_counts[s], "numeric");
      gtk_widget_add_css_class (check, "obeya-s-check");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), self->s_counts[s]);
      gtk_box_append (GTK_BOX (box), check);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "obeya-s-progress");
      gtk_widget_set_focus_on_click (button, FALSE);
      g_object_set_data (G_OBJECT (button), "obeya-s", GINT_TO_POINTER (s));
      g_signal_connect (button, "clicked", G_CALLBACK (jump_to_s_cb), self);
      gtk_box_append (GTK_BOX (self->s_progress_box), button);
      self->s_buttons[s] = button;
    }

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (commit_summary), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->summary_view), controller);

  /* Page Down / Page Up (what a presentation clicker sends) move between
   * items before the scrolled windows see them. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, 0),
                                                          gtk_named_action_new ("walk.next")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, 0),
                                                          gtk_named_action_new ("walk.previous")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
history_notify_cb (ObeyaAuditWalk *self)
{
  update_actions (self);
}

ObeyaAuditWalk *
obeya_audit_walk_new (GtkWindow  *parent,
                      ObeyaAudit *audit)
{
  ObeyaAuditWalk *self;
  g_autoptr(GFile) file = NULL;
  guint start;

  g_return_val_if_fail (OBEYA_IS_AUDIT (audit), NULL);
  g_return_val_if_fail (obeya_entity_get_workspace (OBEYA_ENTITY (audit)) != NULL, NULL);

  self = g_object_new (OBEYA_TYPE_AUDIT_WALK, NULL);
  obeya_dialog_init_window (GTK_WINDOW (self), parent, 920, 820);
  self->audit = g_object_ref (audit);
  self->workspace = g_object_ref (obeya_entity_get_workspace (OBEYA_ENTITY (audit)));
  self->items = obeya_audit_dup_items (audit);

  file = obeya_fives_dup_workspace_file (GTK_WIDGET (self));
  obeya_audit_item_pane_set_workspace_file (self->item_pane, file);

  g_signal_connect_object (audit, "changed", G_CALLBACK (audit_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (audit, "notify", G_CALLBACK (schedule_refresh_all), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "changed", G_CALLBACK (schedule_refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (obeya_workspace_get_history (self->workspace), "notify",
                           G_CALLBACK (history_notify_cb), self, G_CONNECT_SWAPPED);

  /* Resume where it was left: the first item without a score. */
  start = first_unscored (self, -1);
  self->current = start == G_MAXUINT ? (obeya_audit_is_finished (audit) ? 0 : self->items->len)
                                     : start;
  rebuild_panes (self);
  refresh_all (self);
  show_current (self, TRUE);
  return self;
}

ObeyaAudit *
obeya_audit_walk_get_audit (ObeyaAuditWalk *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_WALK (self), NULL);

  return self->audit;
}

ObeyaAuditItem *
obeya_audit_walk_get_current_item (ObeyaAuditWalk *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_WALK (self), NULL);

  return current_item (self);
}

GtkWidget *
obeya_audit_walk_get_current_pane (ObeyaAuditWalk *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_WALK (self), NULL);

  return (GtkWidget *) current_pane (self);
}
