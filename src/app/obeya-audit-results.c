/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-charts.h"
#include "obeya-audit-item.h"
#include "obeya-audit-print.h"
#include "obeya-audit-results.h"
#include "obeya-audit-template.h"
#include "obeya-audit-walk.h"
#include "obeya-audits.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-card-editor.h"
#include "obeya-chart-widget.h"
#include "obeya-dialog-util.h"
#include "obeya-fives-util.h"
#include "obeya-folder-scan.h"
#include "obeya-photo-thumbnail.h"
#include "obeya-raise-action-dialog.h"
#include "obeya-window.h"
#include "obeya-workspace.h"

#define CHART_HEIGHT 320

struct _ObeyaAuditResults
{
  AdwWindow            parent_instance;

  ObeyaAudit          *audit;
  ObeyaWorkspace      *workspace;
  ObeyaRadarChart     *radar;
  ObeyaBarChart       *bars;
  guint                refresh_idle;
  gboolean             closing;

  /* template */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *reopen_button;
  GtkWidget           *resume_button;
  GtkLabel            *overall_label;
  GtkImage            *delta_icon;
  GtkLabel            *delta_label;
  GtkLabel            *facts_label;
  GtkGrid             *s_grid;
  GtkFlowBox          *charts_box;
  AdwPreferencesGroup *comparison_group;
  GtkListBox          *comparison_list;
  GtkWidget           *low_group;
  GtkListBox          *low_list;
  GtkWidget           *actions_group;
  GtkListBox          *actions_list;
  GtkWidget           *scan_group;
  GtkListBox          *scan_list;
  GtkWidget           *summary_group;
  GtkLabel            *summary_label;
  GtkWidget           *log_group;
  GtkListBox          *log_list;
};

G_DEFINE_FINAL_TYPE (ObeyaAuditResults, obeya_audit_results, ADW_TYPE_WINDOW)

static const char *
id_of (gpointer entity)
{
  return obeya_entity_get_id (OBEYA_ENTITY (entity));
}

static gboolean
writable (ObeyaAuditResults *self)
{
  return self->workspace != NULL && !obeya_workspace_get_read_only (self->workspace);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_change_style (GtkWidget   *widget,
                  ObeyaChange  change)
{
  gtk_widget_remove_css_class (widget, "success");
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "dim-label");
  gtk_widget_add_css_class (widget, obeya_fives_change_css_class (change));
}

/* ---- headline ---------------------------------------------------------------------- */

static void
refresh_headline (ObeyaAuditResults    *self,
                  ObeyaAuditComparison *comparison)
{
  ObeyaAuditScore score;
  g_autofree char *overall = NULL;
  g_autofree char *delta = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *day = obeya_format_day (obeya_audit_get_date (self->audit));
  const char *auditor = obeya_fives_person_name (self->workspace,
                                                 obeya_audit_get_auditor (self->audit));
  ObeyaAuditTemplate *template_ = obeya_audit_get_template (self->audit);
  GtkWidget *child;

  obeya_audit_score_of_audit (self->audit, &score);
  overall = obeya_audit_score_format (&score.overall);
  gtk_label_set_label (self->overall_label, overall);

  if (comparison->previous == NULL)
    {
      gtk_image_set_from_icon_name (self->delta_icon, "starred-symbolic");
      delta = g_strdup (_("The first audit of this area"));
      set_change_style (GTK_WIDGET (self->delta_icon), OBEYA_CHANGE_SAME);
    }
  else
    {
      g_autofree char *points = obeya_fives_format_delta (&comparison->overall);
      g_autofree char *before = obeya_format_day (obeya_audit_get_date (comparison->previous));

      gtk_image_set_from_icon_name (self->delta_icon,
                                    obeya_fives_change_icon (comparison->overall.change));
      set_change_style (GTK_WIDGET (self->delta_icon), comparison->overall.change);
      if (points[0] != '\0')
        /* Translators: the change of the overall score: "+8 points since 6 Oct 2026" */
        delta = g_strdup_printf (_("%s since %s"), points, before);
      else
        /* Translators: %s is the date of the previous audit */
        delta = g_strdup_printf (_("Not comparable with %s"), before);
    }
  gtk_label_set_label (self->delta_label, delta);

  /* Translators: facts about an audit: template, its version, auditor, date */
  facts = g_strdup_printf (_("%s template, version %u · %s · %s"),
                           obeya_audit_template_get_name (template_),
                           obeya_audit_get_template_version (self->audit),
                           auditor ? auditor : _("No auditor"), day);
  gtk_label_set_label (self->facts_label, facts);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->s_grid))) != NULL)
    gtk_grid_remove (self->s_grid, child);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      g_autofree char *value = obeya_audit_score_format (&score.s[s]);
      GtkWidget *name = gtk_label_new (obeya_five_s_get_label (s));
      GtkWidget *number = gtk_label_new (value);
      GtkWidget *icon = gtk_image_new_from_icon_name (
        comparison->previous ? obeya_fives_change_icon (comparison->s[s].change) : NULL);
      g_autofree char *tooltip = obeya_fives_format_delta (&comparison->s[s]);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (number), 1);
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_add_css_class (number, "heading");
      set_change_style (icon, comparison->s[s].change);
      if (tooltip[0] != '\0')
        gtk_widget_set_tooltip_text (icon, tooltip);
      gtk_grid_attach (self->s_grid, name, 0, s, 1, 1);
      gtk_grid_attach (self->s_grid, number, 1, s, 1, 1);
      gtk_grid_attach (self->s_grid, icon, 2, s, 1, 1);
    }
}

/* ---- comparison ---------------------------------------------------------------------- */

static GtkWidget *
new_comparison_row (const ObeyaItemComparison *c)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (obeya_fives_change_icon (c->change));
  g_autofree char *before = obeya_fives_format_item_score (c->before);
  g_autofree char *after = obeya_fives_format_item_score (c->after);
  g_autofree char *scores = NULL;
  GtkWidget *label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 c->item ? obeya_audit_item_get_question (c->item) : c->item_id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), obeya_five_s_get_label (c->s));
  set_change_style (icon, c->change);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (c->change == OBEYA_CHANGE_NEW)
    /* Translators: an item that was not in the previous audit, and its score now */
    scores = g_strdup_printf (_("new · %s"), after);
  else if (c->change == OBEYA_CHANGE_REMOVED)
    /* Translators: an item that is no longer audited, and its previous score */
    scores = g_strdup_printf (_("%s · removed"), before);
  else
    /* Translators: an item's score in the previous audit, then in this one */
    scores = g_strdup_printf (_("%s → %s"), before, after);
  label = gtk_label_new (scores);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
refresh_comparison (ObeyaAuditResults    *self,
                    ObeyaAuditComparison *comparison)
{
  GtkWidget *same = NULL, *other = NULL;
  guint n_same = 0, n_other = 0;

  clear_list (self->comparison_list);
  if (comparison->previous == NULL)
    {
      adw_preferences_group_set_title (self->comparison_group, _("Comparison"));
      adw_preferences_group_set_description (self->comparison_group,
                                             _("This is the first finished audit of the area: "
                                               "the next one will be compared with it."));
      gtk_widget_set_visible (GTK_WIDGET (self->comparison_list), FALSE);
      return;
    }

  {
    g_autofree char *day = obeya_format_day (obeya_audit_get_date (comparison->previous));
    /* Translators: %s is the date of the previous audit */
    g_autofree char *title = g_strdup_printf (_("Compared with %s"), day);

    adw_preferences_group_set_title (self->comparison_group, title);
    adw_preferences_group_set_description (self->comparison_group,
                                           _("Items that dropped come first."));
  }
  gtk_widget_set_visible (GTK_WIDGET (self->comparison_list), TRUE);

  for (guint i = 0; i < comparison->items->len; i++)
    {
      const ObeyaItemComparison *c = &g_array_index (comparison->items, ObeyaItemComparison, i);

      if (c->change == OBEYA_CHANGE_DOWN || c->change == OBEYA_CHANGE_UP)
        gtk_list_box_append (self->comparison_list, new_comparison_row (c));
      else if (c->change == OBEYA_CHANGE_SAME)
        {
          if (same == NULL)
            same = adw_expander_row_new ();
          adw_expander_row_add_row (ADW_EXPANDER_ROW (same), new_comparison_row (c));
          n_same++;
        }
      else
        {
          if (other == NULL)
            other = adw_expander_row_new ();
          adw_expander_row_add_row (ADW_EXPANDER_ROW (other), new_comparison_row (c));
          n_other++;
        }
    }
  if (same != NULL)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item unchanged",
                                                             "%u items unchanged", n_same), n_same);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (same), title);
      adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (same), "list-remove-symbolic");
      gtk_list_box_append (self->comparison_list, same);
    }
  if (other != NULL)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u item new, removed or N/A",
                                                             "%u items new, removed or N/A",
                                                             n_other), n_other);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (other), title);
      adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (other), "action-unavailable-symbolic");
      gtk_list_box_append (self->comparison_list, other);
    }
}

/* ---- low scores and actions ------------------------------------------------------------ */

static guint
count_actions_of_item (GArray     *actions,
                       const char *item_id)
{
  guint n = 0;

  for (guint i = 0; i < actions->len; i++)
    n += g_strcmp0 (g_array_index (actions, ObeyaAuditAction, i).item_id, item_id) == 0;
  return n;
}

static void
refresh_low (ObeyaAuditResults *self,
             GArray            *actions)
{
  g_autoptr(GPtrArray) items = obeya_audit_dup_items (self->audit);
  g_autoptr(GFile) workspace_file = obeya_fives_dup_workspace_file (GTK_WIDGET (self));
  guint n = 0;

  clear_list (self->low_list);
  for (guint i = 0; i < items->len; i++)
    {
      ObeyaAuditItem *item = items->pdata[i];
      const ObeyaAuditEntry *entry = obeya_audit_get_entry (self->audit, id_of (item));
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      guint n_actions;

      if (entry == NULL || entry->score < 0 || entry->score > 1)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     obeya_audit_item_get_question (item));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (entry->note != NULL)
        /* Translators: a low-scored item: its score, the score's anchor, then the note */
        subtitle = g_strdup_printf (_("%d: %s\nNote: %s"), entry->score,
                                    obeya_audit_item_get_anchor (item, entry->score), entry->note);
      else
        /* Translators: a low-scored item: its score, then the score's anchor */
        subtitle = g_strdup_printf (_("%d: %s"), entry->score,
                                    obeya_audit_item_get_anchor (item, entry->score));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      for (guint p = 0; entry->photos != NULL && p < 3 && entry->photos[p] != NULL; p++)
        {
          g_autoptr(GFile) file = workspace_file ? obeya_audit_resolve_photo (workspace_file,
                                                                              entry->photos[p])
                                                 : g_file_new_for_path (entry->photos[p]);
          GtkWidget *thumb = obeya_photo_thumbnail_new (file);

          gtk_widget_set_size_request (thumb, 72, 54);
          gtk_widget_set_valign (thumb, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), thumb);
        }

      n_actions = count_actions_of_item (actions, id_of (item));
      if (n_actions > 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("task-due-symbolic");
          g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "%u action raised",
                                                                   "%u actions raised",
                                                                   n_actions), n_actions);

          gtk_widget_set_tooltip_text (icon, tooltip);
          gtk_widget_add_css_class (icon, "accent");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      else if (writable (self))
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Raise _Action…"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id_of (item));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "results.raise-action");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->low_list, row);
      n++;
    }
  gtk_widget_set_visible (self->low_group, n > 0);
}

static void
refresh_actions (ObeyaAuditResults *self,
                 GArray            *actions)
{
  clear_list (self->actions_list);
  for (guint i = 0; i < actions->len; i++)
    {
      const ObeyaAuditAction *action = &g_array_index (actions, ObeyaAuditAction, i);
      ObeyaAuditItem *item = obeya_audit_template_find_item (obeya_audit_get_template (self->audit),
                                                             action->item_id);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *state;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      if (action->card == NULL)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Card deleted"));
          state = gtk_image_new_from_icon_name ("action-unavailable-symbolic");
          gtk_widget_add_css_class (state, "dim-label");
        }
      else
        {
          ObeyaCard *card = action->card;
          ObeyaDay due = obeya_card_get_due (card);
          const char * const *assignees = obeya_card_get_assignees (card);
          const char *owner = assignees && assignees[0]
                              ? obeya_fives_person_name (self->workspace, assignees[0]) : NULL;

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), obeya_card_get_title (card));
          g_string_append_printf (subtitle, "%s · %s",
                                  obeya_board_get_name (obeya_card_get_board (card)),
                                  action->archived ? _("Archived")
                                  : action->done ? _("Done") : action->column_name);
          if (due != OBEYA_DAY_NONE)
            {
              g_autofree char *day = obeya_format_day (due);
              /* Translators: part of a line about a card: its due date */
              g_string_append_printf (subtitle, _(" · due %s"), day);
            }
          if (owner != NULL)
            g_string_append_printf (subtitle, " · %s", owner);
          state = gtk_image_new_from_icon_name (action->done ? "emblem-ok-symbolic"
                                                             : "task-due-symbolic");
          gtk_widget_add_css_class (state, action->done ? "success" : "accent");
          gtk_widget_set_tooltip_text (state, action->done ? _("Done") : _("Open"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", action->card_id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "results.open-card");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      if (item != NULL)
        {
          if (subtitle->len > 0)
            g_string_append_c (subtitle, '\n');
          /* Translators: where a corrective action came from: an audit item's question */
          g_string_append_printf (subtitle, _("From: %s"), obeya_audit_item_get_question (item));
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), state);
      gtk_list_box_append (self->actions_list, row);
    }
  gtk_widget_set_visible (self->actions_group, actions->len > 0);
}

static void
refresh_scan (ObeyaAuditResults *self)
{
  ObeyaScanResult *scan = obeya_audit_get_scan (self->audit);

  clear_list (self->scan_list);
  gtk_widget_set_visible (self->scan_group, scan != NULL);
  if (scan == NULL)
    return;
  for (ObeyaScanEvidence e = OBEYA_SCAN_EVIDENCE_STALE_FILES; e <= OBEYA_SCAN_EVIDENCE_EMPTY_FOLDERS;
       e++)
    {
      g_autofree char *line = obeya_scan_result_describe (scan, e);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->scan_list, row);
    }
  {
    g_autofree char *when = obeya_format_timestamp (scan->time);
    /* Translators: a folder scan: the folder, then when it ran */
    g_autofree char *text = g_strdup_printf (_("%s, scanned %s"), scan->folder, when);
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->scan_group), text);
  }
}

static void
refresh_log (ObeyaAuditResults *self)
{
  guint n_events;
  const ObeyaAuditEvent *events = obeya_audit_get_log (self->audit, &n_events);

  clear_list (self->log_list);
  for (guint i = 0; i < n_events; i++)
    {
      const ObeyaAuditEvent *event = &events[i];
      GtkWidget *row = adw_action_row_new ();
      const char *who = obeya_fives_person_name (self->workspace, event->person_id);
      g_autofree char *when = obeya_format_timestamp (event->time);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (event->kind == OBEYA_AUDIT_EVENT_FINISHED)
        title = g_strdup (_("Finished"));
      else if (event->reason != NULL && event->reason[0] != '\0')
        /* Translators: a reopened audit, with the reason given */
        title = g_strdup_printf (_("Reopened: %s"), event->reason);
      else
        title = g_strdup (_("Reopened"));
      subtitle = who ? g_strdup_printf ("%s · %s", when, who) : g_strdup (when);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row),
                                    event->kind == OBEYA_AUDIT_EVENT_FINISHED
                                    ? "object-select-symbolic" : "document-edit-symbolic");
      gtk_list_box_append (self->log_list, row);
    }
  gtk_widget_set_visible (self->log_group, n_events > 0);
}

static void
refresh (ObeyaAuditResults *self)
{
  g_autoptr(ObeyaAuditComparison) comparison = NULL;
  g_autoptr(GArray) actions = NULL;
  ObeyaAudits *audits = obeya_workspace_get_audits (self->workspace);
  g_autofree char *day = obeya_format_day (obeya_audit_get_date (self->audit));
  g_autofree char *subtitle = NULL;
  const char *summary = obeya_audit_get_summary (self->audit);
  gboolean finished = obeya_audit_is_finished (self->audit);

  if (obeya_audits_find_audit (audits, id_of (self->audit)) != self->audit)
    {
      if (!self->closing)
        {
          self->closing = TRUE;
          obeya_dialog_destroy_later (GTK_WINDOW (self));
        }
      return;
    }

  if (finished)
    /* Translators: under an audit's results: "Finished · 3 Nov 2026" */
    subtitle = g_strdup_printf (_("Finished · %s"), day);
  else
    {
      g_autofree char *progress = obeya_fives_describe_progress (self->audit);
      /* Translators: under a draft's results: "Draft · 3 Nov 2026 · 7 of 20 scored" */
      subtitle = g_strdup_printf (_("Draft · %s · %s"), day, progress);
    }
  adw_window_title_set_title (self->window_title,
                              obeya_area_get_name (obeya_audit_get_area (self->audit)));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  comparison = obeya_audits_compare_with_previous (audits, self->audit);
  actions = obeya_audit_list_actions (self->audit);
  refresh_headline (self, comparison);
  obeya_audit_charts_fill_radar (self->radar, self->audit);
  obeya_audit_charts_fill_s_bars (self->bars, self->audit);
  refresh_comparison (self, comparison);
  refresh_low (self, actions);
  refresh_actions (self, actions);
  refresh_scan (self);
  gtk_label_set_label (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (self->summary_group, summary != NULL);
  refresh_log (self);

  gtk_widget_set_visible (self->reopen_button, finished && writable (self));
  gtk_widget_set_visible (self->resume_button, !finished && writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.reopen", finished && writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.resume", !finished && writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.delete", writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.save-pdf",
                                 obeya_audit_print_available ());
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.print",
                                 obeya_audit_print_available ());
}

static gboolean
refresh_idle_cb (gpointer data)
{
  ObeyaAuditResults *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (ObeyaAuditResults *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

/* ---- actions -------------------------------------------------------------------------- */

void
obeya_audit_results_reopen (ObeyaAuditResults *self,
                            const char        *reason)
{
  GtkWindow *parent;
  g_autofree char *me = NULL;

  g_return_if_fail (OBEYA_IS_AUDIT_RESULTS (self));

  if (!obeya_audit_is_finished (self->audit) || !writable (self))
    return;
  me = obeya_fives_dup_me (GTK_WIDGET (self));
  if (!obeya_audit_reopen (self->audit, me, reason && reason[0] ? reason : NULL))
    return;
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  self->closing = TRUE;
  gtk_window_present (GTK_WINDOW (obeya_audit_walk_new (parent, self->audit)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
reopen_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    ObeyaAuditResults *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *reason = NULL;

  if (!g_str_equal (response, "reopen"))
    return;
  reason = obeya_editable_dup_stripped (GTK_EDITABLE (entry));
  obeya_audit_results_reopen (self, reason);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaAuditResults *self = OBEYA_AUDIT_RESULTS (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = obeya_dialog_new_confirm (GTK_WINDOW (self), _("Reopen This Audit?"),
                                     _("Its scores can be changed again until it is finished "
                                       "once more. The reopening is recorded with its reason."),
                                     "reopen", _("_Reopen"), ADW_RESPONSE_SUGGESTED);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why? (kept in the audit's history)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_set_default_response (dialog, "reopen");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaAuditResults *self = OBEYA_AUDIT_RESULTS (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  self->closing = TRUE;
  gtk_window_present (GTK_WINDOW (obeya_audit_walk_new (parent, self->audit)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaAuditResults *self = OBEYA_AUDIT_RESULTS (widget);

  obeya_fives_delete_audit (GTK_WINDOW (self), self->audit);
}

static void
open_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObeyaAuditResults *self = OBEYA_AUDIT_RESULTS (widget);

  obeya_card_editor_present_card (GTK_WINDOW (self), self->workspace,
                                  g_variant_get_string (parameter, NULL));
}

static void
raise_action_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaAuditResults *self = OBEYA_AUDIT_RESULTS (widget);
  ObeyaAuditItem *item = obeya_audit_template_find_item (obeya_audit_get_template (self->audit),
                                                         g_variant_get_string (parameter, NULL));

  if (item != NULL)
    gtk_window_present (GTK_WINDOW (obeya_raise_action_dialog_new (GTK_WINDOW (self), self->audit,
                                                                   item)));
}

static void
save_pdf_response_cb (GtkNativeDialog   *dialog,
                      int                response,
                      ObeyaAuditResults *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      if (path != NULL && obeya_audit_print_save_pdf (self->audit, path, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          message = g_strdup_printf (_("Saved “%s”"), name);
        }
      else
        message = g_strdup_printf (_("Could not save the report: %s"),
                                   error ? error->message : _("not a local file"));
      obeya_fives_show_toast (GTK_WIDGET (self), message, NULL);
    }
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ObeyaAuditResults *self = OBEYA_AUDIT_RESULTS (widget);
  GtkFileChooser *chooser;
  g_autofree char *day = obeya_day_to_string (obeya_audit_get_date (self->audit));
  g_autofree char *name = NULL;

  chooser = obeya_fives_file_chooser_new (GTK_WINDOW (self), _("Save Audit Report"),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                          G_CALLBACK (save_pdf_response_cb), self);
  /* Translators: file name of an audit report: area, then the date (YYYY-MM-DD) */
  name = g_strdup_printf (_("5S audit %s %s.pdf"),
                          obeya_area_get_name (obeya_audit_get_area (self->audit)), day);
  gtk_file_chooser_set_current_name (chooser, name);
  obeya_fives_file_chooser_add_filter (chooser, _("PDF documents"), "application/pdf", "*.pdf");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ObeyaAuditResults *self = OBEYA_AUDIT_RESULTS (widget);

  obeya_audit_print_run (GTK_WINDOW (self), self->audit);
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
obeya_audit_results_dispose (GObject *object)
{
  ObeyaAuditResults *self = OBEYA_AUDIT_RESULTS (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->audit != NULL)
    g_signal_handlers_disconnect_by_data (self->audit, self);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_AUDIT_RESULTS);
  g_clear_object (&self->radar);
  g_clear_object (&self->bars);
  g_clear_object (&self->audit);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (obeya_audit_results_parent_class)->dispose (object);
}

static void
obeya_audit_results_class_init (ObeyaAuditResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_audit_results_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-audit-results.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaAuditResults, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (reopen_button);
  BIND (resume_button);
  BIND (overall_label);
  BIND (delta_icon);
  BIND (delta_label);
  BIND (facts_label);
  BIND (s_grid);
  BIND (charts_box);
  BIND (comparison_group);
  BIND (comparison_list);
  BIND (low_group);
  BIND (low_list);
  BIND (actions_group);
  BIND (actions_list);
  BIND (scan_group);
  BIND (scan_list);
  BIND (summary_group);
  BIND (summary_label);
  BIND (log_group);
  BIND (log_list);
#undef BIND

  gtk_widget_class_install_action (widget_class, "results.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "results.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "results.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "results.open-card", "s", open_card_action);
  gtk_widget_class_install_action (widget_class, "results.raise-action", "s", raise_action_action);
  gtk_widget_class_install_action (widget_class, "results.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "results.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "results.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "results.save-pdf", NULL);
  obeya_dialog_class_add_escape (widget_class);
}

static GtkWidget *
new_chart (ObeyaChart *chart,
           const char *name)
{
  GtkWidget *widget = obeya_chart_widget_new (chart);

  obeya_chart_set_font_scale (chart, OBEYA_CHART_WIDGET_FONT_SCALE);
  gtk_widget_set_size_request (widget, 320, CHART_HEIGHT);
  gtk_widget_add_css_class (widget, "card");
  obeya_chart_widget_set_export_name (OBEYA_CHART_WIDGET (widget), name);
  return widget;
}

static void
obeya_audit_results_init (ObeyaAuditResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->radar = obeya_radar_chart_new ();
  self->bars = obeya_bar_chart_new ();
}

ObeyaAuditResults *
obeya_audit_results_new (GtkWindow  *parent,
                         ObeyaAudit *audit)
{
  ObeyaAuditResults *self;
  g_autofree char *day = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (OBEYA_IS_AUDIT (audit), NULL);
  g_return_val_if_fail (obeya_entity_get_workspace (OBEYA_ENTITY (audit)) != NULL, NULL);

  self = g_object_new (OBEYA_TYPE_AUDIT_RESULTS, NULL);
  obeya_dialog_init_window (GTK_WINDOW (self), parent, 1000, 860);
  self->audit = g_object_ref (audit);
  self->workspace = g_object_ref (obeya_entity_get_workspace (OBEYA_ENTITY (audit)));

  day = obeya_day_to_string (obeya_audit_get_date (audit));
  /* Translators: file names of the charts of an audit: area and date */
  name = g_strdup_printf (_("%s %s radar"), obeya_area_get_name (obeya_audit_get_area (audit)),
                          day);
  gtk_flow_box_append (self->charts_box, new_chart (OBEYA_CHART (self->radar), name));
  g_free (name);
  name = g_strdup_printf (_("%s %s per S"), obeya_area_get_name (obeya_audit_get_area (audit)),
                          day);
  gtk_flow_box_append (self->charts_box, new_chart (OBEYA_CHART (self->bars), name));

  g_signal_connect_object (audit, "changed", G_CALLBACK (schedule_refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (audit, "notify", G_CALLBACK (schedule_refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "changed", G_CALLBACK (schedule_refresh), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}

ObeyaAudit *
obeya_audit_results_get_audit (ObeyaAuditResults *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_RESULTS (self), NULL);

  return self->audit;
}
