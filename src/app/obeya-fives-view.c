/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-charts.h"
#include "obeya-audit-template.h"
#include "obeya-audits.h"
#include "obeya-chart-widget.h"
#include "obeya-dialog-util.h"
#include "obeya-file.h"
#include "obeya-five-s-bars.h"
#include "obeya-fives-util.h"
#include "obeya-fives-view.h"
#include "obeya-folder-scan.h"
#include "obeya-person.h"
#include "obeya-template-manager.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

#define TREND_HEIGHT   300
#define BAR_ROW_HEIGHT 40

struct _ObeyaFivesView
{
  GtkWidget            parent_instance;

  ObeyaWorkspace      *workspace;
  ObeyaArea           *area;
  char                *title;
  guint                refresh_idle;
  gboolean             syncing;
  int                  trend_s;
  ObeyaRunChart       *trend_chart;
  ObeyaBarChart       *areas_chart;
  GtkWidget           *trend_widget;
  GtkWidget           *areas_widget;
  GtkWidget           *trend_buttons[OBEYA_FIVE_S_N + 1];
  char                *shown_name;
  char                *shown_pattern;
  GPtrArray           *templates;   /* as listed in template_row */
  gboolean             custom_pattern;

  /* template */
  GtkStack            *stack;
  GtkLabel            *overview_status;
  GtkWidget           *drafts_group;
  GtkListBox          *drafts_list;
  GtkListBox          *areas_list;
  GtkWidget           *across_group;
  GtkWidget           *across_box;
  GtkGrid             *table;
  GtkScrolledWindow   *area_scrolled;
  GtkLabel            *area_title;
  GtkLabel            *area_subtitle;
  GtkLabel            *area_due;
  GtkLabel            *area_score;
  GtkLabel            *area_score_caption;
  GtkWidget           *area_start_button;
  GtkWidget           *trend_switcher;
  GtkWidget           *trend_box;
  GtkWidget           *history_group;
  GtkListBox          *history_list;
  AdwEntryRow         *name_row;
  AdwComboRow         *template_row;
  GtkStringList       *template_names;
  AdwComboRow         *owner_row;
  GtkStringList       *owner_names;
  AdwComboRow         *cadence_row;
  GtkStringList       *cadence_names;
  AdwActionRow        *folder_row;
  GtkWidget           *clear_folder_button;
  AdwComboRow         *pattern_row;
  GtkStringList       *pattern_names;
  AdwEntryRow         *custom_pattern_row;
  GtkSpinButton       *stale_spin;
};

G_DEFINE_FINAL_TYPE (ObeyaFivesView, obeya_fives_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (ObeyaFivesView *self);

static const char *
id_of (gpointer entity)
{
  return obeya_entity_get_id (OBEYA_ENTITY (entity));
}

static ObeyaAudits *
get_audits (ObeyaFivesView *self)
{
  return self->workspace ? obeya_workspace_get_audits (self->workspace) : NULL;
}

static gboolean
writable (ObeyaFivesView *self)
{
  return self->workspace != NULL && !obeya_workspace_get_read_only (self->workspace);
}

static GtkWindow *
parent_window (ObeyaFivesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_title (ObeyaFivesView *self,
           const char     *title)
{
  if (obeya_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_due_style (GtkWidget    *widget,
               ObeyaAreaDue  due)
{
  const char *css = obeya_fives_due_css_class (due);

  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_remove_css_class (widget, "dim-label");
  gtk_widget_add_css_class (widget, css ? css : "dim-label");
}

static gboolean
find_status (GArray          *overview,
             ObeyaArea       *area,
             ObeyaAreaStatus *out)
{
  for (guint i = 0; i < overview->len; i++)
    if (g_array_index (overview, ObeyaAreaStatus, i).area == area)
      {
        *out = g_array_index (overview, ObeyaAreaStatus, i);
        return TRUE;
      }
  return FALSE;
}

/* ---- overview ----------------------------------------------------------------------- */

static GtkWidget *
new_score_suffix (const ObeyaAuditScore *score)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *bars = obeya_five_s_bars_new ();
  g_autofree char *text = score ? obeya_audit_score_format (&score->overall) : g_strdup ("—");
  GtkWidget *label = gtk_label_new (text);

  obeya_five_s_bars_set_score (OBEYA_FIVE_S_BARS (bars), score);
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), bars);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
new_area_row (ObeyaFivesView        *self,
              const ObeyaAreaStatus *status)
{
  GtkWidget *row = adw_action_row_new ();
  ObeyaAuditTemplate *template_ = obeya_area_get_template (status->area);
  g_autofree char *due = obeya_fives_describe_due (status);
  g_autofree char *subtitle = NULL;
  GtkWidget *pill = gtk_label_new (due);
  ObeyaAuditScore score;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), obeya_area_get_name (status->area));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: under a 5S area: its template, then its cadence ("Office · Monthly") */
  subtitle = g_strdup_printf (_("%s · %s"), obeya_audit_template_get_name (template_),
                              obeya_audit_cadence_get_label (obeya_area_get_cadence (status->area)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_add_css_class (pill, "obeya-due-pill");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  set_due_style (pill, status->due);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);

  if (status->latest != NULL)
    obeya_audit_score_of_audit (status->latest, &score);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_score_suffix (status->latest ? &score : NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id_of (status->area));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "fives.show-area");
  if (status->due == OBEYA_AREA_OVERDUE)
    gtk_widget_add_css_class (row, "obeya-overdue");
  return row;
}

static GtkWidget *
new_draft_row (ObeyaFivesView *self,
               ObeyaAudit     *draft)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Resume"));
  g_autofree char *day = obeya_format_day (obeya_audit_get_date (draft));
  g_autofree char *progress = obeya_fives_describe_progress (draft);
  const char *auditor = obeya_fives_person_name (self->workspace, obeya_audit_get_auditor (draft));
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 obeya_area_get_name (obeya_audit_get_area (draft)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (auditor != NULL)
    /* Translators: a draft audit: its date, its auditor, then "7 of 20 scored" */
    subtitle = g_strdup_printf (_("Started %s by %s · %s"), day, auditor, progress);
  else
    /* Translators: a draft audit: its date, then "7 of 20 scored" */
    subtitle = g_strdup_printf (_("Started %s · %s"), day, progress);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "document-edit-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id_of (draft));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "fives.open-audit");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
table_label (const char *text,
             float       xalign,
             const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static void
fill_table (ObeyaFivesView *self,
            GArray         *overview)
{
  ObeyaAuditScore average;
  GtkWidget *child;
  guint row = 2;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);

  gtk_grid_attach (self->table, table_label (_("Area"), 0, "caption-heading"), 0, 0, 1, 1);
  gtk_grid_attach (self->table, table_label (_("Latest Audit"), 0, "caption-heading"), 1, 0, 1, 1);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    gtk_grid_attach (self->table, table_label (obeya_five_s_get_label (s), 1, "caption-heading"),
                     2 + s, 0, 1, 1);
  gtk_grid_attach (self->table, table_label (_("Overall"), 1, "caption-heading"), 7, 0, 1, 1);
  /* Rules across the whole table, under the headings and above the average. */
  gtk_grid_attach (self->table, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, 1, 8, 1);

  for (guint i = 0; i < overview->len; i++, row++)
    {
      const ObeyaAreaStatus *status = &g_array_index (overview, ObeyaAreaStatus, i);
      g_autofree char *day = status->latest ? obeya_format_day (obeya_audit_get_date (status->latest))
                                            : g_strdup (_("Never"));
      GtkWidget *name = table_label (obeya_area_get_name (status->area), 0, NULL);
      g_autofree char *overall = obeya_audit_score_format (&status->score.overall);

      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (self->table, name, 0, row, 1, 1);
      gtk_grid_attach (self->table, table_label (day, 0, "dim-label"), 1, row, 1, 1);
      for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
        {
          g_autofree char *value = obeya_audit_score_format (&status->score.s[s]);
          gtk_grid_attach (self->table, table_label (value, 1, "numeric"), 2 + s, row, 1, 1);
        }
      gtk_grid_attach (self->table, table_label (overall, 1, "heading"), 7, row, 1, 1);
    }

  /* The average of the areas' percentages, never their pooled points. */
  obeya_audits_get_latest_average (get_audits (self), &average);
  gtk_grid_attach (self->table, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row++, 8, 1);
  gtk_grid_attach (self->table, table_label (_("Average"), 0, "heading"), 0, row, 2, 1);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      g_autofree char *value = obeya_audit_score_format (&average.s[s]);
      gtk_grid_attach (self->table, table_label (value, 1, "heading"), 2 + s, row, 1, 1);
    }
  {
    g_autofree char *value = obeya_audit_score_format (&average.overall);
    gtk_grid_attach (self->table, table_label (value, 1, "heading"), 7, row, 1, 1);
  }
  /* The headings dimmed. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->table)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int top;

      gtk_grid_query_child (self->table, child, NULL, &top, NULL, NULL);
      if (top == 0)
        gtk_widget_add_css_class (child, "obeya-table-head");
    }
}

static void
refresh_overview (ObeyaFivesView *self)
{
  ObeyaAudits *audits = get_audits (self);
  g_autoptr(GArray) overview = obeya_audits_get_overview (audits, obeya_day_today ());
  g_autoptr(GString) status = g_string_new (NULL);
  guint n_overdue = 0, n_due = 0, n_drafts = 0, n_audited = 0;
  ObeyaAuditScore average;

  clear_list (self->drafts_list);
  clear_list (self->areas_list);
  for (guint i = 0; i < overview->len; i++)
    {
      const ObeyaAreaStatus *s = &g_array_index (overview, ObeyaAreaStatus, i);

      if (s->draft != NULL)
        {
          gtk_list_box_append (self->drafts_list, new_draft_row (self, s->draft));
          n_drafts++;
        }
      gtk_list_box_append (self->areas_list, new_area_row (self, s));
      n_overdue += s->due == OBEYA_AREA_OVERDUE;
      n_due += s->due == OBEYA_AREA_DUE;
      n_audited += s->latest != NULL;
    }
  gtk_widget_set_visible (self->drafts_group, n_drafts > 0);

  obeya_audits_get_latest_average (audits, &average);
  if (average.overall.has_score)
    {
      g_autofree char *value = obeya_audit_score_format (&average.overall);
      /* Translators: the headline of the 5S overview: the average of the latest scores */
      g_string_append_printf (status, _("Average %s"), value);
    }
  if (n_overdue > 0)
    {
      if (status->len > 0)
        g_string_append (status, " · ");
      g_string_append_printf (status, g_dngettext (GETTEXT_PACKAGE, "%u area overdue",
                                                   "%u areas overdue", n_overdue), n_overdue);
    }
  if (n_due > 0)
    {
      if (status->len > 0)
        g_string_append (status, " · ");
      g_string_append_printf (status, g_dngettext (GETTEXT_PACKAGE, "%u due now", "%u due now",
                                                   n_due), n_due);
    }
  if (n_overdue == 0 && n_due == 0)
    {
      if (status->len > 0)
        g_string_append (status, " · ");
      g_string_append (status, _("Every area is audited on time"));
    }
  gtk_label_set_label (self->overview_status, status->str);

  obeya_audit_charts_fill_areas (self->areas_chart, audits);
  obeya_chart_set_title (OBEYA_CHART (self->areas_chart), NULL);
  gtk_widget_set_size_request (self->areas_widget, -1,
                               MAX (160, 72 + BAR_ROW_HEIGHT * (int) overview->len));
  fill_table (self, overview);
  gtk_widget_set_visible (self->across_group, n_audited > 0);
}

/* ---- area page ----------------------------------------------------------------------- */

static GtkWidget *
new_history_row (ObeyaFivesView *self,
                 ObeyaAudit     *audit)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = obeya_format_day_long (obeya_audit_get_date (audit));
  const char *auditor = obeya_fives_person_name (self->workspace, obeya_audit_get_auditor (audit));
  g_autofree char *subtitle = NULL;
  ObeyaAuditScore score;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day);
  if (obeya_audit_is_finished (audit))
    subtitle = g_strdup (auditor ? auditor : _("No auditor"));
  else
    {
      g_autofree char *progress = obeya_fives_describe_progress (audit);
      /* Translators: a draft in an area's list of audits: "Draft · 7 of 20 scored" */
      subtitle = g_strdup_printf (_("Draft · %s"), progress);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), obeya_audit_is_finished (audit)
                                                      ? "object-select-symbolic"
                                                      : "document-edit-symbolic");
  obeya_audit_score_of_audit (audit, &score);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_score_suffix (&score));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id_of (audit));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "fives.open-audit");
  gtk_widget_add_css_class (row, "obeya-history-row");
  return row;
}

static void
sync_details (ObeyaFivesView *self)
{
  ObeyaArea *area = self->area;
  ObeyaAudits *audits = get_audits (self);
  GListModel *templates = obeya_audits_get_templates (audits);
  GListModel *people = obeya_workspace_get_people (self->workspace);
  const char *pattern = obeya_area_get_name_pattern (area);
  const char *folder = obeya_area_get_folder (area);
  const ObeyaNamePatternPreset *presets;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) people_builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint n_presets, selected = 0;

  self->syncing = TRUE;
  obeya_sync_editable (GTK_EDITABLE (self->name_row), &self->shown_name,
                       obeya_area_get_name (area));

  g_ptr_array_set_size (self->templates, 0);
  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(ObeyaAuditTemplate) t = g_list_model_get_item (templates, i);

      if (t == obeya_area_get_template (area))
        selected = i;
      g_ptr_array_add (self->templates, g_object_ref (t));
      g_strv_builder_add (builder, obeya_audit_template_get_name (t));
    }
  names = g_strv_builder_end (builder);
  obeya_string_list_set_strings (self->template_names, (const char * const *) names);
  adw_combo_row_set_selected (self->template_row, selected);

  g_clear_pointer (&names, g_strfreev);
  g_strv_builder_add (people_builder, _("Nobody"));
  selected = 0;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ObeyaPerson) person = g_list_model_get_item (people, i);

      g_strv_builder_add (people_builder, obeya_person_get_name (person));
      if (g_strcmp0 (id_of (person), obeya_area_get_owner (area)) == 0)
        selected = i + 1;
    }
  names = g_strv_builder_end (people_builder);
  obeya_string_list_set_strings (self->owner_names, (const char * const *) names);
  adw_combo_row_set_selected (self->owner_row, selected);

  adw_combo_row_set_selected (self->cadence_row, obeya_area_get_cadence (area));

  adw_action_row_set_subtitle (self->folder_row, folder ? folder : _("None"));
  gtk_widget_set_visible (self->clear_folder_button, folder != NULL);

  presets = obeya_name_pattern_get_presets (&n_presets);
  selected = pattern == NULL ? 0 : n_presets + 1;
  for (guint i = 0; i < n_presets; i++)
    if (g_strcmp0 (presets[i].pattern, pattern) == 0)
      selected = i + 1;
  if (!self->custom_pattern || pattern == NULL || selected != n_presets + 1)
    self->custom_pattern = selected == n_presets + 1;
  adw_combo_row_set_selected (self->pattern_row, self->custom_pattern ? n_presets + 1 : selected);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_pattern_row), self->custom_pattern);
  obeya_sync_editable (GTK_EDITABLE (self->custom_pattern_row), &self->shown_pattern,
                       self->custom_pattern ? pattern : NULL);
  gtk_spin_button_set_value (self->stale_spin, obeya_area_get_stale_days (area));
  self->syncing = FALSE;
}

static void
refresh_trend (ObeyaFivesView *self)
{
  obeya_audit_charts_fill_trend (self->trend_chart, get_audits (self), self->area, self->trend_s);
  obeya_chart_set_title (OBEYA_CHART (self->trend_chart), NULL);
  for (int i = 0; i <= OBEYA_FIVE_S_N; i++)
    {
      self->syncing = TRUE;
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->trend_buttons[i]),
                                    i - 1 == self->trend_s);
      self->syncing = FALSE;
    }
}

static void
refresh_area (ObeyaFivesView *self)
{
  ObeyaAudits *audits = get_audits (self);
  ObeyaArea *area = self->area;
  g_autoptr(GArray) overview = obeya_audits_get_overview (audits, obeya_day_today ());
  g_autoptr(GPtrArray) history = obeya_audits_list_for_area (audits, area, FALSE);
  g_autofree char *subtitle = NULL;
  g_autofree char *due = NULL;
  const char *owner = obeya_fives_person_name (self->workspace, obeya_area_get_owner (area));
  ObeyaAreaStatus status = { NULL, };

  find_status (overview, area, &status);
  set_title (self, obeya_area_get_name (area));
  gtk_label_set_label (self->area_title, obeya_area_get_name (area));
  if (owner != NULL)
    /* Translators: under an area's name: template, cadence and owner */
    subtitle = g_strdup_printf (_("%s template · %s · Owner %s"),
                                obeya_audit_template_get_name (obeya_area_get_template (area)),
                                obeya_audit_cadence_get_label (obeya_area_get_cadence (area)), owner);
  else
    /* Translators: under an area's name: template and cadence */
    subtitle = g_strdup_printf (_("%s template · %s"),
                                obeya_audit_template_get_name (obeya_area_get_template (area)),
                                obeya_audit_cadence_get_label (obeya_area_get_cadence (area)));
  gtk_label_set_label (self->area_subtitle, subtitle);
  due = obeya_fives_describe_due (&status);
  gtk_label_set_label (self->area_due, due);
  set_due_style (GTK_WIDGET (self->area_due), status.due);

  if (status.latest != NULL)
    {
      g_autofree char *score = obeya_audit_score_format (&status.score.overall);
      g_autofree char *day = obeya_format_day (obeya_audit_get_date (status.latest));
      /* Translators: under an area's latest score; %s is a date */
      g_autofree char *caption = g_strdup_printf (_("Latest, %s"), day);

      gtk_label_set_label (self->area_score, score);
      gtk_label_set_label (self->area_score_caption, caption);
    }
  else
    {
      gtk_label_set_label (self->area_score, "—");
      gtk_label_set_label (self->area_score_caption, _("Not audited yet"));
    }
  gtk_button_set_label (GTK_BUTTON (self->area_start_button),
                        status.draft ? _("_Resume Draft") : _("_Start Audit"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->area_start_button), "s", id_of (area));

  refresh_trend (self);

  clear_list (self->history_list);
  for (guint i = history->len; i > 0; i--)
    gtk_list_box_append (self->history_list, new_history_row (self, history->pdata[i - 1]));
  gtk_widget_set_visible (self->history_group, history->len > 0);

  sync_details (self);
}

/* ---- refresh ----------------------------------------------------------------------------- */

static void
refresh (ObeyaFivesView *self)
{
  ObeyaAudits *audits = get_audits (self);
  gboolean could_go_back = self->area != NULL;

  if (audits == NULL)
    return;

  if (self->area != NULL && obeya_audits_find_area (audits, id_of (self->area)) != self->area)
    g_clear_object (&self->area);

  if (self->area != NULL)
    {
      refresh_area (self);
      gtk_stack_set_visible_child_name (self->stack, "area");
    }
  else
    {
      set_title (self, _("5S Audits"));
      if (g_list_model_get_n_items (obeya_audits_get_templates (audits)) == 0)
        gtk_stack_set_visible_child_name (self->stack, "no-templates");
      else if (g_list_model_get_n_items (obeya_audits_get_areas (audits)) == 0)
        gtk_stack_set_visible_child_name (self->stack, "no-areas");
      else
        {
          refresh_overview (self);
          gtk_stack_set_visible_child_name (self->stack, "overview");
        }
    }
  if (could_go_back != (self->area != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  ObeyaFivesView *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (ObeyaFivesView *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

/* ---- details ------------------------------------------------------------------------------- */

static void
name_apply_cb (ObeyaFivesView *self)
{
  g_autofree char *name = obeya_editable_dup_stripped (GTK_EDITABLE (self->name_row));

  if (self->syncing || self->area == NULL || !writable (self))
    return;
  if (name[0] == '\0' || g_strcmp0 (name, obeya_area_get_name (self->area)) == 0)
    {
      g_clear_pointer (&self->shown_name, g_free);
      sync_details (self);
      return;
    }
  obeya_entity_edit (OBEYA_ENTITY (self->area), _("Rename area"), "name", name, NULL);
}

static void
template_selected_cb (ObeyaFivesView *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);
  ObeyaAuditTemplate *template_;

  if (self->syncing || self->area == NULL || !writable (self) || selected >= self->templates->len)
    return;
  template_ = self->templates->pdata[selected];
  if (template_ != obeya_area_get_template (self->area))
    obeya_entity_edit (OBEYA_ENTITY (self->area), _("Change the area's template"),
                       "template", template_, NULL);
}

static void
owner_selected_cb (ObeyaFivesView *self)
{
  guint selected = adw_combo_row_get_selected (self->owner_row);
  g_autoptr(ObeyaPerson) person = NULL;
  const char *id;

  if (self->syncing || self->area == NULL || !writable (self) ||
      selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    person = g_list_model_get_item (obeya_workspace_get_people (self->workspace), selected - 1);
  id = person ? id_of (person) : NULL;
  if (g_strcmp0 (id, obeya_area_get_owner (self->area)) != 0)
    obeya_entity_edit (OBEYA_ENTITY (self->area), _("Change the area's owner"), "owner", id, NULL);
}

static void
cadence_selected_cb (ObeyaFivesView *self)
{
  guint selected = adw_combo_row_get_selected (self->cadence_row);

  if (self->syncing || self->area == NULL || !writable (self) || selected > 2)
    return;
  if ((ObeyaAuditCadence) selected != obeya_area_get_cadence (self->area))
    obeya_entity_edit (OBEYA_ENTITY (self->area), _("Change the audit cadence"), "cadence",
                       (ObeyaAuditCadence) selected, NULL);
}

static void
set_pattern (ObeyaFivesView *self,
             const char     *pattern)
{
  if (g_strcmp0 (pattern, obeya_area_get_name_pattern (self->area)) != 0)
    obeya_entity_edit (OBEYA_ENTITY (self->area), _("Change the naming pattern"),
                       "name-pattern", pattern, NULL);
}

static void
pattern_selected_cb (ObeyaFivesView *self)
{
  guint selected = adw_combo_row_get_selected (self->pattern_row);
  guint n_presets;
  const ObeyaNamePatternPreset *presets = obeya_name_pattern_get_presets (&n_presets);

  if (self->syncing || self->area == NULL || !writable (self))
    return;
  self->custom_pattern = selected == n_presets + 1;
  if (selected == 0)
    set_pattern (self, NULL);
  else if (selected <= n_presets)
    set_pattern (self, presets[selected - 1].pattern);
  else
    {
      /* Custom: the entry below says which, once applied. */
      gtk_widget_set_visible (GTK_WIDGET (self->custom_pattern_row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->custom_pattern_row));
      return;
    }
  sync_details (self);
}

static void
custom_pattern_apply_cb (ObeyaFivesView *self)
{
  g_autofree char *pattern = obeya_editable_dup_stripped (GTK_EDITABLE (self->custom_pattern_row));
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->area == NULL || !writable (self))
    return;
  if (pattern[0] != '\0' && !obeya_name_pattern_check (pattern, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->custom_pattern_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->custom_pattern_row), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->custom_pattern_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->custom_pattern_row), NULL);
  set_pattern (self, pattern[0] ? pattern : NULL);
}

static void
stale_changed_cb (ObeyaFivesView *self)
{
  guint days = (guint) gtk_spin_button_get_value_as_int (self->stale_spin);

  if (self->syncing || self->area == NULL || !writable (self))
    return;
  if (days != obeya_area_get_stale_days (self->area))
    obeya_entity_edit (OBEYA_ENTITY (self->area), _("Change the stale days"), "stale-days", days,
                       NULL);
}

static void
folder_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  ObeyaFivesView  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->area != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        obeya_entity_edit (OBEYA_ENTITY (self->area), _("Set the area's folder"), "folder", path,
                           NULL);
    }
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (widget);

  if (self->area == NULL)
    return;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (
    obeya_fives_file_chooser_new (parent_window (self), _("Folder of the Area"),
                                  GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"),
                                  G_CALLBACK (folder_chosen_cb), self)));
}

static void
clear_folder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (widget);

  if (self->area != NULL && obeya_area_get_folder (self->area) != NULL)
    obeya_entity_edit (OBEYA_ENTITY (self->area), _("Clear the area's folder"), "folder", NULL,
                       NULL);
}

static void
trend_toggled_cb (GtkToggleButton *button,
                  ObeyaFivesView  *self)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  self->trend_s = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "obeya-s"));
  refresh_trend (self);
}

/* ---- actions ------------------------------------------------------------------------------- */

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (widget);
  ObeyaArea *area = obeya_audits_find_area (get_audits (self),
                                            g_variant_get_string (parameter, NULL));

  if (area != NULL)
    obeya_fives_view_show_area (self, area);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  obeya_fives_view_go_back (OBEYA_FIVES_VIEW (widget));
}

static void
open_audit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (widget);
  ObeyaAudit *audit = obeya_audits_find_audit (get_audits (self),
                                               g_variant_get_string (parameter, NULL));

  if (audit != NULL)
    obeya_fives_open_audit (parent_window (self), audit);
}

static void
choose_area_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         ObeyaFivesView   *self)
{
  GtkListBox *list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  ObeyaArea *area = row ? obeya_row_get_object (row) : NULL;

  if (g_str_equal (response, "start") && area != NULL)
    obeya_fives_start_audit (parent_window (self), area);
}

static void
choose_area_activated_cb (GtkListBox       *list,
                          GtkListBoxRow    *row,
                          AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "start");
}

static void
choose_area (ObeyaFivesView *self)
{
  ObeyaAudits *audits = get_audits (self);
  g_autoptr(GArray) overview = obeya_audits_get_overview (audits, obeya_day_today ());
  g_autoptr(GArray) due = obeya_audits_list_due (audits, obeya_day_today ());
  ObeyaArea *suggested = due->len > 0 ? g_array_index (due, ObeyaAreaStatus, 0).area : NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;

  if (overview->len == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "fives.add-area", NULL);
      return;
    }
  dialog = obeya_dialog_new_confirm (parent_window (self), _("Start an Audit"),
                                     _("Which area do you audit? A draft in progress is resumed."),
                                     "start", _("_Start"), ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "start");
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_BROWSE);
  for (guint i = 0; i < overview->len; i++)
    {
      const ObeyaAreaStatus *status = &g_array_index (overview, ObeyaAreaStatus, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = status->draft ? obeya_fives_describe_progress (status->draft)
                                            : obeya_fives_describe_due (status);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), obeya_area_get_name (status->area));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      obeya_row_set_object (row, status->area);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      if (status->area == suggested || (suggested == NULL && i == 0))
        gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (row));
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (choose_area_activated_cb), dialog);
  adw_message_dialog_set_extra_child (dialog, list);
  g_signal_connect_object (dialog, "response", G_CALLBACK (choose_area_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  if (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (list))));
}

static void
start_audit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  ObeyaArea *area = id[0] ? obeya_audits_find_area (get_audits (self), id) : self->area;

  if (!writable (self))
    return;
  if (area != NULL)
    obeya_fives_start_audit (parent_window (self), area);
  else
    choose_area (self);
}

/* -- adding an area -- */

static void
add_area_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ObeyaFivesView   *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *entry = gtk_widget_get_first_child (box);
  GtkWidget *template_dropdown = gtk_widget_get_next_sibling (entry);
  GtkWidget *cadence_dropdown = gtk_widget_get_next_sibling (template_dropdown);
  GListModel *templates = obeya_audits_get_templates (get_audits (self));
  g_autofree char *name = obeya_editable_dup_stripped (GTK_EDITABLE (entry));
  g_autoptr(ObeyaAuditTemplate) template_ = NULL;
  ObeyaArea *area;

  if (!g_str_equal (response, "add") || name[0] == '\0')
    return;
  template_ = g_list_model_get_item (templates,
                                     gtk_drop_down_get_selected (GTK_DROP_DOWN (template_dropdown)));
  if (template_ == NULL)
    return;
  area = obeya_audits_add_area (get_audits (self), name, template_,
                                gtk_drop_down_get_selected (GTK_DROP_DOWN (cadence_dropdown)));
  obeya_fives_view_show_area (self, area);
}

static void
add_area_name_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *name = obeya_editable_dup_stripped (entry);

  adw_message_dialog_set_response_enabled (dialog, "add", name[0] != '\0');
}

static void
add_area_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (widget);
  ObeyaAudits *audits = get_audits (self);
  GListModel *templates;
  AdwMessageDialog *dialog;
  GtkWidget *box, *entry, *template_dropdown, *cadence_dropdown;
  g_autoptr(GtkStringList) template_list = gtk_string_list_new (NULL);
  const char *cadences[] = {
    obeya_audit_cadence_get_label (OBEYA_AUDIT_CADENCE_WEEKLY),
    obeya_audit_cadence_get_label (OBEYA_AUDIT_CADENCE_MONTHLY),
    obeya_audit_cadence_get_label (OBEYA_AUDIT_CADENCE_QUARTERLY),
    NULL
  };

  if (audits == NULL || !writable (self))
    return;
  templates = obeya_audits_get_templates (audits);
  if (g_list_model_get_n_items (templates) == 0)
    {
      obeya_audits_add_builtin_template (audits, "office", NULL);
      templates = obeya_audits_get_templates (audits);
    }
  obeya_string_list_set_names (template_list, templates);

  dialog = obeya_dialog_new_confirm (parent_window (self), _("New Area"),
                                     _("A place you audit regularly, with the template it is "
                                       "audited against and how often."),
                                     "add", _("_Add"), ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name, e.g. “AR team desks”"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  g_signal_connect (entry, "changed", G_CALLBACK (add_area_name_changed_cb), dialog);
  template_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (template_list)), NULL);
  gtk_widget_set_tooltip_text (template_dropdown, _("Template"));
  cadence_dropdown = gtk_drop_down_new_from_strings (cadences);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cadence_dropdown), OBEYA_AUDIT_CADENCE_MONTHLY);
  gtk_widget_set_tooltip_text (cadence_dropdown, _("How often it is audited"));
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), template_dropdown);
  gtk_box_append (GTK_BOX (box), cadence_dropdown);
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_area_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
delete_area_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         ObeyaFivesView   *self)
{
  ObeyaWindow *window = obeya_fives_get_main_window (GTK_WIDGET (self));
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "delete") || self->area == NULL)
    return;
  /* Translators: %s is an area's name */
  message = g_strdup_printf (_("“%s” deleted"), obeya_area_get_name (self->area));
  obeya_audits_remove_area (get_audits (self), self->area);
  obeya_fives_view_show_area (self, NULL);
  if (window != NULL)
    obeya_window_show_toast (window, message, TRUE);
}

static void
delete_area_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (widget);
  g_autoptr(GPtrArray) audits = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->area == NULL || !writable (self))
    return;
  audits = obeya_audits_list_for_area (get_audits (self), self->area, FALSE);
  /* Translators: %s is an area's name */
  heading = g_strdup_printf (_("Delete “%s”?"), obeya_area_get_name (self->area));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u audit is deleted with it. Cards raised from it "
                                       "stay on their boards.",
                                       "Its %u audits are deleted with it. Cards raised from them "
                                       "stay on their boards.", audits->len), audits->len);
  dialog = obeya_dialog_new_confirm (parent_window (self), heading, body, "delete", _("_Delete"),
                                     ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_area_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- templates -- */

static void
templates_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (obeya_template_manager_new (parent_window (self),
                                                                self->workspace)));
}

static void
add_builtin_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!writable (self))
    return;
  if (obeya_audits_add_builtin_template (get_audits (self), g_variant_get_string (parameter, NULL),
                                         &error) == NULL)
    obeya_fives_show_toast (widget, error->message, NULL);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ObeyaFivesView  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ObeyaAuditTemplate *template_;

  if (response != GTK_RESPONSE_ACCEPT || !writable (self))
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  template_ = obeya_fives_import_template (get_audits (self), file, &error);
  if (template_ == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *body = g_strdup_printf (_("“%s” could not be imported: %s\n\nNothing "
                                                 "was changed."), name, error->message);
      GtkWidget *alert = adw_message_dialog_new (parent_window (self), _("Import Failed"), body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
  else
    {
      /* Translators: %s is a template's name */
      g_autofree char *message = g_strdup_printf (_("Imported “%s”"),
                                                  obeya_audit_template_get_name (template_));
      obeya_fives_show_toast (GTK_WIDGET (self), message, NULL);
    }
}

static void
import_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (widget);

  obeya_fives_choose_template_file (parent_window (self), G_CALLBACK (import_response_cb), self);
}

static void
export_csv_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        ObeyaFivesView  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *csv;

  if (response != GTK_RESPONSE_ACCEPT || self->workspace == NULL)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  csv = obeya_audits_export_csv (get_audits (self));
  bytes = g_bytes_new_take (csv, strlen (csv));
  obeya_fives_export_bytes (GTK_WIDGET (self), file, bytes, NULL);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (widget);
  GtkFileChooser *chooser;

  chooser = obeya_fives_file_chooser_new (parent_window (self), _("Export 5S Scores as CSV"),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                          G_CALLBACK (export_csv_response_cb), self);
  gtk_file_chooser_set_current_name (chooser, _("5S audits.csv"));
  obeya_fives_file_chooser_add_filter (chooser, _("CSV files"), "text/csv", "*.csv");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject --------------------------------------------------------------------------------- */

static void
obeya_fives_view_dispose (GObject *object)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_FIVES_VIEW);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_object (&self->trend_chart);
  g_clear_object (&self->areas_chart);
  g_clear_object (&self->area);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (obeya_fives_view_parent_class)->dispose (object);
}

static void
obeya_fives_view_finalize (GObject *object)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (object);

  g_free (self->title);
  g_free (self->shown_name);
  g_free (self->shown_pattern);
  G_OBJECT_CLASS (obeya_fives_view_parent_class)->finalize (object);
}

static void
obeya_fives_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ObeyaFivesView *self = OBEYA_FIVES_VIEW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, obeya_fives_view_get_can_go_back (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_fives_view_class_init (ObeyaFivesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_fives_view_dispose;
  object_class->finalize = obeya_fives_view_finalize;
  object_class->get_property = obeya_fives_view_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/obeya/Obeya/obeya-fives-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaFivesView, name)
  BIND (stack);
  BIND (overview_status);
  BIND (drafts_group);
  BIND (drafts_list);
  BIND (areas_list);
  BIND (across_group);
  BIND (across_box);
  BIND (table);
  BIND (area_scrolled);
  BIND (area_title);
  BIND (area_subtitle);
  BIND (area_due);
  BIND (area_score);
  BIND (area_score_caption);
  BIND (area_start_button);
  BIND (trend_switcher);
  BIND (trend_box);
  BIND (history_group);
  BIND (history_list);
  BIND (name_row);
  BIND (template_row);
  BIND (template_names);
  BIND (owner_row);
  BIND (owner_names);
  BIND (cadence_row);
  BIND (cadence_names);
  BIND (folder_row);
  BIND (clear_folder_button);
  BIND (pattern_row);
  BIND (pattern_names);
  BIND (custom_pattern_row);
  BIND (stale_spin);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, cadence_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, pattern_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, custom_pattern_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, stale_changed_cb);

  gtk_widget_class_install_action (widget_class, "fives.start-audit", "s", start_audit_action);
  gtk_widget_class_install_action (widget_class, "fives.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "fives.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "fives.open-audit", "s", open_audit_action);
  gtk_widget_class_install_action (widget_class, "fives.add-area", NULL, add_area_action);
  gtk_widget_class_install_action (widget_class, "fives.delete-area", NULL, delete_area_action);
  gtk_widget_class_install_action (widget_class, "fives.templates", NULL, templates_action);
  gtk_widget_class_install_action (widget_class, "fives.add-builtin", "s", add_builtin_action);
  gtk_widget_class_install_action (widget_class, "fives.import-template", NULL,
                                   import_template_action);
  gtk_widget_class_install_action (widget_class, "fives.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "fives.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "fives.clear-folder", NULL, clear_folder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "fives.start-audit", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "fives.back",
                                       NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "obeyafivesview");
}

static void
obeya_fives_view_init (ObeyaFivesView *self)
{
  const char *cadences[] = {
    obeya_audit_cadence_get_label (OBEYA_AUDIT_CADENCE_WEEKLY),
    obeya_audit_cadence_get_label (OBEYA_AUDIT_CADENCE_MONTHLY),
    obeya_audit_cadence_get_label (OBEYA_AUDIT_CADENCE_QUARTERLY),
    NULL
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) patterns = NULL;
  const ObeyaNamePatternPreset *presets;
  GtkWidget *group = NULL;
  guint n_presets;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->trend_s = OBEYA_AUDIT_CHARTS_OVERALL;
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
  self->title = g_strdup (_("5S Audits"));

  obeya_string_list_set_strings (self->cadence_names, cadences);
  presets = obeya_name_pattern_get_presets (&n_presets);
  g_strv_builder_add (builder, _("Not checked"));
  for (guint i = 0; i < n_presets; i++)
    g_strv_builder_add (builder, obeya_name_pattern_get_label (&presets[i]));
  g_strv_builder_add (builder, _("Custom pattern"));
  patterns = g_strv_builder_end (builder);
  obeya_string_list_set_strings (self->pattern_names, (const char * const *) patterns);

  /* Trend: overall, then each S. */
  for (int i = 0; i <= OBEYA_FIVE_S_N; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (i == 0 ? _("Overall")
                                                                   : obeya_five_s_get_label (i - 1));

      g_object_set_data (G_OBJECT (button), "obeya-s", GINT_TO_POINTER (i - 1));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      else
        group = button;
      gtk_widget_add_css_class (button, "small");
      g_signal_connect (button, "toggled", G_CALLBACK (trend_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->trend_switcher), button);
      self->trend_buttons[i] = button;
    }
  self->trend_chart = obeya_run_chart_new ();
  /* Type a little larger than the chart library's own for its size, so
   * that labels on a 300-pixel-high card read like the text around it. */
  obeya_chart_set_font_scale (OBEYA_CHART (self->trend_chart), OBEYA_CHART_WIDGET_FONT_SCALE);
  self->trend_widget = obeya_chart_widget_new (OBEYA_CHART (self->trend_chart));
  gtk_widget_set_size_request (self->trend_widget, -1, TREND_HEIGHT);
  gtk_widget_add_css_class (self->trend_widget, "card");
  gtk_box_append (GTK_BOX (self->trend_box), self->trend_widget);

  self->areas_chart = obeya_bar_chart_new ();
  obeya_chart_set_font_scale (OBEYA_CHART (self->areas_chart), OBEYA_CHART_WIDGET_FONT_SCALE);
  self->areas_widget = obeya_chart_widget_new (OBEYA_CHART (self->areas_chart));
  gtk_widget_add_css_class (self->areas_widget, "card");
  obeya_chart_widget_set_export_name (OBEYA_CHART_WIDGET (self->areas_widget),
                                      _("5S latest score per area"));
  gtk_box_prepend (GTK_BOX (self->across_box), self->areas_widget);
}

GtkWidget *
obeya_fives_view_new (void)
{
  return g_object_new (OBEYA_TYPE_FIVES_VIEW, NULL);
}

void
obeya_fives_view_set_workspace (ObeyaFivesView *self,
                                ObeyaWorkspace *workspace)
{
  g_return_if_fail (OBEYA_IS_FIVES_VIEW (self));
  g_return_if_fail (workspace == NULL || OBEYA_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  g_clear_object (&self->area);
  if (workspace != NULL)
    {
      g_signal_connect_object (workspace, "changed", G_CALLBACK (schedule_refresh), self,
                               G_CONNECT_SWAPPED);
      refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

const char *
obeya_fives_view_get_title (ObeyaFivesView *self)
{
  g_return_val_if_fail (OBEYA_IS_FIVES_VIEW (self), NULL);

  return self->title;
}

gboolean
obeya_fives_view_get_can_go_back (ObeyaFivesView *self)
{
  g_return_val_if_fail (OBEYA_IS_FIVES_VIEW (self), FALSE);

  return self->area != NULL;
}

void
obeya_fives_view_go_back (ObeyaFivesView *self)
{
  g_return_if_fail (OBEYA_IS_FIVES_VIEW (self));

  obeya_fives_view_show_area (self, NULL);
}

void
obeya_fives_view_show_area (ObeyaFivesView *self,
                            ObeyaArea      *area)
{
  g_return_if_fail (OBEYA_IS_FIVES_VIEW (self));
  g_return_if_fail (area == NULL || OBEYA_IS_AREA (area));

  if (area != self->area)
    {
      gboolean was = self->area != NULL;

      g_set_object (&self->area, area);
      g_clear_pointer (&self->shown_name, g_free);
      g_clear_pointer (&self->shown_pattern, g_free);
      self->custom_pattern = FALSE;
      self->trend_s = OBEYA_AUDIT_CHARTS_OVERALL;
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->area_scrolled), 0);
      if (was != (area != NULL))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
    }
  refresh (self);
  if (area != NULL)
    gtk_widget_grab_focus (self->area_start_button);
}

ObeyaArea *
obeya_fives_view_get_area (ObeyaFivesView *self)
{
  g_return_val_if_fail (OBEYA_IS_FIVES_VIEW (self), NULL);

  return self->area;
}
